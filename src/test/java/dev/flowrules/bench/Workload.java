package dev.flowrules.bench;

import dev.flowrules.event.LexContent;
import dev.flowrules.event.Message;
import dev.flowrules.event.PushNotification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The same rules and messages for every contender, generated from fixed seeds. Rules cycle through the kinds
 * all four engines can express: exact value, prefix, suffix, equals-ignore-case, wildcard, anything-but and
 * exists, on attributes and content. Messages mix short chat lines, 1 KB and 4 KB texts and Lex bot answers;
 * a few of them hit a few rules, as real traffic does.
 */
final class Workload {
    static final int KINDS = 7;

    /** One rule in the four notations. */
    record Rule(String yaml, String rulerJson, String mvel, java.util.function.Predicate<Msg> naive) {
    }

    /** A message in the forms the contenders read. */
    record Msg(Message message, String json, Map<String, Object> facts) {
        String content() {
            return message.content();
        }

        String attribute(String name) {
            List<String> values = message.attributes().get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /**
     * With {@code selective}, anything-but rules (which match nearly every message that has the attribute, so
     * that matches grow with the rule count) are replaced by exact-value rules: each message then matches about
     * as many rules whatever their number, which isolates the engine's own cost from the size of its answer.
     */
    static Rule rule(int i, boolean selective) {
        return selective && i % KINDS == 5 ? rule(i - 5) : rule(i);
    }

    static Rule rule(int i) {
        return switch (i % KINDS) {
            case 0 -> new Rule("{attributes: {topic: topic-" + i + "}}", "{\"attributes\":{\"topic\":[\"topic-" + i + "\"]}}",
                    "attributes['topic'] == 'topic-" + i + "'", m -> ("topic-" + i).equals(m.attribute("topic")));
            case 1 -> new Rule("{content: {starts-with: 'cmd-" + i + " '}}", "{\"content\":[{\"prefix\":\"cmd-" + i + " \"}]}",
                    "content.startsWith('cmd-" + i + " ')", m -> m.content().startsWith("cmd-" + i + " "));
            case 2 -> new Rule("{content: {ends-with: ' sig-" + i + "'}}", "{\"content\":[{\"suffix\":\" sig-" + i + "\"}]}",
                    "content.endsWith(' sig-" + i + "')", m -> m.content().endsWith(" sig-" + i));
            case 3 -> new Rule("{attributes: {team: {equals: Team-" + i + ", ignore-case: true}}}",
                    "{\"attributes\":{\"team\":[{\"equals-ignore-case\":\"Team-" + i + "\"}]}}",
                    "attributes['team'] != null && attributes['team'].equalsIgnoreCase('Team-" + i + "')",
                    m -> m.attribute("team") != null && m.attribute("team").equalsIgnoreCase("Team-" + i));
            case 4 -> {
                java.util.regex.Pattern pattern = java.util.regex.Pattern.compile("(?s)order-" + i + "-.*");
                yield new Rule("{content: {matches: 'order-" + i + "-*'}}", "{\"content\":[{\"wildcard\":\"order-" + i + "-*\"}]}",
                        "content ~= '(?s)order-" + i + "-.*'", m -> pattern.matcher(m.content()).matches());
            }
            case 5 -> new Rule("{all: [{attributes: {region: {exists: true}}}, {not: {attributes: {region: region-" + i + "}}}]}",
                    "{\"attributes\":{\"region\":[{\"anything-but\":\"region-" + i + "\"}]}}",
                    "attributes['region'] != null && attributes['region'] != 'region-" + i + "'",
                    m -> m.attribute("region") != null && !("region-" + i).equals(m.attribute("region")));
            default -> new Rule("{attributes: {flag-" + i + ": {exists: true}}}", "{\"attributes\":{\"flag-" + i + "\":[{\"exists\":true}]}}",
                    "attributes.containsKey('flag-" + i + "')", m -> m.message().attributes().containsKey("flag-" + i));
        };
    }

    static String ruleFile(int count, String action) {
        return ruleFile(count, action, false);
    }

    static String ruleFile(int count, String action, boolean selective) {
        StringBuilder yaml = new StringBuilder("version: 1\nrules:\n");
        for (int i = 0; i < count; i++) {
            yaml.append("  - {id: r").append(i).append(", when: ").append(rule(i, selective).yaml())
                    .append(", then: [").append(action.replace("%d", String.valueOf(i))).append("]}\n");
        }
        return yaml.toString();
    }

    static List<Msg> messages(int ruleCount, int count, long seed) {
        Random random = new Random(seed);
        List<Msg> messages = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            String body = switch (n % 4) {
                case 0 -> sentence(random, 6);
                case 1 -> sentence(random, 150);   // about 1 KB
                case 2 -> sentence(random, 600);   // about 4 KB
                default -> null;
            };
            String contentType = body == null ? LexContent.MESSAGES_TYPE : "text/plain";
            if (body == null) {
                body = "{\"Messages\":[{\"Content\":\"" + sentence(random, 20) + "\",\"ContentType\":\"PlainText\"},"
                        + "{\"ContentType\":\"ImageResponseCard\",\"ImageResponseCard\":{\"Title\":\"Choose\",\"Buttons\":"
                        + "[{\"Text\":\"Balance\",\"Value\":\"balance\"}]}}]}";
            }
            int k = random.nextInt(Math.max(1, ruleCount));
            switch (random.nextInt(10)) {
                case 0 -> body = "cmd-" + k + " " + body;
                case 1 -> body = body + " sig-" + k;
                case 2 -> body = "order-" + k + "-" + body;
                default -> {
                }
            }
            Map<String, List<String>> attributes = new LinkedHashMap<>();
            if (random.nextInt(2) == 0) {
                attributes.put("topic", List.of("topic-" + random.nextInt(Math.max(1, ruleCount))));
            }
            if (random.nextInt(3) == 0) {
                attributes.put("team", List.of("TEAM-" + random.nextInt(Math.max(1, ruleCount))));
            }
            if (random.nextInt(4) == 0) {
                attributes.put("region", List.of("region-" + random.nextInt(Math.max(1, ruleCount))));
            }
            if (random.nextInt(5) == 0) {
                attributes.put("flag-" + random.nextInt(Math.max(1, ruleCount)), List.of("1"));
            }
            Message message = new Message("m-" + n, "arn:aws:chime:us-east-1:1:app-instance/a/channel/c", body, contentType,
                    null, "arn:aws:chime:us-east-1:1:app-instance/a/user/u", "User", null, "STANDARD", "PERSISTENT",
                    PushNotification.NONE, attributes);
            messages.add(new Msg(message, json(message), facts(message)));
        }
        return messages;
    }

