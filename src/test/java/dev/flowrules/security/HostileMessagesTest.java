package dev.flowrules.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.flowrules.Engine;
import dev.flowrules.callback.CallbackMapper;
import dev.flowrules.callback.RequestLimits;
import dev.flowrules.compile.RuleSet;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.RuleLoader;
import dev.flowrules.eval.Decision;
import dev.flowrules.eval.Evaluator;
import dev.flowrules.event.EventParser;
import dev.flowrules.event.InvalidEventException;
import dev.flowrules.event.LexContent;
import dev.flowrules.event.Message;
import dev.flowrules.event.ProcessorEvent;
import dev.flowrules.event.PushNotification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated rule sets against generated hostile messages: evaluation never throws or hangs, and the request
 * it leads to never breaks a service limit. Seeded, so a failure reproduces; the seed is in the message.
 */
public class HostileMessagesTest {
    static final String[] PIECES = {"scam", "SCAM", "card", "4111 1111 1111 1111", "free money", "a", " ", "\n", "\t",
            "\uD83D\uDE00", "\uD800", "\uDC00", "e\u0301", "\u202Eevil", "\u200B", "\u0000", "\u0007", "ＳＣＡＭ", "ß", "İ", "ı",
            "{{content}}", "$1", "\\", "\"", "'", "<speak>", "{\"Messages\":[", "]}", "*", "x".repeat(600), "€", "日本語"};
    static final String[] FIELDS = {"content", "content-type", "metadata", "sender.name", "sender.arn", "channel.arn",
            "sub-channel-id", "push.title", "push.body", "push.type", "bot.text", "bot.message-type", "bot.error.code",
            "bot.intent", "bot.message-count"};
    static final String[] SAFE_WORDS = {"scam", "card", "free money", "hello", "ß", "café", "日本", "x", "a b", "İstanbul"};

