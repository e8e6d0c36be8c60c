package dev.flowrules.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.flowrules.Engine;
import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.RuleLoadException;
import dev.flowrules.dsl.RuleLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second round of hostile rule files (issue 15), each checked in under
 * {@code src/test/resources/dev/flowrules/security/hostile-rules} and answered with exactly these diagnostics. The
 * timeout only guards against a hang (the nested repeat ran 50 s to an OutOfMemoryError before).
 */
class HostileRuleFilesTest {
    static final Path DIR = Path.of("src/test/resources/dev/flowrules/security/hostile-rules");
    static final String SHOWN = "src/test/resources/dev/flowrules/security/hostile-rules/";
    static final String REPEAT_HINT = "\n  hint: use smaller counts, e.g. '(ab)+' or 'a{2,}' instead of a large '{n}' or"
            + " '{n,m}', and do not put a counted repeat inside another";

    @TempDir
    Path temp;

    static List<String> diagnostics(Path file) {
        LoadResult result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> RuleLoader.load(file));
        return result.diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void nestedRepeatsAreRefusedBeforeRe2jExpandsThem() {
        assertThat(diagnostics(DIR.resolve("nested-repeat.yaml"))).containsExactly(SHOWN + "nested-repeat.yaml:6:35: error:"
                + " the regular expression is too large once its repeats are expanded: about 1,003,003,001 steps, at most"
                + " 2,000 are allowed; repeats inside repeats multiply (here up to 1,000,000,000 copies) [FR017]" + REPEAT_HINT);
        assertThat(diagnostics(DIR.resolve("nested-repeat-million.yaml"))).containsExactly(SHOWN
                + "nested-repeat-million.yaml:6:36: error: the regular expression is too large once its repeats are expanded:"
                + " about 1,002,001 steps, at most 2,000 are allowed; repeats inside repeats multiply (here up to 1,000,000"
                + " copies) [FR017]" + REPEAT_HINT);
    }

    @Test
    void redactAndRewritePatternsHaveTheSameBound() {
        assertThat(diagnostics(DIR.resolve("nested-repeat-actions.yaml"))).containsExactly(
                SHOWN + "nested-repeat-actions.yaml:7:28: error: the regular expression is too large once its repeats are"
                        + " expanded: about 10,202 steps, at most 2,000 are allowed; repeats inside repeats multiply (here up to"
                        + " 10,000 copies) [FR017]" + REPEAT_HINT,
                SHOWN + "nested-repeat-actions.yaml:11:39: error: the regular expression is too large once its repeats are"
                        + " expanded: about 104,001 steps, at most 2,000 are allowed; repeats inside repeats multiply (here up to"
                        + " 50,000 copies) [FR017]" + REPEAT_HINT);
    }

    @Test
    void anAliasInsideItsOwnCollectionIsAPositionedError() {
        assertThat(diagnostics(DIR.resolve("self-alias.yaml"))).containsExactly(SHOWN + "self-alias.yaml:5:11: error: the"
                + " alias '*w' is used inside the very collection it names, so it would repeat without end [FR001]\n  hint: an"
                + " alias can only repeat something written before it and outside it; write the part out instead");
        // the Java API answers with RuleLoadException, never an Error
        assertThatThrownBy(() -> Engine.fromRules(DIR.resolve("self-alias.yaml"))).isInstanceOf(RuleLoadException.class);
    }

    @Test
    void aTagSnakeyamlCannotReadIsAPositionedError() {
        assertThat(diagnostics(DIR.resolve("escaped-tag.yaml"))).containsExactly(SHOWN + "escaped-tag.yaml:5:11: error: YAML"
                + " tags are not allowed in rule files, and this one cannot even be read (Tag must not contain leading or"
                + " trailing spaces.) [FR018]\n  hint: remove the tag (the part starting with '!'); rule files hold only plain"
                + " text, numbers, lists and mappings");
    }

