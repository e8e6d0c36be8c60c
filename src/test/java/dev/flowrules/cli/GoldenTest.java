package dev.flowrules.cli;

import static dev.flowrules.cli.ExamplesEndToEndTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Whole outputs of the CLI against files in src/test/resources/cli/golden. After a deliberate change of output,
 * regenerate with {@code mvn -o test -Dtest=GoldenTest -Dgolden.update=true} and read the diff before committing.
 */
class GoldenTest {
    static final String FIXTURES = "src/test/resources/cli/";
    static final Path GOLDEN = Path.of(FIXTURES + "golden");

    record Case(String golden, int status, String... args) {
    }

    @TestFactory
    Stream<DynamicTest> outputsMatchTheirGoldenFiles() {
        return Stream.of(
                new Case("validate-ok.txt", 0, "validate", FIXTURES + "ok"),
                new Case("validate-ok.json", 0, "validate", "--format", "json", FIXTURES + "ok"),
                new Case("validate-broken.txt", 1, "validate", FIXTURES + "broken"),
                new Case("validate-broken.json", 1, "validate", "--format", "json", FIXTURES + "broken"),
                new Case("validate-broken.sarif", 1, "validate", "--format", "sarif", FIXTURES + "broken"),
                new Case("test-ok.txt", 0, "test", FIXTURES + "ok"),
                new Case("eval-lines.jsonl", 0, "eval", "--rules", FIXTURES + "ok", "--event", FIXTURES + "events", "--explain"),
                new Case("eval-array.json", 0, "eval", "--rules", FIXTURES + "ok", "--event", FIXTURES + "events", "--array"),
                new Case("eval-one.json", 0, "eval", "--rules", FIXTURES + "ok", "--event", FIXTURES + "events/b-urgent.json"),
                new Case("try-urgent.txt", 0, "try", "--rules", FIXTURES + "ok", "--message", "help me",
                        "--attr", "priority=urgent", "--attr", "team=a", "--attr", "team=b", "--show-request"),
                new Case("try-denied.txt", 0, "try", "--rules", FIXTURES + "ok", "--message", "my passcode", "--sender",
                        "arn:aws:chime:us-east-1:111122223333:app-instance/app-1/user/bob", "--content-type", "text/plain",
                        "--sub-channel", "sub-1")
        ).map(c -> DynamicTest.dynamicTest(c.golden(), () -> check(c)));
    }

    private static void check(Case c) throws IOException {
        ExamplesEndToEndTest.Run run = cli(c.args());
        assertThat(run.status()).as(run.err()).isEqualTo(c.status());
        // The version changes with every release; the golden files should not have to.
        String out = run.out().replace("\"" + BuildInfo.version() + "\"", "\"VERSION\"");
        Path golden = GOLDEN.resolve(c.golden());
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, out);
        }
        assertThat(out).isEqualTo(Files.readString(golden));
    }
}
