package dev.flowrules.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.flowrules.Engine;
import dev.flowrules.eval.Decision;
import dev.flowrules.eval.Note;
import dev.flowrules.eval.NoteKind;
import dev.flowrules.eval.Outcome;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The processor with the real SDK client (configured as the handler configures it), talking HTTP to a
 * stand-in Chime endpoint on 127.0.0.1: every answer the service (or a proxy in front of it) can give.
 */
class ChannelFlowProcessorTest extends WithFakeChime {
    static final Engine ENGINE = Engine.fromRules(Path.of("rules-examples"));
    static final Path EVENTS = Path.of("rules-examples/events");

    ChannelFlowProcessor.Builder builder(FailurePolicy policy) {
        return ChannelFlowProcessor.builder().engine(ENGINE).client(chime.client()).failurePolicy(policy)
                .retryPolicy(FakeChime.FAST).log(log::add);
    }

    ChannelFlowProcessor processor(FailurePolicy policy) {
        return builder(policy).build();
    }

    static byte[] event(String name) throws IOException {
        return Files.readAllBytes(EVENTS.resolve(name + ".json"));
    }

    /** Strict: a duplicate key in what the processor wrote fails the test instead of one value winning. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    static Map<String, JsonNode> object(JsonNode node) {
        assertThat(node.isObject()).as("an object: %s", node).isTrue();
        Map<String, JsonNode> members = new java.util.LinkedHashMap<>();
        node.properties().forEach(member -> members.put(member.getKey(), member.getValue()));
        return members;
    }

    static List<JsonNode> array(JsonNode node) {
        assertThat(node.isArray()).as("an array: %s", node).isTrue();
        List<JsonNode> items = new java.util.ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    JsonNode logged() {
        assertThat(log).hasSize(1);
        return json(log.get(0));
    }

    String field(String name) {
        JsonNode value = logged().get(name);
        assertThat(value == null || value.isTextual()).as("%s is a string", name).isTrue();
        return value == null ? null : value.textValue();
    }

    @Test
    void sendsTheCallbackOnTheWireAsTheServiceExpects() throws IOException {
        ChannelFlowProcessor.Result result = processor(FailurePolicy.FAIL_OPEN).process(event("redaction-card"), 10_000);
        assertThat(result).isEqualTo(new ChannelFlowProcessor.Result(ChannelFlowProcessor.Status.DELIVERED, Outcome.UPDATE, 1, null));
        assertThat(chime.requests).singleElement().satisfies(request -> {
            String arn = json(new String(event("redaction-card"), StandardCharsets.UTF_8))
                    .get("ChannelMessage").get("ChannelArn").textValue();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.rawPath()).isEqualTo("/channels/" + URLEncoder.encode(arn, StandardCharsets.UTF_8));
            assertThat(request.query()).isEqualTo("operation=channel-flow-callback");
            assertThat(request.headers().get("Authorization")).singleElement().asString()
                    .startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/").contains("/us-east-1/chime/aws4_request");
            // The ARN travels in the path; everything else of the expected request is the body.
            Map<String, JsonNode> expected = object(json(Files.readString(EVENTS.resolve("redaction-card.expected.json"))));
            expected.remove("ChannelArn");
            assertThat(object(json(request.body()))).isEqualTo(expected);
        });
        JsonNode entry = logged();
        assertThat(field("status")).isEqualTo("DELIVERED");
        assertThat(field("level")).isEqualTo("INFO");
        assertThat(field("outcome")).isEqualTo("UPDATE");
        assertThat(field("callbackId")).isEqualTo("cb-msg-red-001-0123456789abcdef0123456789abcdef");
        assertThat(field("messageId")).isEqualTo("msg-red-001");
        assertThat(array(entry.get("rules"))).extracting(JsonNode::textValue)
                .containsExactly("redact-card-numbers", "redact-emails");
        assertThat(entry.get("evalMicros").isNumber()).isTrue();
        assertThat(entry.get("callbackMillis").isNumber()).isTrue();
        assertThat(entry.get("attempts").numberValue()).hasToString("1");
        assertThat(log.get(0)).doesNotContain("4111").doesNotContain("\"content\"");
    }

    /**
     * Retried by HTTP status and by the SDK's throttling and retryable classification, whatever the body:
     * the service's own errors, AWS-wide error codes, and bare answers of a proxy or load balancer.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "429 | ThrottledClientException | application/json | {\"Code\":\"ThrottledClient\",\"Message\":\"slow down\"}",
        "429 | ThrottlingException      | application/json | {\"message\":\"Rate exceeded\"}",
        "400 | ThrottlingException      | application/json | {\"message\":\"Rate exceeded\"}",
        "429 | -                        | text/plain       | ''",
        "500 | InternalFailure          | application/json | {\"message\":\"internal\"}",
        "500 | ServiceFailureException  | application/json | {\"Code\":\"ServiceFailure\",\"Message\":\"failed\"}",
        "500 | -                        | text/html        | <html><body><h1>500 Internal Server Error</h1></body></html>",
        "502 | -                        | text/html        | <html><body>Bad Gateway</body></html>",
        "503 | ServiceUnavailableException | application/json | {\"Code\":\"ServiceUnavailable\",\"Message\":\"down\"}",
        "503 | -                        | text/plain       | Service Unavailable",
        "504 | -                        | text/html        | <html>Gateway Timeout</html>",
    })
    void retriesWhatTheSdkClassifiesAsThrottlingOrRetryable(int status, String type, String contentType, String body)
            throws IOException {
        for (int i = 0; i < 2; i++) {
            chime.answer(new FakeChime.Response(status, type, contentType, body, Duration.ZERO));
        }
        ChannelFlowProcessor.Result result = processor(FailurePolicy.FAIL_OPEN).process(event("moderation-clean"), 10_000);
        assertThat(result.status()).isEqualTo(ChannelFlowProcessor.Status.DELIVERED);
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(chime.requests).hasSize(3).extracting(FakeChime.Request::body).containsOnly(chime.requests.get(0).body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ThrottledClientException", "ServiceUnavailableException", "ServiceFailureException"})
    void whenRetriesRunOutTheInvocationFails(String error) throws IOException {
        chime.failWith(error, 10);
        ChannelFlowProcessor.Result result = processor(FailurePolicy.FAIL_OPEN).process(event("moderation-clean"), 10_000);
        assertThat(result.status()).isEqualTo(ChannelFlowProcessor.Status.FAILED);
        assertThat(result.failInvocation()).isTrue();
        assertThat(chime.requests).hasSize(FakeChime.FAST.maxAttempts());
        assertThat(field("level")).isEqualTo("ERROR");
        assertThat(field("error")).isEqualTo(error);
        assertThat(logged().get("attempts").numberValue()).hasToString(String.valueOf(FakeChime.FAST.maxAttempts()));
        assertThat(field("hint")).contains("retries ran out").contains("the invocation fails, so Lambda retries it")
                .doesNotContain("FallbackAction");
    }

    @ParameterizedTest
    @CsvSource({"ForbiddenException, chime:ChannelFlowCallback", "UnauthorizedClientException, credentials were not accepted"})
    void permissionErrorsAreNotRetriedAndFailTheInvocation(String error, String hint) throws IOException {
        chime.failWith(error, 1);
        ChannelFlowProcessor.Result result = processor(FailurePolicy.FAIL_OPEN).process(event("moderation-clean"), 10_000);
        assertThat(result.failInvocation()).isTrue();
        assertThat(chime.requests).hasSize(1);
        assertThat(field("hint")).contains(hint).contains("Lambda retries it");
    }

    @Test
    void aConflictMeansTheMessageWasAlreadyAnswered() throws IOException {
        chime.failWith("ConflictException", 1);
        ChannelFlowProcessor.Result result = processor(FailurePolicy.FAIL_OPEN).process(event("moderation-clean"), 10_000);
        assertThat(result.status()).isEqualTo(ChannelFlowProcessor.Status.ALREADY_ANSWERED);
        assertThat(result.failInvocation()).isFalse();
        assertThat(chime.requests).hasSize(1);
        assertThat(field("level")).isEqualTo("INFO");
        assertThat(field("hint")).contains("already answered");
    }

    /** The first answer says the callback landed, with a body nobody can read: it is not sent again. */
    @ParameterizedTest
    @ValueSource(strings = {"<html>OK</html>", "{\"ChannelArn\":", "not json at all"})
    void aSuccessWithAnUnreadableBodyCountsAsDelivered(String body) throws IOException {
        chime.answer(new FakeChime.Response(200, null, "text/html", body, Duration.ZERO));
        chime.failWith("ConflictException", 1); // what a second, needless call would meet
        ChannelFlowProcessor.Result result = processor(FailurePolicy.FAIL_OPEN).process(event("moderation-clean"), 10_000);
        assertThat(result.status()).isEqualTo(ChannelFlowProcessor.Status.DELIVERED);
        assertThat(chime.requests).hasSize(1);
        assertThat(field("level")).isEqualTo("INFO");
        assertThat(field("note")).contains("counted as delivered");
    }

