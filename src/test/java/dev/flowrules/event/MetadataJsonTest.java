package dev.flowrules.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reading and merging JSON metadata on arbitrary text: never throws, and a merge keeps every other member. */
class MetadataJsonTest {
    private static final String[] PIECES = {"{", "}", "[", "]", ",", ":", "\"a\"", "\"b\"", "\"a.b\"", "1", "-2.5e3", "true",
        "null", " ", "\n", "\"x\\u00e9\\\"\"", "\"\\ud83d\\ude00\"", "\"\uD800\"", "'", "/*", "\u2028", "0x1", "\"\\q\""};

    private static final String[] KEYS = {"\"a\"", "\"b\"", "\"k\"", "\"a.b\"", "\"x y\"", "\"\\u006b\"", "\"é\""};
    private static final String[] VALUES = {"1", " -2.50E+3", "true", "null", "\"s\"", "\"\\/\\u00e9\"", "{}", "[ 1 , {\"c\": [] } ]",
        "{\"n\": {\"m\": null}}", "\"\uD83D\uDE00\""};
    private static final String[] SPACES = {"", " ", "\t", "\n "};

    @Test
    void arbitraryTextIsReadWithoutThrowingAndMergesStayObjectsThatKeepOtherMembers() {
        Random random = new Random(12);
        int objects = 0;
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder();
            if (random.nextBoolean()) {
                text.append(SPACES[random.nextInt(SPACES.length)]).append('{');
                for (int n = random.nextInt(5); n > 0; n--) {
                    text.append(KEYS[random.nextInt(KEYS.length)]).append(SPACES[random.nextInt(SPACES.length)]).append(':')
                            .append(VALUES[random.nextInt(VALUES.length)]).append(SPACES[random.nextInt(SPACES.length)])
                            .append(n > 1 ? "," : "");
                }
                text.append('}');
                if (random.nextInt(4) == 0) {
                    text.insert(random.nextInt(text.length() + 1), PIECES[random.nextInt(PIECES.length)]);
                }
            } else {
                for (int n = random.nextInt(12); n > 0; n--) {
                    text.append(PIECES[random.nextInt(PIECES.length)]);
                }
            }
            MetadataJson.Read read = MetadataJson.read(text.toString());
            if (!(read instanceof MetadataJson.Members members)) {
                continue;
            }
            objects++;
            Map<String, String> set = new LinkedHashMap<>();
            set.put("k", "v\n\"");
            set.put("new", "😀");
            String merged = MetadataJson.merge(members, set);
            MetadataJson.Read again = MetadataJson.read(merged);
            assertThat(again).as(text + " -> " + merged).isInstanceOf(MetadataJson.Members.class);
            Map<String, MetadataJson.Member> after = ((MetadataJson.Members) again).members();
            assertThat(after.get("k").text()).isEqualTo("v\n\"");
            assertThat(after.get("new").text()).isEqualTo("😀");
            members.members().forEach((key, member) -> {
                if (!set.containsKey(key)) {
                    assertThat(after.get(key)).as(text.toString()).isEqualTo(member);
                }
            });
            assertThat(new java.util.ArrayList<>(after.keySet()).subList(0, members.members().size()))
                    .as("the app's keys first, in their order").containsExactlyElementsOf(members.members().keySet());
        }
        assertThat(objects).isGreaterThan(1_000);
    }

    @Test
    void deepNestingIsNotAnObjectRatherThanAFailure() {
        String deep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThat(MetadataJson.read(deep)).isInstanceOf(MetadataJson.NotAnObject.class);
        String nested = "{\"a\":" + "[".repeat(200) + "]".repeat(200) + "}";
        assertThat(MetadataJson.read(nested)).isInstanceOf(MetadataJson.Members.class);
    }
}
