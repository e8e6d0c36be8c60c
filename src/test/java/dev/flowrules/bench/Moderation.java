package dev.flowrules.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A moderation rule set of any size and processor events as the service sends them (bytes), from fixed seeds.
 * Rules cycle through what a moderator writes: word lists inline and in files (ten files of 200 entries, one rule
 * each), {@code contains} with ignore-case,
 * case-blind and case-sensitive regexes, attribute equality, prefixes, numbers and Lex bot-answer tests. The
 * {@code shared} mix keeps only what event-ruler can express too (equality, prefix, equals-ignore-case, a
 * wildcard {@code *x*} for contains, exists), each rule in both notations.
 */
final class Moderation {
    static final int LISTS = 10;
    static final int WORDS_PER_LIST = 200;
    static final String CALLBACK = "0123456789abcdef0123456789abcdef";
    static final String CHANNEL = "arn:aws:chime:us-east-1:111122223333:app-instance/8a1b2c3d-0000-4000-8000-000000000001/channel/c";

    private Moderation() {
    }

    /** The YAML condition of rule i of the moderation mix. */
    static String condition(int i) {
        return switch (i % 9) {
            case 0 -> "{content: {contains-word: [badw" + i + "a, 'bad phrase " + i + "']}}";
            case 1 -> i / 9 < LISTS ? "{content: {contains-word: {file: lists/list" + (i / 9) + ".txt}}}"
                    : "{content: {contains-word: [spamw" + i + ", 'spam phrase " + i + "']}}";
            case 2 -> "{content: {contains: Promo-" + i + ", ignore-case: true}}";
            case 3 -> "{content: {regex: '(?i)\\border[- ]?#?" + i + "\\b'}}";
            case 4 -> "{attributes: {topic: topic-" + i + "}}";
            case 5 -> "{content: {starts-with: 'cmd-" + i + " '}}";
            case 6 -> "{all: [{attributes: {kind: kind-" + i + "}}, {attributes: {score: {at-least: 5}}}]}";
            case 7 -> "{bot-message: {title: {contains: balance-" + i + "}}}";
            default -> "{content: {regex: '\\bSKU-" + i + "-\\d{4}\\b'}}";
        };
    }

    /** Rule i of the shared mix, as {yaml condition, event-ruler pattern on the event JSON}. */
    static String[] shared(int i) {
        return switch (i % 5) {
            case 0 -> new String[] {"{attributes: {topic: topic-" + i + "}}",
                    "{\"ChannelMessage\":{\"MessageAttributes\":{\"topic\":{\"StringValues\":[\"topic-" + i + "\"]}}}}"};
            case 1 -> new String[] {"{content: {starts-with: 'cmd-" + i + " '}}",
                    "{\"ChannelMessage\":{\"Content\":[{\"prefix\":\"cmd-" + i + " \"}]}}"};
            case 2 -> new String[] {"{attributes: {team: {equals: Team-" + i + ", ignore-case: true}}}",
                    "{\"ChannelMessage\":{\"MessageAttributes\":{\"team\":{\"StringValues\":[{\"equals-ignore-case\":\"Team-" + i + "\"}]}}}}"};
            case 3 -> new String[] {"{content: {contains: promo-" + i + "}}",
                    "{\"ChannelMessage\":{\"Content\":[{\"wildcard\":\"*promo-" + i + "*\"}]}}"};
            default -> new String[] {"{attributes: {flag-" + i + ": {exists: true}}}",
                    "{\"ChannelMessage\":{\"MessageAttributes\":{\"flag-" + i + "\":{\"StringValues\":[{\"exists\":true}]}}}}"};
        };
    }

    /** A file may hold at most 2,000 rules (LoaderLimits); larger sets are split as an author would. */
    static final int RULES_PER_FILE = 1_000;

    static String ruleFile(int from, int to, boolean sharedMix) {
        StringBuilder yaml = new StringBuilder("version: 1\nrules:\n");
        for (int i = from; i < to; i++) {
            yaml.append("  - {id: r").append(i).append(", when: ").append(sharedMix ? shared(i)[0] : condition(i))
                    .append(", then: [{set-metadata: r").append(i).append("}]}\n");
        }
        return yaml.toString();
    }