    @Test
    void anEmptySuccessBodyIsDeliveredWithoutANote() throws IOException {
        chime.answer(new FakeChime.Response(200, null, "application/json", "", Duration.ZERO));
        assertThat(processor(FailurePolicy.FAIL_OPEN).process(event("moderation-clean"), 10_000).status())
                .isEqualTo(ChannelFlowProcessor.Status.DELIVERED);
        assertThat(field("note")).isNull();
    }

    /** Under either policy, a refused redaction never turns into delivering the unredacted message. */
    @ParameterizedTest
    @EnumSource(FailurePolicy.class)
    void aRefusedRedactionFallsBackToAMinimalDeny(FailurePolicy policy) throws IOException {
        chime.failWith("BadRequestException", 1);
        ChannelFlowProcessor.Result result = processor(policy).process(event("redaction-card"), 10_000);
        assertThat(result.status()).isEqualTo(ChannelFlowProcessor.Status.DELIVERED);
        assertThat(result.outcome()).isEqualTo(Outcome.DENY);
        assertThat(chime.requests).hasSize(2);
        assertThat(json(chime.requests.get(1).body())).isEqualTo(json(
                "{\"CallbackId\":\"cb-msg-red-001-0123456789abcdef0123456789abcdef\",\"DeleteResource\":true,"
                        + "\"ChannelMessage\":{\"MessageId\":\"msg-red-001\"}}"));
        assertThat(chime.requests.get(1).body()).doesNotContain("4111");
        assertThat(field("level")).isEqualTo("ERROR");
        assertThat(field("status")).isEqualTo("DELIVERED");
        assertThat(field("fallback")).isEqualTo("the service refused the UPDATE request (BadRequestException: simulated "
                + "BadRequestException); a minimal deny was sent instead");
    }

