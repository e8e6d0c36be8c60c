package dev.flowrules.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Message metadata read as a JSON object, the way apps often use it ({@code {"tier":"gold","lang":"en"}}), and
 * written back with keys merged in. Reading is strict, as for events: one value and nothing after it, no key
 * twice at any level, no comments. Every top-level value keeps the exact text the app wrote, so a merge changes
 * only the keys it sets.
 */
public final class MetadataJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private MetadataJson() {
    }

    /** What reading the metadata as a JSON object gave: its members, or why it is not one. */
    public sealed interface Read permits Members, NotAnObject {
    }

    /**
     * The metadata's top-level members.
     *
     * @param members each key's value, in written order
     */
    public record Members(Map<String, Member> members) implements Read {
    }

    /**
     * Metadata that is not a JSON object.
     *
     * @param reason why, in plain words: "it is not valid JSON", "a key appears twice"
     */
    public record NotAnObject(String reason) implements Read {
    }

    /**
     * One top-level value.
     *
     * @param text the value as tests read it: a string's text, the JSON text of anything else, null for JSON
     *     {@code null} (the key then counts as absent)
     * @param json the value exactly as written
     */
    public record Member(String text, String json) {
    }

    /**
     * Reads metadata as a JSON object.
     *
     * @param metadata the message's metadata, not null
     * @return its members, or why it is not a JSON object; never throws on any text
     */
    public static Read read(String metadata) {
        try (JsonParser parser = FACTORY.createParser(metadata)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new NotAnObject("it is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                return new NotAnObject("it is " + kind(first) + ", not a JSON object");
            }
            Map<String, Member> members = new LinkedHashMap<>();
            JsonToken token = parser.nextToken();
            while (token != JsonToken.END_OBJECT) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                int start = offset(parser.currentTokenLocation());
                String text = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                parser.skipChildren();
                token = parser.nextToken();
                String json = written(metadata, start, offset(parser.currentTokenLocation()));
                members.put(key, new Member(value == JsonToken.VALUE_STRING ? text
                        : value == JsonToken.VALUE_NULL ? null : json, json));
            }
            if (parser.nextToken() != null) {
                return new NotAnObject("there is more text after the JSON object");
            }
            return new Members(Collections.unmodifiableMap(members));
        } catch (JsonProcessingException e) {
            // The parser's own message quotes the input; the reason stays in plain words.
            return new NotAnObject(e.getMessage() != null && e.getMessage().startsWith("Duplicate field")
                    ? "a key appears twice" : "it is not valid JSON");
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
    }

    /**
     * The object with {@code set} merged in: keys already there keep their place and take the new value, new
     * keys follow in the order given, every other member is copied exactly as written. Spaces between top-level
     * members are not kept.
     *
     * @param current the metadata's members
     * @param set the keys to set and their new values, written as JSON strings
     * @return the merged object as compact JSON
     */
    public static String merge(Members current, Map<String, String> set) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            for (Map.Entry<String, Member> member : current.members().entrySet()) {
                json.writeFieldName(member.getKey());
                String value = set.get(member.getKey());
                if (value == null) {
                    json.writeRawValue(member.getValue().json());
                } else {
                    json.writeString(value);
                }
            }
            for (Map.Entry<String, String> entry : set.entrySet()) {
                if (!current.members().containsKey(entry.getKey())) {
                    json.writeFieldName(entry.getKey());
                    json.writeString(entry.getValue());
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    /** The value's text from its start to the next token, without the spaces and the comma between them. */
    private static String written(String metadata, int start, int next) {
        int end = Math.min(next, metadata.length());
        while (end > start && isSpace(metadata.charAt(end - 1))) {
            end--;
        }
        if (end > start && metadata.charAt(end - 1) == ',') {
            end--;
            while (end > start && isSpace(metadata.charAt(end - 1))) {
                end--;
            }
        }
        return metadata.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static int offset(JsonLocation location) {
        return (int) Math.max(0, location.getCharOffset());
    }

    private static String kind(JsonToken token) {
        switch (token) {
            case START_ARRAY:
                return "a JSON list";
            case VALUE_STRING:
                return "a JSON string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "true or false";
            default:
                return "null";
        }
    }
}
