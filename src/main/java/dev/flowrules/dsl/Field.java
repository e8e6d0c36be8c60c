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
    /** Message attributes, addressed by name: {@code attributes: {priority: ...}} or {@code {{attributes.priority}}}. */
    ATTRIBUTE("attributes");

    private final String key;

    Field(String key) {
        this.key = key;
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
