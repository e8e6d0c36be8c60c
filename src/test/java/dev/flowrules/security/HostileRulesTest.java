package dev.flowrules.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.LoaderLimits;
import dev.flowrules.dsl.RuleLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule files written to hurt the loader. Each must be refused with a clear diagnostic; the timeouts are only
 * a guard against hanging, never a performance assertion.
 */
class HostileRulesTest {
    static final Duration HANG_GUARD = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    static List<String> errors(String yaml) {
        return errors(yaml.getBytes(StandardCharsets.UTF_8), null);
    }

    static List<String> errors(byte[] bytes, Path base) {
        LoadResult result = assertTimeoutPreemptively(HANG_GUARD, () -> RuleLoader.parse("rules.yaml", bytes, base));
        return result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList();
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder yaml = new StringBuilder("version: 1\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 9; k++) {
                yaml.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        yaml.append("rules: [{id: r, when: always, then: [deny]}]\n");
        assertThat(errors(yaml.toString())).singleElement().asString()
                .contains("[FR017]").contains("at most " + LoaderLimits.MAX_ALIASES);
    }

    @Test
    void deepNestingIsRefused() {
        String yaml = "version: 1\nrules: [{id: r, when: " + "{not: ".repeat(5_000) + "always" + "}".repeat(5_000)
                + ", then: [deny]}]\n";
        assertThat(errors(yaml)).singleElement().asString().contains("[FR017]");
    }

    @Test
    void hugeFilesAndScalarsAreRefused() {
        byte[] huge = ("version: 1\n#" + "x".repeat(LoaderLimits.MAX_FILE_BYTES) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(errors(huge, null)).singleElement().asString().contains("a rule file may be at most 1048576 bytes [FR017]");
        String bigScalar = "version: 1\nrules: [{id: r, when: {content: {contains: " + "y".repeat(LoaderLimits.MAX_TEXT_LENGTH + 1)
                + "}}, then: [deny]}]\n";
        assertThat(errors(bigScalar)).singleElement().asString().contains("characters; at most 16384 are allowed [FR017]");
        String longRegex = "version: 1\nrules: [{id: r, when: {content: {regex: '" + "a".repeat(LoaderLimits.MAX_PATTERN_LENGTH + 1)
                + "'}}, then: [deny]}]\n";
        assertThat(errors(longRegex)).singleElement().asString().contains("at most 2000 are allowed [FR017]");
    }

    @Test
    void tooManyRulesAreRefused() {
        StringBuilder yaml = new StringBuilder("version: 1\nrules:\n");
        for (int i = 0; i <= LoaderLimits.MAX_RULES_PER_FILE; i++) {
            yaml.append("- {id: r").append(i).append(", when: always, then: [stop]}\n");
        }
        assertThat(errors(yaml.toString())).singleElement().asString().contains("a file may hold at most 2000 [FR017]");
    }

    @Test
    void tagsThatWouldConstructObjectsAreRefused() {
        for (String tag : List.of("!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]",
                "!!java.net.URL [\"http://127.0.0.1/\"]", "!<tag:yaml.org,2002:java.lang.Runtime> {}", "!custom x")) {
            assertThat(errors("version: 1\nrules: " + tag + "\n")).as(tag).singleElement().asString().contains("[FR018]");
        }
    }

    @Test
    void duplicateKeysMultipleDocumentsAndNonUtf8AreRefused() {
        assertThat(errors("version: 1\nversion: 1\nrules: [{id: r, when: always, then: [deny]}]\n"))
                .singleElement().asString().contains("'version' appears twice (first at line 1) [FR012]");
        assertThat(errors("version: 1\nrules: [{id: r, when: always, then: [deny]}]\n---\nversion: 1\n"))
                .singleElement().asString().contains("more than one YAML document");
        byte[] latin1 = "version: 1\n# caf\u00e9\nrules: []\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(errors(latin1, null)).singleElement().asString().startsWith("rules.yaml:2:6: error: the file is not valid UTF-8");
        byte[] binary = {0x00, (byte) 0xff, 0x13, 0x37, 0x00};
        assertThat(errors(binary, null)).singleElement().asString().contains("[FR001]");
    }

    @Test
    void aByteOrderMarkIsAccepted() {
        byte[] withBom = ("\uFEFFversion: 1\nrules: [{id: r, when: always, then: [deny]}]\n").getBytes(StandardCharsets.UTF_8);
        assertThat(errors(withBom, null)).isEmpty();
    }

    @Test
    void listFilesCannotReachOutsideTheRulesDirectory() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Path secret = Files.writeString(dir.resolve("secret.txt"), "password\n");
        Files.createSymbolicLink(rules.resolve("link.txt"), secret);
        String yaml = "version: 1\nrules: [{id: r, when: {content: {contains-word: {file: %s}}}, then: [deny]}]\n";
        assertThat(errors(yaml.formatted("link.txt").getBytes(StandardCharsets.UTF_8), rules))
                .singleElement().asString().contains("leads outside the rule file's directory (through a link) [FR009]");
        assertThat(errors(yaml.formatted("../secret.txt").getBytes(StandardCharsets.UTF_8), rules))
                .singleElement().asString().contains("is outside the rule file's directory [FR009]");
        assertThat(errors(yaml.formatted("/etc/passwd").getBytes(StandardCharsets.UTF_8), rules))
                .singleElement().asString().contains("[FR009]");
    }

    @Test
    void hugeOrBinaryListFilesAreRefused() throws IOException {
        Files.write(dir.resolve("big.txt"), new byte[LoaderLimits.MAX_LIST_FILE_BYTES + 1]);
        Files.write(dir.resolve("bin.txt"), new byte[] {(byte) 0xc3, 0x28, 0x0a});
        String yaml = "version: 1\nrules: [{id: r, when: {content: {contains-word: {file: %s}}}, then: [deny]}]\n";
        assertThat(errors(yaml.formatted("big.txt").getBytes(StandardCharsets.UTF_8), dir))
                .singleElement().asString().contains("is larger than 4194304 bytes [FR017]");
        assertThat(errors(yaml.formatted("bin.txt").getBytes(StandardCharsets.UTF_8), dir))
                .singleElement().asString().contains("is not valid UTF-8 [FR009]");
    }

    /** Found in the security review: control characters were reported as a limit problem at 1:1. */
    @Test
    void controlCharactersArePointedAt() {
        assertThat(errors("version: 1\nrules: [{id: r,\u0000 when: always, then: [deny]}]\n")).singleElement().asString()
                .startsWith("rules.yaml:2:16: error: the file holds a character YAML does not allow (U+0000)");
    }

    /** Found in the security review: the text limit did not cover deny reasons and the short form of equals. */
    @Test
    void theTextLimitCoversEveryValue() {
        String big = "z".repeat(LoaderLimits.MAX_TEXT_LENGTH + 1);
        assertThat(errors("version: 1\nrules: [{id: r, when: {content: " + big + "}, then: [deny]}]\n"))
                .singleElement().asString().contains("[FR017]");
        assertThat(errors("version: 1\nrules: [{id: r, when: always, then: [{deny: " + big + "}]}]\n"))
                .singleElement().asString().contains("[FR017]");
    }
}
