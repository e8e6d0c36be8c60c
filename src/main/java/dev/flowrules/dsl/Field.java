package dev.flowrules.dsl;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The parts of a channel message a rule can test or a template can insert, by the names authors write. */
public enum Field {
    CONTENT("content"),
    CONTENT_TYPE("content-type"),
    METADATA("metadata"),
    SENDER_ARN("sender.arn"),
    SENDER_NAME("sender.name"),
    CHANNEL_ARN("channel.arn"),
    SUB_CHANNEL_ID("sub-channel-id"),
    MESSAGE_ID("message-id"),
    MESSAGE_TYPE("message-type"),
    PERSISTENCE("persistence"),
    PUSH_TITLE("push.title"),
    PUSH_BODY("push.body"),
    PUSH_TYPE("push.type"),
    /** Texts of a Lex bot's answer a person reads: text messages, card titles, subtitles and button texts. */
    BOT_TEXT("bot.text"),
    /** Each bot message's own content type: PlainText, SSML, CustomPayload, ImageResponseCard. */
    BOT_MESSAGE_TYPE("bot.message-type"),
    BOT_MESSAGE_COUNT("bot.message-count"),
    BOT_ERROR_CODE("bot.error.code"),
    BOT_ERROR_MESSAGE("bot.error.message"),
    /** The attributes Chime maps from the bot's session state, by friendlier names. */
    BOT_INTENT("bot.intent", "CHIME.LEX.sessionState.intent.name"),
    BOT_INTENT_STATE("bot.intent-state", "CHIME.LEX.sessionState.intent.state"),
    BOT_SESSION_ID("bot.session-id", "CHIME.LEX.sessionState.sessionId"),
    BOT_REQUEST_ID("bot.request-id", "CHIME.LEX.sessionState.originatingRequestId"),
    /**
     * The host of every link in the content (scheme, {@code www.} or a bare name with a known top-level domain),
     * lower case, IDNA ASCII: several values, like attributes.
     */
    LINKS_HOST("links.host"),
    /** Message attributes, addressed by name: {@code attributes: {priority: ...}} or {@code {{attributes.priority}}}. */
    ATTRIBUTE("attributes");

    private final String key;
    private final String attributeAlias;

    Field(String key) {
        this(key, null);
    }

    Field(String key, String attributeAlias) {
        this.key = key;
        this.attributeAlias = attributeAlias;
    }

    /** The message attribute this field reads, for the bot fields that are attributes under a friendlier name. */
    public String attributeAlias() {
        return attributeAlias;
    }

    /** Fields read from a Lex bot answer's content; absent on every other message. */
    public boolean isBotContent() {
        return this == BOT_TEXT || this == BOT_MESSAGE_TYPE || this == BOT_MESSAGE_COUNT || this == BOT_ERROR_CODE
                || this == BOT_ERROR_MESSAGE;
    }

    public String key() {
        return key;
    }

    public static Optional<Field> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Field::key).toList();
    }
}
