package dev.flowrules.eval;

import static dev.flowrules.TestRules.compile;
import static dev.flowrules.TestRules.everyText;
import static dev.flowrules.TestRules.message;
import static dev.flowrules.TestRules.withAttributes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.Engine;
import dev.flowrules.compile.RuleSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageCallback;

/**
 * No field of a request carries text a rule redacted or rewrote away, whichever order the rules run in
 * (docs/rules.md, "What templates see").
 */
class TemplatesCannotLeakTest {
    private static final Path EXAMPLES = Path.of("rules-examples");
    private static final String CARD = "4111 1111 1111 1111";
    private static final String MAIL = "jane.doe@example.com";

    /**
     * Every example rule file in one engine, as the README runs them; once in their own order (redaction before
     * urgent-push) and once with urgent-push renamed to run first.
     */
    @ParameterizedTest(name = "urgent-push first: {0}")
    @ValueSource(booleans = {false, true})
    void theUrgentPushNeverCarriesWhatRedactionMasked(boolean urgentFirst, @TempDir Path dir) throws IOException {
        copyExamples(dir, urgentFirst);
        Engine engine = Engine.fromRules(dir);
        Engine.Processed processed = engine.process(event("Refund to card " + CARD + ", mail " + MAIL).getBytes(StandardCharsets.UTF_8));

        Decision decision = processed.decision();
        assertThat(decision.outcome()).isEqualTo(Outcome.UPDATE);
        List<String> expectedOrder = urgentFirst
                ? List.of("urgent-priority", "redact-card-numbers", "redact-emails")
                : List.of("redact-card-numbers", "redact-emails", "urgent-priority");
        assertThat(decision.matchedRuleIds()).containsExactlyElementsOf(expectedOrder);

        ChannelMessageCallback sent = processed.request().channelMessage();
        assertThat(sent.content()).isEqualTo("Refund to card ******************* , mail j***@example.com".replace("* ,", "*,"));
        assertThat(sent.pushNotification().body()).as("the push body copies the content as it leaves").isEqualTo(sent.content());
        assertThat(everyText(processed.request())).allSatisfy(text -> assertThat(text)
                .doesNotContain("1111").doesNotContain("4111").doesNotContain("jane.doe"));
    }

    @Test
    void matchedTextGoesThroughTheRedactionsOfLaterRules() {
        RuleSet rules = compile("""
                - id: copy-first
                  when: {content: {regex: "\\\\d{4}-\\\\d{4}"}}
                  then: [{set-push: {title: "Code {{matched}}", body: "{{content}}"}}, {set-attributes: {code: "{{matched}}"}}]
                - id: redact-later
                  when: always
                  then: [{redact: "\\\\d{4}-\\\\d{4}"}]
                """);
        Decision decision = Evaluator.evaluate(rules, message("code 1234-5678 here"));
        assertThat(decision.result().content()).isEqualTo("code ********* here");
        assertThat(decision.result().push().title()).isEqualTo("Code *********");
        assertThat(decision.result().push().body()).isEqualTo("code ********* here");
        assertThat(decision.result().attributes()).containsEntry("code", List.of("*********"));
        assertThat(decision.explain()).contains("-> push notification title \"Code *********\"");
    }

    @Test
    void aContentTemplateSeesAnEarlierRedaction() {
        RuleSet rules = compile("""
                - id: redact
                  when: always
                  then: [{redact: "secret"}]
                - id: quote
                  when: {content: {contains: secret}}
                  then: [{replace-content: "quoted: {{content}} ({{matched}})"}]
                """);
        assertThat(Evaluator.evaluate(rules, message("the secret")).result().content())
                .isEqualTo("quoted: the ****** (******)");
    }

    @Test
    void aRewriteGroupInALaterRuleReadsTheWorkingCopy() {
        RuleSet rules = compile("""
                - id: redact
                  when: always
                  then: [{redact: "\\\\d+"}]
                - id: wrap
                  when: {content: {regex: "pin \\\\d+"}}
                  then: [{rewrite: {regex: "pin (\\\\S+)", with: "[$1 {{matched}}]"}}]
                """);
        assertThat(Evaluator.evaluate(rules, message("pin 4242")).result().content()).isEqualTo("[**** pin ****]");
    }

    @Test
    void fieldWritesStillHappenInTheirOwnOrderAndLaterWins() {
        RuleSet rules = compile("""
                - id: a
                  when: always
                  then: [{set-metadata: "a {{content}}"}, {replace-content: "from a"}]
                - id: b
                  when: always
                  then: [{set-metadata: "b {{metadata}}"}, {rewrite: {regex: "a$", with: "b"}}]
                """);
        Decision decision = Evaluator.evaluate(rules, message("x"));
        assertThat(decision.result().content()).isEqualTo("from b");
        assertThat(decision.result().metadata()).isEqualTo("b a from b");
        assertThat(decision.notes()).extracting(Note::kind).containsExactly(NoteKind.OVERWRITTEN);
        assertThat(decision.matches().get(0).effects()).containsExactly("metadata set to \"a from b\"", "content replaced");
    }

    private static void copyExamples(Path dir, boolean urgentFirst) throws IOException {
        Files.createDirectories(dir.resolve("lists"));
        try (Stream<Path> lists = Files.list(EXAMPLES.resolve("lists"))) {
            for (Path list : lists.toList()) {
                Files.copy(list, dir.resolve("lists").resolve(list.getFileName().toString()));
            }
        }
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.toString().endsWith(".test.yaml")).toList()) {
                String name = file.getFileName().toString();
                Files.copy(file, dir.resolve(urgentFirst && name.equals("urgent-push.yaml") ? "0-urgent-push.yaml" : name));
            }
        }
    }

    private static String event(String content) {
        return """
                {"EventType": "CHANNEL_MESSAGE_EVENT", "CallbackId": "cb-leak-0123456789abcdef0123456789abcdef",
                 "ChannelMessage": {"MessageId": "msg-leak-1",
                  "ChannelArn": "arn:aws:chime:us-east-1:111122223333:app-instance/app-1/channel/ch-1",
                  "Content": "%s", "Sender": {"Arn": "arn:aws:chime:us-east-1:111122223333:app-instance/app-1/user/u1",
                  "Name": "Alice"}, "Type": "STANDARD", "Persistence": "PERSISTENT",
                  "MessageAttributes": {"priority": {"StringValues": ["5"]}}}}
                """.formatted(content);
    }
}
