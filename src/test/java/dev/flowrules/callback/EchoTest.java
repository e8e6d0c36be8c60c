package dev.flowrules.callback;

import static dev.flowrules.TestRules.CALLBACK_ID;
import static dev.flowrules.TestRules.CHANNEL;
import static dev.flowrules.TestRules.compile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.eval.Decision;
import dev.flowrules.eval.Evaluator;
import dev.flowrules.eval.NoteKind;
import dev.flowrules.eval.Outcome;
import dev.flowrules.event.EventParser;
import dev.flowrules.event.Message;
import dev.flowrules.event.ProcessorEvent;
import dev.flowrules.event.PushNotification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowCallbackRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageCallback;

/**
 * What the service sent is echoed as it came; limits hold for what the rules produce; lengths are counted in
 * code points as the model counts them; removing every attribute sends an explicit empty map. Each request is
 * also marshalled by the real SDK client to see what it puts on the wire.
 */
class EchoTest {
    private static final String NO_RULE_MATCHES = """
            - id: none
              when: {content: {contains: never-in-these-messages}}
              then: [deny]
            """;
    /** 1,024 emoji: 1,024 characters as the model counts them, 2,048 UTF-16 units. */
    private static final String EMOJI_METADATA = "\uD83D\uDE00".repeat(1024);
    /** 3,000 CJK characters: 9,000 UTF-8 bytes, over the 4 KB the engine allows itself for content it writes. */
    private static final String CJK_CONTENT = "\u65E5".repeat(3000);

