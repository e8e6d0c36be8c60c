package dev.flowrules.lex;

import static dev.flowrules.lex.LexEvents.LEX_ATTRIBUTES;
import static dev.flowrules.lex.LexEvents.MSGS;
import static dev.flowrules.lex.LexEvents.WELCOME;
import static dev.flowrules.lex.LexEvents.engine;
import static dev.flowrules.lex.LexEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.Engine;
import dev.flowrules.eval.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code bot.*} names of the {@code CHIME.LEX...} attributes hold on bot answers only (docs/rules.md, "Amazon
 * Lex bot answers"): a person's message can carry the same attributes, since the sending client sets them.
 */
class BotFieldsOnlyOnBotAnswersTest {
    private static Engine denying(String condition) {
        return engine("""
                - id: r
                  when: {%s}
                  then: [deny]
                """.formatted(condition));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bot.intent: OpenAccount", "bot.intent-state: Fulfilled", "bot.session-id: {exists: true}",
            "bot.request-id: request-1"})
    void holdOnABotAnswer(String condition) {
        Engine engine = denying(condition);
        assertThat(engine.process(LexEvents.botEvent(WELCOME)).decision().outcome()).isEqualTo(Outcome.DENY);
        assertThat(engine.process(event(LexEvents.ERROR, "{\"Code\":\"BotUnavailable\"}", LEX_ATTRIBUTES))
                .decision().outcome()).as("a bot's error answer is a bot answer").isEqualTo(Outcome.DENY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bot.intent: OpenAccount", "bot.intent-state: Fulfilled", "bot.session-id: {exists: true}",
            "bot.request-id: request-1"})
    void areAbsentOnAPersonsMessageWithTheSameAttributes(String condition) {
        Engine engine = denying(condition);
        assertThat(engine.process(event(null, "hello", LEX_ATTRIBUTES)).decision().outcome()).isEqualTo(Outcome.NO_CHANGE);
        assertThat(engine.process(event("text/plain", "hello", LEX_ATTRIBUTES)).decision().outcome()).isEqualTo(Outcome.NO_CHANGE);
        assertThat(engine.process(event(MSGS, "not json", LEX_ATTRIBUTES)).decision().outcome())
                .as("content claiming the type but not a bot answer").isEqualTo(Outcome.NO_CHANGE);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theAttributesThemselvesStayReadableOnEveryMessage(boolean botAnswer) {
        Engine engine = denying("attributes: {CHIME.LEX.sessionState.intent.name: OpenAccount}");
        String event = botAnswer ? LexEvents.botEvent(WELCOME) : event(null, "hello", LEX_ATTRIBUTES);
        assertThat(engine.process(event).decision().outcome()).isEqualTo(Outcome.DENY);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void templatesInsertThemOnlyFromABotAnswer(boolean botAnswer) {
        Engine engine = engine("""
                - id: r
                  when: always
                  then: [{set-metadata: "intent [{{bot.intent}}] [{{attributes.CHIME.LEX.sessionState.intent.name}}]"}]
                """);
        String event = botAnswer ? LexEvents.botEvent(WELCOME) : event(null, "hello", LEX_ATTRIBUTES);
        assertThat(engine.request(event).channelMessage().metadata())
                .isEqualTo(botAnswer ? "intent [OpenAccount] [OpenAccount]" : "intent [] [OpenAccount]");
    }
}
