package dev.flowrules.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.TestRules;
import dev.flowrules.compile.MessageView;
import dev.flowrules.compile.RuleSet;
import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.dsl.FieldRef;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.RuleLoader;
import dev.flowrules.eval.Decision;
import dev.flowrules.eval.Evaluator;
import dev.flowrules.eval.NoteKind;
import dev.flowrules.eval.Outcome;
import dev.flowrules.event.Message;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code metadata.KEY}: a top-level key of JSON metadata (docs/rules.md, "JSON metadata"). */
class MetadataKeyFieldTest {

    static Message withMetadata(String metadata) {
        return TestRules.message("hello").withMetadata(metadata);
    }

    private static List<String> values(String metadata, String key) {
        return new MessageView(withMetadata(metadata)).values(FieldRef.metadataKey(key));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"tier":"gold"}                      | tier  | gold
            {"name":"caf\\u00e9 \\"x\\""}           | name  | café "x"
            {"score": 2.50 , "n":-1E3}            | score | 2.50
            {"score": 2.50 , "n":-1E3}            | n     | -1E3
            {"vip":true,"old":false}              | vip   | true
            {"vip":true,"old":false}              | old   | false
            {"prefs": {"a": 1,  "b": [1, 2]} }    | prefs | {"a": 1,  "b": [1, 2]}
            {"tags":[ "x" ,"y" ]}                 | tags  | [ "x" ,"y" ]
            {"a.b":"dotted","a":{"b":"nested"}}   | a.b   | dotted
            """)
    void eachKindOfValueReadsAsDocumented(String metadata, String key, String expected) {
        assertThat(values(metadata, key)).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain text", "[1,2]", "\"tier\"", "{\"tier\":\"gold\",\"tier\":\"vip\"}",
        "{\"x\":{\"k\":1,\"k\":2},\"tier\":\"gold\"}", "{\"tier\":\"gold\"} trailing", "{\"tier\":\"gold\"}{}",
        "{tier:'gold'}", "{\"tier\":\"gold\",}", "{\"tier\":null}", "{\"Tier\":\"gold\"}", "{\"tier\":\"gold\" /* c */}"})
    void theKeyIsAbsentWhenMetadataIsNotAStrictObjectOrTheKeyIsNullOrMissing(String metadata) {
        RuleSet rules = TestRules.compile("""
                - id: present
                  when: {metadata.tier: {exists: true}}
                  then: [{set-attributes: {seen: "yes"}}]
                - id: missing
                  when: {metadata.tier: {exists: false}}
                  then: [{set-attributes: {missing: "yes"}}]
                - id: any-test
                  when: {not: {metadata.tier: {contains: g}}}
                  then: [{set-attributes: {not-gold: "yes"}}]
                """);
        Decision decision = Evaluator.evaluate(rules, withMetadata(metadata));
        assertThat(decision.matches()).extracting(m -> m.ruleId()).containsExactly("missing", "any-test");
        assertThat(Evaluator.evaluate(rules, TestRules.message("no metadata at all")).matches())
                .extracting(m -> m.ruleId()).containsExactly("missing", "any-test");
    }

    /** docs/rules.md: "{{metadata.KEY}} inserts the key's value in a template (nothing when absent)". */
    @ParameterizedTest
    @ValueSource(strings = {"plain text", "{\"x\":1}"})
    void anAbsentKeyInsertsNothing(String metadata) {
        RuleSet rules = TestRules.compile("""
                - id: vip
                  when: always
                  then: [{set-push: {title: "VIP [{{metadata.tier}}]"}}]
                """);
        assertThat(Evaluator.evaluate(rules, withMetadata(metadata)).result().push().title()).isEqualTo("VIP []");
        assertThat(Evaluator.evaluate(rules, TestRules.message("no metadata at all")).result().push().title())
                .isEqualTo("VIP []");
        assertThat(Evaluator.evaluate(rules, withMetadata("{\"tier\":\"gold\"}")).result().push().title())
                .isEqualTo("VIP [gold]");
    }

    @Test
    void testsWorkOnTheValueAndTheExplanationNamesTheKey() {
        RuleSet rules = TestRules.compile("""
                - id: vip
                  when:
                    metadata.tier: {one-of: [gold, vip]}
                    metadata.score: {at-least: 3}
                  then: [{set-push: {title: "VIP {{metadata.tier}}"}}]
                """);
        Decision decision = Evaluator.evaluate(rules, withMetadata("{\"score\":3.5,\"tier\":\"vip\"}"));
        assertThat(decision.outcome()).isEqualTo(Outcome.UPDATE);
        assertThat(decision.result().push().title()).isEqualTo("VIP vip");
        assertThat(decision.explain()).contains("on metadata.tier one-of matched \"vip\"");
        assertThat(Evaluator.evaluate(rules, withMetadata("{\"score\":2,\"tier\":\"vip\"}")).outcome()).isEqualTo(Outcome.NO_CHANGE);
    }

    @Test
    void metadataThatIsNotAnObjectIsNotedOnlyForRulesThatReadKeys() {
        RuleSet reads = TestRules.compile("""
                - id: gold
                  when: {metadata.tier: gold}
                  then: [deny]
                """);
        Decision decision = Evaluator.evaluate(reads, withMetadata("{\"tier\":\"gold\",\"tier\":\"x\"}"));
        assertThat(decision.outcome()).isEqualTo(Outcome.NO_CHANGE);
        assertThat(decision.explain()).contains(
                "note: the metadata is not a JSON object (a key appears twice): the metadata.KEY fields are absent");
        assertThat(Evaluator.evaluate(reads, withMetadata("plain")).explain())
                .contains("note: the metadata is not a JSON object (it is not valid JSON): the metadata.KEY fields are absent");
        assertThat(Evaluator.evaluate(reads, withMetadata("[1]")).notes()).extracting(n -> n.kind())
                .containsExactly(NoteKind.METADATA_NOT_JSON_OBJECT);
        assertThat(Evaluator.evaluate(reads, TestRules.message("no metadata")).notes()).isEmpty();

        RuleSet whole = TestRules.compile("""
                - id: text
                  when: {metadata: {contains: plain}}
                  then: [deny]
                """);
        assertThat(Evaluator.evaluate(whole, withMetadata("plain")).notes()).isEmpty();
    }

    @Test
    void keysWithDotsAndSpacesAreWrittenAfterTheFirstDotQuotedInYaml() {
        RuleSet rules = TestRules.compile("""
                - id: dotted
                  when: {metadata.a.b: dotted, "metadata.user id": "7"}
                  then: [deny]
                """);
        assertThat(Evaluator.evaluate(rules, withMetadata("{\"a.b\":\"dotted\",\"user id\":7}")).outcome()).isEqualTo(Outcome.DENY);
        assertThat(Evaluator.evaluate(rules, withMetadata("{\"a\":{\"b\":\"dotted\"},\"user id\":7}")).outcome())
                .isEqualTo(Outcome.NO_CHANGE);
    }

    /** The candidate index files exact values and literals by field: metadata keys included, same decisions. */
    @Test
    void theCandidateIndexAgreesWithTestingEveryRule() {
        RuleSet rules = TestRules.compile("""
                - {id: eq, when: {metadata.tier: gold}, then: [{set-attributes: {a: "1"}}]}
                - {id: words, when: {metadata.note: {contains-word: [scam]}}, then: [{set-attributes: {b: "1"}}]}
                - {id: prefix, when: {metadata.id: {starts-with: ord-}}, then: [{set-attributes: {c: "1"}}]}
                - {id: lit, when: {metadata.note: {contains: refund}}, then: [{set-attributes: {d: "1"}}]}
                - {id: missing, when: {metadata.tier: {exists: false}}, then: [{set-attributes: {e: "1"}}]}
                - {id: other-key, when: {metadata.level: gold}, then: [{set-attributes: {f: "1"}}]}
                """);
        for (String metadata : new String[] {"{\"tier\":\"gold\",\"note\":\"a scam and a refund\",\"id\":\"ord-1\"}",
            "{\"tier\":\"silver\",\"level\":\"gold\"}", "{\"note\":\"refunds\"}", "gold", "{\"tier\":\"gold\",\"tier\":\"x\"}",
            "{\"id\":\"ORD-1\",\"tier\":null}"}) {
            Message message = withMetadata(metadata);
            assertThat(Evaluator.evaluate(rules, message)).as(metadata).isEqualTo(Evaluator.evaluateEveryRule(rules, message));
        }
        assertThat(Evaluator.evaluate(rules, withMetadata("{\"tier\":\"gold\",\"note\":\"a scam and a refund\",\"id\":\"ord-1\"}"))
                .matches()).extracting(m -> m.ruleId()).containsExactly("eq", "words", "prefix", "lit");
    }

    @Test
    void theMetadataIsParsedOnlyWhenAKeyIsRead() {
        MessageView view = new MessageView(withMetadata("{\"tier\":\"gold\"}"));
        view.values(FieldRef.of(dev.flowrules.dsl.Field.CONTENT));
        view.values(FieldRef.of(dev.flowrules.dsl.Field.METADATA));
        assertThat(view).extracting("metadataValues").isNull();
        view.values(FieldRef.metadataKey("tier"));
        Object parsed = org.assertj.core.api.Assertions.assertThat(view).extracting("metadataValues").actual();
        view.values(FieldRef.metadataKey("other"));
        assertThat(view).extracting("metadataValues").isSameAs(parsed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            metdata.tier: gold       | 5:7  | unknown field 'metdata.tier' | did you mean 'metadata.tier'?
            Metadata.tier: gold      | 5:7  | unknown field 'Metadata.tier' | did you mean 'metadata.tier'?
            "metadata.": gold        | 5:7  | 'metadata.' needs the name of a metadata key after the dot | 'metadata' alone tests the whole text
            metadata: {tier: gold}   | 5:18 | unknown test 'tier' in the test on 'metadata' | write it after a dot as the field: 'metadata.tier: ...'
            """)
    void mistakesGetAPlainErrorAndAHint(String when, String at, String message, String hint) {
        List<Diagnostic> errors = load("  - id: r\n    when:\n      " + when + "\n    then: [deny]\n");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).pos().toString()).isEqualTo("t.yaml:" + at);
        assertThat(errors.get(0).message()).isEqualTo(message);
        assertThat(errors.get(0).hint()).contains(hint);
    }

    @Test
    void aTemplateTypoSuggestsTheMetadataKey() {
        List<Diagnostic> errors = load("  - id: r\n    when: always\n    then: [{set-metadata: \"{{metdata.tier}}\"}]\n");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.message()).contains("unknown placeholder '{{metdata.tier}}'");
            assertThat(e.hint()).isEqualTo("did you mean '{{metadata.tier}}'?");
        });
    }

    private static List<Diagnostic> load(String rules) {
        LoadResult loaded = RuleLoader.parse("t.yaml", ("version: 1\nrules:\n" + rules).getBytes(StandardCharsets.UTF_8), null);
        return loaded.diagnostics().stream().filter(Diagnostic::isError).toList();
    }
}
