package dev.flowrules.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTreeTest {
    private static final List<String> SAMPLES = List.of(
            "{\"a\": 1, \"b\": [true, false, null, \"x\", -2.5e3], \"c\": {\"d\": {}, \"e\": []}}",
            "  [ {\"k\":\"v\"} ,\n\t\"\u00e9t\u00e9 \\u00e9\", 12 ]",
            "\"only a string\"",
            "{\"caf\u00e9\": {\"\u65e5\u672c\": [\"\ud83d\ude00\", 0]}, \"\\\"q\\\"\": \"\\n\"}",
            "\n\n   {\"long\": \"" + "y".repeat(5000) + "\", \"after\": [1, [2, [3]]]}");

    /**
     * The tree reads value offsets from jackson's token offset rather than from a location object per value: they
     * must be the places {@code currentTokenLocation()} gives, which error messages point at.
     */
    @Test
    void everyValueStartsWhereJacksonsLocationSays() throws Exception {
        for (String sample : SAMPLES) {
            byte[] json = sample.getBytes(StandardCharsets.UTF_8);
            List<Integer> fromTree = new ArrayList<>();
            offsets(JsonTree.read(json), fromTree);
            assertThat(fromTree).as(sample).isEqualTo(locationOffsets(json));
        }
    }

    @Test
    void keysAreFoundInSmallAndLargeObjects() throws Exception {
        for (int size : new int[] {1, 16, 17, 300}) {
            StringBuilder json = new StringBuilder("{");
            for (int i = 0; i < size; i++) {
                json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v").append(i).append('"');
            }
            JsonTree.Obj object = (JsonTree.Obj) JsonTree.read(json.append('}').toString().getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < size; i++) {
                assertThat(((JsonTree.Str) object.get("k" + i)).text()).isEqualTo("v" + i);
            }
            assertThat(object.get("k" + size)).isNull();
            List<String> keys = new ArrayList<>();
            object.forEach((key, value) -> keys.add(key));
            assertThat(keys).hasSize(size).startsWith("k0").endsWith("k" + (size - 1));
        }
    }

    @Test
    void aKeyTwiceIsFoundInLargeObjectsToo() {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 40; i++) {
            json.append("\"k").append(i).append("\":0,");
        }
        byte[] bytes = json.append("\"k3\":1}").toString().getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JsonTree.read(bytes)).isInstanceOf(JsonTree.SyntaxError.class)
                .hasMessage("a key appears twice in the same object")
                .satisfies(e -> assertThat(((JsonTree.SyntaxError) e).offset()).isEqualTo(bytes.length - 7));
    }

    private static void offsets(JsonTree.Value value, List<Integer> into) {
        into.add(value.offset());
        if (value instanceof JsonTree.Obj object) {
            object.forEach((key, member) -> offsets(member, into));
        } else if (value instanceof JsonTree.Arr array) {
            array.items().forEach(item -> offsets(item, into));
        }
    }

    private static List<Integer> locationOffsets(byte[] json) throws Exception {
        List<Integer> offsets = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
                    offsets.add((int) parser.currentTokenLocation().getByteOffset());
                }
            }
        }
        return offsets;
    }
}
