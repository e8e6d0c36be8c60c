package dev.flowrules.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.TestRules;
import dev.flowrules.compile.RuleSet;
import dev.flowrules.eval.Evaluator;
import org.junit.jupiter.api.Test;

/** What {@code {{matched}}} holds when a rule's condition combines several tests (docs/rules.md, "Templates"). */
class MatchedTemplateTest {

    private static String matched(String when, String content) {
        RuleSet rules = TestRules.compile("""
                - id: r
                  when: %s
                  then: [{set-metadata: "{{matched}}"}]
                """.formatted(when));
        return Evaluator.evaluate(rules, TestRules.message(content)).result().metadata();
    }

    @Test
    void inAllTheFirstWrittenConditionThatMatchedSomething() {
        assertThat(matched("{all: [{content: {contains: refund}}, {content: {contains: now}}]}", "refund me now")).isEqualTo("refund");
        assertThat(matched("{all: [{content: {contains: now}}, {content: {contains: refund}}]}", "refund me now")).isEqualTo("now");
        // 'not' matches nothing, so the next condition gives the value.
        assertThat(matched("{all: [{not: {content: {contains: spam}}}, {content: {contains: now}}]}", "refund me now")).isEqualTo("now");
    }

    @Test
    void inAnyTheFirstBranchThatHeld() {
        assertThat(matched("{any: [{content: {contains: spam}}, {content: {contains: now}}, {content: {contains: refund}}]}",
                "refund me now")).isEqualTo("now");
    }
}
