package dev.flowrules.lex;

import static dev.flowrules.TestRules.compile;
import static dev.flowrules.TestRules.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.compile.RuleSet;
import dev.flowrules.eval.Decision;
import dev.flowrules.eval.Evaluator;
import dev.flowrules.eval.Outcome;
import dev.flowrules.event.LexContent;
import dev.flowrules.event.Message;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules on Amazon Lex bot answers: matching the bot's texts and rewriting them into a valid document. */
class LexRulesTest {
    static final String ANSWER = "{\"Messages\":[{\"Content\":\"Your account 4400123456 is open.\",\"ContentType\":\"PlainText\"},"
            + "{\"ContentType\":\"ImageResponseCard\",\"ImageResponseCard\":{\"Title\":\"Next step?\",\"Buttons\":"
            + "[{\"Text\":\"Talk to an agent\",\"Value\":\"agent\"}]}},"
            + "{\"Content\":\"{\\\"card\\\":1}\",\"ContentType\":\"CustomPayload\"}]}";

    static Message bot(String content) {
        return message(content).withContentType(LexContent.MESSAGES_TYPE).withAttributes(Map.of(
                "CHIME.LEX.sessionState.intent.name", List.of("OpenAccount"),
                "CHIME.LEX.sessionState.intent.state", List.of("Fulfilled")));
    }

    static Decision run(String rules, Message message) {
        return Evaluator.evaluate(compile(rules), message);
    }

    static boolean holds(String condition, Message message) {
        return run("""
                - id: r
                  when: %s
                  then: [deny]
                """.formatted(condition), message).outcome() == Outcome.DENY;
    }

    @Test
    void contentSeesRawJsonAndBotTextSeesTheTexts() {
        assertThat(holds("{content: {contains: ContentType}}", bot(ANSWER))).isTrue();
        assertThat(holds("{bot.text: {contains: ContentType}}", bot(ANSWER))).isFalse();
        assertThat(holds("{bot.text: {contains-word: [agent]}}", bot(ANSWER))).isTrue();
        assertThat(holds("{bot.text: {equals: \"Next step?\"}}", bot(ANSWER))).isTrue();
        assertThat(holds("{bot.text: {contains: card}}", bot(ANSWER))).as("custom payloads are not text").isFalse();
    }

    @Test
    void botMessageTestsLookAtOneMessage() {
        assertThat(holds("{bot-message: {index: 2, type: ImageResponseCard, title: {starts-with: Next}}}", bot(ANSWER))).isTrue();
        assertThat(holds("{bot-message: {index: 1, type: ImageResponseCard}}", bot(ANSWER))).isFalse();
        assertThat(holds("{bot-message: {index: last, type: CustomPayload, text: {contains: card}}}", bot(ANSWER))).isTrue();
        assertThat(holds("{bot-message: {button: Talk to an agent, button-value: agent}}", bot(ANSWER))).isTrue();
        assertThat(holds("{bot-message: {type: PlainText, title: {exists: true}}}", bot(ANSWER))).isFalse();
        assertThat(holds("{bot.message-type: {one-of: [SSML]}}", bot(ANSWER))).isFalse();
        assertThat(holds("{bot.message-count: {at-least: 3}}", bot(ANSWER))).isTrue();
    }

    @Test
    void mappedAttributesHaveFriendlyNames() {
        assertThat(holds("{bot.intent: OpenAccount, bot.intent-state: Fulfilled}", bot(ANSWER))).isTrue();
        assertThat(holds("{attributes: {CHIME.LEX.sessionState.intent.name: OpenAccount}}", bot(ANSWER))).isTrue();
        assertThat(holds("{bot.session-id: {exists: true}}", bot(ANSWER))).isFalse();
    }

    @Test
    void redactionInsideBotTextsKeepsTheDocumentValid() {
        Decision decision = run("""
                - id: mask
                  when: {bot.text: {regex: "\\\\d{10}"}}
                  then: [{redact: "\\\\d{6}"}]
                """, bot(ANSWER));
        String content = decision.result().content();
        assertThat(LexContent.parse(LexContent.MESSAGES_TYPE, content)).isInstanceOf(LexContent.Document.class);
        assertThat(content).contains("Your account ******3456 is open.").contains("\\\"card\\\":1");
        assertThat(decision.result().contentType()).isEqualTo(LexContent.MESSAGES_TYPE);
    }

