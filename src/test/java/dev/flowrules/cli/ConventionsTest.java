package dev.flowrules.cli;

import static dev.flowrules.cli.ExamplesEndToEndTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The conventions of docs/cli.md: version, help, exit codes, standard input, JSON-only standard output. */
class ConventionsTest {
    static final String RULES = GoldenTest.FIXTURES + "ok";
    static final String EVENTS = GoldenTest.FIXTURES + "events";

    @Test
    void versionIsTheProjectVersion() throws IOException {
        Matcher version = Pattern.compile("<version>([^<]+)</version>").matcher(Files.readString(Path.of("pom.xml")));
        assertThat(version.find()).isTrue();
        ExamplesEndToEndTest.Run run = cli("--version");
        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo("flowrules " + version.group(1) + "\n");
    }

    @Test
    void helpOnEveryCommandExitsZeroAndShowsThatCommand() {
        assertThat(Main.HELP.keySet()).contains("eval", "try", "validate", "test", "schema", "serve");
        for (String command : Main.HELP.keySet()) {
            for (String flag : List.of("--help", "-h")) {
                ExamplesEndToEndTest.Run run = cli(command, flag);
                assertThat(run.status()).as(command + " " + flag).isZero();
                assertThat(run.out()).startsWith("usage:\n  flowrules " + command).contains("\n      ");
                assertThat(run.err()).isEmpty();
            }
            assertThat(cli("help", command).out()).isEqualTo(cli(command, "--help").out());
        }
        assertThat(cli("--help").out()).contains("exit codes: 0 ok, 1 the rules have errors");
    }

