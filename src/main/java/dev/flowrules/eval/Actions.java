package dev.flowrules.eval;

import dev.flowrules.compile.CompiledAction;

/**
 * Which code runs each kind of action: a {@link CompiledAction.Visitor}, so a new action does not compile until
 * it is handled here. {@code deny} and {@code stop} end or shorten the evaluation, so {@link Evaluation} handles
 * them before any action reaches this class.
 */
final class Actions implements CompiledAction.Visitor<String> {
    /** The rule whose action runs: its id, what its condition matched, whether it also sets the content type. */
    record Rule(String id, String matched, boolean setsContentType) {
    }

    private final Working work;
    private final Rule rule;

    private Actions(Working work, Rule rule) {
        this.work = work;
        this.rule = rule;
    }

    /** Applies the action to the working copy and says, for the explanation, what it did. */
    static String apply(Working work, Rule rule, CompiledAction action) {
        return action.accept(new Actions(work, rule));
    }

    /**
     * Whether the action writes a field templates may copy content into. Those run after every content change
     * of the evaluation (in their own order), so that what they copy is the content as it leaves (docs/rules.md).
     */
    static boolean runsAfterContent(CompiledAction action) {
        return action.accept(AFTER_CONTENT);
    }

    @Override
    public String visitDeny(CompiledAction.Deny action) {
        throw new IllegalStateException("deny is handled by the evaluation");
    }

    @Override
    public String visitStop(CompiledAction.Stop action) {
        throw new IllegalStateException("stop is handled by the evaluation");
    }

    @Override
    public String visitReplaceContent(CompiledAction.ReplaceContent action) {
        return ContentActions.replace(work, rule.id(), action, rule.matched(), rule.setsContentType());
    }

    @Override
    public String visitRewriteContent(CompiledAction.RewriteContent action) {
        return ContentActions.rewrite(work, rule.id(), action, rule.matched());
    }

    @Override
    public String visitSetMetadata(CompiledAction.SetMetadata action) {
        return FieldActions.setMetadata(work, rule.id(), action, rule.matched());
    }

    @Override
    public String visitSetMetadataKeys(CompiledAction.SetMetadataKeys action) {
        return FieldActions.setMetadataKeys(work, rule.id(), action, rule.matched());
    }

    @Override
    public String visitSetAttributes(CompiledAction.SetAttributes action) {
        return FieldActions.setAttributes(work, rule.id(), action, rule.matched());
    }

    @Override
    public String visitRemoveAttributes(CompiledAction.RemoveAttributes action) {
        return FieldActions.removeAttributes(work, rule.id(), action);
    }

    @Override
    public String visitSetPush(CompiledAction.SetPush action) {
        return FieldActions.setPush(work, rule.id(), action, rule.matched());
    }

    @Override
    public String visitSetContentType(CompiledAction.SetContentType action) {
        return FieldActions.setContentType(work, rule.id(), action);
    }

    @Override
    public String visitBotReplaceAnswer(CompiledAction.BotReplaceAnswer action) {
        return BotActions.replaceAnswer(work, rule.id(), action, rule.matched());
    }

    @Override
    public String visitBotReplaceMessage(CompiledAction.BotReplaceMessage action) {
        return BotActions.replace(work, rule.id(), action, rule.matched());
    }

    @Override
    public String visitBotDropMessages(CompiledAction.BotDropMessages action) {
        return BotActions.drop(work, rule.id(), action);
    }

    @Override
    public String visitBotAppendMessage(CompiledAction.BotAppendMessage action) {
        return BotActions.append(work, rule.id(), action, rule.matched());
    }

    @Override
    public String visitBotToPlainText(CompiledAction.BotToPlainText action) {
        return BotActions.toPlainText(work, rule.id(), action, rule.matched());
    }

    /** Field writes a template can fill run last; content, content type and control actions run in place. */
    private static final CompiledAction.Visitor<Boolean> AFTER_CONTENT = new CompiledAction.Visitor<>() {
        @Override
        public Boolean visitDeny(CompiledAction.Deny action) {
            return false;
        }

        @Override
        public Boolean visitStop(CompiledAction.Stop action) {
            return false;
        }

        @Override
        public Boolean visitReplaceContent(CompiledAction.ReplaceContent action) {
            return false;
        }

        @Override
        public Boolean visitRewriteContent(CompiledAction.RewriteContent action) {
            return false;
        }

        @Override
        public Boolean visitSetContentType(CompiledAction.SetContentType action) {
            return false;
        }

        @Override
        public Boolean visitBotReplaceAnswer(CompiledAction.BotReplaceAnswer action) {
            return false;
        }

        @Override
        public Boolean visitBotReplaceMessage(CompiledAction.BotReplaceMessage action) {
            return false;
        }

        @Override
        public Boolean visitBotDropMessages(CompiledAction.BotDropMessages action) {
            return false;
        }

        @Override
        public Boolean visitBotAppendMessage(CompiledAction.BotAppendMessage action) {
            return false;
        }

        @Override
        public Boolean visitBotToPlainText(CompiledAction.BotToPlainText action) {
            return false;
        }

        @Override
        public Boolean visitSetMetadata(CompiledAction.SetMetadata action) {
            return true;
        }

        @Override
        public Boolean visitSetMetadataKeys(CompiledAction.SetMetadataKeys action) {
            return true;
        }

        @Override
        public Boolean visitSetAttributes(CompiledAction.SetAttributes action) {
            return true;
        }

        @Override
        public Boolean visitRemoveAttributes(CompiledAction.RemoveAttributes action) {
            return true;
        }

        @Override
        public Boolean visitSetPush(CompiledAction.SetPush action) {
            return true;
        }
    };
}
