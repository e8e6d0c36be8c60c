package dev.flowrules.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.TestRules;
import dev.flowrules.eval.Outcome;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * A changed bot answer as the real SDK client sends it to a stand-in Chime endpoint on 127.0.0.1: the callback
 * body holds the new document with the Lex content type, and no text the rules took out (docs/rules.md,
 * "Changing a bot answer").
 */
class BotAnswerOnTheWireTest extends WithFakeChime {
    private static final String ANSWER = "{\"Messages\":[{\"Content\":\"Your account 4400123456 is open.\",\"ContentType\":\"PlainText\"},"
            + "{\"ContentType\":\"ImageResponseCard\",\"ImageResponseCard\":{\"Title\":\"Account 4400123456\",\"Buttons\":"
            + "[{\"Text\":\"Close 4400123456\",\"Value\":\"close-4400123456\"}]}}]}";

    private static String event() {
        return "{\"EventType\":\"CHANNEL_MESSAGE_EVENT\",\"CallbackId\":\"cb-wire-0123456789abcdef0123456789abcdef\","
                + "\"ChannelMessage\":{\"MessageId\":\"msg-wire-1\","
                + "\"ChannelArn\":\"arn:aws:chime:us-east-1:111122223333:app-instance/app-1/channel/ch-1\","
                + "\"Content\":" + quoted(ANSWER) + ","
                + "\"ContentType\":\"application/amz-chime-lex-msgs\",\"Type\":\"STANDARD\",\"Persistence\":\"PERSISTENT\","
                + "\"MessageAttributes\":{\"CHIME.LEX.sessionState.intent.name\":{\"StringValues\":[\"OpenAccount\"]}}}}";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void aReplacedAnswerLeavesAsOneTextWithItsLexType() {
        ChannelFlowProcessor processor = ChannelFlowProcessor.builder()
                .engine(TestRules.engine("""
                        - id: hide-accounts
                          when: {bot.text: {regex: "\\\\d{10}"}}
                          then: [{bot-replace-answer: "I cannot show account numbers here."}]
                        """))
                .client(chime.client()).failurePolicy(FailurePolicy.FAIL_OPEN).retryPolicy(FakeChime.FAST).log(log::add).build();

        ChannelFlowProcessor.Result result = processor.process(event().getBytes(StandardCharsets.UTF_8), 10_000);

        assertThat(result.outcome()).isEqualTo(Outcome.UPDATE);
        assertThat(chime.requests).singleElement().satisfies(request -> {
            JsonNode message = JsonNode.parser().parse(request.body()).field("ChannelMessage").orElseThrow();
            assertThat(message.field("Content").orElseThrow().asString()).isEqualTo(
                    "{\"Messages\":[{\"Content\":\"I cannot show account numbers here.\",\"ContentType\":\"PlainText\"}]}");
            assertThat(message.field("ContentType").orElseThrow().asString()).isEqualTo("application/amz-chime-lex-msgs");
            assertThat(request.body()).doesNotContain("4400123456").contains("OpenAccount");
        });
    }
}
