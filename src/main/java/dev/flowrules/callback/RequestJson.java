package dev.flowrules.callback;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowCallbackRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageCallback;
import software.amazon.awssdk.services.chimesdkmessaging.model.MessageAttributeValue;
import software.amazon.awssdk.services.chimesdkmessaging.model.PushNotificationConfiguration;

/**
 * Prints a callback request as JSON with the API's own field names, absent fields left out, keys in a fixed
 * order and two-space indentation (string lists on one line), so that output can be compared and read. Control
 * characters, U+2028 and U+2029 are escaped, so a line of output never breaks inside a value, and so is every
 * surrogate, so that a lone one prints exactly as the SDK sends it.
 * <p>Internal: not exported by the module.
 */
public final class RequestJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private RequestJson() {
    }

    /** The request as pretty-printed JSON. */
    public static String write(ChannelFlowCallbackRequest request) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.setPrettyPrinter(new Layout());
            json.setCharacterEscapes(Escapes.INSTANCE);
            write(json, request);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void write(JsonGenerator json, ChannelFlowCallbackRequest request) throws IOException {
        json.writeStartObject();
        field(json, "CallbackId", request.callbackId());
        field(json, "ChannelArn", request.channelArn());
        if (request.deleteResource() != null) {
            json.writeBooleanField("DeleteResource", request.deleteResource());
        }
        ChannelMessageCallback message = request.channelMessage();
        if (message != null) {
            json.writeObjectFieldStart("ChannelMessage");
            field(json, "MessageId", message.messageId());
            field(json, "Content", message.content());
            field(json, "Metadata", message.metadata());
            PushNotificationConfiguration push = message.pushNotification();
            if (push != null) {
                json.writeObjectFieldStart("PushNotification");
                field(json, "Title", push.title());
                field(json, "Body", push.body());
                field(json, "Type", push.typeAsString());
                json.writeEndObject();
            }
            if (message.hasMessageAttributes()) {
                json.writeObjectFieldStart("MessageAttributes");
                for (Map.Entry<String, MessageAttributeValue> entry : message.messageAttributes().entrySet()) {
                    json.writeObjectFieldStart(entry.getKey());
                    json.writeArrayFieldStart("StringValues");
                    for (String value : entry.getValue().stringValues()) {
                        json.writeString(value);
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            field(json, "SubChannelId", message.subChannelId());
            field(json, "ContentType", message.contentType());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    /** A string field, left out when absent. */
    private static void field(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    /** Objects one entry a line, two spaces a level, "name": value; lists on one line, ", " between items. */
    private static final class Layout implements PrettyPrinter {
        private int depth;

        @Override
        public void writeRootValueSeparator(JsonGenerator g) {
            // One root value per output: nothing separates roots.
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
            depth++;
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            newline(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            depth--;
            if (entries > 0) {
                newline(g);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) {
            // Lists stay on one line.
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            g.writeRaw(']');
        }

        private void newline(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
            g.writeRaw("  ".repeat(depth));
        }
    }

    /**
     * JSON's standard escapes, and six-character escapes with lower-case hex digits for the other control
     * characters, U+2028, U+2029 and surrogates. A surrogate is escaped whether paired or not: the escapes are
     * chosen one UTF-16 unit at a time, and an escaped pair still reads back as the same character.
     */
    private static final class Escapes extends CharacterEscapes {
        static final Escapes INSTANCE = new Escapes();
        private final int[] ascii = standardAsciiEscapesForJSON();

        private Escapes() {
            for (int c = 0; c < 0x20; c++) {
                if (ascii[c] == ESCAPE_STANDARD) {
                    ascii[c] = ESCAPE_CUSTOM; // the standard form writes upper-case hex digits
                }
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            if (c < 0x20 || c == 0x2028 || c == 0x2029 || Character.isSurrogate((char) c)) {
                return new SerializedString(String.format("\\u%04x", c));
            }
            return null;
        }
    }
}