    @Test
    void controlCharactersAreEscapedInEveryDiagnostic() {
        String expected = SHOWN + "control-characters.yaml:4:9: error: the rule id 'a\\u001B[31mRED\\nerror: forged' is not a"
                + " valid id [FR013]\n  hint: use up to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";
        assertThat(diagnostics(DIR.resolve("control-characters.yaml"))).containsExactly(expected);
        // the parts a JSON or SARIF writer uses are the escaped ones too, and so is the Java API's exception
        Diagnostic diagnostic = RuleLoader.load(DIR.resolve("control-characters.yaml")).diagnostics().get(0);
        assertThat(diagnostic.message()).isEqualTo("the rule id 'a\\u001B[31mRED\\nerror: forged' is not a valid id");
        assertThatThrownBy(() -> Engine.fromRules(DIR.resolve("control-characters.yaml")))
                .hasMessage("the rules have errors:\n" + expected);
    }

    @Test
    void escapingCoversFileNamesHintsAndEveryInvisibleCharacter() {
        Diagnostic d = Diagnostic.error(dev.flowrules.dsl.DiagnosticCode.FR013,
                new dev.flowrules.dsl.SourcePos("a\rb.yaml", 1, 1), "x\u202Ey\u200Bz\u2028\u0085\u007F\uD800\uDB40\uDC01",
                "first\nerror: forged\n        indented\u001B[0m");
        assertThat(d.pos().file()).isEqualTo("a\\rb.yaml");
        assertThat(d.message()).isEqualTo("x\\u202Ey\\u200Bz\\u2028\\u0085\\u007F\\uD800\\u{E0001}");
        assertThat(d.hint()).isEqualTo("first\n    error: forged\n        indented\\u001B[0m");
        assertThat(d.format().lines()).allSatisfy(line -> assertThat(line).doesNotStartWith("error"));
        assertThat(Diagnostic.escapeControlCharacters("plain café 日本 \\n")).isEqualTo("plain café 日本 \\n");
    }

    @Test
    void aDiagnosticQuotesOnlyAShortExcerpt() {
        Diagnostic d = Diagnostic.error(dev.flowrules.dsl.DiagnosticCode.FR002, new dev.flowrules.dsl.SourcePos("f", 1, 1),
                "unknown key '" + "k".repeat(20_000) + "'", "h".repeat(20_000));
        assertThat(d.message()).hasSize(Diagnostic.MAX_MESSAGE).endsWith("…");
        assertThat(d.hint()).hasSize(Diagnostic.MAX_HINT);
    }

    @Test
    void ruleFilesThatLinkOutsideTheRulesDirectoryAreNotRead() throws IOException {
        Path rules = Files.createDirectories(temp.resolve("rules"));
        Path secret = Files.copy(DIR.resolve("app.env.txt"), temp.resolve("app.env"));
        Files.createSymbolicLink(rules.resolve("app.yaml"), Path.of("../app.env"));
        Files.writeString(rules.resolve("ok.yaml"), "version: 1\nrules: [{id: r, when: always, then: [deny]}]\n");
        Path inside = Files.createDirectories(rules.resolve("shared"));
        Files.writeString(inside.resolve("real.yaml"), "version: 1\nrules: [{id: s, when: always, then: [stop]}]\n");
        Files.createSymbolicLink(rules.resolve("alias.yaml"), Path.of("shared/real.yaml"));

        LoadResult result = RuleLoader.load(rules);
        List<String> shown = result.diagnostics().stream().map(Diagnostic::format).toList();
        assertThat(shown).containsExactly(RuleLoader.displayName(rules.resolve("app.yaml")) + ":1:1: error: the file is a link"
                + " to a place outside " + RuleLoader.displayName(rules) + ", so it was not read [FR016]\n  hint: copy the file"
                + " into the rules directory instead of linking to it");
        assertThat(String.join("\n", shown)).doesNotContain("hunter2").doesNotContain("AKIA").doesNotContain("DB_PASSWORD");
        // a link that stays inside the directory is read, as for list files
        assertThat(result.files()).hasSize(3);
        // a rule test file linking outside is reported and not run
        Files.createSymbolicLink(rules.resolve("ok.test.yaml"), Path.of("../app.env"));
        assertThat(RuleLoader.load(rules).diagnostics()).map(Diagnostic::format)
                .contains(RuleLoader.displayName(rules.resolve("ok.test.yaml")) + ":1:1: error: the file is a link to a place"
                        + " outside " + RuleLoader.displayName(rules) + ", so it was not read [FR016]\n  hint: copy the file"
                        + " into the rules directory instead of linking to it");
        assertThat(dev.flowrules.ruletest.RuleTests.testFiles(List.of(rules))).isEmpty();
        assertThat(Files.readString(secret)).contains("hunter2");
    }
}
