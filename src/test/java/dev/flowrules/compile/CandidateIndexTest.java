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
        assertThat(rules.candidates(rules.view(plain))).containsExactly(3);
        Message scam = TestRules.withAttributes(TestRules.message("a SCAM").withContentType("text/markdown"), "kind", "call;x");
        assertThat(rules.candidates(rules.view(scam))).containsExactly(0, 1, 2, 3);
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
        assertThat(rules.candidates(rules.view(TestRules.message("hello")))).containsExactly(4);
        assertThat(rules.candidates(rules.view(TestRules.message("cmd go sig")))).containsExactly(0, 1, 4);
        assertThat(rules.candidates(rules.view(TestRules.message("order-1 pic.png")))).containsExactly(2, 3, 4);
    }
}
