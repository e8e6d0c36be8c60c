package dev.flowrules.callback;

import java.util.Map;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowCallbackRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageCallback;
import software.amazon.awssdk.services.chimesdkmessaging.model.MessageAttributeValue;
import software.amazon.awssdk.services.chimesdkmessaging.model.PushNotificationConfiguration;

/**
 * Prints a callback request as JSON with the API's own field names, absent fields left out, keys in a fixed
 * order and two-space indentation, so that output can be compared and read.
 */
public final class RequestJson {
    private RequestJson() {
    }

    public static String write(ChannelFlowCallbackRequest request) {
        Json json = new Json();
        json.open();
        json.field("CallbackId", request.callbackId());
        json.field("ChannelArn", request.channelArn());
        if (request.deleteResource() != null) {
            json.name("DeleteResource").raw(request.deleteResource().toString());
        }
        ChannelMessageCallback message = request.channelMessage();
        if (message != null) {
            json.name("ChannelMessage").open();
            json.field("MessageId", message.messageId());
            json.field("Content", message.content());
            json.field("Metadata", message.metadata());
            PushNotificationConfiguration push = message.pushNotification();
            if (push != null) {
                json.name("PushNotification").open();
                json.field("Title", push.title());
                json.field("Body", push.body());
                json.field("Type", push.typeAsString());
                json.close();
            }
            if (message.hasMessageAttributes()) {
                json.name("MessageAttributes").open();
                for (Map.Entry<String, MessageAttributeValue> entry : message.messageAttributes().entrySet()) {
                    json.name(entry.getKey()).open();
                    json.name("StringValues").array(entry.getValue().stringValues());
                    json.close();
                }
                json.close();
            }
            json.field("SubChannelId", message.subChannelId());
            json.field("ContentType", message.contentType());
            json.close();
        }
        json.close();
        return json.toString();
    }

    /** A minimal pretty-printing writer: objects, string fields and string arrays are all requests need. */
    private static final class Json {
        private final StringBuilder out = new StringBuilder();
        private int depth;
        private boolean first = true;
        private boolean afterName;

        Json open() {
            prefix();
            out.append('{');
            depth++;
            first = true;
            return this;
        }

        void close() {
            depth--;
            if (!first) {
                newline();
            }
            out.append('}');
            first = false;
        }

        Json name(String name) {
            prefix();
            quote(name);
            out.append(": ");
            afterName = true;
            return this;
        }

        void field(String name, String value) {
            if (value != null) {
                name(name);
                prefix();
                quote(value);
                first = false;
            }
        }

        void raw(String value) {
            prefix();
            out.append(value);
            first = false;
        }

        void array(java.util.List<String> values) {
            prefix();
            out.append('[');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                quote(values.get(i));
            }
            out.append(']');
            first = false;
        }

        private void prefix() {
            if (afterName) {
                afterName = false;
                return;
            }
            if (depth > 0) {
                if (!first) {
                    out.append(',');
                }
                newline();
            }
            first = false;
        }

        private void newline() {
            out.append('\n');
            out.append("  ".repeat(depth));
        }

        private void quote(String text) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    default -> {
                        boolean loneSurrogate = Character.isSurrogate(c) && !(Character.isHighSurrogate(c)
                                && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)));
                        boolean pairLow = Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
                        if (c < 0x20 || c == 0x2028 || c == 0x2029 || (loneSurrogate && !pairLow)) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