    static String sentence(Random random, int words) {
        String[] vocabulary = {"hello", "order", "status", "please", "refund", "the", "payment", "is", "late", "thanks",
                "team", "call", "me", "when", "ready", "account", "support", "help", "now", "today"};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return text.toString();
    }

    static String json(Message message) {
        StringBuilder json = new StringBuilder("{\"content\":").append(quote(message.content())).append(",\"attributes\":{");
        int i = 0;
        for (var entry : message.attributes().entrySet()) {
            json.append(i++ == 0 ? "" : ",").append(quote(entry.getKey())).append(':').append(quote(entry.getValue().get(0)));
        }
        return json.append("}}").toString();
    }

    static Map<String, Object> facts(Message message) {
        Map<String, String> attributes = new LinkedHashMap<>();
        message.attributes().forEach((name, values) -> attributes.put(name, values.get(0)));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("content", message.content());
        facts.put("attributes", attributes);
        return facts;
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Deterministic word lists: {@code lists} lists of {@code size} made-up words each. */
    static List<List<String>> wordLists(int lists, int size, long seed) {
        Random random = new Random(seed);
        List<List<String>> result = new ArrayList<>();
        for (int l = 0; l < lists; l++) {
            List<String> words = new ArrayList<>();
            for (int w = 0; w < size; w++) {
                words.add("w" + l + "x" + Integer.toString(random.nextInt(1 << 30), 36));
            }
            result.add(words);
        }
        return result;
    }
}