    private static Message bigMessageTheServiceMaySend() {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            attributes.put("attribute-" + i, List.of("v".repeat(300))); // 1.8 KB in all, over the 1 KB rules may write
        }
        return new Message("msg-1", CHANNEL, CJK_CONTENT, "text/plain", EMOJI_METADATA, null, null, null, "STANDARD",
                "PERSISTENT", new PushNotification("two\nlines", "b".repeat(150), "DEFAULT"), attributes);
    }

    private static ChannelFlowCallbackRequest request(String rules, Message message) {
        ProcessorEvent event = new ProcessorEvent("CHANNEL_MESSAGE_EVENT", CALLBACK_ID, message);
        Decision decision = Evaluator.evaluate(compile(rules), message);
        ChannelFlowCallbackRequest request = CallbackMapper.toRequest(event, decision);
        assertThat(RequestLimits.violations(event, request)).isEmpty();
        return request;
    }

    @Test
    void noChangeEchoesEveryValueTheServiceSent() {
        Message message = bigMessageTheServiceMaySend();
        ChannelMessageCallback sent = request(NO_RULE_MATCHES, message).channelMessage();
        assertThat(sent.content()).isEqualTo(CJK_CONTENT);
        assertThat(sent.metadata()).isEqualTo(EMOJI_METADATA);
        assertThat(sent.pushNotification().title()).isEqualTo("two\nlines");
        assertThat(sent.pushNotification().body()).hasSize(150);
        assertThat(sent.messageAttributes()).hasSize(6);
        sent.messageAttributes().forEach((name, value) ->
                assertThat(value.stringValues()).isEqualTo(message.attributes().get(name)));
    }

    @Test
    void anUpdateEchoesTheFieldsItLeftAlone() {
        Message message = bigMessageTheServiceMaySend();
        ChannelMessageCallback sent = request("""
                - id: tag
                  when: always
                  then: [{set-push: {body: changed}}]
                """, message).channelMessage();
        assertThat(sent.pushNotification().body()).isEqualTo("changed");
        assertThat(sent.content()).isEqualTo(CJK_CONTENT);
        assertThat(sent.metadata()).isEqualTo(EMOJI_METADATA);
        assertThat(sent.pushNotification().title()).isEqualTo("two\nlines");
        assertThat(sent.messageAttributes()).hasSize(6);
    }

    @Test
    void removingEveryAttributeSendsAnExplicitEmptyMap() {
        Message message = dev.flowrules.TestRules.withAttributes(dev.flowrules.TestRules.message("hi"), "a", "1", "b", "2");
        ChannelFlowCallbackRequest request = request("""
                - id: strip
                  when: always
                  then: [{remove-attributes: [a, b]}]
                """, message);
        assertThat(request.channelMessage().hasMessageAttributes()).isTrue();
        assertThat(request.channelMessage().messageAttributes()).isEmpty();
        assertThat(SdkWire.body(request)).contains("\"MessageAttributes\":{}");
        assertThat(RequestJson.write(request)).contains("\n    \"MessageAttributes\": {}\n");

        ChannelFlowCallbackRequest untouched = request(NO_RULE_MATCHES, dev.flowrules.TestRules.message("hi"));
        assertThat(untouched.channelMessage().hasMessageAttributes()).isFalse();
        assertThat(SdkWire.body(untouched)).doesNotContain("MessageAttributes");
    }

    @Test
    void theWireCarriesTheEventsCallbackIdAndEchoedValues() {
        ChannelFlowCallbackRequest request = request(NO_RULE_MATCHES, bigMessageTheServiceMaySend());
        String body = SdkWire.body(request);
        assertThat(body).startsWith("{\"CallbackId\":\"" + CALLBACK_ID + "\"");
        assertThat(body).contains("\"Title\":\"two\\nlines\"");
        // The SDK escapes every surrogate; each emoji arrives as its escaped pair.
        assertThat(body).contains("\"Metadata\":\"" + "\\uD83D\\uDE00".repeat(1024) + "\"");
    }

    @Test
    void producedValuesNeverBreakTheModelsPatterns() {
        Message message = dev.flowrules.TestRules.message("first line\nsecond line");
        Decision decision = Evaluator.evaluate(compile("""
                - id: copy
                  when: always
                  then:
                    - set-metadata: "{{content}}"
                    - set-push: {title: "{{content}}", body: "{{content}}"}
                """), message);
        assertThat(decision.outcome()).isEqualTo(Outcome.UPDATE);
        assertThat(decision.result().metadata()).as("refused: Metadata's pattern is .*").isNull();
        assertThat(decision.result().push().title()).isEqualTo("first line second line");
        assertThat(decision.result().push().body()).as("Body's pattern is [\\s\\S]*").isEqualTo("first line\nsecond line");
        assertThat(decision.notes()).extracting(n -> n.kind())
                .contains(NoteKind.METADATA_LINE_BREAK_REFUSED, NoteKind.PUSH_TITLE_LINE_BREAKS_REPLACED);
        ProcessorEvent event = new ProcessorEvent("CHANNEL_MESSAGE_EVENT", CALLBACK_ID, message);
        assertThat(RequestLimits.violations(event, CallbackMapper.toRequest(event, decision))).isEmpty();
    }

    @Test
    void lengthsAreCountedInCodePointsAsTheModelCounts() {
        String fiftyEmoji = "\uD83D\uDE00".repeat(50);
        Decision decision = Evaluator.evaluate(compile("""
                - id: title
                  when: always
                  then: [{set-push: {title: "%s"}}]
                """.formatted(fiftyEmoji)), dev.flowrules.TestRules.message("hi"));
        assertThat(decision.result().push().title()).as("50 characters: not cut").isEqualTo(fiftyEmoji);
        Decision longer = Evaluator.evaluate(compile("""
                - id: title
                  when: always
                  then: [{set-push: {title: "{{content}}"}}]
                """), dev.flowrules.TestRules.message("\uD83D\uDE00".repeat(60)));
        assertThat(longer.result().push().title()).isEqualTo("\uD83D\uDE00".repeat(49) + "\u2026");
    }

    @Test
    void anEventReadFromJsonIsEchoedAsItCame() {
        String json = "{\"CallbackId\": \"" + CALLBACK_ID + "\", \"ChannelMessage\": {\"MessageId\": \"m-1\","
                + " \"ChannelArn\": \"" + CHANNEL + "\", \"Content\": \"" + CJK_CONTENT + "\", \"Metadata\": \"a\\u2028b\","
                + " \"MessageAttributes\": {\"empty\": {\"StringValues\": []}}}}";
        ProcessorEvent event = EventParser.parse(json);
        Decision decision = Evaluator.evaluate(compile(NO_RULE_MATCHES), event.message());
        ChannelMessageCallback sent = CallbackMapper.toRequest(event, decision).channelMessage();
        assertThat(sent.content()).isEqualTo(CJK_CONTENT);
        assertThat(sent.metadata()).isEqualTo("a\u2028b");
        assertThat(sent.messageAttributes().get("empty").stringValues()).isEmpty();
    }
}
