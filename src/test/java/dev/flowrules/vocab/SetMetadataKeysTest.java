package dev.flowrules.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.TestRules;
import dev.flowrules.check.RuleChecker;
import dev.flowrules.compile.RuleSet;
import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.RuleLoader;
import dev.flowrules.eval.Decision;
import dev.flowrules.eval.Evaluator;
import dev.flowrules.eval.NoteKind;
import dev.flowrules.eval.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code set-metadata-keys} (docs/rules.md, "Setting keys of JSON metadata"). */
class SetMetadataKeysTest {

    private static final RuleSet REVIEW = TestRules.compile("""
            - id: r
              when: {content: {contains-word: [scam]}}
              then:
                - set-metadata-keys: {review: pending, flagged-by: "{{matched}}"}
            """);

    private static Decision review(String metadata) {
        return Evaluator.evaluate(REVIEW, TestRules.message("a scam").withMetadata(metadata));
    }

    @Test
    void theDocumentedExample() {
        Decision decision = review("{\"lang\":\"en\", \"review\":\"none\"}");
        assertThat(decision.outcome()).isEqualTo(Outcome.UPDATE);
        assertThat(decision.result().metadata()).isEqualTo("{\"lang\":\"en\",\"review\":\"pending\",\"flagged-by\":\"scam\"}");
        assertThat(decision.explain()).contains("-> metadata keys set: review, flagged-by");
    }

    @Test
    void otherKeysKeepTheirValuesExactlyAsWritten() {
        String metadata = "{ \"n\" : 1.50E+3 , \"deep\": {\"a\": [1, {\"b\": null}], \"c\" : \"x\"}, \"s\":\"caf\\u00e9 \\/ \\\"q\\\"\","
                + " \"t\":true, \"z\":null }";
        assertThat(review(metadata).result().metadata()).isEqualTo("{\"n\":1.50E+3,\"deep\":{\"a\": [1, {\"b\": null}], \"c\" : \"x\"},"
                + "\"s\":\"caf\\u00e9 \\/ \\\"q\\\"\",\"t\":true,\"z\":null,\"review\":\"pending\",\"flagged-by\":\"scam\"}");
    }

    @Test
    void noMetadataCreatesTheObject() {
        Decision decision = Evaluator.evaluate(REVIEW, TestRules.message("a scam"));
        assertThat(decision.result().metadata()).isEqualTo("{\"review\":\"pending\",\"flagged-by\":\"scam\"}");
        assertThat(review("").result().metadata()).isEqualTo("{\"review\":\"pending\",\"flagged-by\":\"scam\"}");
    }

