package dev.flowrules.compile;

import dev.flowrules.dsl.Field;
import dev.flowrules.dsl.FieldRef;
import dev.flowrules.dsl.Words;
import dev.flowrules.event.Message;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One message as conditions see it, with the derived forms tests share (lower case, normalised words)
 * computed at most once per value. Lives for one evaluation on one thread.
 */
public final class MessageView {
    private final Message message;
    private final Map<String, String> lowered = new IdentityHashMap<>();
    private final Map<String, WordIndex.Scan> words = new IdentityHashMap<>();

    public MessageView(Message message) {
        this.message = message;
    }

    public Message message() {
        return message;
    }

    public boolean exists(FieldRef ref) {
        return ref.field() == Field.ATTRIBUTE ? message.attributes().containsKey(ref.attribute()) : single(ref.field()) != null;
    }

    /** The field's values: none when absent, one for plain fields, any number for an attribute. */
    public List<String> values(FieldRef ref) {
        if (ref.field() == Field.ATTRIBUTE) {
            List<String> values = message.attributes().get(ref.attribute());
            return values == null ? List.of() : values;
        }
        String value = single(ref.field());
        return value == null ? List.of() : List.of(value);
    }

    /** The first value, as templates insert it; empty text when absent. */
    public String first(FieldRef ref) {
        List<String> values = values(ref);
        return values.isEmpty() ? "" : values.get(0);
    }

    String lower(String value) {
        return lowered.computeIfAbsent(value, v -> v.toLowerCase(Locale.ROOT));
    }

    WordIndex.Scan words(String value) {
        return words.computeIfAbsent(value, WordIndex::scan);
    }

    private String single(Field field) {
        return switch (field) {
            case CONTENT -> message.content();
            case CONTENT_TYPE -> message.contentType();
            case METADATA -> message.metadata();
            case SENDER_ARN -> message.senderArn();
            case SENDER_NAME -> message.senderName();
            case CHANNEL_ARN -> message.channelArn();
            case SUB_CHANNEL_ID -> message.subChannelId();
            case MESSAGE_ID -> message.messageId();
            case MESSAGE_TYPE -> message.type();
            case PERSISTENCE -> message.persistence();
            case PUSH_TITLE -> message.push().title();
            case PUSH_BODY -> message.push().body();
            case PUSH_TYPE -> message.push().type();
            case ATTRIBUTE -> throw new IllegalArgumentException("attributes have several values");
        };
    }
}
