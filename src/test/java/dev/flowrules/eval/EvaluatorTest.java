package dev.flowrules.eval;

import static dev.flowrules.TestRules.compile;
import static dev.flowrules.TestRules.message;
import static dev.flowrules.TestRules.withAttributes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.compile.RuleSet;
import dev.flowrules.event.Message;
import dev.flowrules.limits.ServiceLimits;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluatorTest {

    private static boolean matches(String condition, Message message) {
        RuleSet rules = compile("""
                - id: r
                  when: %s
                  then: [deny]
                """.formatted(condition));
        return Evaluator.evaluate(rules, message).outcome() == Outcome.DENY;
    }

    @ParameterizedTest(name = "{0} on \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {content: hello}                                   | hello                 | true
            {content: hello}                                   | Hello                 | false
            {content: {equals: HELLO, ignore-case: true}}      | hello                 | true
            {content: {one-of: [a, b]}}                        | b                     | true
            {content: {one-of: [a, b]}}                        | c                     | false
            {content: {starts-with: "#"}}                      | '#42 please'          | true
            {content: {ends-with: "?", }}                      | really?               | true
            {content: {contains: refund}}                      | a refund please       | true
            {content: {contains: REFUND, ignore-case: true}}   | a Refund please       | true
            {content: {contains: refund}}                      | a Refund please       | false
            {content: {contains-word: [scam]}}                 | what a SCAM!          | true
            {content: {contains-word: [scam]}}                 | scampi for dinner     | false
            {content: {contains-word: [free money]}}           | get FREE  money now   | true
            {content: {contains-word: [free money]}}           | free of money         | false
            {content: {matches: "order *"}}                    | order 42              | true
            {content: {matches: "order *"}}                    | my order 42           | false
            {content: {matches: "ORDER *", ignore-case: true}} | order 42              | true
            {content: {regex: "\\\\d{3}-\\\\d{4}"}}            | call 555-1234         | true
            {content: {regex: "^abc$"}}                        | xabc                  | false
            {content: {length-at-least: 5}}                    | four                  | false
            {content: {length-at-most: 4}}                     | four                  | true
            {content: {longer-than: 3, shorter-than: 5}}       | four                  | true
            {content: {exists: true}}                          | x                     | true
            {metadata: {exists: false}}                        | x                     | true
            {metadata: {exists: true}}                         | x                     | false
            {metadata: {contains: x}}                          | x                     | false
            {not: {content: x}}                                | y                     | true
            {not: {content: x}}                                | x                     | false
            {any: [{content: a}, {content: b}]}                | b                     | true
            {all: [{content: {contains: a}}, {content: {contains: b}}]} | ab           | true
            {all: [{content: {contains: a}}, {content: {contains: b}}]} | a            | false
            {sender.name: Alice, message-type: STANDARD}       | x                     | true
            {persistence: NON_PERSISTENT}                      | x                     | false
            {channel.arn: {ends-with: /ch-1}}                  | x                     | true
            always                                             | x                     | true
            """)
    void testsOnPlainFields(String condition, String content, boolean expected) {
        assertThat(matches(condition, message(content))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {attributes: {priority: {at-least: 3}}}               | 3        | true
            {attributes: {priority: {at-least: 3}}}               | 2.5      | false
            {attributes: {priority: {greater-than: 3}}}           | 3        | false
            {attributes: {priority: {less-than: 3}}}              | -1       | true
            {attributes: {priority: {at-most: 3}}}                | high     | false
            {attributes: {priority: {at-most: 3}}}                | 1e1      | false
            {attributes: {priority: {at-least: 1}}}               | 1;9      | true
            {attributes: {priority: {at-least: 5}}}               | 1;9      | true
            {attributes: {priority: {at-least: 5, values: all}}}  | 1;9      | false
            {attributes: {priority: {at-least: 1, values: all}}}  | 1;9      | true
            {attributes: {priority: {exists: true}}}              | 1        | true
            {attributes: {other: {exists: true}}}                 | 1        | false
            {attributes: {other: {exists: false}}}                | 1        | true
            {attributes: {priority: '1'}}                         | 1        | true
            """)
    void testsOnAttributes(String condition, String values, boolean expected) {
        assertThat(matches(condition, withAttributes(message("x"), "priority", values))).isEqualTo(expected);
    }

    @Test
    void wordMatchingFoldsUnicodeForms() {
        String condition = "{content: {contains-word: [scam, café]}}";
        assertThat(matches(condition, message("ＳＣＡＭ alert"))).as("full-width letters fold to ASCII").isTrue();
        assertThat(matches(condition, message("s\u200Bcam"))).as("zero-width space is ignored").isTrue();
        assertThat(matches(condition, message("CAFE\u0301 open"))).as("combining accent composes").isTrue();
        assertThat(matches(condition, message("cafe open"))).as("diacritics are not ignored").isFalse();
    }

    @Test
    void explanationNamesRuleFieldAndValue() {
        RuleSet rules = compile("""
                - id: deny-scam
                  when: {content: {contains-word: [scam]}}
                  then: [{deny: fraud}]
                """);
        Decision decision = Evaluator.evaluate(rules, message("This is a SCAM"));
        assertThat(decision.matches()).singleElement().satisfies(match -> {
            assertThat(match.ruleId()).isEqualTo("deny-scam");
            assertThat(match.evidence()).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("content");
                assertThat(e.matched()).isEqualTo("scam");
                assertThat(e.value()).isEqualTo("This is a SCAM");
            });
        });
        assertThat(decision.explain()).isEqualTo("""
                rule deny-scam (test.yaml:3:3) matched:
                  on content contains-word (inline list) matched "scam" in "This is a SCAM"
                  -> deny: fraud
                outcome: DENY by rule deny-scam (fraud)
                """);
    }

    @Test
    void denyWinsOverEarlierChangesAndEndsEvaluation() {
        RuleSet rules = compile("""
                - id: tag
                  when: always
                  then: [{set-metadata: tagged}]
                - id: block
                  when: {content: {contains: bad}}
                  then: [deny]
                - id: never
                  when: always
                  then: [{set-content-type: text/plain}]
                """);
        Decision decision = Evaluator.evaluate(rules, message("bad thing"));
        assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
        assertThat(decision.matchedRuleIds()).containsExactly("tag", "block");
        assertThat(decision.result()).isEqualTo(decision.original());
        assertThat(decision.notes()).extracting(Note::text).containsExactly("changes made by earlier rules were dropped: the message is denied");
    }

    @Test
    void stopEndsEvaluationAfterItsRule() {
        RuleSet rules = compile("""
                - id: first
                  when: always
                  then: [{set-metadata: one}, stop]
                - id: second
                  when: always
                  then: [deny]
                """);
        Decision decision = Evaluator.evaluate(rules, message("x"));
        assertThat(decision.outcome()).isEqualTo(Outcome.UPDATE);
        assertThat(decision.result().metadata()).isEqualTo("one");
        assertThat(decision.matchedRuleIds()).containsExactly("first");
    }

    @Test
    void laterWritesWinAndAreNoted() {
        RuleSet rules = compile("""
                - id: first
                  when: always
                  then: [{set-push: {title: First}}]
                - id: second
                  when: always
                  then: [{set-push: {title: Second}}]
                """);
        Decision decision = Evaluator.evaluate(rules, message("x"));
        assertThat(decision.result().push().title()).isEqualTo("Second");
        assertThat(decision.notes()).extracting(Note::text).containsExactly(
                "rule second replaced the push.title set by rule first (later rules win)");
    }

    @Test
    void conditionsSeeTheMessageAsItArrivedAndTemplatesTheWorkingCopy() {
        RuleSet rules = compile("""
                - id: replace
                  when: always
                  then: [{replace-content: "changed"}]
                - id: still-sees-original
                  when: {content: original}
                  then: [{set-metadata: "was {{content}}"}]
                """);
        Decision decision = Evaluator.evaluate(rules, message("original"));
        assertThat(decision.result().content()).isEqualTo("changed");
        assertThat(decision.result().metadata()).isEqualTo("was changed");
    }

    @Test
    void rewritesComposeOnTheCurrentContent() {
        RuleSet rules = compile("""
                - id: replace
                  when: always
                  then: [{replace-content: "card 1234 5678"}]
                - id: redact
                  when: always
                  then: [{redact: "\\\\d{4}"}, {rewrite: {regex: "card (\\\\S+)", with: "[$1]"}}]
                """);
        assertThat(Evaluator.evaluate(rules, message("x")).result().content()).isEqualTo("[****] ****");
    }

    @Test
    void templatesInsertFieldsAttributesAndMatchedText() {
        RuleSet rules = compile("""
                - id: t
                  when: {content: {regex: "#\\\\d+"}}
                  then:
                    - set-push: {title: "{{sender.name}}: {{matched}}", body: "p{{attributes.priority}} {{content}}"}
                    - set-attributes: {ticket: "{{matched}}", missing: "{{attributes.none}}"}
                """);
        Decision decision = Evaluator.evaluate(rules, withAttributes(message("see #42"), "priority", "5"));
        assertThat(decision.result().push().title()).isEqualTo("Alice: #42");
        assertThat(decision.result().push().body()).isEqualTo("p5 see #42");
        assertThat(decision.result().attributes()).containsEntry("ticket", List.of("#42")).doesNotContainKey("missing");
        assertThat(decision.notes()).extracting(Note::text).contains("rule t: an empty value for attribute missing was left out");
    }

    @Test
    void noChangeWhenRulesMatchButChangeNothing() {
        RuleSet rules = compile("""
                - id: same
                  when: always
                  then: [{set-metadata: "m"}]
                """);
        Message message = message("x").withMetadata("m");
        Decision decision = Evaluator.evaluate(rules, message);
        assertThat(decision.outcome()).isEqualTo(Outcome.NO_CHANGE);
        assertThat(decision.matchedRuleIds()).containsExactly("same");
    }

    @Test
    void removeAndSetAttributes() {
        RuleSet rules = compile("""
                - id: a
                  when: always
                  then: [{remove-attributes: [draft]}, {set-attributes: {tags: [a, b]}}]
                """);
        Decision decision = Evaluator.evaluate(rules, withAttributes(message("x"), "draft", "yes", "keep", "1"));
        assertThat(decision.result().attributes()).containsOnlyKeys("keep", "tags");
        assertThat(decision.result().attributes().get("tags")).containsExactly("a", "b");
    }

    @Test
    void contentLongerThanTheServiceAllowsIsCutWithAnEllipsis() {
        RuleSet rules = compile("""
                - id: grow
                  when: always
                  then: [{replace-content: "{{content}}{{content}}"}]
                """);
        String emoji = "\uD83D\uDE00"; // 4 bytes in UTF-8
        Decision decision = Evaluator.evaluate(rules, message(emoji.repeat(700)));
        String content = decision.result().content();
        assertThat(ServiceLimits.utf8Length(content)).isLessThanOrEqualTo(ServiceLimits.CONTENT_MAX_BYTES);
        assertThat(content).endsWith(emoji + "\u2026");
        assertThat(decision.notes()).extracting(Note::text).containsExactly("rule grow: the content was cut to 4096 bytes, the service's message size limit");
    }

    @Test
    void tooLongMetadataAndAttributesAreRefusedNotCut() {
        RuleSet rules = compile("""
                - id: big
                  when: always
                  then: [{set-metadata: "{{content}}"}, {set-attributes: {copy: "{{content}}"}}]
                """);
        Decision decision = Evaluator.evaluate(rules, message("m".repeat(2000)).withMetadata("old"));
        assertThat(decision.outcome()).isEqualTo(Outcome.NO_CHANGE);
        assertThat(decision.notes()).hasSize(3);
        assertThat(decision.notes().get(0).text()).contains("metadata of 2000 characters refused (limit 1024)");
    }

    @Test
    void pushTextIsCutToItsLimit() {
        RuleSet rules = compile("""
                - id: p
                  when: always
                  then: [{set-push: {title: "{{content}}", body: "{{content}}"}}]
                """);
        Decision decision = Evaluator.evaluate(rules, message("w".repeat(300)));
        assertThat(decision.result().push().title()).hasSize(50).endsWith("\u2026");
        assertThat(decision.result().push().body()).hasSize(150);
    }

    @Test
    void emptyContentIsRefused() {
        RuleSet rules = compile("""
                - id: strip
                  when: always
                  then: [{rewrite: {regex: ".*", with: ""}}]
                """);
        Decision decision = Evaluator.evaluate(rules, message("all of it"));
        assertThat(decision.outcome()).isEqualTo(Outcome.NO_CHANGE);
        assertThat(decision.notes()).singleElement().asString().contains("the content would become empty");
    }

    @Test
    void disabledRulesDoNotRun() {
        RuleSet rules = compile("""
                - id: off
                  enabled: false
                  when: always
                  then: [deny]
                """);
        assertThat(Evaluator.evaluate(rules, message("x")).outcome()).isEqualTo(Outcome.NO_CHANGE);
        assertThat(rules.ruleCount()).isEqualTo(1);
        assertThat(rules.rules()).isEmpty();
    }

    @Test
    void missingFieldsNeverMatchValueTestsAndNeverThrow() {
        Message bare = new Message("m", "arn:x:y", null, null, null, null, null, null, null, null, null, null);
        RuleSet rules = compile("""
                - id: r
                  when:
                    any:
                      - content: {contains: x}
                      - push.title: {regex: "."}
                      - attributes: {a: {at-least: 1}}
                  then: [{redact: "x"}, {set-push: {body: "{{content}}"}}]
                """);
        assertThat(Evaluator.evaluate(rules, bare).outcome()).isEqualTo(Outcome.NO_CHANGE);
    }
}
