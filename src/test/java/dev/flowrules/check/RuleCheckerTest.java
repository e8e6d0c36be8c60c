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

class RuleCheckerTest {
    @TempDir
    Path dir;

    private List<String> problems(String rules) throws IOException {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, "version: 1\nrules:\n" + rules.stripIndent());
        String shown = dev.flowrules.dsl.RuleLoader.displayName(file);
        return RuleTests.validate(List.of(file)).diagnostics().stream()
                .map(Diagnostic::format).map(line -> line.replace(shown, "rules.yaml")).toList();
    }

    @Test
    void ruleAfterAnAlwaysDenyIsUnreachable() throws IOException {
        assertThat(problems("""
                - id: block-all
                  when: always
                  then: [deny]
                - id: greet
                  when: {content: hi}
                  then: [{set-metadata: hello}]
                """)).containsExactly("""
                rules.yaml:6:3: warning: rule 'greet' can never run: rule 'block-all' (rules.yaml:3:3) matches every message it matches and then denies [FR020]
                  hint: move 'greet' above 'block-all', or narrow the condition of 'block-all'""");
    }

    @Test
    void ruleAfterTheSameConditionThatStopsIsUnreachable() throws IOException {
        assertThat(problems("""
                - id: first
                  when: {content: {contains: refund}}
                  then: [{set-metadata: a}, stop]
                - id: second
                  when:
                    content:
                      contains: refund
                  then: [{set-content-type: text/plain}]
                """)).singleElement().asString().contains("rule 'second' can never run").contains("then stops [FR020]");
    }

    @Test
    void aWriteAlwaysReplacedLaterIsReported() throws IOException {
        assertThat(problems("""
                - id: tag
                  when: {content: x}
                  then: [{set-push: {title: First}}]
                - id: retag
                  when: always
                  then: [{set-push: {title: Second}}]
                """)).singleElement().asString().startsWith(
                "rules.yaml:5:11: warning: the push title set here is always replaced by rule 'retag' (rules.yaml:6:3), which runs later on the same messages [FR021]");
    }

    @Test
    void regexesThatCannotMatchOrMatchEmptyTextAreReported() throws IOException {
        List<String> found = problems("""
                - id: r
                  when: {content: {regex: "end$more"}}
                  then: [{rewrite: {regex: "x*", with: "-"}}]
                """);
        assertThat(found).hasSize(2);
        assertThat(found.get(0)).contains("the regex /end$more/ can never match: '$' (the end of the text) is followed by more text [FR022]");
        assertThat(found.get(1)).contains("the regex /x*/ matches empty text, so 'rewrite' inserts its text between every two characters [FR023]");
        assertThat(problems("""
                - id: fine
                  when: {content: {regex: "(?m)end$\\\\nmore|price \\\\$5|^start"}}
                  then: [deny]
                """)).isEmpty();
    }

    @Test
    void attributeTemplatesNeedTheAttributeTested() throws IOException {
        assertThat(problems("""
                - id: t
                  when: always
                  then: [{set-metadata: "p={{attributes.priority}}"}]
                """)).singleElement().asString().contains(
                "{{attributes.priority}} inserts nothing on messages without the attribute 'priority', and this rule does not test for it [FR024]");
        assertThat(problems("""
                - id: t
                  when: {attributes: {priority: {exists: true}}}
                  then: [{set-metadata: "p={{attributes.priority}}"}]
                """)).isEmpty();
    }

    @Test
    void listFileProblemsPointIntoTheListFile() throws IOException {
        Files.writeString(dir.resolve("words.txt"), "Spam\nspam\n!!!\nＳＰＡＭ\n");
        Files.writeString(dir.resolve("empty.txt"), "# nothing yet\n");
        List<String> found = problems("""
                - id: w
                  when:
                    any:
                      - content: {contains-word: {file: words.txt}}
                      - content: {contains-word: {file: empty.txt}}
                  then: [deny]
                """);
        assertThat(found).hasSize(4);
        assertThat(found).anySatisfy(l -> assertThat(l).contains("list file 'empty.txt' has no entries, so this test never matches [FR025]"));
        String words = dev.flowrules.dsl.RuleLoader.displayName(dir.resolve("words.txt"));
        assertThat(found).anySatisfy(l -> assertThat(l).startsWith(words + ":2:1: warning: the entry 'spam' is the same word as line 1"));
        assertThat(found).anySatisfy(l -> assertThat(l).startsWith(words + ":3:1: warning: the entry '!!!' has no letters or digits"));
        assertThat(found).anySatisfy(l -> assertThat(l).startsWith(words + ":4:1: warning: the entry 'ＳＰＡＭ' is the same word as line 1"));
    }

    @Test
    void tabIndentationIsAWarning() throws IOException {
        Path file = dir.resolve("tabs.yaml");
        // A tab inside a block scalar is valid YAML, and invisible trouble in the text it makes.
        Files.writeString(file, "version: 1\nrules:\n- id: t\n  when: always\n  then:\n    - replace-content: |\n        one\n        \ttwo\n");
        List<Diagnostic> found = RuleChecker.validate(List.of(file)).diagnostics();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).format()).isEqualTo(dev.flowrules.dsl.RuleLoader.displayName(file)
                + ":8:9: warning: this line is indented with a tab [FR028]\n"
                + "  hint: indent with spaces only; editors can show tabs and convert them");
    }

    @Test
    void duplicateIdsAreFoundEvenWhenARuleHasOtherErrors() throws IOException {
        assertThat(problems("""
                - id: same
                  when: always
                  then: [stop]
                - id: same
                  when: {contnet: x}
                  then: [deny]
                """)).hasSize(2).anySatisfy(l -> assertThat(l).contains("duplicate rule id 'same' (first used at rules.yaml:3:3) [FR008]"));
    }

    @Test
    void failingRuleTestsAreReportedAtTheExampleWithADiff() throws IOException {
        Files.writeString(dir.resolve("rules.test.yaml"), """
                tests:
                  - name: passes
                    message: {content: hi}
                    expect: {outcome: UPDATE, metadata: greeted}
                  - name: fails
                    message: {content: hi}
                    expect: {outcome: DENY, metadata: other, rules: [nope]}
                """);
        List<String> found = problems("""
                - id: greet
                  when: {content: hi}
                  then: [{set-metadata: greeted}]
                """);
        String tests = dev.flowrules.dsl.RuleLoader.displayName(dir.resolve("rules.test.yaml"));
        assertThat(found).containsExactly(tests + """
                :5:5: error: rule test 'fails' failed [FR029]
                  hint: outcome: expected "DENY", actual "UPDATE"
                        expected rules [nope], matched [greet]
                        metadata: expected "other", actual "greeted"
                        rule greet (rules.yaml:3) matched: metadata set to "greeted\"""");
    }

    @Test
    void ruleTestFilesAreCheckedToo() throws IOException {
        Files.writeString(dir.resolve("rules.test.yaml"), "tests:\n  - name: t\n    mesage: {content: hi}\n    expect: {outcome: DENIED}\n");
        List<String> found = problems("- {id: r, when: always, then: [stop]}\n");
        assertThat(found).singleElement().asString().contains("unknown key 'mesage' in a rule test [FR030]").contains("did you mean 'message'?");
    }
}
