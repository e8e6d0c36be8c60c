package dev.flowrules.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.Engine;
import dev.flowrules.TestRules;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowCallbackRequest;
import org.junit.jupiter.api.Test;

/**
 * Apps copy the message into its push preview: what a rewrite or redaction took out of the content must not reach
 * a phone through the push notification the sender asked for.
 */
class SenderPushTest {
    private static final String REDACT_CARDS = """
            - id: cards
              when: {content: {regex: '\\d{4}-\\d{4}-\\d{4}-\\d{4}'}}
              then: [{redact: '\\d{4}-\\d{4}-\\d{4}-\\d{4}'}]
            """;

    private static String event(String content, String title, String body) {
        return """
                {"EventType":"CHANNEL_MESSAGE_EVENT","CallbackId":"%s",
                 "ChannelMessage":{"MessageId":"m-1","ChannelArn":"%s","Content":"%s",
                  "Sender":{"Arn":"arn:aws:chime:us-east-1:111122223333:app-instance/app-1/user/u1","Name":"Alice"},
                  "Persistence":"PERSISTENT","Type":"STANDARD",
                  "PushNotification":{"Title":"%s","Body":"%s","Type":"DEFAULT"}}}
                """.formatted(TestRules.CALLBACK_ID, TestRules.CHANNEL, content, title, body);
    }

    @Test
    void aRedactionReachesTheSendersPushBodyAndTitle() {
        Engine engine = TestRules.engine(REDACT_CARDS);
        Engine.Processed processed = engine.process(event("pay with 4111-1111-1111-1111 please",
                "Alice: 4111-1111-1111-1111", "pay with 4111-1111-1111-1111 please"));
        ChannelFlowCallbackRequest request = processed.request();

        assertThat(request.channelMessage().content()).doesNotContain("4111");
        assertThat(request.channelMessage().pushNotification().body()).isEqualTo(request.channelMessage().content());
        assertThat(request.channelMessage().pushNotification().title()).startsWith("Alice: ").doesNotContain("4111");
        assertThat(request.channelMessage().pushNotification().typeAsString()).isEqualTo("DEFAULT");
        assertThat(TestRules.everyText(request)).noneMatch(text -> text.contains("4111"));
        assertThat(processed.decision().notes()).extracting(Note::kind)
                .containsExactly(NoteKind.SENDER_PUSH_REWRITTEN, NoteKind.SENDER_PUSH_REWRITTEN);
        // docs/rules.md: "a note says which part changed"
        assertThat(processed.decision().notes()).extracting(Note::text).containsExactly(
                "the sender's push title went through the same rewrites and redactions as the content,"
                        + " so it does not show what they took out",
                "the sender's push body went through the same rewrites and redactions as the content,"
                        + " so it does not show what they took out");
    }

    @Test
    void onlyThePartThatChangedIsNamedInANote() {
        Engine engine = TestRules.engine(REDACT_CARDS);
        Engine.Processed processed = engine.process(event("pay with 4111-1111-1111-1111 please",
                "New message", "pay with 4111-1111-1111-1111 please"));

        assertThat(processed.request().channelMessage().pushNotification().title()).isEqualTo("New message");
        assertThat(processed.decision().notes()).extracting(Note::text).containsExactly(
                "the sender's push body went through the same rewrites and redactions as the content,"
                        + " so it does not show what they took out");
    }

    @Test
    void aPushThatQuotesNothingTakenOutIsSentBackAsItCame() {
        Engine engine = TestRules.engine(REDACT_CARDS);
        ChannelFlowCallbackRequest request = engine.request(event("pay with 4111-1111-1111-1111 please",
                "New message", "Alice sent you a message"));

        assertThat(request.channelMessage().pushNotification().title()).isEqualTo("New message");
        assertThat(request.channelMessage().pushNotification().body()).isEqualTo("Alice sent you a message");
    }

