package dev.flowrules.lambda;

import dev.flowrules.event.LexContent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

/** Builds one structured log line (a JSON object on one line), with the SDK's own JSON writer. */
final class JsonLine {
    private final JsonWriter writer = JsonWriter.create();

    JsonLine() {
        writer.writeStartObject();
    }

    JsonLine put(String name, String value) {
        if (value != null) {
            writer.writeFieldName(name);
            writer.writeValue(LexContent.wellFormed(value));
        }
        return this;
    }

    JsonLine put(String name, long value) {
        writer.writeFieldName(name);
        writer.writeValue(value);
        return this;
    }

    JsonLine put(String name, List<String> values) {
        writer.writeFieldName(name);
        writer.writeStartArray();
        values.forEach(writer::writeValue);
        writer.writeEndArray();
        return this;
    }

    String end() {
        writer.writeEndObject();
        return new String(writer.getBytes(), StandardCharsets.UTF_8);
    }
}
