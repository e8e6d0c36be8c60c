package dev.flowrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every sample event in rules-examples/events, through the CLI, against the expected request beside it. */
class ExamplesEndToEndTest {
    static final Path EXAMPLES = Path.of("rules-examples");

    record Run(int status, String out, String err) {
    }

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleEventProducesItsExpectedRequest() throws IOException {
        List<Path> events = Main.eventFiles(EXAMPLES.resolve("events"));
        assertThat(events).hasSizeGreaterThanOrEqualTo(7);
        return events.stream().map(event -> DynamicTest.dynamicTest(event.getFileName().toString(), () -> {
            Path expected = Path.of(event.toString().replace(".json", ".expected.json"));
            assertThat(expected).as("expected request beside " + event).exists();
            Run run = cli("eval", "--rules", EXAMPLES.toString(), "--event", event.toString(), "--explain");
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).isEqualToIgnoringNewLines(Files.readString(expected));
            assertThat(run.err()).contains("outcome: ");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRuleFileIsValid() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".yaml") && !p.toString().endsWith(".test.yaml")).sorted().toList().stream()
                    .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                        Run run = cli("validate", file.toString());
                        assertThat(run.status()).as(run.out()).isZero();
                        assertThat(run.out()).matches("(?s)rule tests: (\\d+) ran, \\1 passed\nok: .*");
                    }));
        }
    }

    @Test
    void everyExampleRuleFileCarriesPassingTests() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<Path> ruleFiles = files.filter(p -> p.toString().endsWith(".yaml") && !p.toString().endsWith(".test.yaml")).toList();
            for (Path ruleFile : ruleFiles) {
                assertThat(dev.flowrules.dsl.RuleTestParser.testFileFor(ruleFile)).as("tests beside " + ruleFile).exists();
            }
        }
        Run run = cli("test", EXAMPLES.toString());
        assertThat(run.status()).as(run.out()).isZero();
        assertThat(run.out()).matches("(?s)\\d+ passed, 0 failed\\n");
    }
}
