package dev.flowrules.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Strict JSON reading with jackson-core's streaming parser into a small tree that remembers where each value
 * starts, so that a reader can point at the value it rejects. Strict means: one value and nothing after it, no key
 * twice in one object, no comments, trailing commas or single quotes, and at most {@link #MAX_DEPTH} levels.
 * Syntax errors are described in plain words from the input's bytes, never with the parser's own message, which
 * quotes the input.
 */
final class JsonTree {
    /** Deeper than any event or bot answer; a bound, so that reading never recurses without limit. */
    static final int MAX_DEPTH = 64;

    /*
     * Duplicate keys are found here rather than with StreamReadFeature.STRICT_DUPLICATE_DETECTION: the tree holds
     * every key anyway, and the parser's exception points after the key and quotes it.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private JsonTree() {
    }

    /** A JSON value and the byte offset where it starts. */
    sealed interface Value permits Obj, Arr, Str, Num, Bool, Null {
        int offset();
    }

    /**
     * An object: its keys in written order, each with its value. Held in two arrays rather than a map: an event's
     * objects have a handful of keys, which a scan finds faster than a hash and without a node per key.
     */
    static final class Obj implements Value {
        /** Beyond this many keys, a hash index answers lookups, so a hostile object with many keys stays linear. */
        private static final int SCANNED = 16;
        private final String[] keys;
        private final Value[] values;
        private final int size;
        private final Map<String, Integer> index;
        private final int offset;

        private Obj(Members members, int offset) {
            this.keys = members.keys;
            this.values = members.values;
            this.size = members.size;
            this.index = members.index;
            this.offset = offset;
        }

        @Override
        public int offset() {
            return offset;
        }

        /** The value of a key, or null when the object has no such key. */
        Value get(String key) {
            int at = find(keys, size, index, key);
            return at < 0 ? null : values[at];
        }

        /** Every key with its value, in written order. */
        void forEach(BiConsumer<String, Value> action) {
            for (int i = 0; i < size; i++) {
                action.accept(keys[i], values[i]);
            }
        }

        private static int find(String[] keys, int size, Map<String, Integer> index, String key) {
            if (index != null) {
                Integer at = index.get(key);
                return at == null ? -1 : at;
            }
            int hash = key.hashCode();
            for (int i = 0; i < size; i++) {
                // a string caches its hash: comparing it first makes each key that differs cost one int
                if (keys[i].hashCode() == hash && keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** An object's members while it is read. */
    private static final class Members {
        private String[] keys = new String[4];
        private Value[] values = new Value[4];
        private int size;
        private Map<String, Integer> index;

        boolean contains(String key) {
            return Obj.find(keys, size, index, key) >= 0;
        }

        void add(String key, Value value) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size] = value;
            size++;
            if (index != null) {
                index.put(key, size - 1);
            } else if (size > Obj.SCANNED) {
                index = new HashMap<>();
                for (int i = 0; i < size; i++) {
                    index.put(keys[i], i);
                }
            }
        }
    }

    /** A list; {@code items} is unmodifiable. */
    record Arr(List<Value> items, int offset) implements Value {
    }

    /** A string, as it was written (a lone surrogate escape stays a lone surrogate: it is echoed as it came). */
    record Str(String text, int offset) implements Value {
    }

    /** A number as written, so that writing it back changes nothing. */
    record Num(String text, int offset) implements Value {
    }

    record Bool(boolean value, int offset) implements Value {
    }

    record Null(int offset) implements Value {
    }

    /** Why the bytes are not one strict JSON value: a plain reason, a hint, and the byte offset it concerns. */
    static final class SyntaxError extends Exception {
        private final int offset;
        private final String hint;

        SyntaxError(int offset, String reason, String hint) {
            super(reason, null, false, false);
            this.offset = offset;
            this.hint = hint;
        }

        int offset() {
            return offset;
        }

        String hint() {
            return hint;
        }
    }

    /** The word for a value's JSON type, for messages such as "must be a string, not a number". */
    static String kind(Value value) {
        if (value instanceof Obj) {
            return "an object";
        }
        if (value instanceof Arr) {
            return "a list";
        }
        if (value instanceof Str) {
            return "a string";
        }
        if (value instanceof Num) {
            return "a number";
        }
        if (value instanceof Bool) {
            return "true or false";
        }
        return "null";
    }

    static Value read(byte[] json) throws SyntaxError {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SyntaxError(0, "there is no JSON value, only spaces", "write a JSON object: {...}");
            }
            Value root = value(parser, first, 1);
            int end = (int) parser.currentLocation().getByteOffset();
            boolean more;
            try {
                more = parser.nextToken() != null;
            } catch (JsonProcessingException e) {
                more = true;
            }
            if (more) {
                throw new SyntaxError(skipSpaces(json, end), "there is more text after the end of the JSON value",
                        "remove everything after the last closing '}'");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw describe(json, e);
        } catch (IOException e) {
            // A byte array has no I/O to fail; kept as a syntax error so that no exception escapes unnamed.
            throw new SyntaxError(0, "the JSON could not be read", null);
        }
    }

    private static Value value(JsonParser parser, JsonToken token, int depth) throws IOException, SyntaxError {
        int offset = valueOffset(parser);
        switch (token) {
            case START_OBJECT:
                return object(parser, offset, depth);
            case START_ARRAY:
                return array(parser, offset, depth);
            case VALUE_STRING:
                return new Str(parser.getText(), offset);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Num(parser.getText(), offset);
            case VALUE_TRUE:
                return new Bool(true, offset);
            case VALUE_FALSE:
                return new Bool(false, offset);
            case VALUE_NULL:
                return new Null(offset);
            default:
                // The streaming parser yields only the tokens above where a value is expected.
                throw new IllegalStateException("unexpected JSON token " + token);
        }
    }

    private static Value object(JsonParser parser, int offset, int depth) throws IOException, SyntaxError {
        tooDeep(offset, depth);
        Members members = new Members();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String key = parser.currentName();
            if (members.contains(key)) {
                throw new SyntaxError(offset(parser.currentTokenLocation()), "a key appears twice in the same object",
                        "each key may appear once in an object; remove one of the two");
            }
            members.add(key, value(parser, parser.nextToken(), depth + 1));
        }
        return new Obj(members, offset);
    }

    private static Value array(JsonParser parser, int offset, int depth) throws IOException, SyntaxError {
        tooDeep(offset, depth);
        List<Value> items = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            items.add(value(parser, token, depth + 1));
        }
        return new Arr(Collections.unmodifiableList(items), offset);
    }

    private static void tooDeep(int offset, int depth) throws SyntaxError {
        if (depth > MAX_DEPTH) {
            throw new SyntaxError(offset, "objects and lists are nested more than " + MAX_DEPTH + " levels deep", null);
        }
    }

    /**
     * Where the current value token starts, as {@code currentTokenLocation()} says but without building a location
     * per value: jackson's byte parser puts a value token at its {@code getTokenCharacterOffset()} minus one (a
     * key's place is kept elsewhere, hence keys go through the location). JsonTreeTest checks both agree.
     */
    private static int valueOffset(JsonParser parser) {
        if (parser instanceof ParserBase base && parser.currentToken() != JsonToken.FIELD_NAME) {
            return (int) Math.max(0, base.getTokenCharacterOffset() - 1);
        }
        return offset(parser.currentTokenLocation());
    }

    private static int offset(JsonLocation location) {
        return location == null ? 0 : (int) Math.max(0, location.getByteOffset());
    }

    /** Names the mistake from the bytes around where the parser stopped; the parser's own text quotes the input. */
    private static SyntaxError describe(byte[] json, JsonProcessingException e) {
        int at = e.getLocation() == null ? -1 : (int) e.getLocation().getByteOffset();
        if (e instanceof JsonEOFException || at < 0 || at >= json.length) {
            return new SyntaxError(json.length, "the JSON ends too early: a closing '}', ']' or '\"' is missing",
                    "check that every '{', '[' and '\"' is closed");
        }
        int c = json[at] & 0xff;
        int before = previousNonSpace(json, at);
        int p = before < 0 ? -1 : json[before] & 0xff;
        if ((c == '}' || c == ']') && p == ',') {
            return new SyntaxError(before, "there is a comma after the last entry, which JSON does not allow",
                    "remove this comma");
        }
        if (c < 0x20) {
            return new SyntaxError(at, "a line break or control character stands inside a string",
                    "write a line break as \\n and a tab as \\t inside the quotes");
        }
        if (at > 0 && json[at - 1] == '\\') {
            return new SyntaxError(at - 1, "a backslash in a string starts an escape JSON does not know",
                    "only \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX are escapes; write a backslash itself as \\\\");
        }
        if (c == '\'') {
            return new SyntaxError(at, "JSON needs double quotes, not single quotes",
                    "write \"name\": \"value\" with double quotes");
        }
        if (c == '/' || c == '#') {
            return new SyntaxError(at, "JSON has no comments", "remove the comment");
        }
        if ((p == '{' || p == ',') && isNameStart(c)) {
            return new SyntaxError(at, "a key without double quotes", "write the key in double quotes: \"name\": value");
        }
        if (endsValue(p) && (c == '"' || c == '{' || c == '[' || c == '-' || isNameStart(c) || (c >= '0' && c <= '9'))) {
            return new SyntaxError(at, "a comma is missing before this entry", "separate entries with a comma");
        }
        return new SyntaxError(at, "a character stands where JSON allows none", "check the quotes, commas and brackets at this place");
    }

    private static boolean isNameStart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    /** The last byte of a string, number, literal, object or list. */
    private static boolean endsValue(int c) {
        return c == '"' || c == '}' || c == ']' || (c >= '0' && c <= '9') || c == 'e' || c == 'l';
    }

    private static int previousNonSpace(byte[] json, int at) {
        int i = at - 1;
        while (i >= 0 && isSpace(json[i])) {
            i--;
        }
        return i;
    }

    private static int skipSpaces(byte[] json, int at) {
        int i = Math.max(0, at);
        while (i < json.length && isSpace(json[i])) {
            i++;
        }
        return Math.min(i, json.length);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    /** The 1-based line and column (in characters) of a byte offset in UTF-8 input. */
    static int[] lineAndColumn(byte[] json, int offset) {
        int end = Math.min(Math.max(offset, 0), json.length);
        int line = 1;
        int column = 1;
        for (int i = 0; i < end; i++) {
            byte b = json[i];
            if (b == '\n') {
                line++;
                column = 1;
            } else if ((b & 0xC0) != 0x80) {
                column++; // continuation bytes belong to the character already counted
            }
        }
        return new int[] {line, column};
    }
}
