package dev.flowrules.event;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A channel message as the processor sees it. Every field but {@code messageId} and {@code channelArn} may be
 * null (absent in the event). Attribute order is kept as it arrived so that output is stable. Immutable: the
 * {@code with...} methods return a changed copy.
 *
 * @param messageId the message id Chime assigned
 * @param channelArn the channel's ARN
 * @param content the message text, or a Lex bot answer's JSON
 * @param contentType the content type the sender set
 * @param metadata the metadata the sending app set
 * @param senderArn the sender's user ARN
 * @param senderName the sender's display name
 * @param subChannelId the sub-channel of an elastic channel
 * @param type {@code STANDARD} or {@code CONTROL}
 * @param persistence {@code PERSISTENT} or {@code NON_PERSISTENT}
 * @param push the push notification; {@link PushNotification#NONE} when absent, never null
 * @param attributes the message attributes by name, each with its values; empty when absent, never null
 */
public record Message(
        String messageId,
        String channelArn,
        String content,
        String contentType,
        String metadata,
        String senderArn,
        String senderName,
        String subChannelId,
        String type,
        String persistence,
        PushNotification push,
        Map<String, List<String>> attributes) {

    /**
     * Replaces absent push and attributes by empty ones, and copies the attributes, so a message never changes.
     *
     * @param messageId the record's {@code messageId}
     * @param channelArn the record's {@code channelArn}
     * @param content the record's {@code content}
     * @param contentType the record's {@code contentType}
     * @param metadata the record's {@code metadata}
     * @param senderArn the record's {@code senderArn}
     * @param senderName the record's {@code senderName}
     * @param subChannelId the record's {@code subChannelId}
     * @param type the record's {@code type}
     * @param persistence the record's {@code persistence}
     * @param push the record's {@code push}
     * @param attributes the record's {@code attributes}
     */
    public Message {
        push = push == null ? PushNotification.NONE : push;
        attributes = copyAttributes(attributes);
    }

    /**
     * An unmodifiable copy of attributes that keeps their order.
     *
     * @param source attributes, or null
     * @return the copy; empty for null or empty
     */
    public static Map<String, List<String>> copyAttributes(Map<String, List<String>> source) {
        if (source == null || source.isEmpty()) {
            return Map.of();
        }
        if (source instanceof Frozen) {
            return source; // a copy made here: every changed copy of a message shares it
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        source.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return new Frozen(copy);
    }

    /**
     * Attributes a reader built for a message and hands over: the map is not changed after this call and its lists
     * are immutable, so the message keeps them without the copy {@link #copyAttributes} makes.
     */
    static Map<String, List<String>> handedOver(Map<String, List<String>> attributes) {
        return attributes.isEmpty() ? Map.of() : new Frozen(attributes);
    }

    /** The attributes' copy, of a type of its own so that it is known to need no copy again. */
    private static final class Frozen extends AbstractMap<String, List<String>> {
        private final Map<String, List<String>> map;

        Frozen(Map<String, List<String>> copy) {
            this.map = Collections.unmodifiableMap(copy);
        }

        @Override
        public Set<Entry<String, List<String>>> entrySet() {
            return map.entrySet();
        }

        @Override
        public List<String> get(Object key) {
            return map.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return map.containsKey(key);
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public Set<String> keySet() {
            return map.keySet();
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super List<String>> action) {
            map.forEach(action);
        }
    }

    /**
     * This message with other content.
     *
     * @param value the new content
     * @return a changed copy
     */
    public Message withContent(String value) {
        return new Message(messageId, channelArn, value, contentType, metadata, senderArn, senderName, subChannelId,
                type, persistence, push, attributes);
    }

    /**
     * This message with another content type.
     *
     * @param value the new content type
     * @return a changed copy
     */
    public Message withContentType(String value) {
        return new Message(messageId, channelArn, content, value, metadata, senderArn, senderName, subChannelId,
                type, persistence, push, attributes);
    }

    /**
     * This message with other metadata.
     *
     * @param value the new metadata
     * @return a changed copy
     */
    public Message withMetadata(String value) {
        return new Message(messageId, channelArn, content, contentType, value, senderArn, senderName, subChannelId,
                type, persistence, push, attributes);
    }

    /**
     * This message with another push notification.
     *
     * @param value the new push notification
     * @return a changed copy
     */
    public Message withPush(PushNotification value) {
        return new Message(messageId, channelArn, content, contentType, metadata, senderArn, senderName, subChannelId,
                type, persistence, value, attributes);
    }

    /**
     * This message with other attributes.
     *
     * @param value the new attributes, copied
     * @return a changed copy
     */
    public Message withAttributes(Map<String, List<String>> value) {
        return new Message(messageId, channelArn, content, contentType, metadata, senderArn, senderName, subChannelId,
                type, persistence, push, value);
    }
}