    @Test
    void aPartARuleSetKeepsWhatTheRuleWrote() {
        Engine engine = TestRules.engine(REDACT_CARDS + """
                - id: preview
                  when: {content: {contains: pay}}
                  then: [{set-push: {body: "{{content}}"}}]
                """);
        ChannelFlowCallbackRequest request = engine.request(event("pay with 4111-1111-1111-1111 please",
                "Alice: 4111-1111-1111-1111", "anything"));

        // the rule's template read the redacted working copy; the sender's title still went through the redaction
        assertThat(request.channelMessage().pushNotification().body()).isEqualTo(request.channelMessage().content());
        assertThat(request.channelMessage().pushNotification().title()).doesNotContain("4111");
    }

    /** docs/rules.md says so and tells authors to add set-push: replace-content leaves no rewrite to repeat. */
    @Test
    void replaceContentDoesNotReachTheSendersPush() {
        Engine engine = TestRules.engine("""
                - id: hide
                  when: {content: {contains: secret}}
                  then: [{replace-content: "[removed]"}]
                """);
        ChannelFlowCallbackRequest request = engine.request(event("the secret is 42", "New message", "the secret is 42"));

        assertThat(request.channelMessage().content()).isEqualTo("[removed]");
        assertThat(request.channelMessage().pushNotification().body()).isEqualTo("the secret is 42");
    }

    /** docs/rules.md: the bot-* actions replace text rather than mask it, so nothing of theirs reaches the sender's push. */
    @Test
    void botActionsDoNotReachTheSendersPush() {
        String answer = "{\\\"Messages\\\":[{\\\"Content\\\":\\\"Your account 4400123456 is open.\\\","
                + "\\\"ContentType\\\":\\\"PlainText\\\"},"
                + "{\\\"Content\\\":\\\"Anything else?\\\",\\\"ContentType\\\":\\\"PlainText\\\"}]}";
        String botEvent = """
                {"EventType":"CHANNEL_MESSAGE_EVENT","CallbackId":"%s",
                 "ChannelMessage":{"MessageId":"m-1","ChannelArn":"%s","Content":"%s",
                  "ContentType":"application/amz-chime-lex-msgs",
                  "Sender":{"Arn":"arn:aws:chime:us-east-1:111122223333:app-instance/app-1/bot/bank","Name":"BankBot"},
                  "Persistence":"PERSISTENT","Type":"STANDARD",
                  "PushNotification":{"Title":"BankBot: 4400123456","Body":"Your account 4400123456 is open.","Type":"DEFAULT"}}}
                """.formatted(TestRules.CALLBACK_ID, TestRules.CHANNEL, answer);
        for (String action : new String[] {"{bot-replace-answer: \"The account number is not shown here.\"}",
                "{bot-drop-messages: {index: 1}}"}) {
            Engine engine = TestRules.engine("""
                    - id: hide
                      when: {bot.text: {contains: '4400123456'}}
                      then: [%s]
                    """.formatted(action));
            Engine.Processed processed = engine.process(botEvent);
            ChannelFlowCallbackRequest request = processed.request();

            assertThat(request.channelMessage().content()).as(action).doesNotContain("4400123456");
            assertThat(request.channelMessage().pushNotification().title()).as(action).isEqualTo("BankBot: 4400123456");
            assertThat(request.channelMessage().pushNotification().body()).as(action)
                    .isEqualTo("Your account 4400123456 is open.");
            assertThat(processed.decision().notes()).as(action).extracting(Note::kind)
                    .doesNotContain(NoteKind.SENDER_PUSH_REWRITTEN);
        }
    }

    @Test
    void aPartARewriteEmptiesStaysWithinWhatTheServiceAccepts() {
        Engine engine = TestRules.engine("""
                - id: drop-codes
                  when: {content: {contains: code}}
                  then: [{rewrite: {regex: 'code \\d+', with: ''}}]
                """);
        ChannelFlowCallbackRequest request = engine.request(event("my code 1234 ok", "code 1234", "code 1234"));

        assertThat(request.channelMessage().content()).isEqualTo("my  ok");
        assertThat(request.channelMessage().pushNotification().title()).isEqualTo("\u2026");
        assertThat(request.channelMessage().pushNotification().body()).isEqualTo("\u2026");
    }
}
