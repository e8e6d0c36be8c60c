package dev.flowrules.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.check.RuleChecker;
import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.RuleLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code validate} warns (FR032) about tests that can never hold together (docs/diagnostics.md). */
class ContradictionsTest {

    private static List<Diagnostic> warnings(String when) {
        String text = "version: 1\nrules:\n  - id: r\n    when: " + when + "\n    then: [deny]\n";
        LoadResult loaded = RuleLoader.parse("t.yaml", text.getBytes(StandardCharsets.UTF_8), null);
        assertThat(loaded.diagnostics()).isEmpty();
        return RuleChecker.check(loaded.files()).stream().filter(d -> d.code().id().equals("FR032")).toList();
    }

    @Test
    void numbersThatNoValueCanPass() {
        assertThat(warnings("{attributes: {priority: {greater-than: 100, less-than: 50}}}")).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("no number is greater than 100 and less than 50"));
        assertThat(warnings("{all: [{content: {at-least: 10}}, {content: {less-than: 10}}]}")).hasSize(1);
        assertThat(warnings("{content: {at-least: 10, at-most: 10}}")).isEmpty();
        assertThat(warnings("{content: {greater-than: 10, at-most: 10}}")).hasSize(1);
        assertThat(warnings("{content: {greater-than: 1, less-than: 50}}")).isEmpty();
    }

    @Test
    void oneFieldEqualToTwoValuesInAll() {
        assertThat(warnings("{all: [{content-type: text/plain}, {content-type: text/markdown}]}")).singleElement()
                .satisfies(d -> {
                    assertThat(d.message()).contains("'content-type' cannot equal both 'text/plain' and 'text/markdown'");
                    assertThat(d.hint()).contains("one-of: [text/plain, text/markdown]");
                });
        assertThat(warnings("{all: [{content-type: text/plain}, {content-type: text/plain}]}")).isEmpty();
    }

    @Test
    void alternativesAndSeveralValuesAreNotContradictions() {
        assertThat(warnings("{any: [{content-type: text/plain}, {content-type: text/markdown}]}")).isEmpty();
        assertThat(warnings("{all: [{content-type: text/plain}, {not: {content-type: text/plain}}]}")).isEmpty();
        // Two values of one attribute may each pass one of the lists.
        assertThat(warnings("{all: [{attributes: {tag: a}}, {attributes: {tag: b}}]}")).isEmpty();
    }
}
