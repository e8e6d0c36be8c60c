package dev.flowrules.eval;

import java.util.List;

/**
 * What a note in a {@link Decision} is about. Each kind names its parameters and owns the sentence the
 * explanation shows; {@code {rule}} stands for the rule the note is about. Embedders and the Lambda log count
 * notes by kind rather than by parsing their prose.
 */
public enum NoteKind {
    /** The candidate index threw; every rule was tested instead. */
    INDEX_FAILED("the rule index failed ({error}); every rule was tested", "error"),
    /** A rule's condition threw; the rule was treated as not matching. */
    RULE_FAILED("rule {rule} could not be evaluated ({error}); it was treated as not matching", "error"),
    /** An action threw and was skipped. */
    ACTION_FAILED("rule {rule}: an action at {position} failed ({error}) and was skipped", "position", "error"),
    /** A deny dropped what earlier rules had changed. */
    CHANGES_DROPPED("changes made by earlier rules were dropped: the message is denied"),
    /** The content claims a Lex content type but is not a bot answer; it was matched as plain text. */
    BOT_CONTENT_INVALID("the content type says {content-type} but {reason}: the content is matched as plain text"
            + " and the bot.* fields are absent", "content-type", "reason"),
    /** A rule read a metadata key, but the metadata is not a JSON object: every metadata.KEY is absent. */
    METADATA_NOT_JSON_OBJECT("the metadata is not a JSON object ({reason}): the metadata.KEY fields are absent", "reason"),
    /** A later rule changed a field an earlier rule had written. */
    OVERWRITTEN("rule {rule} replaced the {field} set by rule {previous-rule} (later rules win)", "field", "previous-rule"),
    /** The content was cut to the service's message size limit. */
    CONTENT_CUT("rule {rule}: the content was cut to {limit} bytes, the service's message size limit", "limit"),
    /** A change would have left the content empty. */
    CONTENT_EMPTY_REFUSED("rule {rule}: the content would become empty, which the service refuses; content left as it was"),
    /** replace-content on a bot answer without saying the content type changes. */
    BOT_REPLACE_CONTENT_REFUSED("rule {rule}: replace-content would turn a bot answer ({content-type}) into plain text;"
            + " use bot-to-plain-text, or set-content-type in the same rule, to say so;"
            + " bot-replace-answer replaces it by one text and keeps it a bot answer", "content-type"),
    /** A changed bot answer was over the size limit; a JSON document cannot be cut. */
    BOT_ANSWER_TOO_LARGE_REFUSED("rule {rule}: the bot answer would be {size} bytes, over the service's {limit};"
            + " a bot answer cannot be cut, so it was left as it was", "size", "limit"),
    /** bot-replace-message with a text that renders empty. */
    BOT_MESSAGE_EMPTY_REFUSED("rule {rule}: the new bot message would be empty; the bot answer was left as it was"),
    /** bot-append-message with a text that renders empty. */
    BOT_APPEND_EMPTY_REFUSED("rule {rule}: the appended bot message would be empty; nothing was appended"),
    /** bot-drop-messages selecting every message. */
    BOT_DROP_ALL_REFUSED("rule {rule}: dropping every bot message would leave an empty answer; nothing was dropped"
            + " (use deny to drop the message)"),
    /** Metadata over its limit is refused, never cut. */
    METADATA_TOO_LONG_REFUSED("rule {rule}: metadata of {length} characters refused (limit {limit}); metadata left as it was",
            "length", "limit"),
    /** Metadata with a line break is refused: the model's pattern for it, {@code .*}, allows none. */
    METADATA_LINE_BREAK_REFUSED("rule {rule}: metadata with a line break refused (the service's pattern for metadata"
            + " allows none); metadata left as it was"),
    /** set-metadata-keys on metadata that is not a JSON object: nothing to merge into, and nothing is replaced. */
    METADATA_NOT_OBJECT_REFUSED("rule {rule}: set-metadata-keys needs metadata that is a JSON object, but {reason};"
            + " metadata left as it was (set-metadata replaces it whole)", "reason"),
    /** An attribute value rendered empty and was left out. */
    ATTRIBUTE_VALUE_EMPTY("rule {rule}: an empty value for attribute {attribute} was left out", "attribute"),
    /** An attribute value over its limit is refused, never cut. */
    ATTRIBUTE_VALUE_TOO_LONG_REFUSED("rule {rule}: a value of {length} characters for attribute {attribute} was refused"
            + " (limit {limit})", "length", "attribute", "limit"),
    /** No usable value remained for an attribute. */
    ATTRIBUTE_NOT_SET("rule {rule}: attribute {attribute} was not set: no usable value", "attribute"),
    /** The attributes as a whole would be over their size limit. */
    ATTRIBUTES_TOO_LARGE_REFUSED("rule {rule}: setting attributes {attributes} would make them {size} bytes"
            + " (limit {limit}); they were not set", "attributes", "size", "limit"),
    /** A push title or body rendered empty. */
    PUSH_EMPTY_REFUSED("rule {rule}: the push {part} would be empty, which the service refuses; left as it was", "part"),
    /** Line breaks in a push title became spaces: the model's pattern for it, {@code .*}, allows none. */
    PUSH_TITLE_LINE_BREAKS_REPLACED("rule {rule}: line breaks in the push title became spaces (the service's pattern"
            + " for the title allows none)"),
    /** A push title or body was cut to its limit. */
    PUSH_CUT("rule {rule}: the push {part} was cut to {limit} characters", "part", "limit"),
    /** The sender's push title or body went through the content's rewrites and redactions. */
    SENDER_PUSH_REWRITTEN("the sender's push {part} went through the same rewrites and redactions as the content,"
            + " so it does not show what they took out", "part");

    private final String template;
    private final List<String> parameters;

    NoteKind(String template, String... parameters) {
        this.template = template;
        this.parameters = List.of(parameters);
    }

    /**
     * The names of this kind's parameters, in the order the sentence and {@link Note#parameters()} use them.
     *
     * @return parameter names, empty for a kind that needs none
     */
    public List<String> parameters() {
        return parameters;
    }

    /**
     * Whether the note names the rule it is about ({@code {rule}} in its sentence).
     *
     * @return true when a note of this kind carries a rule id
     */
    public boolean aboutRule() {
        return template.contains("{rule}");
    }

    String template() {
        return template;
    }
}
