package dev.flowrules.dsl;

import static dev.flowrules.dsl.YamlReads.map;

import dev.flowrules.limits.ServiceLimits;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One item of a rule's {@code then}. Each action is declared here once: its record (what it holds, the
 * templates it renders), its entry in {@link #KEYWORDS} (the name authors write and how its value is read) and
 * its method in {@link Visitor}, which every stage that handles actions implements, so a new record does not
 * compile until each of them handles it.
 */
public sealed interface Action {
    SourcePos pos();

    String keyword();

    /** The templates it renders, in written order; the checker looks at what they insert. */
    List<Template> templates();

    <R> R accept(Visitor<R> visitor);

    /** One method per action; no defaults, so that adding an action breaks every visitor until it handles it. */
    interface Visitor<R> {
        R visitDeny(Deny action);

        R visitReplaceContent(ReplaceContent action);

        R visitRewriteContent(RewriteContent action);

        R visitSetMetadata(SetMetadata action);

        R visitSetAttributes(SetAttributes action);

        R visitRemoveAttributes(RemoveAttributes action);

        R visitSetPush(SetPush action);

        R visitSetContentType(SetContentType action);

        R visitBotReplaceMessage(BotReplaceMessage action);

        R visitBotDropMessages(BotDropMessages action);

        R visitBotAppendMessage(BotAppendMessage action);

        R visitBotToPlainText(BotToPlainText action);

        R visitStop(Stop action);
    }

    /** Every action keyword, in the order the docs list them. */
    List<ActionKeyword> KEYWORDS = List.of(
            ActionKeyword.orBare("deny", Deny.class, ActionReaders::deny, at -> new Deny(null, at)),
            ActionKeyword.of("replace-content", ReplaceContent.class, (in, v, at) -> map(
                    in.template(v, "'replace-content'", false, null, ServiceLimits.CONTENT_MAX_BYTES, true),
                    t -> new ReplaceContent(t, at))),
            ActionKeyword.of("rewrite", RewriteContent.class, (in, v, at) -> ActionReaders.rewrite(in, "rewrite", v, at)),
            ActionKeyword.of("redact", RewriteContent.class, (in, v, at) -> ActionReaders.rewrite(in, "redact", v, at)),
            ActionKeyword.of("set-metadata", SetMetadata.class, (in, v, at) -> map(
                    in.template(v, "'set-metadata'", false, null, ServiceLimits.METADATA_MAX, false),
                    t -> new SetMetadata(t, at))),
            ActionKeyword.of("set-attributes", SetAttributes.class, ActionReaders::setAttributes),
            ActionKeyword.of("remove-attributes", RemoveAttributes.class, (in, v, at) -> map(v instanceof SequenceNode
                    ? in.stringList(v, "'remove-attributes'")
                    : map(in.nonEmptyString(v, "'remove-attributes'"), List::of), names -> new RemoveAttributes(names, at))),
            ActionKeyword.of("set-push", SetPush.class, ActionReaders::setPush),
            ActionKeyword.of("set-content-type", SetContentType.class, ActionReaders::setContentType),
            ActionKeyword.of("bot-replace-message", BotReplaceMessage.class, ActionReaders::botReplaceMessage),
            ActionKeyword.of("bot-drop-messages", BotDropMessages.class, ActionReaders::botDropMessages),
            ActionKeyword.of("bot-append-message", BotAppendMessage.class, ActionReaders::botAppendMessage),
            ActionKeyword.of("bot-to-plain-text", BotToPlainText.class, (in, v, at) -> map(
                    in.template(v, "'bot-to-plain-text'", false, null, ServiceLimits.CONTENT_MAX_BYTES, true),
                    t -> new BotToPlainText(t, at))),
            ActionKeyword.orBare("stop", Stop.class, ActionReaders::stop, Stop::new));

    record Deny(String reason, SourcePos pos) implements Action {
        public String keyword() {
            return "deny";
        }

        public List<Template> templates() {
            return List.of();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitDeny(this);
        }
    }

    record ReplaceContent(Template content, SourcePos pos) implements Action {
        public String keyword() {
            return "replace-content";
        }

        public List<Template> templates() {
            return List.of(content);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitReplaceContent(this);
        }
    }

    /**
     * Replaces every match of {@code regex} in the current content. With {@code replacement} null (a redaction
     * without {@code with}), each character of the match becomes {@code *}.
     */
    record RewriteContent(String keyword, String regex, boolean ignoreCase, Template replacement, SourcePos pos)
            implements Action {
        public List<Template> templates() {
            return replacement == null ? List.of() : List.of(replacement);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitRewriteContent(this);
        }
    }

    record SetMetadata(Template metadata, SourcePos pos) implements Action {
        public String keyword() {
            return "set-metadata";
        }

        public List<Template> templates() {
            return List.of(metadata);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitSetMetadata(this);
        }
    }

    record SetAttributes(Map<String, List<Template>> attributes, SourcePos pos) implements Action {
        public String keyword() {
            return "set-attributes";
        }

        public List<Template> templates() {
            return attributes.values().stream().flatMap(List::stream).toList();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitSetAttributes(this);
        }
    }

    record RemoveAttributes(List<String> names, SourcePos pos) implements Action {
        public String keyword() {
            return "remove-attributes";
        }

        public List<Template> templates() {
            return List.of();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitRemoveAttributes(this);
        }
    }

    /** Any part may be null: only the parts given are set. */
    record SetPush(Template title, Template body, String type, SourcePos pos) implements Action {
        public String keyword() {
            return "set-push";
        }

        public List<Template> templates() {
            return Stream.of(title, body).filter(t -> t != null).toList();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitSetPush(this);
        }
    }

    record SetContentType(String contentType, SourcePos pos) implements Action {
        public String keyword() {
            return "set-content-type";
        }

        public List<Template> templates() {
            return List.of();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitSetContentType(this);
        }
    }

    /** Replaces the selected bot messages by a plain-text message. */
    record BotReplaceMessage(BotSelector selector, Template text, SourcePos pos) implements Action {
        public String keyword() {
            return "bot-replace-message";
        }

        public List<Template> templates() {
            return List.of(text);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitBotReplaceMessage(this);
        }
    }

    record BotDropMessages(BotSelector selector, SourcePos pos) implements Action {
        public String keyword() {
            return "bot-drop-messages";
        }

        public List<Template> templates() {
            return List.of();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitBotDropMessages(this);
        }
    }

    /** Adds a message at the end of a bot answer; {@code type} is PlainText or SSML. */
    record BotAppendMessage(Template text, String type, SourcePos pos) implements Action {
        public String keyword() {
            return "bot-append-message";
        }

        public List<Template> templates() {
            return List.of(text);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitBotAppendMessage(this);
        }
    }

    /** The explicit way out of a Lex document: the content becomes this text, the content type text/plain. */
    record BotToPlainText(Template text, SourcePos pos) implements Action {
        public String keyword() {
            return "bot-to-plain-text";
        }

        public List<Template> templates() {
            return List.of(text);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitBotToPlainText(this);
        }
    }

    record Stop(SourcePos pos) implements Action {
        public String keyword() {
            return "stop";
        }

        public List<Template> templates() {
            return List.of();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitStop(this);
        }
    }
}