    @Test
    void messagesCanBeReplacedDroppedAndAppended() {
        Decision decision = run("""
                - id: edit
                  when: always
                  then:
                    - bot-replace-message: {index: 1, with: "Hi {{sender.name}}"}
                    - bot-drop-messages: {type: CustomPayload}
                    - bot-append-message: {with: "<speak>Bye</speak>", type: SSML}
                """, bot(ANSWER));
        LexContent.Document document = (LexContent.Document) LexContent.parse(LexContent.MESSAGES_TYPE, decision.result().content());
        assertThat(document.messages()).extracting(LexContent::type).containsExactly("PlainText", "ImageResponseCard", "SSML");
        assertThat(LexContent.readableTexts(document)).containsExactly("Hi Alice", "Next step?", "Talk to an agent", "<speak>Bye</speak>");
    }

    @Test
    void droppingEveryMessageIsRefused() {
        Decision decision = run("""
                - id: drop
                  when: always
                  then: [{bot-drop-messages: {bot-message-typo-free: 1}}]
                """.replace("{bot-message-typo-free: 1}", "{type: {matches: \"*\"}}"), bot(ANSWER));
        assertThat(decision.outcome()).isEqualTo(Outcome.NO_CHANGE);
        assertThat(decision.notes()).singleElement().asString().contains("would leave an empty answer");
    }

    @Test
    void turningABotAnswerIntoTextMustBeExplicit() {
        Decision refused = run("""
                - id: plain
                  when: always
                  then: [{replace-content: "plain words"}]
                """, bot(ANSWER));
        assertThat(refused.outcome()).isEqualTo(Outcome.NO_CHANGE);
        assertThat(refused.notes()).singleElement().asString().contains("use bot-to-plain-text")
                .contains("bot-replace-answer replaces it by one text and keeps it a bot answer");

        Decision explicit = run("""
                - id: plain
                  when: always
                  then: [{replace-content: "plain words"}, {set-content-type: text/plain}]
                """, bot(ANSWER));
        assertThat(explicit.result().content()).isEqualTo("plain words");
        assertThat(explicit.result().contentType()).isEqualTo("text/plain");

        Decision converted = run("""
                - id: plain
                  when: always
                  then: [{bot-to-plain-text: "{{bot.text}}"}]
                """, bot(ANSWER));
        assertThat(converted.result().content()).isEqualTo("Your account 4400123456 is open.\nNext step?\nTalk to an agent");
        assertThat(converted.result().contentType()).isEqualTo("text/plain");
    }

    @Test
    void botErrorsBecomeFriendlyText() {
        Message error = message("{\"Code\":\"BotUnavailable\"}").withContentType(LexContent.ERROR_TYPE);
        Decision decision = run("""
                - id: friendly
                  when: {bot.error.code: {exists: true}}
                  then: [{bot-to-plain-text: "Sorry ({{bot.error.code}})"}]
                """, error);
        assertThat(decision.result().content()).isEqualTo("Sorry (BotUnavailable)");
        assertThat(decision.result().contentType()).isEqualTo("text/plain");
    }

    @Test
    void anAnswerThatWouldGrowPastTheLimitIsRefusedWhole() {
        Decision decision = run("""
                - id: grow
                  when: always
                  then: [{bot-append-message: "{{content}}{{content}}"}]
                """, bot(ANSWER.replace("is open.", "is open." + "x".repeat(1500))));
        assertThat(decision.outcome()).isEqualTo(Outcome.NO_CHANGE);
        assertThat(decision.notes()).singleElement().asString().contains("a bot answer cannot be cut");
    }

    @Test
    void invalidLexContentIsMatchedAsPlainTextAndExplained() {
        RuleSet rules = compile("""
                - id: text
                  when: {content: {contains: broken}}
                  then: [{redact: broken}]
                - id: bot
                  when: {bot.text: {exists: true}}
                  then: [deny]
                """);
        Decision decision = Evaluator.evaluate(rules, bot("{\"Messages\": broken"));
        assertThat(decision.outcome()).isEqualTo(Outcome.UPDATE);
        assertThat(decision.result().content()).isEqualTo("{\"Messages\": ******");
        assertThat(decision.explain()).contains(
                "note: the content type says application/amz-chime-lex-msgs but the content is not valid JSON"
                        + " (a character stands where JSON allows none): the content is matched as plain text and the bot.* fields are absent");
    }

    @Test
    void botActionsOnOtherMessagesChangeNothing() {
        Decision decision = run("""
                - id: edit
                  when: always
                  then: [{bot-append-message: more}]
                """, message("plain"));
        assertThat(decision.outcome()).isEqualTo(Outcome.NO_CHANGE);
        assertThat(decision.matches().get(0).effects()).containsExactly("not a bot answer (content type null): nothing to change");
    }
}
