package dev.flowrules.cli;

import static dev.flowrules.cli.ExamplesEndToEndTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follows the README's quick start as a new rule author would: writes the files it shows under the names it
 * gives, runs every command of its console blocks through the CLI and compares the output with what the README
 * shows. Editing the README without keeping it true fails here.
 */
class QuickStartTest {
    static final String JAR = "java -jar target/flowrules.jar ";

    @TempDir
    Path dir;

    @Test
    void theReadmeQuickStartWorksAsWritten() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String quickStart = readme.substring(readme.indexOf("## Quick start"));
        List<String> yamlBlocks = blocks(readme, "yaml");
        List<String> names = new ArrayList<>();
        Matcher saved = Pattern.compile("as `(my-rules/[^`]+)`").matcher(quickStart);
        while (saved.find()) {
            names.add(saved.group(1));
        }
        assertThat(names).containsExactly("my-rules/chat.yaml", "my-rules/chat.test.yaml");
        Files.createDirectories(dir.resolve("my-rules"));
        Files.writeString(dir.resolve(names.get(0)), yamlBlocks.get(0));
        Files.writeString(dir.resolve(names.get(1)), yamlBlocks.get(1));

        List<String> consoles = blocks(quickStart, "console");
        assertThat(consoles).hasSizeGreaterThanOrEqualTo(2);
        int commands = 0;
        for (String console : consoles) {
            String[] parts = console.split("(?m)^\\$ ");
            for (String part : parts) {
                if (part.isBlank()) {
                    continue;
                }
                String command = part.substring(0, part.indexOf('\n'));
                String shown = part.substring(part.indexOf('\n') + 1);
                assertThat(command).startsWith(JAR);
                String[] args = words(command.substring(JAR.length())).stream()
                        .map(a -> a.startsWith("my-rules") ? dir.resolve(a).toString() : a).toArray(String[]::new);
                ExamplesEndToEndTest.Run run = cli(args);
                assertThat(run.status()).as(command + "\n" + run.err()).isZero();
                assertThat(run.out().replace(dir + "/", "")).as(command).isEqualTo(shown);
                commands++;
            }
        }
        assertThat(commands).isGreaterThanOrEqualTo(2);
    }

    @Test
    void thePlaygroundCommandOfTheQuickStartServesTheRules() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher serve = Pattern.compile("`" + JAR + "(serve [^`]+)`").matcher(readme.substring(readme.indexOf("## Quick start")));
        assertThat(serve.find()).isTrue();
        List<String> args = words(serve.group(1)).stream()
                .map(a -> a.startsWith("my-rules") ? dir.resolve(a).toString() : a).toList();
        Files.createDirectories(dir.resolve("my-rules"));
        Files.writeString(dir.resolve("my-rules/chat.yaml"), blocks(readme, "yaml").get(0));
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        try (dev.flowrules.playground.Playground playground = Serve.start(args.subList(1, args.size()),
                new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8))) {
            assertThat(args.get(0)).isEqualTo("serve");
            assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("\n  " + playground.url() + "\n");
            java.net.http.HttpResponse<String> state = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(playground.url() + "api/state")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(state.statusCode()).isEqualTo(200);
            assertThat(state.body()).contains("\"chat.yaml\":\"version: 1");
        }
    }

    @Test
    void aFailingTestIsShownWithItsPlaceAndExitCodeOne() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("a failing test with what\n   was expected, what happened and which rules did it; the exit code is then 1");
        List<String> yamlBlocks = blocks(readme, "yaml");
        Files.createDirectories(dir.resolve("my-rules"));
        Files.writeString(dir.resolve("my-rules/chat.yaml"), yamlBlocks.get(0));
        Files.writeString(dir.resolve("my-rules/chat.test.yaml"), yamlBlocks.get(1).replace("{outcome: NO_CHANGE}", "{outcome: DENY}"));
        ExamplesEndToEndTest.Run run = cli("validate", dir.resolve("my-rules").toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out().replace(dir + "/", "")).isEqualTo("""
                my-rules/chat.test.yaml:10:5: error: rule test 'ordinary messages pass unchanged' failed [FR029]
                  hint: outcome: expected "DENY", actual "NO_CHANGE"
                        no rule matched
                rule tests: 3 ran, 2 passed, 1 failed
                1 error, 0 warnings in 1 file
                """);
    }

    /** The bodies of fenced blocks of one language, with the list indentation of the README taken off. */
    static List<String> blocks(String markdown, String language) {
        List<String> found = new ArrayList<>();
        Matcher block = Pattern.compile("(?m)^( *)```" + language + "\\n(.*?)^ *```", Pattern.DOTALL).matcher(markdown);
        while (block.find()) {
            String indent = block.group(1);
            StringBuilder body = new StringBuilder();
            for (String line : block.group(2).split("\n", -1)) {
                body.append(line.startsWith(indent) ? line.substring(indent.length()) : line).append('\n');
            }
            found.add(body.substring(0, body.length() - 1));
        }
        return found;
    }

    /** Splits a command line as a POSIX shell would for the simple quoting the README uses. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(line);
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2) != null ? word.group(2) : word.group(3));
        }
        return words;
    }
}
