package dev.flowrules.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.TestRules;
import dev.flowrules.compile.RuleSet;
import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.RuleLoader;
import dev.flowrules.eval.Decision;
import dev.flowrules.eval.Evaluator;
import dev.flowrules.eval.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code contains-word} with {@code evasions}, through the loader, the compiler and the evaluator (docs/rules.md). */
class EvasionRulesTest {

    private static Outcome outcome(String when, String content) {
        RuleSet rules = TestRules.compile("""
                - id: w
                  when: {content: {contains-word: %s}}
                  then: [deny]
                """.formatted(when));
        return Evaluator.evaluate(rules, TestRules.message(content)).outcome();
    }

    private static List<Diagnostic> diagnostics(String when) {
        String text = "version: 1\nrules:\n  - id: w\n    when: {content: {contains-word: " + when + "}}\n    then: [deny]\n";
        LoadResult result = RuleLoader.parse("test.yaml", text.getBytes(StandardCharsets.UTF_8), null);
        return result.diagnostics();
    }

    @Test
    void defaultStaysPlainWholeWords() {
        assertThat(outcome("[scam]", "sc4m")).isEqualTo(Outcome.NO_CHANGE);
        assertThat(outcome("[scam]", "a SCAM")).isEqualTo(Outcome.DENY);
        assertThat(outcome("{words: [scam]}", "s c a m")).isEqualTo(Outcome.NO_CHANGE);
    }

    @Test
    void evasionsAllSeesThroughDisguises() {
        for (String disguised : List.of("sc4m", "sсam", "scâm", "s c a m", "s.c.a.m", "scaaaam", "ｓｃａｍ", "$cam")) {
            assertThat(outcome("{words: [scam], evasions: all}", "what a " + disguised)).as(disguised).isEqualTo(Outcome.DENY);
        }
        for (String innocent : List.of("scampi", "Scunthorpe", "at 5 or 6", "a b c")) {
            assertThat(outcome("{words: [scam, cunt, sex, abc], evasions: all}", innocent)).as(innocent)
                    .isEqualTo(innocent.equals("a b c") ? Outcome.DENY : Outcome.NO_CHANGE);
        }
    }

    @Test
    void chosenKindsOnly() {
        assertThat(outcome("{words: [scam], evasions: [leet]}", "sc4m")).isEqualTo(Outcome.DENY);
        assertThat(outcome("{words: [scam], evasions: [leet]}", "s c a m")).isEqualTo(Outcome.NO_CHANGE);
        assertThat(outcome("{words: [scam], evasions: [spacing, repeats]}", "s c a a a m")).isEqualTo(Outcome.DENY);
        assertThat(outcome("{words: [scam], evasions: look-alikes}", "sсam")).isEqualTo(Outcome.DENY);
    }

    @Test
    void scriptsWithoutSpacesMatchInsideARunWithoutAnyEvasion() {
        assertThat(outcome("[诈骗]", "这是诈骗信息")).isEqualTo(Outcome.DENY);
        assertThat(outcome("[scam]", "完全是scam啊")).isEqualTo(Outcome.DENY);
        assertThat(outcome("[詐欺]", "これは詐欺です")).isEqualTo(Outcome.DENY);
    }

    @Test
    void theExplanationNamesTheEvasions() {
        RuleSet rules = TestRules.compile("""
                - id: w
                  when: {content: {contains-word: {words: [scam], evasions: all}}}
                  then: [deny]
                """);
        Decision decision = Evaluator.evaluate(rules, TestRules.message("sc4m"));
        assertThat(decision.explain()).contains("evasions: all").contains("scam");
    }

    @Test
    void mistakesAreReportedAtTheirPlace() {
        assertThat(diagnostics("{words: [scam], evasions: [accent]}")).singleElement().satisfies(d -> {
            assertThat(d.message()).contains("'accent' is not a kind of evasion").contains("did you mean 'accents'");
            assertThat(d.isError()).isTrue();
        });
        assertThat(diagnostics("{words: [scam], evasions: some}")).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("'evasions' must be 'all' or a list of kinds"));
        assertThat(diagnostics("{evasions: all}")).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("needs either a 'file' or a list of 'words'"));
    }

    @Test
    void anEntryThatLosesCharactersIsAWarning() {
        assertThat(diagnostics("[$cam]")).singleElement().satisfies(d -> {
            assertThat(d.isError()).isFalse();
            assertThat(d.code().id()).isEqualTo("FR031");
            assertThat(d.message()).contains("'$cam' is read as 'cam'");
            assertThat(d.hint()).contains("evasions: [leet]");
        });
        assertThat(diagnostics("{words: [$cam], evasions: [leet]}")).isEmpty();
        assertThat(diagnostics("[free money, rock 'n' roll]")).isEmpty();
    }

    @Test
    void listFilesTakeEvasions(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("lists"));
        Files.writeString(dir.resolve("lists/banned.txt"), "# banned\nscam\nfree money\n");
        Files.writeString(dir.resolve("rules.yaml"), """
                version: 1
                rules:
                  - id: w
                    when: {content: {contains-word: {file: lists/banned.txt, evasions: all}}}
                    then: [deny]
                """);
        LoadResult result = RuleLoader.load(dir);
        assertThat(result.diagnostics()).isEmpty();
        RuleSet rules = RuleSet.compile(result.files());
        assertThat(Evaluator.evaluate(rules, TestRules.message("fr33 m0ney!")).outcome()).isEqualTo(Outcome.DENY);
        assertThat(Evaluator.evaluate(rules, TestRules.message("freedom money")).outcome()).isEqualTo(Outcome.NO_CHANGE);
    }
}
