package dev.flowrules.dsl;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The parts of a channel message a rule can test or a template can insert, by the names authors write. */
public enum Field {
    /** The message text. */
    CONTENT("content"),
    /** The content type the sender set, e.g. {@code text/plain}; absent when none was set. */
    CONTENT_TYPE("content-type"),
    /** The message metadata, free text the sending app set. */
    METADATA("metadata"),
    /** The sender's user ARN. */
    SENDER_ARN("sender.arn"),
    /** The sender's display name. */
    SENDER_NAME("sender.name"),
    /** The channel's ARN. */
    CHANNEL_ARN("channel.arn"),
    /** The sub-channel of an elastic channel; absent otherwise. */
    SUB_CHANNEL_ID("sub-channel-id"),
    /** The message id Chime assigned. */
    MESSAGE_ID("message-id"),
    /** {@code STANDARD} or {@code CONTROL}. */
    MESSAGE_TYPE("message-type"),
    /** {@code PERSISTENT} or {@code NON_PERSISTENT}. */
    PERSISTENCE("persistence"),
    /** The push notification's title. */
    PUSH_TITLE("push.title"),
    /** The push notification's body. */
    PUSH_BODY("push.body"),
    /** The push notification's type: {@code DEFAULT} or {@code VOIP}. */
    PUSH_TYPE("push.type"),
    /** Texts of a Lex bot's answer a person reads: text messages, card titles, subtitles and button texts. */
    BOT_TEXT("bot.text"),
    /** Each bot message's own content type: PlainText, SSML, CustomPayload, ImageResponseCard. */
    BOT_MESSAGE_TYPE("bot.message-type"),
    /** How many messages a Lex bot's answer holds. */
    BOT_MESSAGE_COUNT("bot.message-count"),
    /** The error code of a Lex error answer. */
    BOT_ERROR_CODE("bot.error.code"),
    /** The error message of a Lex error answer. */
    BOT_ERROR_MESSAGE("bot.error.message"),
    /** The attributes Chime maps from the bot's session state, by friendlier names. */
    BOT_INTENT("bot.intent", "CHIME.LEX.sessionState.intent.name"),
    /** The state of the intent the bot answered for, e.g. {@code Fulfilled}. */
    BOT_INTENT_STATE("bot.intent-state", "CHIME.LEX.sessionState.intent.state"),
    /** The Lex session the answer belongs to. */
    BOT_SESSION_ID("bot.session-id", "CHIME.LEX.sessionState.sessionId"),
    /** The request the bot answered. */
    BOT_REQUEST_ID("bot.request-id", "CHIME.LEX.sessionState.originatingRequestId"),
    /**
     * The host of every link in the content (scheme, {@code www.} or a bare name with a known top-level domain),
     * lower case, IDNA ASCII: several values, like attributes.
     */
    LINKS_HOST("links.host"),
    /** Message attributes, addressed by name: {@code attributes: {priority: ...}} or {@code {{attributes.priority}}}. */
    ATTRIBUTE("attributes"),
    /**
     * A top-level key of metadata that is a JSON object, addressed by name: {@code metadata.tier} (the key is
     * everything after the first dot, dots included). Not in {@link #keys()} nor found by {@link #byKey}: read
     * it with {@link #metadataKey}.
     */
    METADATA_KEY("metadata.KEY");

    /** How a metadata key is written: {@code metadata.} and the key. */
    public static final String METADATA_PREFIX = "metadata.";

    private final String key;
    private final String attributeAlias;

    Field(String key) {
        this(key, null);
    }

    Field(String key, String attributeAlias) {
        this.key = key;
        this.attributeAlias = attributeAlias;
    }

    /**
     * The message attribute this field reads, for the bot fields that are attributes under a friendlier name.
     *
     * @return the attribute's name, or null for a field that is not an attribute
     */
    public String attributeAlias() {
        return attributeAlias;
    }

    /**
     * Whether the field is read from a Lex bot answer's content; such a field is absent on every other message.
     *
     * @return true for the bot content fields
     */
    public boolean isBotContent() {
        return this == BOT_TEXT || this == BOT_MESSAGE_TYPE || this == BOT_MESSAGE_COUNT || this == BOT_ERROR_CODE
                || this == BOT_ERROR_MESSAGE;
    }

    /**
     * The name authors write in rules and templates.
     *
     * @return e.g. {@code content}, {@code sender.name}
     */
    public String key() {
        return key;
    }

    /**
     * The field authors mean by a name.
     *
     * @param key a name as written in a rule, e.g. {@code push.title}
     * @return the field, or empty for a name the language does not know
     */
    public static Optional<Field> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f != METADATA_KEY && f.key.equals(key)).findFirst();
    }

    /**
     * Every field name but {@code metadata.KEY} (whose names are open), in declaration order, for "did you mean"
     * hints and the docs' tests.
     *
     * @return the names authors may write
     */
    public static List<String> keys() {
        return Arrays.stream(values()).filter(f -> f != METADATA_KEY).map(Field::key).toList();
    }

    /**
     * The metadata key a name addresses.
     *
     * @param name a name as written in a rule, e.g. {@code metadata.tier}
     * @return the key after {@code metadata.} (possibly empty), or null when the name does not start with it
     */
    public static String metadataKey(String name) {
        return name.startsWith(METADATA_PREFIX) ? name.substring(METADATA_PREFIX.length()) : null;
    }
}
