package dev.flowrules.event;

import dev.flowrules.limits.ServiceLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

/**
 * Reads a channel-flow processor event with the SDK's own json-utils. Unknown fields are ignored, optional
 * fields of an unexpected JSON type are treated as absent, and only a missing CallbackId, ChannelArn or
 * MessageId makes the event unanswerable.
 */
public final class EventParser {
    /** Larger than any event Chime sends (4 KB content, 1 KB metadata, 1 KB attributes plus envelope). */
    public static final int MAX_EVENT_BYTES = 1 << 20;

    private static final JsonNodeParser PARSER = JsonNodeParser.create();

    private EventParser() {
    }

    public static ProcessorEvent parse(String json) {
        if (json == null) {
            throw new InvalidEventException("the event is empty");
        }
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    public static ProcessorEvent parse(byte[] json) {
        if (json == null || json.length == 0) {
            throw new InvalidEventException("the event is empty");
        }
        if (json.length > MAX_EVENT_BYTES) {
            throw new InvalidEventException("the event is " + json.length + " bytes, more than the " + MAX_EVENT_BYTES
                    + " bytes a processor event can be");
        }
        JsonNode root;
        try {
            root = PARSER.parse(json);
        } catch (RuntimeException e) {
            throw new InvalidEventException("the event is not valid JSON: " + firstLine(e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidEventException("the event must be a JSON object");
        }
        String callbackId = text(root, "CallbackId");
        JsonNode messageNode = root.field("ChannelMessage").filter(JsonNode::isObject).orElse(null);
        if (callbackId == null || callbackId.isEmpty()) {
            throw new InvalidEventException("the event has no CallbackId; the callback cannot be matched to the message");
        }
        if (messageNode == null) {
            throw new InvalidEventException("the event has no ChannelMessage object");
        }
        String messageId = text(messageNode, "MessageId");
        String channelArn = text(messageNode, "ChannelArn");
        if (messageId == null || messageId.isEmpty()) {
            throw new InvalidEventException("the event's ChannelMessage has no MessageId");
        }
        if (channelArn == null || channelArn.isEmpty()) {
            throw new InvalidEventException("the event's ChannelMessage has no ChannelArn");
        }
        if (callbackId.length() < ServiceLimits.CALLBACK_ID_MIN || callbackId.length() > ServiceLimits.CALLBACK_ID_MAX) {
            throw new InvalidEventException("the event's CallbackId has " + callbackId.length()
                    + " characters; the service requires " + ServiceLimits.CALLBACK_ID_MIN + " to " + ServiceLimits.CALLBACK_ID_MAX);
        }
        if (!ServiceLimits.isValidId(messageId, ServiceLimits.MESSAGE_ID_MAX)) {
            throw new InvalidEventException("the event's MessageId is not a valid message id (1 to "
                    + ServiceLimits.MESSAGE_ID_MAX + " of letters, digits, '-' and '_')");
        }
        if (!ServiceLimits.isChimeArn(channelArn)) {
            throw new InvalidEventException("the event's ChannelArn is not a channel ARN");
        }
        JsonNode sender = messageNode.field("Sender").filter(JsonNode::isObject).orElse(null);
        JsonNode push = messageNode.field("PushNotification").filter(JsonNode::isObject).orElse(null);
        Message message = new Message(
                messageId,
                channelArn,
                text(messageNode, "Content"),
                text(messageNode, "ContentType"),
                text(messageNode, "Metadata"),
                sender == null ? null : text(sender, "Arn"),
                sender == null ? null : text(sender, "Name"),
                text(messageNode, "SubChannelId"),
                text(messageNode, "Type"),
                text(messageNode, "Persistence"),
                push == null ? null : new PushNotification(text(push, "Title"), text(push, "Body"), text(push, "Type")),
                attributes(messageNode));
        return new ProcessorEvent(text(root, "EventType"), callbackId, message);
    }

    private static Map<String, List<String>> attributes(JsonNode messageNode) {
        JsonNode node = messageNode.field("MessageAttributes").filter(JsonNode::isObject).orElse(null);
        if (node == null) {
            return Map.of();
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        node.asObject().forEach((name, value) -> {
            if (!value.isObject()) {
                return;
            }
            JsonNode strings = value.field("StringValues").filter(JsonNode::isArray).orElse(null);
            List<String> values = new ArrayList<>();
            if (strings != null) {
                for (JsonNode item : strings.asArray()) {
                    if (item.isString()) {
                        values.add(item.asString());
                    }
                }
            }
            result.put(name, values);
        });
        return result;
    }

    /** The field's text when it is a JSON string or number; anything else counts as absent. */
    private static String text(JsonNode node, String name) {
        JsonNode value = node.field(name).orElse(null);
        if (value == null) {
            return null;
        }
        if (value.isString()) {
            return value.asString();
        }
        if (value.isNumber()) {
            return value.asNumber();
        }
        return null;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable input";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
