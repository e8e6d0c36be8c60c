package dev.flowrules.event;

import dev.flowrules.limits.ServiceLimits;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a channel-flow processor event, strictly: one JSON object and nothing after it, no key twice, every field
 * the engine reads of the shape the service sends (strings as strings, attributes as
 * {@code {"name": {"StringValues": ["value"]}}}), null counting as absent. Unknown fields are ignored whatever
 * they hold. Every problem is an {@link InvalidEventException} with its line and column and a hint.
 *
 * <p>What is accepted is bounded by what the service can send plus a margin (docs/security.md, "Limits"): the
 * whole event, the content and the metadata; so no event can make evaluation costly.
 */
public final class EventParser {
    /**
     * The largest event accepted, in bytes. The largest event the service can send is about 110 KB: 4,096
     * characters of content, 1,024 of metadata, the push notification, ARNs and attributes, each character
     * written as a JSON escape in the worst case. This leaves more than a factor two.
     */
    public static final int MAX_EVENT_BYTES = 256 * 1024;
    /** The content accepted: twice the model's 4,096 characters, in case the service counts differently. */
    public static final int MAX_CONTENT_CHARACTERS = 2 * ServiceLimits.CHANNEL_MESSAGE_CONTENT_MAX;
    /** The metadata accepted: twice the model's 1,024 characters. */
    public static final int MAX_METADATA_CHARACTERS = 2 * ServiceLimits.METADATA_MAX;

    private static final String ATTRIBUTE_SHAPE = "write attributes as \"MessageAttributes\": {\"name\": {\"StringValues\": [\"value\"]}}";

    private EventParser() {
    }

