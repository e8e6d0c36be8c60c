package dev.flowrules.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Builds one structured log line (a JSON object on one line) with jackson-core's streaming generator. */
final class JsonLine {
    private static final JsonFactory JSON = new JsonFactory();

    private final StringWriter out = new StringWriter();
    private final JsonGenerator generator;

    JsonLine() {
        try {
            generator = JSON.createGenerator(out);
            generator.writeStartObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a string field; a null value is left out. */
    JsonLine put(String name, String value) {
        if (value != null) {
            write(() -> generator.writeStringField(name, value));
        }
        return this;
    }

    JsonLine put(String name, long value) {
        return write(() -> generator.writeNumberField(name, value));
    }

    JsonLine put(String name, boolean value) {
        return write(() -> generator.writeBooleanField(name, value));
    }

    JsonLine put(String name, List<String> values) {
        return write(() -> {
            generator.writeArrayFieldStart(name);
            for (String value : values) {
                generator.writeString(value);
            }
            generator.writeEndArray();
        });
    }

    /** Starts a nested object field; close it with {@link #endObject()}. */
    JsonLine startObject(String name) {
        return write(() -> generator.writeObjectFieldStart(name));
    }

    /** Starts an object inside an array. */
    JsonLine startObject() {
        return write(generator::writeStartObject);
    }

    JsonLine startArray(String name) {
        return write(() -> generator.writeArrayFieldStart(name));
    }

    JsonLine endArray() {
        return write(generator::writeEndArray);
    }

    /** Writes an array of strings as an element of the array being written. */
    JsonLine array(List<String> values) {
        return write(() -> {
            generator.writeStartArray();
            for (String value : values) {
                generator.writeString(value);
            }
            generator.writeEndArray();
        });
    }

    JsonLine endObject() {
        return write(generator::writeEndObject);
    }

    String end() {
        write(() -> {
            generator.writeEndObject();
            generator.close();
        });
        return out.toString();
    }

    private interface Write {
        void run() throws IOException;
    }

    private JsonLine write(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            // A StringWriter does not fail; this is jackson's checked signature only.
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
