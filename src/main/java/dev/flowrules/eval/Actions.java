package dev.flowrules.eval;

import dev.flowrules.compile.CompiledAction;
import java.util.Map;
import java.util.Set;

/**
 * Which code runs each kind of action. {@code deny} and {@code stop} end or shorten the evaluation, so
 * {@link Evaluation} handles them; every other action has exactly one entry here, and a test checks that the
 * entries and the permitted subtypes of {@link CompiledAction} agree, so a new action cannot be forgotten.
 */
final class Actions {
    /** The rule whose action runs: its id, what its condition matched, whether it also sets the content type. */
    record Rule(String id, String matched, boolean setsContentType) {
    }

    @FunctionalInterface
    private interface Handler {
        /** Applies the action to the working copy and says, for the explanation, what it did. */
        String apply(Working work, Rule rule, CompiledAction action);
    }

    /** Actions that change the course of the evaluation rather than the message. */
    static final Set<Class<? extends CompiledAction>> CONTROL = Set.of(CompiledAction.Deny.class, CompiledAction.Stop.class);

    /**
     * Actions that write fields templates may copy content into. They run after every content change of the
     * evaluation (in their own order), so that what they copy is the content as it leaves (docs/rules.md).
     */
    static final Set<Class<? extends CompiledAction>> AFTER_CONTENT = Set.of(CompiledAction.SetMetadata.class,
            CompiledAction.SetAttributes.class, CompiledAction.RemoveAttributes.class, CompiledAction.SetPush.class);

    private static final Map<Class<? extends CompiledAction>, Handler> HANDLERS = Map.ofEntries(
            Map.entry(CompiledAction.ReplaceContent.class, (w, r, a) ->
                    ContentActions.replace(w, r.id(), (CompiledAction.ReplaceContent) a, r.matched(), r.setsContentType())),
            Map.entry(CompiledAction.RewriteContent.class, (w, r, a) ->
                    ContentActions.rewrite(w, r.id(), (CompiledAction.RewriteContent) a, r.matched())),
            Map.entry(CompiledAction.BotToPlainText.class, (w, r, a) ->
                    BotActions.toPlainText(w, r.id(), (CompiledAction.BotToPlainText) a, r.matched())),
            Map.entry(CompiledAction.BotReplaceMessage.class, (w, r, a) ->
                    BotActions.replace(w, r.id(), (CompiledAction.BotReplaceMessage) a, r.matched())),
            Map.entry(CompiledAction.BotDropMessages.class, (w, r, a) ->
                    BotActions.drop(w, r.id(), (CompiledAction.BotDropMessages) a)),
            Map.entry(CompiledAction.BotAppendMessage.class, (w, r, a) ->
                    BotActions.append(w, r.id(), (CompiledAction.BotAppendMessage) a, r.matched())),
            Map.entry(CompiledAction.SetMetadata.class, (w, r, a) ->
                    FieldActions.setMetadata(w, r.id(), (CompiledAction.SetMetadata) a, r.matched())),
            Map.entry(CompiledAction.SetAttributes.class, (w, r, a) ->
                    FieldActions.setAttributes(w, r.id(), (CompiledAction.SetAttributes) a, r.matched())),
            Map.entry(CompiledAction.RemoveAttributes.class, (w, r, a) ->
                    FieldActions.removeAttributes(w, r.id(), (CompiledAction.RemoveAttributes) a)),
            Map.entry(CompiledAction.SetPush.class, (w, r, a) ->
                    FieldActions.setPush(w, r.id(), (CompiledAction.SetPush) a, r.matched())),
            Map.entry(CompiledAction.SetContentType.class, (w, r, a) ->
                    FieldActions.setContentType(w, r.id(), (CompiledAction.SetContentType) a)));

    private Actions() {
    }

    /** The action kinds this class runs (for the test that they cover every action). */
    static Set<Class<? extends CompiledAction>> handled() {
        return HANDLERS.keySet();
    }

    static String apply(Working work, Rule rule, CompiledAction action) {
        Handler handler = HANDLERS.get(action.getClass());
        if (handler == null) {
            throw new IllegalStateException("no handler for action " + action.getClass().getSimpleName());
        }
        return handler.apply(work, rule, action);
    }
}
