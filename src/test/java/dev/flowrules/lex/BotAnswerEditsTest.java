package dev.flowrules.lex;

import static dev.flowrules.lex.LexEvents.ERROR;
import static dev.flowrules.lex.LexEvents.LEX_ATTRIBUTES;
import static dev.flowrules.lex.LexEvents.MSGS;
import static dev.flowrules.lex.LexEvents.WELCOME;
import static dev.flowrules.lex.LexEvents.botEvent;
import static dev.flowrules.lex.LexEvents.engine;
import static dev.flowrules.lex.LexEvents.event;
import static dev.flowrules.TestRules.everyText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.Engine;
import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.dsl.RuleLoader;
import dev.flowrules.eval.Decision;
import dev.flowrules.eval.Note;
import dev.flowrules.eval.NoteKind;
import dev.flowrules.eval.Outcome;
import dev.flowrules.event.LexContent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowCallbackRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageCallback;
import software.amazon.awssdk.services.chimesdkmessaging.model.MessageAttributeValue;

/**
 * Changing a bot answer (docs/rules.md, "Changing a bot answer"), from event JSON through the public Engine API to
 * the ChannelFlowCallback request: bot-replace-answer, bot-replace-message without an index, and how selectors
 * count after earlier actions dropped or added messages.
 */
class BotAnswerEditsTest {

    private static LexContent.Document document(ChannelMessageCallback sent) {
        return (LexContent.Document) LexContent.parse(MSGS, sent.content());
    }

    // ---- bot-replace-answer ----

    @Test
    void aBotAnswerBecomesOnePlainTextMessageOfTheSameTypeAndNothingOfTheOldTextsIsSent() {
        String answer = WELCOME.replace("{\"Messages\"", "{\"Transcript\":\"Hello! Your account 4400123456\",\"Messages\"");
        ChannelFlowCallbackRequest request = engine("""
                - id: hide
                  when: {bot.text: {regex: "\\\\d{10}"}}
                  then: [{bot-replace-answer: "{{sender.name}} cannot show this here ({{bot.intent}})."}]
                """).request(botEvent(answer));

        ChannelMessageCallback sent = request.channelMessage();
        assertThat(request.deleteResource()).isFalse();
        assertThat(sent.contentType()).isEqualTo(MSGS);
        assertThat(sent.content()).isEqualTo(
                "{\"Messages\":[{\"Content\":\"BankBot cannot show this here (OpenAccount).\",\"ContentType\":\"PlainText\"}]}");
        assertThat(LexContent.readableTexts(document(sent))).containsExactly("BankBot cannot show this here (OpenAccount).");
        assertThat(sent.messageAttributes()).as("the Lex session the client continues is unchanged")
                .containsEntry("CHIME.LEX.sessionState.intent.name", MessageAttributeValue.builder().stringValues("OpenAccount").build())
                .containsEntry("CHIME.LEX.sessionState.sessionId", MessageAttributeValue.builder().stringValues("session-1").build())
                .hasSize(LEX_ATTRIBUTES.size());
        assertThat(everyText(request)).allSatisfy(text -> assertThat(text)
                .doesNotContain("4400123456").doesNotContain("bank bot").doesNotContain("Check balance")
                .doesNotContain("agent").doesNotContain("Goodbye").doesNotContain("bank.png"));
    }

    @Test
    void aBotErrorKeepsItsCodeAndGetsTheTextAsItsMessage() {
        Engine engine = engine("""
                - id: friendly-error
                  when: {bot.error.code: {exists: true}}
                  then: [{bot-replace-answer: "The bank bot is resting ({{bot.error.code}})."}]
                """);
        ChannelFlowCallbackRequest request = engine.request(event(ERROR,
                "{\"Code\":\"BotUnavailable\",\"Message\":\"Lambda arn:aws:lambda:x failed for 4400123456\",\"Trace\":\"4400123456\"}",
                LEX_ATTRIBUTES));
        ChannelMessageCallback sent = request.channelMessage();
        assertThat(sent.contentType()).isEqualTo(ERROR);
        assertThat(sent.content()).isEqualTo("{\"Code\":\"BotUnavailable\",\"Message\":\"The bank bot is resting (BotUnavailable).\"}");
        assertThat(LexContent.parse(ERROR, sent.content()))
                .isEqualTo(new LexContent.Error("BotUnavailable", "The bank bot is resting (BotUnavailable)."));
        assertThat(everyText(request)).allSatisfy(text -> assertThat(text).doesNotContain("4400123456").doesNotContain("lambda"));

        ChannelMessageCallback withoutCode = engine("""
                - id: r
                  when: always
                  then: [{bot-replace-answer: Sorry}]
                """).request(event(ERROR, "{\"Message\":\"boom\"}", Map.of())).channelMessage();
        assertThat(withoutCode.content()).isEqualTo("{\"Message\":\"Sorry\"}");
    }

