package dev.flowrules.eval;

import dev.flowrules.compile.CompiledAction;
import dev.flowrules.compile.CompiledRule;
import dev.flowrules.compile.Evidence;
import dev.flowrules.compile.RuleSet;
import dev.flowrules.event.LexContent;
import dev.flowrules.event.Message;
import dev.flowrules.event.MetadataJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * One evaluation: tests the candidate rules in order, runs the actions of those that match on the working
 * copy, and ends at the first deny or after a stop. Writes to metadata, attributes and the push notification
 * run last, in their order, once every content change is made, so a template there copies the content as it
 * leaves. Produces the {@link Decision}.
 */
final class Evaluation {
    private final RuleSet rules;
    private final Working work;
    private final boolean useIndex;
    private final List<Matched> matched = new ArrayList<>();
    private final List<Deferred> deferred = new ArrayList<>();

    /** A rule whose condition held, and the effects of its actions (a slot per action, filled as they run). */
    private record Matched(CompiledRule rule, List<Evidence> evidence, List<String> effects) {
        RuleMatch toMatch() {
            return new RuleMatch(rule.id(), rule.pos(), evidence, effects.stream().filter(Objects::nonNull).toList());
        }
    }

    /** A field write waiting for the content changes, and the slot its effect goes into. */
    private record Deferred(Actions.Rule rule, CompiledAction action, List<String> effects, int slot) {
    }

    Evaluation(RuleSet rules, Message message, boolean useIndex) {
        this.rules = rules;
        this.work = new Working(message, rules.view(message));
        this.useIndex = useIndex;
    }

    Decision run() {
        // one list to gather evidence in, kept (copied) only for the rules that hold
        List<Evidence> scratch = new ArrayList<>(4);
        for (int position : candidates()) {
            CompiledRule rule = rules.rules().get(position);
            scratch.clear();
            boolean held;
            try {
                held = rule.when().test(work.view(), scratch);
            } catch (RuntimeException | StackOverflowError e) {
                work.note(NoteKind.RULE_FAILED, rule.id(), e.getClass().getSimpleName());
                continue;
            }
            if (!held) {
                continue;
            }
            List<Evidence> evidence = List.copyOf(scratch);
            Matched match = new Matched(rule, evidence, new ArrayList<>());
            matched.add(match);
            CompiledAction.Deny deny = runActions(rule, evidence, match.effects());
            if (deny != null) {
                // the writes still run, so the explanation says what the rules would have done
                runDeferred();
                if (work.changed()) {
                    work.note(NoteKind.CHANGES_DROPPED, null);
                }
                Message original = work.original();
                return new Decision(Outcome.DENY, original, original, deny.reason(), rule.id(), matches(), notes());
            }
            if (has(rule.then(), CompiledAction.Stop.class)) {
                match.effects().add("stop: later rules are not evaluated");
                break;
            }
        }
        runDeferred();
        work.rewriteSenderPush();
        Outcome outcome = work.changed() ? Outcome.UPDATE : Outcome.NO_CHANGE;
        return new Decision(outcome, work.original(), outcome == Outcome.UPDATE ? work.message() : work.original(),
                null, null, matches(), notes());
    }

    private int[] candidates() {
        if (useIndex) {
            try {
                return rules.candidates(work.view());
            } catch (RuntimeException e) {
                work.note(NoteKind.INDEX_FAILED, null, e.getClass().getSimpleName());
            }
        }
        return IntStream.range(0, rules.rules().size()).toArray();
    }

    /**
     * Runs one matching rule's actions in order, field writes deferred; returns its deny if it has one (actions
     * after it do not run).
     */
    private CompiledAction.Deny runActions(CompiledRule rule, List<Evidence> evidence, List<String> effects) {
        String found = null;
        for (int i = 0; i < evidence.size() && found == null; i++) {
            found = evidence.get(i).matched();
        }
        boolean setsContentType = has(rule.then(), CompiledAction.SetContentType.class)
                || has(rule.then(), CompiledAction.BotToPlainText.class);
        Actions.Rule current = new Actions.Rule(rule.id(), found, setsContentType);
        for (CompiledAction action : rule.then()) {
            if (action instanceof CompiledAction.Deny deny) {
                effects.add(deny.reason() == null ? "deny" : "deny: " + deny.reason());
                return deny;
            }
            if (action instanceof CompiledAction.Stop) {
                continue;
            }
            effects.add(null);
            if (Actions.runsAfterContent(action)) {
                deferred.add(new Deferred(current, action, effects, effects.size() - 1));
            } else {
                apply(current, action, effects, effects.size() - 1);
            }
        }
        return null;
    }

    /** Whether a rule has an action of a kind; a loop, as this runs for every rule that matches. */
    private static boolean has(List<CompiledAction> actions, Class<? extends CompiledAction> kind) {
        for (int i = 0; i < actions.size(); i++) {
            if (kind.isInstance(actions.get(i))) {
                return true;
            }
        }
        return false;
    }

    private void runDeferred() {
        deferred.forEach(d -> apply(d.rule(), d.action(), d.effects(), d.slot()));
        deferred.clear();
    }

    /** A failing action is skipped with a note: its slot stays empty and leaves no line in the explanation. */
    private void apply(Actions.Rule rule, CompiledAction action, List<String> effects, int slot) {
        try {
            effects.set(slot, Actions.apply(work, rule, action));
        } catch (RuntimeException e) {
            work.note(NoteKind.ACTION_FAILED, rule.id(), action.pos(), e.getClass().getSimpleName());
        }
    }

    private List<RuleMatch> matches() {
        if (matched.isEmpty()) {
            return List.of(); // most messages match nothing: no stream for them
        }
        List<RuleMatch> matches = new ArrayList<>(matched.size());
        matched.forEach(match -> matches.add(match.toMatch()));
        return matches;
    }

    /**
     * The notes, led by one saying that content claiming to be a Lex answer is not one, for rule sets that
     * read bot answers (one without bot rules never parses the content), and one saying that metadata a rule
     * keys are read from is not a JSON object.
     */
    private List<Note> notes() {
        List<Note> first = new ArrayList<>(0);
        if (rules.readsBotAnswers() && work.view().lex() instanceof LexContent.Invalid invalid) {
            first.add(Note.of(NoteKind.BOT_CONTENT_INVALID, null, work.original().contentType(), invalid.reason()));
        }
        // Said only for rules that read a metadata key, so metadata that is plain text by design stays quiet.
        if (rules.readsMetadataKeys() && work.view().metadataJson() instanceof MetadataJson.NotAnObject not) {
            first.add(Note.of(NoteKind.METADATA_NOT_JSON_OBJECT, null, not.reason()));
        }
        if (first.isEmpty()) {
            return work.notes();
        }
        first.addAll(work.notes());
        return first;
    }
}
