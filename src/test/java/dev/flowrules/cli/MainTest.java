package dev.flowrules.cli;

import static dev.flowrules.cli.ExamplesEndToEndTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    @Test
    void validatePointsAtTheExactLineOfATypo() throws IOException {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, """
                version: 1
                rules:
                  - id: greet
                    when: {content: hello}
                    then: [deny]
                  - id: greet
                    when: {content: {contians: hello}}
                    then: [stop]
                """);
        ExamplesEndToEndTest.Run run = cli("validate", file.toString());
        assertThat(run.status()).isEqualTo(1);
        String shown = dev.flowrules.dsl.RuleLoader.displayName(file);
        assertThat(run.out()).isEqualTo("""
                %1$s:6:5: error: duplicate rule id 'greet' (first used at %1$s:3:5) [FR008]
                  hint: rule ids must be unique across all rule files; rename one of them
                %1$s:7:22: error: unknown test 'contians' in the test on 'content' [FR007]
                  hint: did you mean 'contains'?
                rule tests: not run, the rules have errors
                2 errors, 0 warnings in 1 file
                """.formatted(shown));
    }

    @Test
    void duplicateRuleIdsNameBothPlaces() throws IOException {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, "version: 1\nrules:\n  - {id: greet, when: always, then: [stop]}\n  - {id: greet, when: always, then: [deny]}\n");
        String shown = dev.flowrules.dsl.RuleLoader.displayName(file);
        ExamplesEndToEndTest.Run run = cli("validate", file.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).startsWith(shown + ":4:5: error: duplicate rule id 'greet' (first used at " + shown + ":3:5) [FR008]");
    }

    @Test
    void validateReportsEveryFileInOneRun() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "version: 1\nrules: [{id: a, when: {contnet: x}, then: [deny]}]\n");
        Files.writeString(dir.resolve("b.yaml"), "");
        ExamplesEndToEndTest.Run run = cli("validate", dir.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("a.yaml:2:24: error: unknown field 'contnet' [FR006]")
                .contains("b.yaml:1:1: error: the rule file is empty [FR010]")
                .endsWith("2 errors, 0 warnings in 2 files\n");
    }

    @Test
    void evalWithBrokenRulesPrintsDiagnosticsNotAStackTrace() throws IOException {
        Files.writeString(dir.resolve("r.yaml"), "version: 1\nrules: [{id: a, when: {content: {regex: '('}}, then: [deny]}]\n");
        ExamplesEndToEndTest.Run run = cli("eval", "--rules", dir.toString(), "--event", "rules-examples/events/moderation-clean.json");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("error: invalid regular expression").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void evalWithABadEventSaysWhy() throws IOException {
        Path event = dir.resolve("event.json");
        Files.writeString(event, "{\"CallbackId\": \"0123456789abcdef0123456789abcdef\"}");
        ExamplesEndToEndTest.Run run = cli("eval", "--rules", "rules-examples", "--event", event.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("error: the event has no ChannelMessage object");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(cli().status()).isEqualTo(2);
        assertThat(cli("frobnicate").err()).startsWith("error: unknown command 'frobnicate'");
        assertThat(cli("eval", "--rules").err()).startsWith("error: --rules needs a value");
        assertThat(cli("--help").status()).isZero();
    }
}