    @Test
    void generatedRulesOnGeneratedMessagesNeverThrowNorBreakALimit() {
        Random random = new Random(20261125);
        int ruleSets = 0;
        int evaluations = 0;
        for (int set = 0; set < 150; set++) {
            String yaml = ruleFile(random);
            LoadResult loaded = RuleLoader.parse("gen.yaml", yaml.getBytes(StandardCharsets.UTF_8), null);
            if (loaded.hasErrors()) {
                continue; // the generator may write an invalid regex; the loader's job, tested elsewhere
            }
            ruleSets++;
            RuleSet rules = RuleSet.compile(loaded.files());
            for (int m = 0; m < 40; m++) {
                Message message = message(random);
                ProcessorEvent event = new ProcessorEvent("CHANNEL_MESSAGE_EVENT", "0123456789abcdef0123456789abcdef", message);
                String context = "rule set " + set + ", message " + m + ":\n" + yaml;
                Decision decision = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Evaluator.evaluate(rules, message), context);
                assertThat(decision.outcome()).as(context).isNotNull();
                assertThat(decision.notes()).as(context).noneMatch(n -> n.kind() == dev.flowrules.eval.NoteKind.RULE_FAILED || n.kind() == dev.flowrules.eval.NoteKind.ACTION_FAILED);
                assertThat(RequestLimits.violations(event, CallbackMapper.toRequest(event, decision))).as(context).isEmpty();
                evaluations++;
            }
        }
        assertThat(ruleSets).isGreaterThan(100);
        assertThat(evaluations).isGreaterThan(4000);
    }

    @Test
    void hundredKilobyteValuesAreEvaluatedInBoundedTime() {
        Engine engine = Engine.fromRules(Path.of("rules-examples"));
        String big = "4111 1111 1111 1111 jane@example.com scam ".repeat(2_500);
        Message message = new Message("m", "arn:aws:chime:x", big, "text/markdown", big.substring(0, 5000), "arn:s", big, null,
                "STANDARD", "PERSISTENT", new PushNotification(big, big, "DEFAULT"), Map.of("priority", List.of(big), "kind", List.of("call")));
        ProcessorEvent event = new ProcessorEvent("CHANNEL_MESSAGE_EVENT", "0123456789abcdef0123456789abcdef", message);
        Decision decision = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> engine.evaluate(event));
        assertThat(RequestLimits.violations(event, CallbackMapper.toRequest(event, decision))).isEmpty();
    }

    @Test
    void hostileEventJsonIsRejectedCleanlyOrRead() {
        String id = "0123456789abcdef0123456789abcdef";
        String arn = "arn:aws:chime:us-east-1:1:app-instance/a/channel/c";
        List<String> events = List.of(
                "{\"CallbackId\":\"" + id + "\",\"ChannelMessage\":{\"MessageId\":\"m\",\"ChannelArn\":\"" + arn + "\",\"Content\":\"\\ud800 lone\"}}",
                "{\"CallbackId\":\"" + id + "\",\"ChannelMessage\":{\"MessageId\":\"m\",\"ChannelArn\":\"" + arn + "\",\"Content\":\"bad \\x escape\"}}",
                "{\"CallbackId\":\"" + id + "\",\"ChannelMessage\":{\"MessageId\":\"m\",\"ChannelArn\":\"" + arn + "\",\"Content\":null,\"MessageAttributes\":[1,2]}}",
                "{\"CallbackId\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                "{\"CallbackId\":\"" + id + "\",\"ChannelMessage\":{\"MessageId\":\"m\",\"ChannelArn\":\"" + arn + "\",\"Content\":1e999999999}}",
                "{\"CallbackId\":\"" + id + "\"," + "\"k\":1,".repeat(10_000) + "\"ChannelMessage\":{\"MessageId\":\"m\",\"ChannelArn\":\"" + arn + "\"}}",
                "\u0000\u0000", "{\"a\":\"" + "x".repeat(2 << 20) + "\"}");
        Engine engine = Engine.fromRules(Path.of("rules-examples"));
        for (String json : events) {
            try {
                Engine.Processed processed = assertTimeoutPreemptively(Duration.ofSeconds(10),
                        () -> engine.process(json.getBytes(StandardCharsets.UTF_8)));
                assertThat(RequestLimits.violations(processed.event(), processed.request())).isEmpty();
            } catch (InvalidEventException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
        assertThatThrownBy(() -> EventParser.parse("{\"a\":\"" + "x".repeat(2 << 20) + "\"}"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("more than the 262144 bytes");
    }

    // ---- generators ----

    static String text(Random random, int maxPieces) {
        StringBuilder text = new StringBuilder();
        int n = random.nextInt(maxPieces + 1);
        for (int i = 0; i < n; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    static String maybe(Random random, String value) {
        return random.nextInt(4) == 0 ? null : value;
    }

    public static Message message(Random random) {
        String contentType = switch (random.nextInt(6)) {
            case 0 -> LexContent.MESSAGES_TYPE;
            case 1 -> LexContent.ERROR_TYPE;
            case 2 -> "text/markdown";
            case 3 -> null;
            default -> "text/plain";
        };
        String content = LexContent.MESSAGES_TYPE.equals(contentType) && random.nextBoolean() ? lexDocument(random)
                : random.nextInt(20) == 0 ? text(random, 3).repeat(3000) : text(random, 12);
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            List<String> values = new ArrayList<>();
            for (int k = random.nextInt(3); k >= 0; k--) {
                values.add(random.nextBoolean() ? String.valueOf(random.nextInt(10) - 3) : text(random, 3));
            }
            attributes.put(random.nextInt(3) == 0 ? text(random, 2) : "attr" + random.nextInt(4), values);
        }
        if (random.nextBoolean()) {
            attributes.put("CHIME.LEX.sessionState.intent.name", List.of(random.nextBoolean() ? "FallbackIntent" : text(random, 2)));
        }
        return new Message("m-" + random.nextInt(1000), "arn:aws:chime:us-east-1:1:app-instance/a/channel/c", maybe(random, content),
                contentType, maybe(random, text(random, 4)), maybe(random, text(random, 2)), maybe(random, text(random, 2)),
                random.nextBoolean() ? "sub-1" : maybe(random, text(random, 1)), "STANDARD", "PERSISTENT",
                new PushNotification(maybe(random, text(random, 3)), maybe(random, text(random, 3)),
                        random.nextBoolean() ? "VOIP" : maybe(random, text(random, 1))), attributes);
    }

    static String lexDocument(Random random) {
        StringBuilder json = new StringBuilder("{\"Messages\":[");
        for (int i = random.nextInt(4); i >= 0; i--) {
            String text = json(text(random, 4));
            json.append(switch (random.nextInt(4)) {
                case 0 -> "{\"ContentType\":\"ImageResponseCard\",\"ImageResponseCard\":{\"Title\":" + text
                        + ",\"Buttons\":[{\"Text\":" + text + ",\"Value\":\"v\"}]}}";
                case 1 -> "{\"ContentType\":\"SSML\",\"Content\":" + text + "}";
                case 2 -> "{\"ContentType\":\"CustomPayload\",\"Content\":" + text + ",\"Extra\":[1,true,null]}";
                default -> "{\"ContentType\":\"PlainText\",\"Content\":" + text + "}";
            }).append(i > 0 ? "," : "");
        }
        return json.append("]}").toString();
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** A rule file in YAML flow style; strings are JSON-quoted, which YAML reads the same. */
    public static String ruleFile(Random random) {
        StringBuilder yaml = new StringBuilder("version: 1\nrules:\n");
        for (int r = random.nextInt(6) + 1; r > 0; r--) {
            yaml.append("  - {id: r").append(r).append(", when: ").append(condition(random, 0))
                    .append(", then: [").append(actions(random)).append("]}\n");
        }
        return yaml.toString();
    }

    static String word(Random random) {
        return json(SAFE_WORDS[random.nextInt(SAFE_WORDS.length)]);
    }

    static String condition(Random random, int depth) {
        int kind = random.nextInt(depth > 2 ? 3 : 7);
        if (kind == 0) {
            return "always";
        }
        if (kind >= 4) {
            String combinator = kind == 4 ? "all" : kind == 5 ? "any" : "not";
            return combinator.equals("not") ? "{not: " + condition(random, depth + 1) + "}"
                    : "{" + combinator + ": [" + condition(random, depth + 1) + ", " + condition(random, depth + 1) + "]}";
        }
        if (random.nextInt(5) == 0) {
            return "{bot-message: {" + (random.nextBoolean() ? "index: " + (random.nextInt(3) + 1) + ", " : "")
                    + "type: {one-of: [PlainText, ImageResponseCard]}, title: {exists: " + random.nextBoolean() + "}}}";
        }
        if (random.nextInt(4) == 0) {
            return "{attributes: {" + "attr" + random.nextInt(4) + ": " + test(random) + "}}";
        }
        return "{" + FIELDS[random.nextInt(FIELDS.length)] + ": " + test(random) + "}";
    }

    static String test(Random random) {
        return switch (random.nextInt(13)) {
            case 0 -> "{equals: " + word(random) + ", ignore-case: " + random.nextBoolean() + "}";
            case 1 -> "{one-of: [" + word(random) + ", " + word(random) + "]}";
            case 2 -> "{starts-with: " + word(random) + "}";
            case 3 -> "{ends-with: " + word(random) + ", ignore-case: true}";
            case 4 -> "{contains: " + word(random) + "}";
            case 5 -> "{contains-word: [" + word(random) + ", " + word(random) + "]}";
            case 6 -> "{matches: \"*" + SAFE_WORDS[random.nextInt(SAFE_WORDS.length)] + "*\"}";
            case 7 -> "{regex: " + json(new String[] {"(a+)+$", "(x+x+)+y", "\\d{4}", "^$", ".*", "(?i)scam", "\\p{L}+", "(a|aa)+$"}[random.nextInt(8)]) + "}";
            case 8 -> "{length-at-least: " + random.nextInt(100) + "}";
            case 9 -> "{at-least: " + (random.nextInt(7) - 3) + "}";
            case 10 -> "{exists: " + random.nextBoolean() + "}";
            case 11 -> "{less-than: 2.5}";
            default -> word(random);
        };
    }

    static String actions(Random random) {
        List<String> actions = new ArrayList<>();
        for (int i = random.nextInt(4) + 1; i > 0; i--) {
            String template = json(new String[] {"{{content}}{{content}}{{content}}", "[{{matched}}]", "{{attributes.attr1}}",
                    "{{bot.text}}", "{{sender.name}} said {{content}}", "x", "€".repeat(400), "{{metadata}}{{push.body}}"}[random.nextInt(8)]);
            actions.add(switch (random.nextInt(12)) {
                case 0 -> "{replace-content: " + template + "}";
                case 1 -> "{rewrite: {regex: " + json(new String[] {"\\w+", "(\\d)", "a*", "."}[random.nextInt(4)]) + ", with: " + template + "}}";
                case 2 -> "{redact: " + json(new String[] {"\\d{4}", "\\S+", "x*"}[random.nextInt(3)]) + "}";
                case 3 -> "{set-metadata: " + template + "}";
                case 4 -> "{set-attributes: {attr" + random.nextInt(4) + ": [" + template + ", " + template + "]}}";
                case 5 -> "{remove-attributes: [attr" + random.nextInt(4) + "]}";
                case 6 -> "{set-push: {title: " + template + ", body: " + template + ", type: VOIP}}";
                case 7 -> "{set-content-type: text/plain}";
                case 8 -> new String[] {"{bot-replace-message: {index: 1, with: " + template + "}}",
                        "{bot-replace-message: {type: {one-of: [PlainText, SSML]}, with: " + template + "}}",
                        "{bot-replace-answer: " + template + "}"}[random.nextInt(3)];
                case 9 -> "{bot-append-message: " + template + "}";
                case 10 -> "{bot-to-plain-text: " + template + "}";
                default -> random.nextInt(3) == 0 ? "deny" : "{bot-drop-messages: {type: ImageResponseCard}}";
            });
        }
        return String.join(", ", actions);
    }
}