    @Test
    void onAnythingButABotAnswerItChangesNothingAndSaysSo() {
        Engine engine = engine("""
                - id: r
                  when: always
                  then: [{bot-replace-answer: Sorry}]
                """);
        for (String event : List.of(event(null, "hello", LEX_ATTRIBUTES), event(MSGS, "{\"Messages\": broken", LEX_ATTRIBUTES),
                event("text/plain", "{\"Messages\":[]}", Map.of()))) {
            Decision decision = engine.process(event).decision();
            assertThat(decision.outcome()).isEqualTo(Outcome.NO_CHANGE);
            assertThat(decision.matches().get(0).effects()).singleElement().asString().startsWith("not a bot answer");
        }
    }

    @Test
    void anEmptyTextIsRefusedAndTheAnswerStays() {
        Decision decision = engine("""
                - id: r
                  when: always
                  then: [{bot-replace-answer: "{{metadata}}"}]
                """).process(botEvent(WELCOME)).decision();
        assertThat(decision.outcome()).isEqualTo(Outcome.NO_CHANGE);
        assertThat(decision.notes()).extracting(Note::kind).containsExactly(NoteKind.BOT_MESSAGE_EMPTY_REFUSED);
    }

    @Test
    void aLaterBotActionFindsNoneOfTheArrivedMessages() {
        Decision decision = engine("""
                - id: replace
                  when: always
                  then: [{bot-replace-answer: Sorry}]
                - id: later
                  when: always
                  then: [{bot-drop-messages: {index: 2}}, {bot-append-message: "Anything else?"}]
                """).process(botEvent(WELCOME)).decision();
        assertThat(LexContent.readableTexts((LexContent.Document) LexContent.parse(MSGS, decision.result().content())))
                .containsExactly("Sorry", "Anything else?");
        assertThat(decision.matches().get(1).effects().get(0)).isEqualTo(
                "bot message(s) 2 of the answer as it arrived no longer in it (an earlier action took them out): nothing to change");
    }

    // ---- bot-replace-message without an index ----

    @Test
    void selectedMessagesAreReplacedTogetherByOneMessageInThePlaceOfTheFirst() {
        Engine engine = engine("""
                - id: mask-texts
                  when: always
                  then: [{bot-replace-message: {type: {one-of: [PlainText, SSML]}, with: "[hidden]"}}]
                """);
        Engine.Processed processed = engine.process(botEvent(WELCOME));
        LexContent.Document sent = document(processed.request().channelMessage());
        assertThat(sent.messages()).extracting(LexContent::type).containsExactly("PlainText", "ImageResponseCard", "CustomPayload");
        assertThat(LexContent.readableTexts(sent)).containsExactly("[hidden]", "Hi, I am the bank bot.", "I can help with",
                "Check balance", "Talk to an agent");
        assertThat(processed.decision().matches().get(0).effects()).containsExactly("bot messages 1, 4 replaced by one message");
        assertThat(everyText(processed.request())).allSatisfy(text -> assertThat(text).doesNotContain("Goodbye"));
    }

    @Test
    void aReplaceThatSelectsEveryMessageIsAnErrorPointingToBotReplaceAnswer() {
        String rules = "version: 1\nrules:\n  - id: r\n    when: always\n    then:\n      - bot-replace-message: {with: Sorry}\n";
        List<String> errors = RuleLoader.parse("rules.yaml", rules.getBytes(StandardCharsets.UTF_8), null).diagnostics()
                .stream().map(Diagnostic::format).toList();
        assertThat(errors).containsExactly("rules.yaml:6:30: error: 'bot-replace-message' selects every message [FR013]\n"
                + "  hint: say which message to replace, e.g. '{index: 1, with: ...}' or '{type: ImageResponseCard, with: ...}';"
                + " to replace the whole answer by one text use 'bot-replace-answer: TEXT'");
    }

    // ---- selectors count the answer as it arrived ----

    @Test
    void anIndexMeansTheArrivedMessageInWhenAndThenWhateverWasDroppedBefore() {
        Engine.Processed processed = engine("""
                - id: drop-greeting
                  when: always
                  then: [{bot-drop-messages: {index: 1}}]
                - id: replace-card
                  when: {bot-message: {index: 2, type: ImageResponseCard}}
                  then: [{bot-replace-message: {index: 2, with: "Type balance or agent."}}]
                """).process(botEvent(WELCOME));
        LexContent.Document sent = document(processed.request().channelMessage());
        assertThat(sent.messages()).extracting(LexContent::type).containsExactly("PlainText", "CustomPayload", "SSML");
        assertThat(LexContent.readableTexts(sent)).containsExactly("Type balance or agent.", "<speak>Goodbye 4400123456</speak>");
        assertThat(processed.decision().matches().get(1).effects()).containsExactly("bot message 2 replaced");
        assertThat(everyText(processed.request())).allSatisfy(text -> assertThat(text)
                .doesNotContain("Hello!").doesNotContain("bank bot").doesNotContain("Check balance"));
    }

