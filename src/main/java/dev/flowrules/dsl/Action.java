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
    /**
     * Where the action is written, for diagnostics and explanations.
     *
     * @return the position of its key
     */
    SourcePos pos();

    /**
     * The keyword the author wrote, for explanations and diagnostics.
     *
     * @return e.g. {@code deny}, {@code redact}
     */
    String keyword();

    /**
     * The templates it renders, in written order; the checker looks at what they insert.
     *
     * @return the templates, empty for an action without text
     */
    List<Template> templates();

    /**
     * Dispatches to the visitor's method for this record, so every stage handles every action.
     *
     * @param visitor the stage's visitor
     * @param <R> what the visitor makes
     * @return the visitor's result
     */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per action; no defaults, so that adding an action breaks every visitor until it handles it.
     *
     * @param <R> what the visitor makes of an action
     */
    interface Visitor<R> {
        /**
         * What this visitor makes of a {@link Deny}.
         *
         * @param action the action visited
         * @return the visitor's result
         */
        R visitDeny(Deny action);

        /**
         * What this visitor makes of a {@link ReplaceContent}.
         *
         * @param action the action visited
         * @return the visitor's result
         */
        R visitReplaceContent(ReplaceContent action);

        /**
         * What this visitor makes of a {@link RewriteContent}.
         *
         * @param action the action visited
         * @return the visitor's result
         */
        R visitRewriteContent(RewriteContent action);

        /**
         * What this visitor makes of a {@link SetMetadata}.
         *
         * @param action the action visited
         * @return the visitor's result
         */
        R visitSetMetadata(SetMetadata action);

        /**
         * What this visitor makes of a {@link SetMetadataKeys}.
         *
         * @param action the action visited
         * @return the visitor's result
         */
        R visitSetMetadataKeys(SetMetadataKeys action);

        /**
         * What this visitor makes of a {@link SetAttributes}.
         *
         * @param action the action visited
         * @return the visitor's result
         */
        R visitSetAttributes(SetAttributes action);

        /**
         * What this visitor makes of a {@link RemoveAttributes}.
         *
         * @param action the action visited
         * @return the visitor's result
         */
        R visitRemoveAttributes(RemoveAttributes action);

        /**
         * What this visitor makes of a {@link SetPush}.
         *
         * @param action the action visited
         * @return the visitor's result
         */
        R visitSetPush(SetPush action);

        /**
         * What this visitor makes of a {@link SetContentType}.
         *
         * @param action the action visited
         * @return the visitor's result
         */
        R visitSetContentType(SetContentType action);

        /**
         * What this visitor makes of a {@link BotReplaceAnswer}.
         *
         * @param action the action visited
         * @return the visitor's result
         */
        R visitBotReplaceAnswer(BotReplaceAnswer action);

        /**
         * What this visitor makes of a {@link BotReplaceMessage}.
         *
         * @param action the action visited
         * @return the visitor's result
         */
        R visitBotReplaceMessage(BotReplaceMessage action);

        /**
         * What this visitor makes of a {@link BotDropMessages}.
         *
         * @param action the action visited
         * @return the visitor's result
         */
        R visitBotDropMessages(BotDropMessages action);

        /**
         * What this visitor makes of a {@link BotAppendMessage}.
         *
         * @param action the action visited
         * @return the visitor's result
         */
        R visitBotAppendMessage(BotAppendMessage action);

        /**
         * What this visitor makes of a {@link BotToPlainText}.
         *
         * @param action the action visited
         * @return the visitor's result
         */
        R visitBotToPlainText(BotToPlainText action);

        /**
         * What this visitor makes of a {@link Stop}.
         *
         * @param action the action visited
         * @return the visitor's result
         */
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
            ActionKeyword.of("set-metadata-keys", SetMetadataKeys.class, ActionReaders::setMetadataKeys),
            ActionKeyword.of("set-attributes", SetAttributes.class, ActionReaders::setAttributes),
            ActionKeyword.of("remove-attributes", RemoveAttributes.class, (in, v, at) -> map(v instanceof SequenceNode
                    ? in.stringList(v, "'remove-attributes'")
                    : map(in.nonEmptyString(v, "'remove-attributes'"), List::of), names -> new RemoveAttributes(names, at))),
            ActionKeyword.of("set-push", SetPush.class, ActionReaders::setPush),
            ActionKeyword.of("set-content-type", SetContentType.class, ActionReaders::setContentType),
            ActionKeyword.of("bot-replace-answer", BotReplaceAnswer.class, (in, v, at) -> map(
                    in.template(v, "'bot-replace-answer'", false, null, ServiceLimits.CONTENT_MAX_BYTES, true),
                    t -> new BotReplaceAnswer(t, at))),
            ActionKeyword.of("bot-replace-message", BotReplaceMessage.class, ActionReaders::botReplaceMessage),
            ActionKeyword.of("bot-drop-messages", BotDropMessages.class, ActionReaders::botDropMessages),
            ActionKeyword.of("bot-append-message", BotAppendMessage.class, ActionReaders::botAppendMessage),
            ActionKeyword.of("bot-to-plain-text", BotToPlainText.class, (in, v, at) -> map(
                    in.template(v, "'bot-to-plain-text'", false, null, ServiceLimits.CONTENT_MAX_BYTES, true),
                    t -> new BotToPlainText(t, at))),
            ActionKeyword.orBare("stop", Stop.class, ActionReaders::stop, Stop::new));

    /**
     * {@code deny}: the message is deleted and evaluation ends.
     *
     * @param reason the reason given, for explanations and logs; null when none
     * @param pos where the action is written
     */
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

    /**
     * {@code replace-content}: the whole content becomes the rendered template.
     *
     * @param content the new content
     * @param pos where the action is written
     */
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
     *
     * @param keyword {@code rewrite} or {@code redact}, as written
     * @param regex the RE2 pattern
     * @param ignoreCase whether the pattern ignores case
     * @param replacement what each match becomes, with {@code $1} for groups; null for {@code *} per character
     * @param pos where the action is written
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

    /**
     * {@code set-metadata}: the message metadata becomes the rendered template.
     *
     * @param metadata the new metadata
     * @param pos where the action is written
     */
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

    /**
     * {@code set-metadata-keys}: merges keys into metadata that is a JSON object, keeping its other keys.
     *
     * @param keys the template of each key's value (written as a JSON string), in written order
     * @param pos where the action is written
     */
    record SetMetadataKeys(Map<String, Template> keys, SourcePos pos) implements Action {
        public String keyword() {
            return "set-metadata-keys";
        }

        public List<Template> templates() {
            return List.copyOf(keys.values());
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitSetMetadataKeys(this);
        }
    }

    /**
     * {@code set-attributes}: each named attribute gets the rendered values; others stay.
     *
     * @param attributes the values by attribute name, in written order
     * @param pos where the action is written
     */
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

    /**
     * {@code remove-attributes}: the named attributes are removed.
     *
     * @param names the attribute names
     * @param pos where the action is written
     */
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

    /**
     * {@code set-push}: the push notification's parts. Any part may be null: only the parts given are set.
     *
     * @param title the title, or null
     * @param body the body, or null
     * @param type {@code DEFAULT} or {@code VOIP}, or null
     * @param pos where the action is written
     */
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

    /**
     * {@code set-content-type}: the content type the message is delivered with.
     *
     * @param contentType the new content type
     * @param pos where the action is written
     */
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

    /**
     * {@code bot-replace-answer}: replaces the whole bot answer by one text, keeping its Lex content type: a
     * {@code -msgs} answer becomes a single PlainText message, a {@code -error} answer keeps its code and gets the
     * text as its message.
     *
     * @param text the text of the new answer
     * @param pos where the action is written
     */
    record BotReplaceAnswer(Template text, SourcePos pos) implements Action {
        public String keyword() {
            return "bot-replace-answer";
        }

        public List<Template> templates() {
            return List.of(text);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitBotReplaceAnswer(this);
        }
    }

    /**
     * {@code bot-replace-message}: replaces the selected bot messages, together, by one plain-text message in the
     * place of the first of them.
     *
     * @param selector which messages of the bot answer, as it arrived
     * @param text the text of the message that replaces them
     * @param pos where the action is written
     */
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

    /**
     * {@code bot-drop-messages}: removes the selected messages from a bot answer.
     *
     * @param selector which messages of the bot answer
     * @param pos where the action is written
     */
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

    /**
     * {@code bot-append-message}: adds a message at the end of a bot answer.
     *
     * @param text the message's text
     * @param type {@code PlainText} or {@code SSML}
     * @param pos where the action is written
     */
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

    /**
     * {@code bot-to-plain-text}: the explicit way out of a Lex document: the content becomes this text, the
     * content type text/plain.
     *
     * @param text the new content
     * @param pos where the action is written
     */
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

    /**
     * {@code stop}: later rules are not evaluated; the changes made so far stand.
     *
     * @param pos where the action is written
     */
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