    /** Writes the rule files and their list files into a new directory; returns the directory. */
    static Path writeRules(int count, boolean sharedMix) {
        try {
            Path dir = Files.createTempDirectory("flowrules-bench");
            Files.createDirectories(dir.resolve("lists"));
            for (int l = 0; l < LISTS; l++) {
                Files.write(dir.resolve("lists/list" + l + ".txt"), listWords(l), StandardCharsets.UTF_8);
            }
            for (int from = 0, file = 0; from < count; from += RULES_PER_FILE, file++) {
                Files.writeString(dir.resolve(String.format("rules-%02d.yaml", file)),
                        ruleFile(from, Math.min(count, from + RULES_PER_FILE), sharedMix));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> listWords(int list) {
        Random random = new Random(1000 + list);
        List<String> words = new ArrayList<>();
        for (int w = 0; w < WORDS_PER_LIST; w++) {
            words.add(w % 10 == 0 ? "l" + list + "w" + w + " phrase" : "l" + list + "w" + Integer.toString(random.nextInt(1 << 30), 36));
        }
        return words;
    }

    /** Processor events, about 1 KB of content each, a few hitting a rule or two, some of them Lex answers. */
    static List<byte[]> events(int ruleCount, int count, long seed) {
        Random random = new Random(seed);
        List<byte[]> events = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int k = random.nextInt(Math.max(1, ruleCount));
            String text = Workload.sentence(random, 150);
            switch (random.nextInt(8)) {
                case 0 -> text = "cmd-" + k + " " + text;
                case 1 -> text = text + " please check Order #" + k + " today";
                case 2 -> text = text + " promo-" + k + " inside";
                case 3 -> text = text + " SKU-" + k + "-1234 shipped";
                case 4 -> text = text + " badw" + k + "a";
                case 5 -> text = text + " " + listWords(k % LISTS).get(random.nextInt(WORDS_PER_LIST));
                default -> {
                }
            }
            boolean lex = n % 8 == 7;
            String content = lex ? "{\"Messages\":[{\"Content\":\"" + Workload.sentence(random, 20) + "\",\"ContentType\":\"PlainText\"},"
                    + "{\"ContentType\":\"ImageResponseCard\",\"ImageResponseCard\":{\"Title\":\"Your balance-" + k + "\",\"Buttons\":"
                    + "[{\"Text\":\"Balance\",\"Value\":\"balance\"}]}}]}" : text;
            StringBuilder attributes = new StringBuilder();
            addAttribute(attributes, random.nextInt(2) == 0, "topic", "topic-" + random.nextInt(Math.max(1, ruleCount)));
            addAttribute(attributes, random.nextInt(3) == 0, "team", "TEAM-" + random.nextInt(Math.max(1, ruleCount)));
            addAttribute(attributes, random.nextInt(3) == 0, "kind", "kind-" + random.nextInt(Math.max(1, ruleCount)));
            addAttribute(attributes, random.nextInt(2) == 0, "score", String.valueOf(random.nextInt(10)));
            addAttribute(attributes, random.nextInt(5) == 0, "flag-" + random.nextInt(Math.max(1, ruleCount)), "1");
            String json = "{\"EventType\":\"CHANNEL_MESSAGE_EVENT\",\"CallbackId\":\"" + CALLBACK + "\",\"ChannelMessage\":{"
                    + "\"MessageId\":\"m-" + n + "\",\"ChannelArn\":\"" + CHANNEL + "\",\"Content\":" + Workload.quote(content) + ","
                    + (lex ? "\"ContentType\":\"application/amz-chime-lex-msgs\"," : "")
                    + "\"MessageAttributes\":{" + attributes + "},"
                    + "\"Sender\":{\"Arn\":\"arn:aws:chime:us-east-1:111122223333:app-instance/a/user/u\",\"Name\":\"User\"},"
                    + "\"Persistence\":\"PERSISTENT\",\"Type\":\"STANDARD\"}}";
            events.add(json.getBytes(StandardCharsets.UTF_8));
        }
        return events;
    }

    private static void addAttribute(StringBuilder json, boolean add, String name, String value) {
        if (add) {
            json.append(json.length() == 0 ? "" : ",").append('"').append(name).append("\":{\"StringValues\":[\"").append(value).append("\"]}");
        }
    }
}