    /**
     * Reads an event given as text; see {@link #parse(byte[])}.
     *
     * @param json the event
     * @return the event as the engine uses it
     * @throws InvalidEventException for anything it cannot answer
     */
    public static ProcessorEvent parse(String json) {
        if (json == null) {
            throw new InvalidEventException("the event is empty");
        }
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads an event given as UTF-8 bytes: strict JSON (no trailing text, no duplicate keys), bounded in size.
     * Public for the entry points ({@code Engine}, the Lambda handler, the playground); embedders use
     * {@code Engine}. Thread-safe.
     *
     * @param json the event as Chime sends it
     * @return the event as the engine uses it
     * @throws InvalidEventException for anything it cannot answer, with the place and a hint
     */
    public static ProcessorEvent parse(byte[] json) {
        if (json == null || json.length == 0) {
            throw new InvalidEventException("the event is empty");
        }
        if (json.length > MAX_EVENT_BYTES) {
            throw new InvalidEventException("the event is " + json.length + " bytes, more than the " + MAX_EVENT_BYTES
                    + " bytes the engine accepts (the service sends events of at most about 110 KB)");
        }
        JsonTree.Value root;
        try {
            root = JsonTree.read(json);
        } catch (JsonTree.SyntaxError e) {
            int[] at = JsonTree.lineAndColumn(json, e.offset());
            throw new InvalidEventException("the event is not valid JSON: " + e.getMessage(), at[0], at[1], e.hint(), null);
        }
        return new Reader(json).event(root);
    }

    /** Reads the tree; knows the CallbackId once read, so that later errors carry it. */
    private static final class Reader {
        private final byte[] json;
        private JsonTree.Value root;
        private String callbackId;

        Reader(byte[] json) {
            this.json = json;
        }

        ProcessorEvent event(JsonTree.Value root) {
            this.root = root;
            if (!(root instanceof JsonTree.Obj event)) {
                throw error(root, "the event must be a JSON object, not " + JsonTree.kind(root), "write the event as {...}");
            }
            String id = string(event, "CallbackId", "CallbackId");
            if (id == null || id.isEmpty()) {
                throw error(event, "the event has no CallbackId; the callback cannot be matched to the message", null);
            }
            int idLength = ServiceLimits.length(id);
            if (idLength < ServiceLimits.CALLBACK_ID_MIN || idLength > ServiceLimits.CALLBACK_ID_MAX) {
                throw error(event.get("CallbackId"), "the event's CallbackId has " + idLength
                        + " characters; the service requires " + ServiceLimits.CALLBACK_ID_MIN + " to "
                        + ServiceLimits.CALLBACK_ID_MAX, null);
            }
            callbackId = id;
            String eventType = string(event, "EventType", "EventType");
            JsonTree.Obj message = object(event, "ChannelMessage", "ChannelMessage", null);
            if (message == null) {
                throw error(event, "the event has no ChannelMessage object", null);
            }
            return new ProcessorEvent(eventType, id, message(message));
        }

        private Message message(JsonTree.Obj node) {
            String messageId = string(node, "MessageId", "ChannelMessage.MessageId");
            String channelArn = string(node, "ChannelArn", "ChannelMessage.ChannelArn");
            if (messageId == null || messageId.isEmpty()) {
                throw error(node, "the event's ChannelMessage has no MessageId", null);
            }
            if (channelArn == null || channelArn.isEmpty()) {
                throw error(node, "the event's ChannelMessage has no ChannelArn", null);
            }
            if (!ServiceLimits.isValidId(messageId, ServiceLimits.MESSAGE_ID_MAX)) {
                throw error(node.get("MessageId"), "the event's MessageId is not a valid message id (1 to "
                        + ServiceLimits.MESSAGE_ID_MAX + " of letters, digits, '-' and '_')", null);
            }
            if (!ServiceLimits.isChimeArn(channelArn)) {
                throw error(node.get("ChannelArn"), "the event's ChannelArn is not a channel ARN", null);
            }
            String content = bounded(node, "Content", "ChannelMessage.Content", MAX_CONTENT_CHARACTERS, ServiceLimits.CHANNEL_MESSAGE_CONTENT_MAX);
            String metadata = bounded(node, "Metadata", "ChannelMessage.Metadata", MAX_METADATA_CHARACTERS, ServiceLimits.METADATA_MAX);
            JsonTree.Obj sender = object(node, "Sender", "ChannelMessage.Sender", "write \"Sender\": {\"Arn\": \"...\", \"Name\": \"...\"}");
            JsonTree.Obj push = object(node, "PushNotification", "ChannelMessage.PushNotification",
                    "write \"PushNotification\": {\"Title\": \"...\", \"Body\": \"...\", \"Type\": \"DEFAULT\"}");
            return new Message(
                    messageId,
                    channelArn,
                    content,
                    string(node, "ContentType", "ChannelMessage.ContentType"),
                    metadata,
                    sender == null ? null : string(sender, "Arn", "ChannelMessage.Sender.Arn"),
                    sender == null ? null : string(sender, "Name", "ChannelMessage.Sender.Name"),
                    string(node, "SubChannelId", "ChannelMessage.SubChannelId"),
                    string(node, "Type", "ChannelMessage.Type"),
                    string(node, "Persistence", "ChannelMessage.Persistence"),
                    push == null ? null : new PushNotification(
                            string(push, "Title", "ChannelMessage.PushNotification.Title"),
                            string(push, "Body", "ChannelMessage.PushNotification.Body"),
                            string(push, "Type", "ChannelMessage.PushNotification.Type")),
                    attributes(node));
        }

        /** A text field with an upper bound on what is accepted; the message names the service's own figure. */
        private String bounded(JsonTree.Obj node, String key, String path, int accepted, int serviceMax) {
            String text = string(node, key, path);
            // no more chars than accepted is no more code points either: counting them is then not needed
            if (text != null && text.length() > accepted && ServiceLimits.length(text) > accepted) {
                throw error(node.get(key), path + " has " + ServiceLimits.length(text)
                        + " characters; the service sends at most " + serviceMax + " and the engine accepts up to " + accepted,
                        null);
            }
            return text;
        }

        private Map<String, List<String>> attributes(JsonTree.Obj node) {
            JsonTree.Obj attributes = object(node, "MessageAttributes", "ChannelMessage.MessageAttributes", ATTRIBUTE_SHAPE);
            if (attributes == null) {
                return Map.of();
            }
            Map<String, List<String>> result = new LinkedHashMap<>();
            attributes.forEach((name, member) -> {
                if (!(member instanceof JsonTree.Obj attribute)) {
                    throw error(member, "a message attribute must be an object with a \"StringValues\" list, not "
                            + JsonTree.kind(member), ATTRIBUTE_SHAPE);
                }
                JsonTree.Value strings = attribute.get("StringValues");
                if (!(strings instanceof JsonTree.Arr list)) {
                    throw error(strings == null ? attribute : strings,
                            "a message attribute must have a \"StringValues\" list" + (strings == null ? "" : ", not "
                                    + JsonTree.kind(strings)), ATTRIBUTE_SHAPE);
                }
                String[] values = new String[list.items().size()];
                for (int i = 0; i < values.length; i++) {
                    JsonTree.Value item = list.items().get(i);
                    if (!(item instanceof JsonTree.Str text)) {
                        throw error(item, "attribute values must be strings, not " + JsonTree.kind(item),
                                "write every value in double quotes: \"StringValues\": [\"1\"]");
                    }
                    values[i] = text.text();
                }
                // immutable already, so the message keeps these lists rather than copying them
                result.put(name, List.of(values));
            });
            return Message.handedOver(result);
        }

        /** A string field; absent or null is null; any other JSON type is an error at the value. */
        private String string(JsonTree.Obj node, String key, String path) {
            JsonTree.Value member = node.get(key);
            if (member == null || member instanceof JsonTree.Null) {
                return null;
            }
            if (member instanceof JsonTree.Str text) {
                return text.text();
            }
            throw error(member, path + " must be a string, not " + JsonTree.kind(member),
                    "write the value in double quotes: \"" + key + "\": \"...\"");
        }

        private JsonTree.Obj object(JsonTree.Obj node, String key, String path, String hint) {
            JsonTree.Value member = node.get(key);
            if (member == null || member instanceof JsonTree.Null) {
                return null;
            }
            if (member instanceof JsonTree.Obj object) {
                return object;
            }
            throw error(member, path + " must be an object, not " + JsonTree.kind(member), hint);
        }

        /** The error at a value; a field missing from the event itself has no useful place, so no position. */
        private InvalidEventException error(JsonTree.Value at, String reason, String hint) {
            if (at == root && root instanceof JsonTree.Obj) {
                return new InvalidEventException(reason, 0, 0, hint, callbackId);
            }
            int[] position = JsonTree.lineAndColumn(json, at.offset());
            return new InvalidEventException(reason, position[0], position[1], hint, callbackId);
        }
    }
}
