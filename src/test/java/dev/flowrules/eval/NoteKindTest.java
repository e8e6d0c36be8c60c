package dev.flowrules.eval;

import static dev.flowrules.TestRules.compile;
import static dev.flowrules.TestRules.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowrules.compile.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NoteKindTest {

    /** The sentence's placeholders and the kind's declared parameters are the same names: none left unfilled. */
    @ParameterizedTest
    @EnumSource(NoteKind.class)
    void everyKindRendersEveryParameterAndNothingElse(NoteKind kind) {
        Set<String> placeholders = new LinkedHashSet<>();
        var matcher = Pattern.compile("\\{([a-z-]+)}").matcher(kind.template());
        while (matcher.find()) {
            placeholders.add(matcher.group(1));
        }
        placeholders.remove("rule");
        assertThat(placeholders).containsExactlyInAnyOrderElementsOf(kind.parameters());

        Object[] values = kind.parameters().stream().map(p -> "<" + p + ">").toArray();
        Note note = Note.of(kind, kind.aboutRule() ? "r-1" : null, values);
        assertThat(note.text()).doesNotContain("{").doesNotContain("}");
        kind.parameters().forEach(p -> assertThat(note.text()).contains("<" + p + ">"));
        assertThat(note.parameters().keySet()).containsExactlyElementsOf(kind.parameters());
    }

    /** A kind nothing creates is dead vocabulary, and a count that can never move misleads whoever reads it. */
    @Test
    void everyKindIsMadeSomewhereInTheEngine() throws IOException {
        Path main = Path.of("src/main/java/dev/flowrules");
        String source;
        try (Stream<Path> files = Files.walk(main)) {
            source = files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("NoteKind.java"))
                    .map(NoteKindTest::read).collect(Collectors.joining("\n"));
        }
        List<NoteKind> unused = new ArrayList<>();
        for (NoteKind kind : NoteKind.values()) {
            if (!source.contains("NoteKind." + kind.name() + ",") && !source.contains("NoteKind." + kind.name() + ")")) {
                unused.add(kind);
            }
        }
        assertThat(unused).as("note kinds no code creates").isEmpty();
    }

    @Test
    void aValueWithBracesIsNeverExpanded() {
        Note note = Note.of(NoteKind.BOT_CONTENT_INVALID, null, "{reason}", "x {content-type}");
        assertThat(note.text()).startsWith("the content type says {reason} but x {content-type}:");
    }

    @Test
    void parametersMustMatchTheKind() {
        assertThatThrownBy(() -> Note.of(NoteKind.CONTENT_CUT, "r")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Note.of(NoteKind.CONTENT_CUT, null, 4096)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Note(NoteKind.PUSH_CUT, "r", Map.of("limit", "1", "side", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void notesCarryTheirKindAndParametersAsData() {
        RuleSet rules = compile("""
                - id: first
                  when: always
                  then: [{set-push: {title: First}}]
                - id: second
                  when: always
                  then: [{set-push: {title: Second, body: "{{content}}"}}]
                """);
        Decision decision = Evaluator.evaluate(rules, message("w".repeat(300)));
        assertThat(decision.notes()).extracting(Note::kind).containsExactly(NoteKind.OVERWRITTEN, NoteKind.PUSH_CUT);
        Note overwritten = decision.notes().get(0);
        assertThat(overwritten.ruleId()).isEqualTo("second");
        assertThat(overwritten.parameters()).containsExactly(Map.entry("field", "push.title"), Map.entry("previous-rule", "first"));
        assertThat(decision.notes().get(1).parameters()).containsEntry("part", "body").containsEntry("limit", "150");
        assertThat(decision.noteCounts()).containsExactly(Map.entry(NoteKind.OVERWRITTEN, 1), Map.entry(NoteKind.PUSH_CUT, 1));
        assertThat(decision.explain()).contains("note: rule second: the push body was cut to 150 characters\n");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
