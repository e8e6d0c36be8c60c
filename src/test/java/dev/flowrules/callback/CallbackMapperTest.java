package dev.flowrules.callback;

import static dev.flowrules.TestRules.CALLBACK_ID;
import static dev.flowrules.TestRules.CHANNEL;
import static dev.flowrules.TestRules.compile;
import static dev.flowrules.TestRules.message;
import static dev.flowrules.TestRules.withAttributes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.compile.RuleSet;
import dev.flowrules.eval.Decision;
import dev.flowrules.eval.Evaluator;
import dev.flowrules.event.Message;
import dev.flowrules.event.ProcessorEvent;
import dev.flowrules.event.PushNotification;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowCallbackRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.PushNotificationType;

class CallbackMapperTest {

    private static ChannelFlowCallbackRequest request(RuleSet rules, Message message) {
        ProcessorEvent event = new ProcessorEvent("CHANNEL_MESSAGE_EVENT", CALLBACK_ID, message);
        Decision decision = Evaluator.evaluate(rules, message);
        return CallbackMapper.toRequest(event, decision);
    }

    @Test
    void denyCarriesOnlyWhatIdentifiesTheMessage() {
        RuleSet rules = compile("""
                - id: d
                  when: always
                  then: [deny]
                """);
        ChannelFlowCallbackRequest request = request(rules, message("bad").withMetadata("m").withContentType("text/plain"));
        assertThat(request.callbackId()).isEqualTo(CALLBACK_ID);
        assertThat(request.channelArn()).isEqualTo(CHANNEL);
        assertThat(request.deleteResource()).isTrue();
        assertThat(request.channelMessage().messageId()).isEqualTo("msg-1");
        assertThat(request.channelMessage().content()).isNull();
        assertThat(request.channelMessage().metadata()).isNull();
    }

    @Test
    void everyRequestFieldCanBeProducedByRules() {
        RuleSet rules = compile("""
                - id: all-fields
                  when: always
                  then:
                    - replace-content: "new content"
                    - set-metadata: '{"k":"v"}'
                    - set-push: {title: Title, body: Body, type: VOIP}
                    - set-attributes: {color: [red, blue]}
                    - set-content-type: text/markdown
                """);
        Message message = new Message("msg-9", CHANNEL, "old", "text/plain", null, null, null, "sub-7", "STANDARD",
                "PERSISTENT", PushNotification.NONE, java.util.Map.of());
        ChannelFlowCallbackRequest request = request(rules, message);
        assertThat(request.deleteResource()).isFalse();
        var m = request.channelMessage();
        assertThat(m.messageId()).isEqualTo("msg-9");
        assertThat(m.content()).isEqualTo("new content");
        assertThat(m.metadata()).isEqualTo("{\"k\":\"v\"}");
        assertThat(m.pushNotification().title()).isEqualTo("Title");
        assertThat(m.pushNotification().body()).isEqualTo("Body");
        assertThat(m.pushNotification().type()).isEqualTo(PushNotificationType.VOIP);
        assertThat(m.messageAttributes().get("color").stringValues()).containsExactly("red", "blue");
        assertThat(m.subChannelId()).isEqualTo("sub-7");
        assertThat(m.contentType()).isEqualTo("text/markdown");
        assertThat(RequestJson.write(request)).isEqualTo("""
                {
                  "CallbackId": "0123456789abcdef0123456789abcdef",
                  "ChannelArn": "arn:aws:chime:us-east-1:111122223333:app-instance/app-1/channel/ch-1",
                  "DeleteResource": false,
                  "ChannelMessage": {
                    "MessageId": "msg-9",
                    "Content": "new content",
                    "Metadata": "{\\"k\\":\\"v\\"}",
                    "PushNotification": {
                      "Title": "Title",
                      "Body": "Body",
                      "Type": "VOIP"
                    },
                    "MessageAttributes": {
                      "color": {
                        "StringValues": ["red", "blue"]
                      }
                    },
                    "SubChannelId": "sub-7",
                    "ContentType": "text/markdown"
                  }
                }""");
    }

    @Test
    void noChangeSendsTheMessageAsItArrived() {
        RuleSet rules = compile("""
                - id: none
                  when: {content: never}
                  then: [deny]
                """);
        Message message = withAttributes(message("as it was").withMetadata("md"), "a", "1");
        ChannelFlowCallbackRequest request = request(rules, message);
        assertThat(request.deleteResource()).isFalse();
        assertThat(request.channelMessage().content()).isEqualTo("as it was");
        assertThat(request.channelMessage().metadata()).isEqualTo("md");
        assertThat(request.channelMessage().messageAttributes().get("a").stringValues()).containsExactly("1");
    }

    @Test
    void valuesTheServiceWouldRejectAreLeftOut() {
        RuleSet rules = compile("""
                - id: none
                  when: {content: never}
                  then: [deny]
                """);
        Message message = new Message("m", CHANNEL, "", "x".repeat(46), "y".repeat(1025), null, null, "bad id!",
                null, null, new PushNotification("", "b".repeat(151), "LOUD"), java.util.Map.of("", java.util.List.of("v")));
        var m = request(rules, message).channelMessage();
        assertThat(m.content()).isNull();
        assertThat(m.contentType()).isNull();
        assertThat(m.metadata()).isNull();
        assertThat(m.subChannelId()).isNull();
        assertThat(m.pushNotification()).isNull();
        assertThat(m.hasMessageAttributes()).isFalse();
    }

    @Test
    void jsonEscapesControlCharactersAndSurrogates() {
        ChannelFlowCallbackRequest request = ChannelFlowCallbackRequest.builder().callbackId("c").channelArn("a")
                .channelMessage(b -> b.messageId("m").content("q\"\\\n\t\u0001\uD800 \uD83D\uDE00")).build();
        assertThat(RequestJson.write(request)).contains("\"Content\": \"q\\\"\\\\\\n\\t\\u0001\\ud800 \\ud83d\\ude00\"");
    }
}
