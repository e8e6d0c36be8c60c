package dev.flowrules.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.Engine;
import dev.flowrules.eval.Outcome;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** The processor with the real SDK client, talking HTTP to a stand-in Chime endpoint on 127.0.0.1. */
class ChannelFlowProcessorTest extends WithFakeChime {
    static final Engine ENGINE = Engine.fromRules(Path.of("rules-examples"));
    static final Path EVENTS = Path.of("rules-examples/events");
    static final RetryPolicy FAST = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMillis(1), Duration.ofMillis(2), 4);

    final List<Long> sleeps = new ArrayList<>();

    ChannelFlowProcessor processor(FailurePolicy policy, boolean debug) {
        return new ChannelFlowProcessor(ENGINE, chime.client(), policy, FAST, log::add, debug, sleeps::add, () -> 0.5);
    }

    static byte[] event(String name) throws IOException {
        return Files.readAllBytes(EVENTS.resolve(name + ".json"));
    }

    static JsonNode json(String text) {
        return JsonNode.parser().parse(text);
    }

    @Test
    void sendsTheCallbackOnTheWireAsTheServiceExpects() throws IOException {
        ChannelFlowProcessor.Result result = processor(FailurePolicy.FAIL_OPEN, false).process(event("redaction-card"), 10_000);
        assertThat(result).isEqualTo(new ChannelFlowProcessor.Result("ok", Outcome.UPDATE, 1, null));
        assertThat(chime.requests).singleElement().satisfies(request -> {
            String arn = json(new String(event("redaction-card"), StandardCharsets.UTF_8))
                    .field("ChannelMessage").get().field("ChannelArn").get().asString();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.rawPath()).isEqualTo("/channels/" + URLEncoder.encode(arn, StandardCharsets.UTF_8));
            assertThat(request.query()).isEqualTo("operation=channel-flow-callback");
            assertThat(request.headers().get("Authorization")).singleElement().asString()
                    .startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/").contains("/us-east-1/chime/aws4_request");
            // The ARN travels in the path; everything else of the expected request is the body.
            java.util.Map<String, JsonNode> expected = new java.util.LinkedHashMap<>(
                    json(Files.readString(EVENTS.resolve("redaction-card.expected.json"))).asObject());
            expected.remove("ChannelArn");
            assertThat(json(request.body()).asObject()).isEqualTo(expected);
        });
        assertThat(log).singleElement().satisfies(line -> {
            JsonNode entry = json(line);
            assertThat(entry.field("status").get().asString()).isEqualTo("ok");
            assertThat(entry.field("outcome").get().asString()).isEqualTo("UPDATE");
            assertThat(entry.field("callbackId").get().asString()).isEqualTo("cb-msg-red-001-0123456789abcdef0123456789abcdef");
            assertThat(entry.field("messageId").get().asString()).isEqualTo("msg-red-001");
            assertThat(entry.field("rules").get().asArray()).extracting(JsonNode::asString)
                    .containsExactly("redact-card-numbers", "redact-emails");
            assertThat(entry.field("evalMicros").get().isNumber()).isTrue();
            assertThat(entry.field("callbackMillis").get().isNumber()).isTrue();
            assertThat(entry.field("attempts").get().asNumber()).isEqualTo("1");
            assertThat(line).doesNotContain("4111").doesNotContain("\"content\"");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ThrottledClientException", "ServiceUnavailableException", "ServiceFailureException"})
    void retriesThrottlingAndServiceFailuresWithBackoff(String error) throws IOException {
        chime.failWith(error, 2);
        ChannelFlowProcessor.Result result = processor(FailurePolicy.FAIL_OPEN, false).process(event("moderation-clean"), 10_000);
        assertThat(result.status()).isEqualTo("ok");
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(chime.requests).hasSize(3).extracting(FakeChime.Request::body).containsOnly(chime.requests.get(0).body());
        assertThat(sleeps).containsExactly(0L, 1L); // full jitter (0.5) of 1 ms then 2 ms
    }

    @ParameterizedTest
    @ValueSource(strings = {"ThrottledClientException", "ServiceUnavailableException", "ServiceFailureException"})
    void givesUpWhenRetriesRunOut(String error) throws IOException {
        chime.failWith(error, 10);
        ChannelFlowProcessor.Result result = processor(FailurePolicy.FAIL_OPEN, false).process(event("moderation-clean"), 10_000);
        assertThat(result.status()).isEqualTo("failed");
        assertThat(chime.requests).hasSize(FAST.maxAttempts());
        JsonNode entry = json(log.get(0));
        assertThat(entry.field("level").get().asString()).isEqualTo("ERROR");
        assertThat(entry.field("error").get().asString()).isEqualTo(error);
        assertThat(entry.field("attempts").get().asNumber()).isEqualTo(String.valueOf(FAST.maxAttempts()));
        assertThat(entry.field("hint").get().asString()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ForbiddenException", "UnauthorizedClientException", "ConflictException"})
    void doesNotRetryWhatRetryingCannotFix(String error) throws IOException {
        chime.failWith(error, 1);
        ChannelFlowProcessor.Result result = processor(FailurePolicy.FAIL_OPEN, false).process(event("moderation-clean"), 10_000);
        assertThat(result.status()).isEqualTo("failed");
        assertThat(chime.requests).hasSize(1);
        assertThat(sleeps).isEmpty();
        JsonNode entry = json(log.get(0));
        assertThat(entry.field("hint").get().asString()).contains(java.util.Map.of(
                "ForbiddenException", "chime:ChannelFlowCallback",
                "UnauthorizedClientException", "credentials were not accepted",
                "ConflictException", "already answered").get(error));
    }

    @Test
    void forbiddenNamesThePermissionToGrant() throws IOException {
        chime.failWith("ForbiddenException", 1);
        processor(FailurePolicy.FAIL_OPEN, false).process(event("moderation-clean"), 10_000);
        assertThat(json(log.get(0)).field("hint").get().asString()).contains("chime:ChannelFlowCallback");
    }

    @Test
    void aRefusedUpdateIsFollowedByThePolicyAnswer() throws IOException {
        chime.failWith("BadRequestException", 1);
        ChannelFlowProcessor.Result result = processor(FailurePolicy.FAIL_CLOSED, false).process(event("redaction-card"), 10_000);
        assertThat(result.status()).isEqualTo("ok");
        assertThat(result.outcome()).isEqualTo(Outcome.DENY);
        assertThat(chime.requests).hasSize(2);
        JsonNode second = json(chime.requests.get(1).body());
        assertThat(second.field("DeleteResource").get().asBoolean()).isTrue();
        assertThat(json(log.get(0)).field("policy").get().asString())
                .isEqualTo("the request was refused (BadRequestException); fail-closed answer sent instead");
    }

    @Test
    void aMalformedEventIsLoggedAndDroppedWithoutACallback() {
        ChannelFlowProcessor.Result result = processor(FailurePolicy.FAIL_CLOSED, false)
                .process("{\"ChannelMessage\": {}}".getBytes(StandardCharsets.UTF_8), 10_000);
        assertThat(result.status()).isEqualTo("dropped");
        assertThat(chime.requests).isEmpty();
        assertThat(json(log.get(0)).field("message").get().asString())
                .isEqualTo("the event has no CallbackId; the callback cannot be matched to the message");
    }

    @Test
    void retriesStopBeforeTheInvocationRunsOut() throws IOException {
        chime.failWith("ThrottledClientException", 10);
        ChannelFlowProcessor processor = new ChannelFlowProcessor(ENGINE, chime.client(), FailurePolicy.FAIL_OPEN,
                new RetryPolicy(Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofSeconds(1), 10), log::add, false,
                sleeps::add, () -> 1.0);
        ChannelFlowProcessor.Result result = processor.process(event("moderation-clean"), 500);
        assertThat(result.status()).isEqualTo("failed");
        // 500 ms left minus the 250 ms logging margin: room for one 200 ms backoff, not for the next 400 ms one.
        assertThat(chime.requests).hasSize(2);
        assertThat(sleeps).containsExactly(200L);
    }

    @Test
    void debugLogsContentAndTheExplanation() throws IOException {
        processor(FailurePolicy.FAIL_OPEN, true).process(event("moderation-banned-word"), 10_000);
        JsonNode entry = json(log.get(0));
        assertThat(entry.field("content").get().asString()).contains("SCAM");
        assertThat(entry.field("explain").get().asString()).contains("rule deny-banned-words");
    }
}
