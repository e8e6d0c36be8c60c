package dev.flowrules.eval;

import dev.flowrules.compile.CompiledAction;
import dev.flowrules.compile.CompiledRule;
import dev.flowrules.compile.Evidence;
import dev.flowrules.compile.RuleSet;
import dev.flowrules.event.LexContent;
import dev.flowrules.event.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One evaluation: tests the candidate rules in order, runs the actions of those that match on the working
 * copy, and ends at the first deny or after a stop. Produces the {@link Decision}.
 */
final class Evaluation {
    private final RuleSet rules;
    private final Working work;
    private final boolean useIndex;
    private final List<RuleMatch> matches = new ArrayList<>();

    Evaluation(RuleSet rules, Message message, boolean useIndex) {
        this.rules = rules;
        this.work = new Working(message, rules.view(message));
        this.useIndex = useIndex;
    }

    Decision run() {
        for (int position : candidates()) {
            CompiledRule rule = rules.rules().get(position);
            List<Evidence> evidence = new ArrayList<>(2);
            boolean held;
            try {
                held = rule.when().test(work.view(), evidence);
            } catch (RuntimeException | StackOverflowError e) {
                work.note(NoteKind.RULE_FAILED, rule.id(), e.getClass().getSimpleName());
                continue;
            }
            if (!held) {
                continue;
            }
            List<String> effects = new ArrayList<>();
            CompiledAction.Deny deny = runActions(rule, evidence, effects);
            boolean stop = deny == null && rule.then().stream().anyMatch(a -> a instanceof CompiledAction.Stop);
            if (stop) {
                effects.add("stop: later rules are not evaluated");
            }
            matches.add(new RuleMatch(rule.id(), rule.pos(), evidence, effects));
            if (deny != null) {
                if (work.changed()) {
                    work.note(NoteKind.CHANGES_DROPPED, null);
                }
                Message original = work.original();
                return new Decision(Outcome.DENY, original, original, deny.reason(), rule.id(), matches, notes());
            }
            if (stop) {
                break;
            }
        }
        Outcome outcome = work.changed() ? Outcome.UPDATE : Outcome.NO_CHANGE;
        return new Decision(outcome, work.original(), outcome == Outcome.UPDATE ? work.message() : work.original(),
                null, null, matches, notes());
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

    /** Runs one matching rule's actions in order; returns its deny if it has one (actions after it do not run). */
    private CompiledAction.Deny runActions(CompiledRule rule, List<Evidence> evidence, List<String> effects) {
        String matched = evidence.stream().map(Evidence::matched).filter(m -> m != null).findFirst().orElse(null);
        boolean setsContentType = rule.then().stream().anyMatch(a -> a instanceof CompiledAction.SetContentType
                || a instanceof CompiledAction.BotToPlainText);
        Actions.Rule current = new Actions.Rule(rule.id(), matched, setsContentType);
        for (CompiledAction action : rule.then()) {
            if (action instanceof CompiledAction.Deny deny) {
                effects.add(deny.reason() == null ? "deny" : "deny: " + deny.reason());
                return deny;
            }
            if (action instanceof CompiledAction.Stop) {
                continue;
            }
            try {
                effects.add(Actions.apply(work, current, action));
            } catch (RuntimeException e) {
                work.note(NoteKind.ACTION_FAILED, rule.id(), action.pos(), e.getClass().getSimpleName());
            }
        }
        return null;
    }

    /**
     * The notes, led by one saying that content claiming to be a Lex answer is not one, for rule sets that
     * read bot answers (one without bot rules never parses the content).
     */
    private List<Note> notes() {
        if (rules.readsBotAnswers() && work.view().lex() instanceof LexContent.Invalid invalid) {
            List<Note> all = new ArrayList<>(work.notes().size() + 1);
            all.add(Note.of(NoteKind.BOT_CONTENT_INVALID, null, work.original().contentType(), invalid.reason()));
            all.addAll(work.notes());
            return all;
        }
        return work.notes();
    }
}
