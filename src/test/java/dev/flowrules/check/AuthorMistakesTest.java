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
 * The mistakes rule authors really make (issue 14): each gets file:line:column, a plain sentence and a hint, and
 * doing what the hint says makes the diagnostic go away.
 */
class AuthorMistakesTest {
    @TempDir
    Path dir;

    private List<String> validate(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("rules.yaml"), yaml);
        return RuleChecker.validate(List.of(file)).diagnostics().stream().map(Diagnostic::format)
                .map(text -> text.replace(dev.flowrules.dsl.RuleLoader.displayName(file), "rules.yaml")).toList();
    }

    private static String rule(String when, String then) {
        return "version: 1\nrules:\n  - id: r\n    when:\n      " + when + "\n    then: " + then + "\n";
    }

    @Test
    void aRegexInDoubleQuotesSaysToUseSingleQuotes() throws IOException {
        assertThat(validate(rule("content: {regex: \"\\d{16}\"}", "[deny]"))).containsExactly("rules.yaml:5:26: error: inside"
                + " double quotes a backslash starts a YAML escape, and this one is not an escape YAML knows [FR001]\n  hint: write"
                + " the value in single quotes, where a backslash is an ordinary character: '\\d{16}'");
        assertThat(validate(rule("content: {regex: '\\d{16}'}", "[deny]"))).isEmpty();
    }

    @Test
    void anUnclosedQuoteIsShownWhereItOpens() throws IOException {
        String broken = rule("content: {contains: \"refund}", "[deny]") + "  - id: s\n    when: always\n    then: [stop]\n";
        assertThat(validate(broken)).containsExactly("rules.yaml:5:27: error: this quote is never closed, so the rest of the"
                + " file became part of the value [FR001]\n  hint: end the value with a matching double quote (\") on this line");
        assertThat(validate(broken.replace("\"refund}", "\"refund\"}"))).isEmpty();
        assertThat(validate(rule("content: {contains: 'refund}", "[deny]"))).singleElement().asString()
                .startsWith("rules.yaml:5:27: error: this quote is never closed").endsWith("single quote (') on this line");
    }

    @Test
    void aConditionWithoutWhenAsksForWhen() throws IOException {
        String broken = "version: 1\nrules:\n  - id: r\n    content: {contains: refund}\n    then: [deny]\n";
        assertThat(validate(broken)).containsExactly("rules.yaml:4:5: error: 'content' is a condition, not a key of a rule:"
                + " did you forget 'when:'? [FR002]\n  hint: conditions go under 'when:'; write 'when:' on its own line here and"
                + " indent 'content' below it");
        assertThat(validate(broken.replace("    content:", "    when:\n      content:"))).isEmpty();
        assertThat(validate(broken.replace("content: {contains: refund}", "any: [{content: {contains: a}}]")))
                .singleElement().asString().contains("'any' is a condition, not a key of a rule: did you forget 'when:'?");
    }

    @Test
    void containsWithAListPointsToContainsWordOrAny() throws IOException {
        assertThat(validate(rule("content: {contains: [spam, scam]}", "[deny]"))).containsExactly("rules.yaml:5:27: error:"
                + " 'contains' must be text, not a list [FR003]\n  hint: for any of several words write 'contains-word: [a, b]'"
                + " (whole words), or 'any:' with one 'contains' per text");
        assertThat(validate(rule("content: {contains-word: [spam, scam]}", "[deny]"))).isEmpty();
        assertThat(validate(rule("any: [{content: {contains: spam}}, {content: {contains: scam}}]", "[deny]"))).isEmpty();
    }

    @Test
    void deleteMeansDeny() throws IOException {
        assertThat(validate(rule("always", "delete"))).containsExactly(
                "rules.yaml:6:11: error: unknown action 'delete' [FR007]\n  hint: did you mean 'deny'?");
        assertThat(validate(rule("always", "[delete]"))).singleElement().asString().endsWith("hint: did you mean 'deny'?");
        assertThat(validate(rule("always", "deny"))).isEmpty();
    }

    @Test
    void theDollarHintWorksInEveryQuoting() throws IOException {
        String warning = "rules.yaml:5:17: warning: the regex /price$ now/ can never match: '$' (the end of the text) is"
                + " followed by more text [FR022]\n  hint: to match a literal '$' or '^' put one backslash before it: \\$ in"
                + " single quotes or unquoted ('price\\$ 5'), \\\\$ in double quotes (\"price\\\\$ 5\")";
        assertThat(validate(rule("content: {regex: 'price$ now'}", "[deny]"))).containsExactly(warning);
        // each way the hint offers, followed, ends the warning
        assertThat(validate(rule("content: {regex: 'price\\$ now'}", "[deny]"))).isEmpty();
        assertThat(validate(rule("content: {regex: price\\$ now}", "[deny]"))).isEmpty();
        assertThat(validate(rule("content: {regex: \"price\\\\$ now\"}", "[deny]"))).isEmpty();
    }

    @Test
    void testFilesUnderANearMissNameAreNamedRight() throws IOException {
        Files.writeString(dir.resolve("rules.yaml"), rule("content: {contains: refund}", "[deny]"));
        String tests = "tests:\n  - name: refund\n    message: {content: refund please}\n    expect: {outcome: DENY}\n";
        for (String name : List.of("rules.tests.yaml", "rules-test.yaml", "rules_test.yml")) {
            Path misnamed = Files.writeString(dir.resolve(name), tests);
            List<String> shown = RuleChecker.validate(List.of(dir)).diagnostics().stream().map(Diagnostic::format).toList();
            String right = name.endsWith(".yml") ? "rules.test.yml" : "rules.test.yaml";
            assertThat(shown).as(name).containsExactly(dev.flowrules.dsl.RuleLoader.displayName(misnamed) + ":1:1: error: this"
                    + " looks like a rule test file, but test files are named NAME.test.yaml, so it was read as rules [FR030]\n"
                    + "  hint: rename it to " + right);
            Path renamed = Files.move(misnamed, dir.resolve(right));
            var loaded = RuleChecker.validate(List.of(dir));
            assertThat(loaded.diagnostics()).isEmpty();
            RuleTests.Report report = RuleTests.run(List.of(dir), loaded.files());
            assertThat(report.passed()).isEqualTo(1);
            Files.delete(renamed);
        }
        // a rule file that merely has such a name, and is fine, is read as rules
        Files.writeString(dir.resolve("load-test.yaml"), rule("content: {contains: load}", "[stop]").replace("id: r", "id: load"));
        var both = RuleChecker.validate(List.of(dir));
        assertThat(both.diagnostics()).isEmpty();
        assertThat(both.files()).hasSize(2);
    }
}