    @Test
    void lastIsTheArrivedLastMessageNotOneARuleAppended() {
        Decision decision = engine("""
                - id: append
                  when: always
                  then: [{bot-append-message: "Anything else?"}]
                - id: drop-last
                  when: always
                  then: [{bot-drop-messages: {index: last}}]
                - id: redact
                  when: always
                  then: [{redact: "else"}]
                """).process(botEvent(WELCOME)).decision();
        LexContent.Document result = (LexContent.Document) LexContent.parse(MSGS, decision.result().content());
        assertThat(result.messages()).extracting(LexContent::type)
                .containsExactly("PlainText", "ImageResponseCard", "CustomPayload", "PlainText");
        assertThat(LexContent.readableTexts(result)).as("a redaction reaches an added message")
                .endsWith("Anything ****?").doesNotContain("<speak>Goodbye 4400123456</speak>");
        assertThat(decision.matches().get(1).effects()).containsExactly("bot message(s) 4 dropped");
    }

    @Test
    void partsAreTestedOnTheArrivedMessagesEvenAfterARedaction() {
        ChannelFlowCallbackRequest request = engine("""
                - id: mask
                  when: always
                  then: [{redact: "\\\\d{10}"}]
                - id: drop-account
                  when: always
                  then: [{bot-drop-messages: {text: {contains: "4400123456"}}}]
                """).request(botEvent(WELCOME));
        LexContent.Document sent = document(request.channelMessage());
        assertThat(sent.messages()).extracting(LexContent::type).containsExactly("ImageResponseCard");
        assertThat(everyText(request)).allSatisfy(text -> assertThat(text).doesNotContain("4400123456").doesNotContain("Goodbye"));
    }

    @Test
    void aDroppedMessageIsNotThereForALaterReplace() {
        Decision decision = engine("""
                - id: drop
                  when: always
                  then: [{bot-drop-messages: {type: CustomPayload}}]
                - id: replace
                  when: always
                  then: [{bot-replace-message: {index: 3, with: "{\\"card\\": 2}"}}]
                """).process(botEvent(WELCOME)).decision();
        LexContent.Document result = (LexContent.Document) LexContent.parse(MSGS, decision.result().content());
        assertThat(result.messages()).extracting(LexContent::type).containsExactly("PlainText", "ImageResponseCard", "SSML");
        assertThat(decision.matches().get(1).effects()).containsExactly(
                "bot message(s) 3 of the answer as it arrived no longer in it (an earlier action took them out): nothing to change");
    }

    @Test
    void aMessageReplacedTwiceKeepsTheLaterTextWithANote() {
        Decision decision = engine("""
                - id: first
                  when: always
                  then: [{bot-replace-message: {index: 1, with: first}}]
                - id: second
                  when: {bot-message: {index: 1, type: PlainText}}
                  then: [{bot-replace-message: {index: 1, with: second}}]
                """).process(botEvent(WELCOME)).decision();
        LexContent.Document result = (LexContent.Document) LexContent.parse(MSGS, decision.result().content());
        assertThat(LexContent.readableTexts(result).get(0)).isEqualTo("second");
        assertThat(result.messages()).hasSize(4);
        assertThat(decision.notes()).extracting(Note::text)
                .containsExactly("rule second replaced the bot message 1 set by rule first (later rules win)");
    }

    // ---- {{matched}} after a bot action took its text out ----

    @Test
    void matchedTextFromAMessageTakenOutIsNotCopiedIntoAnotherField() {
        ChannelFlowCallbackRequest request = engine("""
                - id: notify
                  when: {bot.text: {contains-word: [agent]}}
                  then: [{set-push: {title: BankBot, body: "Pick: {{matched}}"}}, {set-metadata: "offer={{matched}}"}]
                - id: no-card
                  when: always
                  then: [{bot-drop-messages: {type: ImageResponseCard}}]
                """).request(botEvent(WELCOME));
        ChannelMessageCallback sent = request.channelMessage();
        assertThat(sent.pushNotification().body()).isEqualTo("Pick: ");
        assertThat(sent.metadata()).isEqualTo("offer=");
        assertThat(everyText(request)).allSatisfy(text -> assertThat(text).doesNotContainIgnoringCase("agent"));
    }

    @Test
    void matchedTextStillInTheAnswerIsCopied() {
        Decision decision = engine("""
                - id: note-account
                  when: {bot-message: {index: 1, text: {regex: "\\\\d{10}"}}}
                  then: [{set-metadata: "account {{matched}}"}]
                - id: drop-greeting
                  when: always
                  then: [{bot-drop-messages: {index: 1}}]
                """).process(botEvent(WELCOME)).decision();
        assertThat(decision.result().metadata()).as("the SSML message still says it").isEqualTo("account 4400123456");
    }

    @Test
    void matchedTextOfAReplacedAnswerIsNotCopied() {
        ChannelFlowCallbackRequest request = engine("""
                - id: hide
                  when: {bot.text: {regex: "\\\\d{10}"}}
                  then: [{bot-replace-answer: "hidden"}, {set-push: {title: BankBot, body: "Account {{matched}}"}}]
                """).request(botEvent(WELCOME));
        assertThat(request.channelMessage().pushNotification().body()).isEqualTo("Account ");
        assertThat(everyText(request)).allSatisfy(text -> assertThat(text).doesNotContain("4400123456"));
    }
}