    @Test
    void exitCodesAreTheDocumentedOnes() throws IOException {
        String docs = Files.readString(Path.of("docs/cli.md"));
        assertThat(docs).contains("| 0 |").contains("| 1 |").contains("| 2 |").contains("| 3 |");
        assertThat(cli("validate", RULES).status()).isEqualTo(Main.EXIT_OK);
        assertThat(cli("validate", GoldenTest.FIXTURES + "broken").status()).isEqualTo(Main.EXIT_RULES);
        for (String[] badPath : List.of(new String[] {"validate", "no/such/dir"}, new String[] {"test", "no/such/dir"},
                new String[] {"eval", "--rules", "no/such/dir", "--event", EVENTS},
                new String[] {"eval", "--rules", RULES, "--event", "no/such/event.json"},
                new String[] {"try", "--rules", "no/such/dir", "--message", "hi"})) {
            ExamplesEndToEndTest.Run run = cli(badPath);
            assertThat(run.status()).as(String.join(" ", badPath)).isEqualTo(Main.EXIT_USAGE);
            assertThat(run.err()).isEqualTo("error: no/such/" + (badPath[badPath.length - 1].endsWith(".json") ? "event.json" : "dir")
                    + ": no such file or directory\n");
            assertThat(run.out()).isEmpty();
        }
        assertThat(cli("validate", "--format", "xml", RULES).status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(cli("serve", "no/such/dir").err()).isEqualTo("error: no/such/dir: no such file or directory\n");
        assertThat(cli("serve", "pom.xml").err()).isEqualTo("error: pom.xml: not a directory\n");
        assertThat(cli("serve", "--port", "99999", RULES).status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(cli("serve").status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(cli("try", "--rules", RULES, "--message", "x", "--attr", "novalue").err())
                .startsWith("error: an attribute is written name=value, got 'novalue'");
        assertThat(cli("frobnicate").status()).isEqualTo(Main.EXIT_USAGE);
    }

    @Test
    void evalReadsOneEventFromStandardInput() throws IOException {
        byte[] event = Files.readAllBytes(Path.of(EVENTS, "b-urgent.json"));
        ExamplesEndToEndTest.Run fromStdin = run(new ByteArrayInputStream(event), "eval", "--rules", RULES, "--event", "-");
        ExamplesEndToEndTest.Run fromFile = cli("eval", "--rules", RULES, "--event", EVENTS + "/b-urgent.json");
        assertThat(fromStdin.status()).as(fromStdin.err()).isZero();
        assertThat(fromStdin.out()).isEqualTo(fromFile.out()).contains("\"flagged\"");
        ExamplesEndToEndTest.Run empty = run(InputStream.nullInputStream(), "eval", "--rules", RULES, "--event", "-");
        assertThat(empty.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(empty.err()).isEqualTo("<stdin>: error: the event is empty\n");
    }

    @Test
    void severalEventsGiveOneJsonRequestPerLineAndNothingElseOnStandardOutput() throws IOException {
        ExamplesEndToEndTest.Run run = cli("eval", "--rules", "rules-examples", "--event", "rules-examples/events", "--explain");
        assertThat(run.status()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(Main.eventFiles(Path.of("rules-examples/events")).size());
        for (String line : lines) {
            assertThat(jsonValues(line)).as(line).isEqualTo(1);
        }
        assertThat(run.err()).contains("### rules-examples/events/").contains("outcome: ");
        ExamplesEndToEndTest.Run array = cli("eval", "--rules", "rules-examples", "--event", "rules-examples/events", "--array");
        assertThat(jsonValues(array.out())).isEqualTo(1);
        assertThat(array.out()).startsWith("[");
    }

    @Test
    void aBadEventAmongSeveralIsReportedOnStandardErrorAndTheOthersStillRun() {
        ExamplesEndToEndTest.Run run = cli("eval", "--rules", RULES, "--event", EVENTS + "/a-password.json",
                "--event", "pom.xml", "--event", EVENTS + "/b-urgent.json");
        assertThat(run.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.out().lines()).hasSize(2);
        assertThat(run.err()).startsWith("pom.xml:1:1: error: the event is not valid JSON");
    }

    @Test
    void anEventErrorTakesTheFormOfARuleDiagnosticWithItsHintOnTheNextLine() {
        ExamplesEndToEndTest.Run run = run(new ByteArrayInputStream("{\"CallbackId\": \"x\",\n  \"a\": 1,}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), "eval", "--rules", RULES, "--event", "-");
        assertThat(run.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).isEqualTo("""
                <stdin>:2:9: error: the event is not valid JSON: there is a comma after the last entry, which JSON does not allow
                  hint: remove this comma
                """);
    }

    @Test
    void sarifHasWhatTheFormatRequires() throws IOException {
        ExamplesEndToEndTest.Run run = cli("validate", "--format", "sarif", GoldenTest.FIXTURES + "broken");
        String sarif = run.out();
        assertThat(jsonValues(sarif)).isEqualTo(1);
        assertThat(sarif).contains("\"version\" : \"2.1.0\"", "\"$schema\" : \"https://json.schemastore.org/sarif-2.1.0.json\"",
                "\"name\" : \"flowrules\"", "\"ruleId\" : \"FR006\"", "\"level\" : \"error\"",
                "\"uri\" : \"src/test/resources/cli/broken/rules.yaml\"", "\"startLine\" : 4", "\"startColumn\" : 12");
    }

    @Test
    void schemaPrintsTheSchemaShippedInTheJar() throws IOException {
        ExamplesEndToEndTest.Run run = cli("schema");
        try (InputStream in = Main.class.getResourceAsStream(Main.SCHEMA_RESOURCE)) {
            assertThat(in).as("the schema resource " + Main.SCHEMA_RESOURCE).isNotNull();
            assertThat(run.status()).isZero();
            assertThat(run.out()).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(jsonValues(run.out())).isEqualTo(1);
    }

    static ExamplesEndToEndTest.Run run(InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, in, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new ExamplesEndToEndTest.Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** How many top-level JSON values the text holds; fails on anything that is not JSON. */
    static int jsonValues(String text) throws IOException {
        List<JsonToken> roots = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                roots.add(token);
                parser.skipChildren();
            }
        }
        return roots.size();
    }
}
