package dev.flowrules.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A channel message as the processor sees it. Every field but {@code messageId} and {@code channelArn} may be
 * null (absent in the event). Attribute order is kept as it arrived so that output is stable.
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

    public Message {
        push = push == null ? PushNotification.NONE : push;
        attributes = copyAttributes(attributes);
    }

    public static Map<String, List<String>> copyAttributes(Map<String, List<String>> source) {
        if (source == null || source.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        source.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }

    public Message withContent(String value) {
        return new Message(messageId, channelArn, value, contentType, metadata, senderArn, senderName, subChannelId,
                type, persistence, push, attributes);
    }

    public Message withContentType(String value) {
        return new Message(messageId, channelArn, content, value, metadata, senderArn, senderName, subChannelId,
                type, persistence, push, attributes);
    }

    public Message withMetadata(String value) {
        return new Message(messageId, channelArn, content, contentType, value, senderArn, senderName, subChannelId,
                type, persistence, push, attributes);
    }

    public Message withPush(PushNotification value) {
        return new Message(messageId, channelArn, content, contentType, metadata, senderArn, senderName, subChannelId,
                type, persistence, value, attributes);
    }

    public Message withAttributes(Map<String, List<String>> value) {
        return new Message(messageId, channelArn, content, contentType, metadata, senderArn, senderName, subChannelId,
                type, persistence, push, value);
    }
}