    @Test
    void keysAlreadyHoldingTheValueLeaveTheMetadataAsItCame() {
        Decision decision = review("{ \"review\" : \"pending\", \"flagged-by\": \"sc\\u0061m\" }");
        assertThat(decision.outcome()).isEqualTo(Outcome.NO_CHANGE);
        assertThat(decision.explain()).contains("-> metadata keys already set: review, flagged-by");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain text", "[1]", "\"s\"", "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1,\"b\":1}}", "{\"a\":1} x", "{\"a\":1,}",
        "{a:1}", " "})
    void metadataThatIsNotAnObjectIsRefusedWithANote(String metadata) {
        Decision decision = review(metadata);
        assertThat(decision.outcome()).isEqualTo(Outcome.NO_CHANGE);
        assertThat(decision.notes()).extracting(n -> n.kind()).containsExactly(NoteKind.METADATA_NOT_OBJECT_REFUSED);
        assertThat(decision.explain()).contains("-> metadata keys not set (the metadata is not a JSON object)");
    }

    @Test
    void theRefusalSaysWhyInPlainWords() {
        assertThat(review("plain text").explain()).contains("note: rule r: set-metadata-keys needs metadata that is a JSON object,"
                + " but it is not valid JSON; metadata left as it was (set-metadata replaces it whole)");
        assertThat(review("[1]").explain()).contains("but it is a JSON list, not a JSON object;");
        assertThat(review("{\"a\":1,\"a\":2}").explain()).contains("but a key appears twice;");
    }

    @Test
    void severalRulesComposeAndSetMetadataInteractsInRuleOrder() {
        RuleSet rules = TestRules.compile("""
                - id: whole
                  when: always
                  then: [{set-metadata: '{"app":"x"}'}]
                - id: first
                  when: always
                  then: [{set-metadata-keys: {a: "1", shared: first}}]
                - id: second
                  when: always
                  then: [{set-metadata-keys: {b: "2", shared: second}}]
                """);
        Decision decision = Evaluator.evaluate(rules, TestRules.message("hi").withMetadata("{\"old\":true}"));
        assertThat(decision.result().metadata()).isEqualTo("{\"app\":\"x\",\"a\":\"1\",\"shared\":\"second\",\"b\":\"2\"}");
        assertThat(decision.explain()).contains("note: rule second replaced the metadata key 'shared' set by rule first");

        RuleSet replacing = TestRules.compile("""
                - id: keys
                  when: always
                  then: [{set-metadata-keys: {a: "1"}}]
                - id: whole
                  when: always
                  then: [{set-metadata: 'plain'}]
                """);
        Decision replaced = Evaluator.evaluate(replacing, TestRules.message("hi").withMetadata("{\"old\":true}"));
        assertThat(replaced.result().metadata()).isEqualTo("plain");
        assertThat(replaced.explain()).contains("note: rule whole replaced the metadata set by rule keys");
    }

    @Test
    void templatesReadTheWorkingCopyAfterContentChanges() {
        RuleSet rules = TestRules.compile("""
                - id: copy
                  when: always
                  then: [{set-metadata-keys: {text: "{{content}}", tier: "{{metadata.tier}}"}}]
                - id: mask
                  when: always
                  then: [{redact: '\\d{4}'}]
                """);
        Decision decision = Evaluator.evaluate(rules, TestRules.message("pin 1234").withMetadata("{\"tier\":\"gold\"}"));
        assertThat(decision.result().metadata()).isEqualTo("{\"tier\":\"gold\",\"text\":\"pin ****\"}");
    }

    @Test
    void overTheLimitOrWithALineBreakIsRefusedWhole() {
        RuleSet rules = TestRules.compile("""
                - id: copy
                  when: always
                  then: [{set-metadata-keys: {text: "{{content}}"}}]
                """);
        String big = "{\"pad\":\"" + "x".repeat(1000) + "\"}";
        Decision decision = Evaluator.evaluate(rules, TestRules.message("some words here").withMetadata(big));
        assertThat(decision.outcome()).isEqualTo(Outcome.NO_CHANGE);
        assertThat(decision.notes()).extracting(n -> n.kind()).containsExactly(NoteKind.METADATA_TOO_LONG_REFUSED);

        Decision escaped = Evaluator.evaluate(rules, TestRules.message("two\nlines"));
        assertThat(escaped.result().metadata()).isEqualTo("{\"text\":\"two\\nlines\"}");
        Decision separator = Evaluator.evaluate(rules, TestRules.message("a\u2028b"));
        assertThat(separator.outcome()).isEqualTo(Outcome.NO_CHANGE);
        assertThat(separator.notes()).extracting(n -> n.kind()).containsExactly(NoteKind.METADATA_LINE_BREAK_REFUSED);
        Decision nested = Evaluator.evaluate(rules, TestRules.message("x").withMetadata("{\"a\":{\n\"b\":1}}"));
        assertThat(nested.notes()).extracting(n -> n.kind()).containsExactly(NoteKind.METADATA_LINE_BREAK_REFUSED);
    }

    @Test
    void valuesAreWrittenAsJsonStrings() {
        RuleSet rules = TestRules.compile("""
                - id: n
                  when: always
                  then: [{set-metadata-keys: {count: 3, ok: true, "a key.with dots": x}}]
                """);
        assertThat(Evaluator.evaluate(rules, TestRules.message("x")).result().metadata())
                .isEqualTo("{\"count\":\"3\",\"ok\":\"true\",\"a key.with dots\":\"x\"}");
    }

    @Test
    void aLaterRuleSettingTheSameKeyOnTheSameMessagesIsAValidateWarning() {
        LoadResult loaded = RuleLoader.parse("t.yaml", """
                version: 1
                rules:
                  - {id: a, when: always, then: [{set-metadata-keys: {tier: a}}]}
                  - {id: b, when: always, then: [{set-metadata-keys: {tier: b, other: c}}]}
                """.getBytes(StandardCharsets.UTF_8), null);
        List<Diagnostic> warnings = RuleChecker.check(loaded.files());
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w.message())
                .startsWith("the metadata key 'tier' set here is always replaced by rule 'b'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"set-metadata-keys: {}", "set-metadata-keys: tier", "set-metadata-keys: {'': x}",
        "set-metadata-keys: {a: [x]}", "set-metadata-keys: {a: '{{nope}}'}"})
    void badValuesAreLoadErrors(String action) {
        LoadResult loaded = RuleLoader.parse("t.yaml", ("version: 1\nrules:\n  - id: r\n    when: always\n    then:\n      - " + action + "\n")
                .getBytes(StandardCharsets.UTF_8), null);
        assertThat(loaded.diagnostics()).filteredOn(Diagnostic::isError).isNotEmpty();
    }
}
