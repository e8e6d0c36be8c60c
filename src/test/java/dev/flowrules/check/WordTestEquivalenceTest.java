package dev.flowrules.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.ruletest.RuleTests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "The same condition" for FR020 and FR021 (docs/diagnostics.md) compares {@code contains-word} tests by what they
 * match: their entries as the matcher reads them under their evasions, as a set, and the evasions themselves.
 */
class WordTestEquivalenceTest {
    @TempDir
    Path dir;

    private List<String> problems(String rules) throws IOException {
        Files.writeString(dir.resolve("banned.txt"), "$cam\nfraud\n");
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, "version: 1\nrules:\n" + rules.stripIndent());
        return RuleTests.validate(List.of(file)).diagnostics().stream().map(Diagnostic::format).toList();
    }

    private static String twoRules(String first, String second) {
        return """
                - id: first
                  when: {content: {contains-word: %s}}
                  then: [deny]
                - id: second
                  when: {content: {contains-word: %s}}
                  then: [{set-metadata: flagged}]
                """.formatted(first, second);
    }

    @Test
    void sameWordsWithDifferentEvasionsAreDifferentConditions() throws IOException {
        assertThat(problems(twoRules("[scam]", "{words: [scam], evasions: all}"))).isEmpty();
        assertThat(problems(twoRules("{words: [scam], evasions: [leet]}", "{words: [scam], evasions: all}"))).isEmpty();
        assertThat(problems(twoRules("{words: [scam], evasions: [leet]}", "{words: [scam], evasions: [accents]}"))).isEmpty();
    }

    @Test
    void entriesThatOnlyReadAlikeUnderEvasionsAreDifferentWithoutThem() throws IOException {
        assertThat(problems(twoRules("{words: [$cam], evasions: [accents]}", "{words: [scam], evasions: [accents]}")))
                .as("only the FR031 warning that $cam reads as cam").singleElement().asString().contains("[FR031]");
        assertThat(problems(twoRules("[scâm]", "[scam]"))).isEmpty();
    }

    /** An entry's digits are read as written (only a message's digits also read as letters): sc4m is not scam. */
    @Test
    void anEntryWithADigitMatchesLessThanTheWordAndIsNotTheSame() throws IOException {
        assertThat(problems(twoRules("{words: [sc4m], evasions: all}", "{words: [scam], evasions: all}"))).isEmpty();
        dev.flowrules.compile.RuleSet digit = dev.flowrules.TestRules.compile("""
                - id: r
                  when: {content: {contains-word: {words: [sc4m], evasions: all}}}
                  then: [deny]
                """);
        dev.flowrules.compile.RuleSet word = dev.flowrules.TestRules.compile("""
                - id: r
                  when: {content: {contains-word: {words: [scam], evasions: all}}}
                  then: [deny]
                """);
        assertThat(dev.flowrules.eval.Evaluator.evaluate(digit, dev.flowrules.TestRules.message("a scam")).outcome())
                .isEqualTo(dev.flowrules.eval.Outcome.NO_CHANGE);
        assertThat(dev.flowrules.eval.Evaluator.evaluate(word, dev.flowrules.TestRules.message("a sc4m")).outcome())
                .isEqualTo(dev.flowrules.eval.Outcome.DENY);
    }

    @Test
    void entriesThatReadTheSameUnderTheSameEvasionsAreTheSameCondition() throws IOException {
        assertThat(problems(twoRules("{words: [$cam, fraud], evasions: all}", "{words: [Fraud, scam], evasions: all}")))
                .singleElement().asString().contains("rule 'second' can never run: rule 'first'").contains("[FR020]");
        assertThat(problems(twoRules("{file: banned.txt, evasions: [leet]}", "{words: [fraud, scam], evasions: [leet]}")))
                .singleElement().asString().contains("rule 'second' can never run").contains("[FR020]");
        assertThat(problems(twoRules("[Scam, fraud, scam]", "[fraud, SCAM]")))
                .as("case, order and repeats never change what a word test matches")
                .singleElement().asString().contains("[FR020]");
    }

    @Test
    void anOverwriteIsFoundAcrossEquivalentWordTests() throws IOException {
        assertThat(problems("""
                - id: tag
                  when: {content: {contains-word: {words: [$cam], evasions: [leet]}}}
                  then: [{set-metadata: first}]
                - id: retag
                  when: {content: {contains-word: {words: [scam], evasions: [leet]}}}
                  then: [{set-metadata: second}]
                """)).singleElement().asString().contains("the metadata set here is always replaced by rule 'retag'")
                .contains("[FR021]");
    }
}
