package dev.flowrules.compile;

import com.google.re2j.Pattern;
import dev.flowrules.dsl.SourcePos;
import dev.flowrules.dsl.Template;
import java.util.List;
import java.util.Map;

/**
 * An action ready to run: regexes compiled, templates parsed. Its method in {@link Visitor} makes every stage
 * that runs actions handle a new one before it compiles.
 * <p>Internal: not exported by the module.
 */
public sealed interface CompiledAction {
    SourcePos pos();

    <R> R accept(Visitor<R> visitor);

    /** One method per action; no defaults, so that adding an action breaks every visitor until it handles it. */
    interface Visitor<R> {
        R visitDeny(Deny action);

        R visitReplaceContent(ReplaceContent action);

        R visitRewriteContent(RewriteContent action);

        R visitSetMetadata(SetMetadata action);

        R visitSetMetadataKeys(SetMetadataKeys action);

        R visitSetAttributes(SetAttributes action);

        R visitRemoveAttributes(RemoveAttributes action);

        R visitSetPush(SetPush action);

        R visitSetContentType(SetContentType action);

        R visitBotReplaceAnswer(BotReplaceAnswer action);

        R visitBotReplaceMessage(BotReplaceMessage action);

        R visitBotDropMessages(BotDropMessages action);

        R visitBotAppendMessage(BotAppendMessage action);

        R visitBotToPlainText(BotToPlainText action);

        R visitStop(Stop action);
    }

    record Deny(String reason, SourcePos pos) implements CompiledAction {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitDeny(this);
        }
    }

    record ReplaceContent(Template content, SourcePos pos) implements CompiledAction {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitReplaceContent(this);
        }
    }

    /** {@code replacement} null masks each character of a match with '*'. */
    record RewriteContent(String keyword, Pattern pattern, Template replacement, SourcePos pos) implements CompiledAction {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitRewriteContent(this);
        }
    }

    record SetMetadata(Template metadata, SourcePos pos) implements CompiledAction {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitSetMetadata(this);
        }
    }

    record SetMetadataKeys(Map<String, Template> keys, SourcePos pos) implements CompiledAction {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitSetMetadataKeys(this);
        }
    }

    record SetAttributes(Map<String, List<Template>> attributes, SourcePos pos) implements CompiledAction {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitSetAttributes(this);
        }
    }

    record RemoveAttributes(List<String> names, SourcePos pos) implements CompiledAction {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitRemoveAttributes(this);
        }
    }

    record SetPush(Template title, Template body, String type, SourcePos pos) implements CompiledAction {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitSetPush(this);
        }
    }

    record SetContentType(String contentType, SourcePos pos) implements CompiledAction {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitSetContentType(this);
        }
    }

    record BotReplaceAnswer(Template text, SourcePos pos) implements CompiledAction {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitBotReplaceAnswer(this);
        }
    }

    record BotReplaceMessage(CompiledSelector selector, Template text, SourcePos pos) implements CompiledAction {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitBotReplaceMessage(this);
        }
    }

    record BotDropMessages(CompiledSelector selector, SourcePos pos) implements CompiledAction {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitBotDropMessages(this);
        }
    }

    record BotAppendMessage(Template text, String type, SourcePos pos) implements CompiledAction {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitBotAppendMessage(this);
        }
    }

    record BotToPlainText(Template text, SourcePos pos) implements CompiledAction {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitBotToPlainText(this);
        }
    }

    record Stop(SourcePos pos) implements CompiledAction {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitStop(this);
        }
    }
}
