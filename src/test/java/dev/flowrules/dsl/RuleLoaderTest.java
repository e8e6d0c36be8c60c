package dev.flowrules.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleLoaderTest {
    @TempDir
    Path dir;

    private LoadResult load(String yaml) {
        return RuleLoader.parse("rules.yaml", yaml.getBytes(StandardCharsets.UTF_8), dir);
    }

    private List<String> errors(String yaml) {
        return load(yaml).diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void loadsEveryKindOfTestAndAction() {
        LoadResult result = load("""
                version: 1
                rules:
                  - id: r1
                    description: everything at once
                    enabled: false
                    when:
                      all:
                        - content: {contains: refund, ignore-case: true}
                        - any:
                            - content-type: text/plain
                            - metadata: {exists: false}
                        - not: {sender.name: {one-of: [bot, system]}}
                        - attributes:
                            priority: {at-least: 3, values: all}
                            tags: {matches: "vip-*"}
                        - push.title: {length-at-most: 50}
                        - channel.arn: {ends-with: /general}
                        - content: {regex: "\\\\d+", starts-with: "#"}
                        - content: {contains-word: [scam, free money]}
                    then:
                      - replace-content: "[{{sender.name}}] {{content}}"
                      - rewrite: {regex: "(\\\\d+)", with: "#$1"}
                      - redact: "\\\\d{4}"
                      - set-metadata: '{"flag":"{{matched}}"}'
                      - set-attributes: {seen: "yes", tags: [a, b]}
                      - remove-attributes: [draft]
                      - set-push: {title: Hi, body: "{{content}}", type: VOIP}
                      - set-content-type: text/plain
                      - stop
                """);
        assertThat(result.diagnostics()).isEmpty();
        RuleDef rule = result.files().get(0).rules().get(0);
        assertThat(rule.enabled()).isFalse();
        assertThat(rule.then()).hasSize(9);
        assertThat(rule.when()).isInstanceOf(Condition.All.class);
        assertThat(((Condition.All) rule.when()).conditions()).hasSize(8);
        assertThat(rule.pos()).isEqualTo(new SourcePos("rules.yaml", 3, 5));
    }

    @Test
    void scalarIsTheShortFormOfEquals() {
        LoadResult result = load("""
                version: 1
                rules:
                  - id: r
                    when: {content-type: text/markdown}
                    then: [deny]
                """);
        Condition.FieldTests tests = (Condition.FieldTests) result.files().get(0).rules().get(0).when();
        assertThat(tests.tests()).containsExactly(new Operator.Equals("text/markdown", false, new SourcePos("rules.yaml", 4, 26)));
    }

    @Test
    void yamlSyntaxErrorPointsAtTheLine() {
        assertThat(errors("""
                version: 1
                rules:
                  - id: r
                    when: {content: "unclosed}
                    then: [deny]
                """)).singleElement().asString()
                .startsWith("rules.yaml:4:21: error: this quote is never closed") // where it opens, not the file's end
                .contains("[FR001]")
                .contains("hint: end the value with a matching double quote (\") on this line");
    }

    @Test
    void tabIndentationIsExplained() {
        assertThat(errors("version: 1\nrules:\n\t- id: r\n")).singleElement().asString()
                .startsWith("rules.yaml:3:1: error: YAML syntax")
                .contains("hint: YAML does not allow tabs for indentation; indent with spaces only");
    }

    @Test
    void unknownKeySuggestsTheClosestKeyword() {
        assertThat(errors("""
                version: 1
                rules:
                  - id: r
                    wehn: {content: x}
                    then: [deny]
                """)).contains(
                "rules.yaml:4:5: error: unknown key 'wehn' in a rule [FR002]\n  hint: did you mean 'when'?");
    }

    @Test
    void unknownTestSuggestsTheClosestTest() {
        assertThat(errors("""
                version: 1
                rules:
                  - id: r
                    when: {content: {containz: x}}
                    then: [deny]
                """)).containsExactly(
                "rules.yaml:4:22: error: unknown test 'containz' in the test on 'content' [FR007]\n  hint: did you mean 'contains'?");
    }

    @Test
    void unknownFieldSuggestsTheClosestField() {
        assertThat(errors("""
                version: 1
                rules:
                  - id: r
                    when: {contnet: {contains: x}}
                    then: [deny]
                """)).containsExactly(
                "rules.yaml:4:12: error: unknown field 'contnet' [FR006]\n  hint: did you mean 'content'?");
    }

    @Test
    void unknownActionSuggestsTheClosestAction() {
        assertThat(errors("""
                version: 1
                rules:
                  - id: r
                    when: always
                    then: [deny, {set-metdata: x}]
                """)).containsExactly(
                "rules.yaml:5:19: error: unknown action 'set-metdata' [FR007]\n  hint: did you mean 'set-metadata'?");
    }

    @Test
    void wrongTypeSaysWhatWasExpected() {
        assertThat(errors("""
                version: 1
                rules:
                  - id: r
                    enabled: maybe
                    when: {attributes: {priority: {at-least: high}}}
                    then: [deny]
                """)).containsExactly(
                "rules.yaml:4:14: error: 'enabled' must be true or false, not 'maybe' [FR003]\n  hint: write true or false, in lower case",
                "rules.yaml:5:46: error: 'at-least' must be a number, not 'high' [FR003]\n  hint: e.g. at-least: 3");
    }

    @Test
    void invalidRegexGivesThePositionAndRe2Hint() {
        assertThat(errors("""
                version: 1
                rules:
                  - id: r
                    when: {content: {regex: "(?<=foo)bar"}}
                    then: [deny]
                """)).singleElement().asString()
                .startsWith("rules.yaml:4:29: error: invalid regular expression: invalid named capture '(?<=foo)bar' [FR005]")
                .contains("[FR005]")
                .contains("hint: patterns use RE2 syntax: no look-ahead, look-behind or back-references");
    }

    @Test
    void unbalancedRegexIsReported() {
        assertThat(errors("""
                version: 1
                rules:
                  - id: r
                    when: {content: {regex: "ab(c"}}
                    then: [deny]
                """)).singleElement().asString()
                .startsWith("rules.yaml:4:32: error: invalid regular expression at character 3: missing closing ) 'ab(c' [FR005]");
        assertThat(errors("version: 1\nrules: [{id: r, when: {content: {regex: 'a)b'}}, then: [deny]}]\n"))
                .singleElement().asString()
                .startsWith("rules.yaml:2:43: error: invalid regular expression at character 2: unexpected ) 'a)b' [FR005]");
    }

    @Test
    void missingListFileNamesWhereItLooked() {
        assertThat(errors("""
                version: 1
                rules:
                  - id: r
                    when: {content: {contains-word: {file: lists/nope.txt}}}
                    then: [deny]
                """)).singleElement().asString()
                .startsWith("rules.yaml:4:44: error: list file 'lists/nope.txt' does not exist [FR009]")
                .contains("hint: list files are looked up next to rules.yaml");
    }

    @Test
    void listFileIsReadBesideTheRules() throws IOException {
        Files.createDirectories(dir.resolve("lists"));
        Files.writeString(dir.resolve("lists/banned.txt"), "# comment\n\nScam\n  free money  \n");
        LoadResult result = load("""
                version: 1
                rules:
                  - id: r
                    when: {content: {contains-word: {file: lists/banned.txt}}}
                    then: [deny]
                """);
        assertThat(result.diagnostics()).isEmpty();
        Operator.ContainsWord test = (Operator.ContainsWord) ((Condition.FieldTests) result.files().get(0).rules().get(0).when()).tests().get(0);
        assertThat(test.words()).containsExactly("Scam", "free money");
    }

    @Test
    void listFileMayNotEscapeTheRulesDirectory() {
        assertThat(errors("""
                version: 1
                rules:
                  - id: r
                    when: {content: {contains-word: {file: ../../etc/passwd}}}
                    then: [deny]
                """)).singleElement().asString().contains("is outside the rule file's directory [FR009]");
    }

    @Test
    void emptyFileAndEmptyRulesAreReported() {
        assertThat(errors("")).containsExactly(
                "rules.yaml:1:1: error: the rule file is empty [FR010]\n  hint: start it with 'version: 1' and a 'rules:' list; see docs/rules.md");
        assertThat(errors("version: 1\nrules: []\n")).singleElement().asString()
                .startsWith("rules.yaml:2:1: error: the 'rules' list is empty [FR010]");
    }

    @Test
    void versionIsRequiredAndChecked() {
        assertThat(errors("rules: [{id: r, when: always, then: [deny]}]\n")).singleElement().asString()
                .contains("error: the rule file has no 'version' [FR004]");
        assertThat(errors("version: 2\nrules: [{id: r, when: always, then: [deny]}]\n")).singleElement().asString()
                .startsWith("rules.yaml:1:10: error: unsupported format version '2' [FR011]");
    }

    @Test
    void duplicateKeysAreReportedWithTheFirstPosition() {
        assertThat(errors("""
                version: 1
                rules:
                  - id: r
                    when: always
                    when: {content: x}
                    then: [deny]
                """)).singleElement().asString()
                .startsWith("rules.yaml:5:5: error: 'when' appears twice (first at line 4) [FR012]");
    }

    @Test
    void everyProblemIsReportedInOneRun() {
        List<String> found = errors("""
                version: 1
                rules:
                  - id: one
                    when: {contnet: x}
                    then: [deny]
                  - id: two
                    when: {content: {regex: "("}}
                    then: [dney]
                  - id: three
                    when: always
                    then: [{set-push: {type: voip}}]
                """);
        assertThat(found).hasSize(4);
        assertThat(found.get(3)).contains("the push type must be DEFAULT or VOIP, not 'voip'").contains("did you mean 'VOIP'?");
    }

    @Test
    void serviceLimitsOnLiteralsAreErrors() {
        List<String> found = errors("""
                version: 1
                rules:
                  - id: r
                    when: always
                    then:
                      - set-push: {title: "%s"}
                      - set-content-type: "%s"
                      - set-attributes: {"%s": x}
                """.formatted("t".repeat(51), "c".repeat(46), "a".repeat(65)));
        assertThat(found).hasSize(3).allMatch(line -> line.contains("[FR014]"));
        assertThat(found.get(0)).contains("the push title has 51 characters; the service allows at most 50");
    }

    @Test
    void templatePlaceholdersAreChecked() {
        assertThat(errors("""
                version: 1
                rules:
                  - id: r
                    when: always
                    then: [{replace-content: "hi {{sender.nmae}}"}]
                """)).singleElement().asString()
                .contains("error: in 'replace-content': unknown placeholder '{{sender.nmae}}' [FR015]")
                .contains("did you mean '{{sender.name}}'?");
        assertThat(errors("""
                version: 1
                rules:
                  - id: r
                    when: always
                    then: [{rewrite: {regex: "(a)", with: "$2"}}]
                """)).singleElement().asString()
                .contains("$2 refers to group 2 but the regex has 1 group(s)");
    }

    @Test
    void foreignYamlTagsAreRefused() {
        assertThat(errors("""
                version: 1
                rules: !!java.util.ArrayList []
                """)).singleElement().asString()
                .startsWith("rules.yaml:2:8: error: a YAML tag (tag:yaml.org,2002:java.util.ArrayList) is not allowed in rule files [FR018]");
    }

    @Test
    void invalidUtf8IsReportedWithItsPosition() {
        byte[] bytes = "version: 1\nrules:\n  - id: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        LoadResult result = RuleLoader.parse("rules.yaml", bytes, dir);
        assertThat(result.diagnostics()).singleElement().extracting(Diagnostic::headline).asString()
                .startsWith("rules.yaml:3:12: error: the file is not valid UTF-8");
    }

    @Test
    void directoryLoadsRuleFilesInPathOrderAndSkipsTestFiles() throws IOException {
        Files.writeString(dir.resolve("b.yaml"), "version: 1\nrules: [{id: b, when: always, then: [deny]}]\n");
        Files.writeString(dir.resolve("a.yml"), "version: 1\nrules: [{id: a, when: always, then: [deny]}]\n");
        Files.writeString(dir.resolve("a.test.yaml"), "not: rules\n");
        Files.writeString(dir.resolve("notes.txt"), "ignored\n");
        LoadResult result = RuleLoader.load(dir);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.files()).extracting(f -> f.rules().get(0).id()).containsExactly("a", "b");
    }

    @Test
    void hiddenFilesAndFilesInHiddenDirectoriesAreLeftOut() throws IOException {
        // docs/validate.md: hidden files are left out of the walk, so broken ones there raise nothing.
        Files.writeString(dir.resolve("valid.yaml"), "version: 1\nrules: [{id: valid, when: always, then: [deny]}]\n");
        Files.writeString(dir.resolve(".draft.yaml"), "version: 1\nrules: [{id: draft, when: {contnet: x}\n");
        Files.writeString(Files.createDirectories(dir.resolve(".git")).resolve("x.yaml"), "rules: [: broken\n");
        LoadResult result = RuleLoader.load(dir);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.files()).singleElement().satisfies(f -> {
            assertThat(f.name()).endsWith("valid.yaml");
            assertThat(f.rules()).extracting(RuleDef::id).containsExactly("valid");
        });
    }

    @Test
    void emptyDirectoryIsAnError() {
        assertThat(RuleLoader.load(dir).diagnostics()).singleElement().extracting(Diagnostic::message)
                .isEqualTo("the directory holds no rule files (*.yaml or *.yml)");
    }

    @Test
    void botKeywordsAreCheckedLikeTheRest() {
        assertThat(errors("""
                version: 1
                rules:
                  - id: r
                    when: {bot-message: {index: 1, titel: x}}
                    then:
                      - bot-append-message: {with: hi, type: Markdown}
                      - bot-drop-messages: {}
                      - bot-replace-message: {index: 1}
                """)).containsExactly(
                "rules.yaml:4:36: error: unknown key 'titel' in 'bot-message' [FR002]\n  hint: did you mean 'title'?",
                "rules.yaml:6:46: error: an appended bot message is PlainText or SSML, not 'Markdown' [FR013]\n  hint: write PlainText or SSML",
                "rules.yaml:7:28: error: 'bot-drop-messages' selects every message [FR013]\n"
                        + "  hint: say which messages to drop, e.g. '{type: CustomPayload}' or '{index: 2}'; to drop the whole answer use 'deny'",
                "rules.yaml:8:30: error: 'bot-replace-message' needs 'with': the text of the new message [FR004]\n"
                        + "  hint: e.g. 'bot-replace-message: {index: 1, with: \"Let me get a person for you.\"}'");
    }

    @Test
    void badBotIndexIsExplained() {
        assertThat(errors("""
                version: 1
                rules:
                  - id: r
                    when: {bot-message: {index: first}}
                    then: [deny]
                """)).containsExactly("rules.yaml:4:33: error: 'index' must be a message number from 1, or 'last', not 'first' [FR003]\n"
                + "  hint: the bot's first message is 'index: 1'");
    }

    /** Found by LoaderFuzzTest: an action key with nothing after it made the loader throw. */
    @Test
    void anEmptyBotReplaceIsAnErrorNotACrash() {
        assertThat(errors("version: 1\nrules:\n  - id: r\n    when: always\n    then:\n      - bot-replace-message:\n"))
                .singleElement().asString().contains("'bot-replace-message' needs 'with'");
    }
}
