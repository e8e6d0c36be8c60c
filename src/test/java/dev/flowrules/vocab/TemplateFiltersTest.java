package dev.flowrules.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.TestRules;
import dev.flowrules.compile.RuleSet;
import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.dsl.DiagnosticCode;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.RuleLoader;
import dev.flowrules.eval.Decision;
import dev.flowrules.eval.Evaluator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Template filters {@code first:N}, {@code upper}, {@code lower} (docs/rules.md, Templates). */
class TemplateFiltersTest {

    private static String metadata(String template, String content) {
        RuleSet rules = TestRules.compile("""
                - id: r
                  when: always
                  then: [{set-metadata: '%s'}]
                """.formatted(template));
        return Evaluator.evaluate(rules, TestRules.message(content)).result().metadata();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            {{content|first:5}} => hello world => hello
            {{content|first:100}} => short => short
            {{content|first:3}} => 😀😁😂😃 => 😀😁😂
            {{content|first:1}} => 😀x => 😀
            {{content|upper}} => straße i => STRASSE I
            {{content|lower}} => ÀBC İ => àbc i̇
            {{content|lower|first:3}} => ABCDEF => abc
            {{ content | upper | first: 2 }} => abc => AB
            {{sender.name|upper}} => x => ALICE
            {{content|first:2}}-{{content}} => abc => ab-abc
            """)
    void filtersApplyLeftToRightCountingCodePoints(String template, String content, String expected) {
        assertThat(metadata(template, content)).isEqualTo(expected);
    }

    /** docs/rules.md: upper is "the same in every language setting"; Turkish would otherwise give a dotted capital I. */
    @Test
    void upperAndLowerIgnoreTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(new Locale("tr"));
            assertThat(metadata("{{content|upper}}", "straße i")).isEqualTo("STRASSE I");
            assertThat(metadata("{{content|lower}}", "I")).isEqualTo("i");
        } finally {
            Locale.setDefault(before);
        }
    }

    /** docs/rules.md: "first:N ... N from 1 to 4096". */
    @Test
    void firstTakesAtMost4096() {
        assertThat(errors("- set-metadata: '{{content|first:4096}}'")).isEmpty();
        assertThat(errors("- set-metadata: '{{content|first:1}}'")).isEmpty();
        assertThat(errors("- set-metadata: '{{content|first:4097}}'")).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(DiagnosticCode.FR015);
            assertThat(e.message()).contains("'first:4097'").contains("from 1 to 4096");
        });
    }

    @Test
    void firstNeverSplitsASurrogatePair() {
        String content = "a" + "😀".repeat(10);
        String cut = metadata("{{content|first:2}}", content);
        assertThat(cut).isEqualTo("a😀");
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
    }

    @Test
    void matchedGoesThroughFiltersAfterRedaction() {
        RuleSet rules = TestRules.compile("""
                - id: card
                  when: {content: {regex: '\\d{4} \\d{4}'}}
                  then:
                    - redact: '\\d{4} \\d{4}'
                    - set-push: {title: "card {{matched|first:4}}", body: "{{matched|upper}} {{content|upper}}"}
                """);
        Decision decision = Evaluator.evaluate(rules, TestRules.message("pay 1234 5678 now"));
        assertThat(decision.result().push().title()).isEqualTo("card ****");
        assertThat(decision.result().push().body()).isEqualTo("********* PAY ********* NOW");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            "{{content|uper}}" => 6:28 => in the push title: unknown filter 'uper' in '{{content|uper}}' => did you mean 'upper'? filters: first:N, upper, lower
            "x {{content|nope}}" => 6:30 => in the push title: unknown filter 'nope' in '{{content|nope}}' => filters: first:N, upper, lower
            "{{content|first}}" => 6:28 => in the push title: 'first' in '{{content|first}}' needs a number of characters => write first:N, e.g. {{content|first:100}} keeps the first 100 characters
            "{{content|first:0}}" => 6:28 => in the push title: 'first:0' in '{{content|first:0}}' needs a whole number of characters from 1 to 4096 => e.g. {{content|first:100}} keeps the first 100 characters
            "{{content|first:abc}}" => 6:28 => in the push title: 'first:abc' in '{{content|first:abc}}' needs a whole number of characters from 1 to 4096 => e.g. {{content|first:100}} keeps the first 100 characters
            "{{content|first:99999}}" => 6:28 => in the push title: 'first:99999' in '{{content|first:99999}}' needs a whole number of characters from 1 to 4096 => e.g. {{content|first:100}} keeps the first 100 characters
            "{{content|upper:2}}" => 6:28 => in the push title: 'upper' in '{{content|upper:2}}' takes no value => write {{sender.name|upper}}, without ':'
            "{{content||upper}}" => 6:28 => in the push title: an empty filter after '|' in '{{content||upper}}' => write a filter after each '|': first:N, upper, lower, e.g. {{content|first:100}}
            "{{contnet|upper}}" => 6:28 => in the push title: unknown placeholder '{{contnet}}' => did you mean '{{content}}'?
            """)
    void aBadFilterIsALoadErrorAtThePlaceholder(String title, String at, String message, String hint) {
        List<Diagnostic> errors = errors("- set-push: {title: " + title + "}");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(DiagnosticCode.FR015);
            assertThat(e.pos().toString()).isEqualTo("t.yaml:" + at);
            assertThat(e.message()).isEqualTo(message);
            assertThat(e.hint()).isEqualTo(hint);
        });
    }

    /** docs/rules.md: a metadata key holding '|' cannot be named in a template: the rest reads as a filter. */
    @Test
    void aBarInAMetadataKeyReadsAsAFilter() {
        assertThat(errors("- set-metadata: \"{{metadata.a|b}}\"")).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("in 'set-metadata': unknown filter 'b' in '{{metadata.a|b}}'"));
    }

    /**
     * docs/rules.md: a metadata key holding '}}' cannot be named in a template: the placeholder ends at the first
     * '}}', so {{metadata.a}}b}} reads the key 'a' and the rest is plain text.
     */
    @Test
    void aPlaceholderEndsAtTheFirstClosingBraces() {
        RuleSet rules = TestRules.compile("""
                - id: r
                  when: always
                  then: [{set-push: {title: '{{metadata.a}}b}}'}}]
                """);
        Decision decision = Evaluator.evaluate(rules,
                TestRules.message("hi").withMetadata("{\"a}}b\":\"whole\",\"a\":\"A\"}"));
        assertThat(decision.result().push().title()).isEqualTo("Ab}}");
    }

    @Test
    void aPlaceholderInAMultiLineValueIsReportedAtTheValue() {
        List<Diagnostic> errors = errors("""
                - set-metadata: >-
                    first line
                    {{content|first:-1}}""");
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.pos().toString()).isEqualTo("t.yaml:6:23"));
    }

    /** The errors of a rule file whose one rule has these actions, each line indented under 'then:' (line 6 on). */
    private static List<Diagnostic> errors(String actions) {
        String file = "version: 1\nrules:\n  - id: r\n    when: always\n    then:\n      " + actions.replace("\n", "\n      ") + "\n";
        LoadResult loaded = RuleLoader.parse("t.yaml", file.getBytes(StandardCharsets.UTF_8), null);
        return loaded.diagnostics().stream().filter(Diagnostic::isError).toList();
    }
}
