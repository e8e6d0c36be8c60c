package dev.flowrules.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.TestRules;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.RuleLoader;
import dev.flowrules.eval.Decision;
import dev.flowrules.eval.Evaluator;
import dev.flowrules.event.Message;
import dev.flowrules.security.HostileMessagesTest;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The candidate index and the shared word index must never change a decision: checked against testing every rule. */
class CandidateIndexTest {
    @Test
    void indexedEvaluationEqualsTestingEveryRule() {
        Random random = new Random(7);
        int compared = 0;
        for (int set = 0; set < 200; set++) {
            String yaml = HostileMessagesTest.ruleFile(random);
            LoadResult loaded = RuleLoader.parse("gen.yaml", yaml.getBytes(StandardCharsets.UTF_8), null);
            if (loaded.hasErrors()) {
                continue;
            }
            RuleSet rules = RuleSet.compile(loaded.files());
            for (int m = 0; m < 30; m++) {
                Message message = HostileMessagesTest.message(random);
                Decision indexed = Evaluator.evaluate(rules, message);
                Decision reference = Evaluator.evaluateEveryRule(rules, message);
                assertThat(indexed).as(yaml).isEqualTo(reference);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(3000);
    }

    /**
     * Rule sets of contains, regex (case-blind or not, alternations, classes), wildcard and Lex tests, on
     * messages made of letters whose case classes are surprising (long s, Kelvin sign, dotted I, sigmas, sharp s):
     * the literal index must select every rule that matches.
     */
    @Test
    void literalIndexEqualsTestingEveryRule() {
        Random random = new Random(13);
        int compared = 0;
        int matched = 0;
        for (int set = 0; set < 300; set++) {
            StringBuilder yaml = new StringBuilder("version: 1\nrules:\n");
            for (int r = random.nextInt(12) + 1; r > 0; r--) {
                yaml.append("  - {id: r").append(r).append(", when: ").append(literalCondition(random, 0))
                        .append(", then: [{set-attributes: {hit-r").append(r).append(": [x]}}]}\n");
            }
            LoadResult loaded = RuleLoader.parse("gen.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8), null);
            assertThat(loaded.hasErrors()).as(yaml + loaded.errors().toString()).isFalse();
            RuleSet rules = RuleSet.compile(loaded.files());
            for (int m = 0; m < 40; m++) {
                Message message = literalMessage(random);
                Decision indexed = Evaluator.evaluate(rules, message);
                Decision reference = Evaluator.evaluateEveryRule(rules, message);
                assertThat(indexed).as(yaml + "\n" + message).isEqualTo(reference);
                matched += reference.matches().size();
                compared++;
            }
        }
        assertThat(compared).isEqualTo(12_000);
        assertThat(matched).isGreaterThan(3_000);
    }

    private static final String[] LITERALS = {"order", "Scam", "\u017Fcam", "K", "\u212Aelvin", "\u0130", "i", "\u03A3", "\u03C2",
            "\u00DF", "ss", "STRASSE", "42", "free money", "\u00E9", "\uD801\uDC00", "a"};
    private static final String[] REGEXES = {"(?i)\\border[- ]?#?42\\b", "fr[e3]{2} (money|cash)", "\\b\\x{212A}elvin",
            "(?i)stra(ss|\u00DF)e", "[sS]cam+", "(?:a|bc)+d", "\u017Ft", "\\d{2}", "^order", "(?i)\u0130", "\u03A3+",
            "(?i)\u03C3\u03C2", "x(?i:AB)y", "(?i)[k\u212A]elvin", "scam|order", "\\Qfree money\\E", "(?i)\\x{17F}cam", "a|\\w",
            "(?i)\uD801\uDC28"};

    static String literalCondition(Random random, int depth) {
        int kind = random.nextInt(depth > 1 ? 8 : 11);
        String literal = json(LITERALS[random.nextInt(LITERALS.length)]);
        String regex = json(REGEXES[random.nextInt(REGEXES.length)]);
        String ignoreCase = ", ignore-case: " + random.nextBoolean();
        return switch (kind) {
            case 0, 1 -> "{content: {contains: " + literal + ignoreCase + "}}";
            case 2, 3 -> "{content: {regex: " + regex + ignoreCase + "}}";
            case 4 -> "{content: {matches: " + json("*" + LITERALS[random.nextInt(LITERALS.length)] + "*") + ignoreCase + "}}";
            case 5 -> "{bot.text: {" + (random.nextBoolean() ? "contains: " + literal : "regex: " + regex) + ignoreCase + "}}";
            case 6 -> "{bot-message: {" + (random.nextBoolean() ? "index: 1, " : "") + new String[] {"text", "title", "button", "button-value"}[random.nextInt(4)]
                    + ": {" + new String[] {"contains: " + literal, "regex: " + regex, "equals: " + literal, "one-of: [" + literal + ", order]",
                            "starts-with: " + literal, "ends-with: " + literal}[random.nextInt(6)] + ignoreCase + "}}}";
            case 7 -> "{attributes: {topic: {contains: " + literal + ignoreCase + "}}}";
            case 8 -> "{any: [" + literalCondition(random, depth + 1) + ", " + literalCondition(random, depth + 1) + "]}";
            case 9 -> "{all: [" + literalCondition(random, depth + 1) + ", " + literalCondition(random, depth + 1) + "]}";
            default -> "{not: " + literalCondition(random, depth + 1) + "}";
        };
    }

    static Message literalMessage(Random random) {
        boolean lex = random.nextInt(3) == 0;
        String content;
        if (lex) {
            content = "{\"Messages\":[{\"ContentType\":\"PlainText\",\"Content\":" + json(text(random)) + "},"
                    + "{\"ContentType\":\"ImageResponseCard\",\"ImageResponseCard\":{\"Title\":" + json(text(random))
                    + ",\"Buttons\":[{\"Text\":" + json(text(random)) + ",\"Value\":" + json(text(random)) + "}]}}]}";
        } else {
            content = text(random);
        }
        Message message = TestRules.message(content);
        if (lex) {
            message = message.withContentType(dev.flowrules.event.LexContent.MESSAGES_TYPE);
        }
        return random.nextBoolean() ? TestRules.withAttributes(message, "topic", text(random) + ";" + text(random)) : message;
    }

    static String text(Random random) {
        String[] pieces = {"order", "ORDER-42", "order #42", "Scam", "SCAM", "\u017Fcam", "scammm", "\u212Aelvin", "kelvin", "\u0130",
                "i\u0307", "\u0131", "\u03A3", "\u03C3\u03C2", "\u00DF", "STRASSE", "stra\u00DFe", "\u1E9E", "free money", "FR33 cash",
                "\u00C9", "\uD801\uDC00", "\uD801\uDC28", "xaby", "xABy", "bcd", " ", " ", "-", "12", "hello"};
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(6); i >= 0; i--) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c > 126) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    @Test
    void onlyRulesWhoseRequiredValueIsPresentAreCandidates() {
        RuleSet rules = TestRules.compile("""
                - id: word
                  when: {content: {contains-word: [scam]}}
                  then: [deny]
                - id: exact
                  when: {all: [{content-type: text/markdown}, {content: {regex: "x"}}]}
                  then: [deny]
                - id: folded
                  when: {attributes: {kind: {one-of: [CALL, Video], ignore-case: true}}}
                  then: [deny]
                - id: anything
                  when: {any: [{content: a}, {content: b}]}
                  then: [deny]
                """);
        Message plain = TestRules.message("hello");
        assertThat(rules.candidates(rules.view(plain))).isEmpty();
        Message scam = TestRules.withAttributes(TestRules.message("a SCAM").withContentType("text/markdown"), "kind", "call;x");
        assertThat(rules.candidates(rules.view(scam))).containsExactly(0, 1, 2);
        assertThat(rules.candidates(rules.view(TestRules.message("b")))).as("any: each branch's value").containsExactly(3);
    }

    @Test
    void prefixesSuffixesAndWildcardsAreLookedUpInTries() {
        RuleSet rules = TestRules.compile("""
                - id: prefix
                  when: {content: {starts-with: "cmd "}}
                  then: [deny]
                - id: suffix
                  when: {content: {ends-with: "SIG", ignore-case: true}}
                  then: [deny]
                - id: wild-prefix
                  when: {content: {matches: "order-*"}}
                  then: [deny]
                - id: wild-suffix
                  when: {content: {matches: "*.png"}}
                  then: [deny]
                - id: wild-both
                  when: {content: {matches: "*x*"}}
                  then: [deny]
                """);
        assertThat(rules.candidates(rules.view(TestRules.message("hello")))).isEmpty();
        assertThat(rules.candidates(rules.view(TestRules.message("cmd go sig")))).containsExactly(0, 1);
        assertThat(rules.candidates(rules.view(TestRules.message("order-1 pic.png")))).containsExactly(2, 3);
        assertThat(rules.candidates(rules.view(TestRules.message("a box")))).as("'*x*': its literal").containsExactly(4);
    }

    @Test
    void containsRegexAndBotTextsAreLookedUpInOnePass() {
        RuleSet rules = TestRules.compile("""
                - id: contains
                  when: {content: {contains: FREE, ignore-case: true}}
                  then: [deny]
                - id: regex
                  when: {content: {regex: '(?i)\\border[- ]?#?42\\b'}}
                  then: [deny]
                - id: bot
                  when: {bot-message: {title: {contains: balance}}}
                  then: [deny]
                - id: no-literal
                  when: {content: {regex: '\\d+'}}
                  then: [deny]
                """);
        assertThat(rules.candidates(rules.view(TestRules.message("hello")))).containsExactly(3);
        assertThat(rules.candidates(rules.view(TestRules.message("\u017Fend ORDER 42 for free")))).containsExactly(0, 1, 3);
        Message card = TestRules.message("{\"Messages\":[{\"ContentType\":\"ImageResponseCard\",\"ImageResponseCard\":"
                + "{\"Title\":\"Your Balance\"}}]}").withContentType(dev.flowrules.event.LexContent.MESSAGES_TYPE);
        assertThat(rules.candidates(rules.view(card))).containsExactly(2, 3);
    }
}