    @Test
    void aRefusedDenyWithMoreThanTheIdsIsRetriedAsAMinimalDeny() throws IOException {
        byte[] withSubChannel = new String(event("moderation-banned-word"), StandardCharsets.UTF_8)
                .replace("\"MessageId\"", "\"SubChannelId\": \"sub-1\", \"MessageId\"").getBytes(StandardCharsets.UTF_8);
        chime.failWith("BadRequestException", 1);
        ChannelFlowProcessor.Result result = processor(FailurePolicy.FAIL_OPEN).process(withSubChannel, 10_000);
        assertThat(result.status()).isEqualTo(ChannelFlowProcessor.Status.DELIVERED);
        assertThat(chime.requests.get(0).body()).contains("sub-1");
        assertThat(object(json(chime.requests.get(1).body()).get("ChannelMessage"))).containsOnlyKeys("MessageId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"moderation-banned-word", "moderation-clean"})
    void aRefusedAnswerThatCannotBeMadeSmallerFailsTheInvocation(String name) throws IOException {
        chime.failWith("BadRequestException", 1);
        ChannelFlowProcessor.Result result = processor(FailurePolicy.FAIL_OPEN).process(event(name), 10_000);
        assertThat(result.failInvocation()).isTrue();
        assertThat(chime.requests).hasSize(1);
        assertThat(field("hint")).contains("refused");
    }

    @Test
    void aRefusedMinimalDenyFailsTheInvocation() throws IOException {
        chime.failWith("BadRequestException", 2);
        ChannelFlowProcessor.Result result = processor(FailurePolicy.FAIL_OPEN).process(event("redaction-card"), 10_000);
        assertThat(result.failInvocation()).isTrue();
        assertThat(chime.requests).hasSize(2);
        assertThat(chime.requests.get(1).body()).doesNotContain("4111");
    }

    @ParameterizedTest
    @EnumSource(FailurePolicy.class)
    void anyThrowableInEvaluationGetsThePolicyAnswer(FailurePolicy policy) throws IOException {
        ChannelFlowProcessor processor = builder(policy).evaluator(e -> {
            throw new OutOfMemoryError("Java heap space");
        }).build();
        ChannelFlowProcessor.Result result = processor.process(event("redaction-card"), 10_000);
        assertThat(result.status()).isEqualTo(ChannelFlowProcessor.Status.DELIVERED);
        assertThat(field("level")).isEqualTo("ERROR");
        assertThat(field("evaluationError")).isEqualTo("OutOfMemoryError");
        JsonNode sent = json(chime.requests.get(0).body());
        if (policy == FailurePolicy.FAIL_OPEN) {
            assertThat(result.outcome()).isEqualTo(Outcome.NO_CHANGE);
            assertThat(sent.get("DeleteResource")).isEqualTo(BooleanNode.FALSE);
            assertThat(sent.get("ChannelMessage").get("Content").textValue())
                    .isEqualTo(json(new String(event("redaction-card"), StandardCharsets.UTF_8))
                            .get("ChannelMessage").get("Content").textValue());
        } else {
            assertThat(result.outcome()).isEqualTo(Outcome.DENY);
            assertThat(object(sent.get("ChannelMessage"))).containsOnlyKeys("MessageId");
        }
    }

    @Test
    void aMalformedEventIsLoggedAndDroppedWithoutACallback() {
        ChannelFlowProcessor.Result result = processor(FailurePolicy.FAIL_CLOSED)
                .process("{\"ChannelMessage\": {}}".getBytes(StandardCharsets.UTF_8), 10_000);
        assertThat(result.status()).isEqualTo(ChannelFlowProcessor.Status.DROPPED);
        assertThat(result.failInvocation()).isFalse();
        assertThat(chime.requests).isEmpty();
        assertThat(field("message")).isEqualTo("the event has no CallbackId; the callback cannot be matched to the message");
        assertThat(field("hint")).doesNotContain("FallbackAction");
    }

    @Test
    void aDroppedEventsLineNamesItsCallbackIdWithoutQuotingTheEvent() {
        String callbackId = "cb-0123456789abcdef0123456789abcdef";
        // No MessageId: found after the CallbackId was read, so the line can name it.
        String event = "{\"CallbackId\": \"" + callbackId + "\", \"ChannelMessage\": {\"Content\": \"secret words\"}}";
        ChannelFlowProcessor.Result result = processor(FailurePolicy.FAIL_OPEN)
                .process(event.getBytes(StandardCharsets.UTF_8), 10_000);
        assertThat(result.status()).isEqualTo(ChannelFlowProcessor.Status.DROPPED);
        assertThat(chime.requests).isEmpty();
        assertThat(field("callbackId")).isEqualTo(callbackId);
        assertThat(log.get(0)).doesNotContain("secret words");
    }

    @Test
    void anEventThatIsNotAMessageEventGetsNoCallback() throws IOException {
        byte[] other = new String(event("moderation-banned-word"), StandardCharsets.UTF_8)
                .replace("CHANNEL_MESSAGE_EVENT", "CHANNEL_MEMBERSHIP_EVENT").getBytes(StandardCharsets.UTF_8);
        ChannelFlowProcessor.Result result = processor(FailurePolicy.FAIL_CLOSED).process(other, 10_000);
        assertThat(result.status()).isEqualTo(ChannelFlowProcessor.Status.IGNORED);
        assertThat(result.failInvocation()).isFalse();
        assertThat(chime.requests).isEmpty();
        assertThat(field("eventType")).isEqualTo("CHANNEL_MEMBERSHIP_EVENT");
    }

    @Test
    void noTimeLeftMeansNoCallAndAFailedInvocation() throws IOException {
        ChannelFlowProcessor.Result result = processor(FailurePolicy.FAIL_OPEN)
                .process(event("moderation-clean"), FakeChime.FAST.margin().toMillis());
        assertThat(result.failInvocation()).isTrue();
        assertThat(result.error()).isEqualTo("DeadlineExceeded");
        assertThat(chime.requests).isEmpty();
    }

    /** An attempt that gets no answer is cut at the attempt timeout and retried, within the call's time. */
    @Test
    void anAttemptWithoutAnswerIsCutAndRetried() throws IOException {
        chime.answer(new FakeChime.Response(200, null, "application/json", "{}", Duration.ofSeconds(30)));
        ChannelFlowProcessor processor = builder(FailurePolicy.FAIL_OPEN).retryPolicy(new RetryPolicy(Duration.ofMillis(1),
                Duration.ofMillis(2), 4, Duration.ofMillis(300), Duration.ofMillis(100))).build();
        ChannelFlowProcessor.Result result = processor.process(event("moderation-clean"), 10_000);
        assertThat(result.status()).isEqualTo(ChannelFlowProcessor.Status.DELIVERED);
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(chime.requests).hasSize(2);
    }

    @Test
    void debugLogsContentAndTheExplanation() throws IOException {
        builder(FailurePolicy.FAIL_OPEN).logLevel(LogLevel.DEBUG).build().process(event("moderation-banned-word"), 10_000);
        assertThat(field("content")).contains("SCAM");
        assertThat(field("explain")).contains("rule deny-banned-words");
    }

    @Test
    void everyLineCarriesTheRequestIdTheColdStartFlagAndTheRulesHash() throws IOException {
        ChannelFlowProcessor processor = builder(FailurePolicy.FAIL_OPEN).rulesHash("0123456789ab").build();
        processor.process(event("moderation-clean"), new ChannelFlowProcessor.Invocation("req-1", 10_000));
        processor.process("{}".getBytes(StandardCharsets.UTF_8), new ChannelFlowProcessor.Invocation("req-2", 10_000));
        assertThat(log).hasSize(2);
        JsonNode first = json(log.get(0));
        JsonNode second = json(log.get(1));
        assertThat(first.get("requestId").textValue()).isEqualTo("req-1");
        assertThat(first.get("coldStart")).isEqualTo(BooleanNode.TRUE);
        assertThat(first.get("rulesHash").textValue()).isEqualTo("0123456789ab");
        assertThat(second.get("requestId").textValue()).isEqualTo("req-2");
        assertThat(second.get("coldStart")).isEqualTo(BooleanNode.FALSE);
        assertThat(second.get("status").textValue()).isEqualTo("DROPPED");
    }

    /** Notes are data in the line: a kind, the rule, the parameters; those that may quote content only at DEBUG. */
    @ParameterizedTest
    @EnumSource(value = LogLevel.class, names = {"INFO", "DEBUG"})
    void notesAreStructuredInTheLogLine(LogLevel level) throws IOException {
        ChannelFlowProcessor processor = builder(FailurePolicy.FAIL_OPEN).logLevel(level).evaluator(e -> {
            Decision decision = ENGINE.evaluate(e);
            return new Decision(decision.outcome(), decision.original(), decision.result(), decision.denyReason(),
                    decision.deniedBy(), decision.matches(), List.of(
                            new Note(NoteKind.CONTENT_CUT, "shorten", Map.of("limit", "4096")),
                            new Note(NoteKind.ACTION_FAILED, "tag", orderedMap("position", "r.yaml:3:9",
                                    "error", "NumberFormatException: For input string: \"card 4111\""))));
        }).build();
        processor.process(event("moderation-clean"), 10_000);
        List<JsonNode> notes = array(logged().get("notes"));
        assertThat(notes).hasSize(2);
        assertThat(object(notes.get(0))).containsEntry("kind", TextNode.valueOf("CONTENT_CUT"))
                .containsEntry("rule", TextNode.valueOf("shorten"))
                .containsEntry("limit", TextNode.valueOf("4096"));
        assertThat(notes.get(1).get("kind").textValue()).isEqualTo("ACTION_FAILED");
        assertThat(notes.get(1).get("position").textValue()).isEqualTo("r.yaml:3:9");
        if (level == LogLevel.INFO) {
            assertThat(notes.get(1).has("error")).isFalse();
            assertThat(log.get(0)).doesNotContain("4111");
        } else {
            assertThat(notes.get(1).get("error").textValue()).contains("4111");
            assertThat(notes.get(1).get("text").textValue()).startsWith("rule tag: an action at r.yaml:3:9 failed");
        }
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void theLevelDecidesWhichLinesAreWritten() throws IOException {
        ChannelFlowProcessor quiet = builder(FailurePolicy.FAIL_OPEN).logLevel(LogLevel.WARN).build();
        quiet.process(event("moderation-clean"), 10_000);
        assertThat(log).as("an INFO line at WARN").isEmpty();
        chime.failWith("ForbiddenException", 1);
        quiet.process(event("moderation-clean"), 10_000);
        assertThat(log).singleElement().asString().contains("\"level\":\"ERROR\"");
    }

    @Test
    void lambdasLogLevelWinsOverOurs() {
        assertThat(LogLevel.fromEnvironment(Map.of())).isEqualTo(LogLevel.INFO);
        assertThat(LogLevel.fromEnvironment(Map.of("FLOWRULES_LOG_LEVEL", "debug"))).isEqualTo(LogLevel.DEBUG);
        assertThat(LogLevel.fromEnvironment(Map.of("FLOWRULES_LOG_LEVEL", "DEBUG", "AWS_LAMBDA_LOG_LEVEL", "WARN")))
                .isEqualTo(LogLevel.WARN);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogLevel.fromEnvironment(Map.of("FLOWRULES_LOG_LEVEL", "loud")))
                .hasMessage("FLOWRULES_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL, not 'loud'");
    }

    /** Embedded Metric Format: each metric named in the _aws block has a number, each dimension a string. */
    @Test
    void metricLinesAreEmbeddedMetricFormat() throws IOException {
        builder(FailurePolicy.FAIL_OPEN).metricsNamespace("FlowRules").build().process(event("redaction-card"), 10_000);
        assertThat(log).hasSize(4); // the log line, the event's metrics, one line per matched rule (2)
        JsonNode perEvent = json(log.get(1));
        assertEmf(perEvent);
        assertThat(perEvent.get("Outcome").textValue()).isEqualTo("UPDATE");
        assertThat(perEvent.get("Status").textValue()).isEqualTo("DELIVERED");
        assertThat(perEvent.get("Messages").numberValue()).hasToString("1");
        assertThat(perEvent.get("CallbackAttempts").numberValue()).hasToString("1");
        assertThat(perEvent.get("CallbackLatency").isNumber()).isTrue();
        assertThat(log.subList(2, 4)).map(ChannelFlowProcessorTest::json).allSatisfy(ChannelFlowProcessorTest::assertEmf)
                .extracting(line -> line.get("Rule").textValue())
                .containsExactly("redact-card-numbers", "redact-emails");
    }

    static void assertEmf(JsonNode line) {
        JsonNode aws = line.get("_aws");
        assertThat(aws.get("Timestamp").isNumber()).isTrue();
        JsonNode directive = array(aws.get("CloudWatchMetrics")).get(0);
        assertThat(directive.get("Namespace").textValue()).isEqualTo("FlowRules");
        array(directive.get("Dimensions")).forEach(set -> array(set)
                .forEach(name -> assertThat(line.get(name.textValue()).isTextual()).isTrue()));
        array(directive.get("Metrics")).forEach(metric -> {
            assertThat(metric.get("Unit").textValue()).isIn("Count", "Milliseconds");
            assertThat(line.get(metric.get("Name").textValue()).isNumber()).isTrue();
        });
    }
}
