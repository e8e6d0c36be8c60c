package dev.flowrules.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.compile.CompiledAction;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every keyword is declared once and is complete: each test and action record is reachable from a keyword
 * entry, every keyword is documented in docs/rules.md and named in the JSON Schema, and each visitor has one
 * abstract method per record, so a record added without its handling fails to compile (see
 * docs/architecture.md) and a record added without its keyword or docs fails here.
 */
class KeywordRegistryTest {

    @Test
    void everyTestRecordHasAKeywordAndEveryKeywordOneRecord() {
        Set<Class<?>> produced = Operator.KEYWORDS.stream().map(TestKeyword::type).collect(Collectors.toSet());
        assertThat(produced).containsExactlyInAnyOrder(Operator.class.getPermittedSubclasses());
        assertThat(Operator.KEYWORDS.stream().map(TestKeyword::name)).doesNotHaveDuplicates();
    }

    @Test
    void everyActionRecordHasAKeywordAndEveryKeywordOneRecord() {
        Set<Class<?>> produced = Action.KEYWORDS.stream().map(ActionKeyword::type).collect(Collectors.toSet());
        assertThat(produced).containsExactlyInAnyOrder(Action.class.getPermittedSubclasses());
        assertThat(Action.KEYWORDS.stream().map(ActionKeyword::name)).doesNotHaveDuplicates();
    }

    @Test
    void everyKeywordIsDocumentedInRulesMd() throws IOException {
        String doc = Files.readString(Path.of("docs/rules.md"));
        for (String keyword : keywords()) {
            assertThat(Pattern.compile("`" + Pattern.quote(keyword) + "[`: ]").matcher(doc).find())
                    .as("docs/rules.md documents `%s`", keyword).isTrue();
        }
    }

    @Test
    void everyKeywordIsInTheSchema() throws IOException {
        Set<String> inSchema = new LinkedHashSet<>();
        SchemaTest.collectPropertyNames(SchemaTest.schema(), inSchema);
        assertThat(inSchema).containsAll(keywords());
    }

    /** A record without its visit method, or a visitor with a default, would let a new kind through unhandled. */
    @Test
    void eachVisitorHasOneAbstractMethodPerRecord() {
        for (Class<?> sealed : List.of(Operator.class, Action.class, Condition.class, CompiledAction.class)) {
            Class<?> visitor = Arrays.stream(sealed.getDeclaredClasses())
                    .filter(c -> c.getSimpleName().equals("Visitor")).findFirst().orElseThrow();
            List<Method> methods = Arrays.asList(visitor.getDeclaredMethods());
            assertThat(methods).as(visitor.getName()).allMatch(m -> Modifier.isAbstract(m.getModifiers()));
            Set<Class<?>> visited = methods.stream().map(m -> m.getParameterTypes()[0]).collect(Collectors.toSet());
            assertThat(visited).as(visitor.getName()).containsExactlyInAnyOrder(sealed.getPermittedSubclasses());
        }
    }

    private static List<String> keywords() {
        List<String> all = new java.util.ArrayList<>();
        Operator.KEYWORDS.forEach(k -> all.add(k.name()));
        Action.KEYWORDS.forEach(k -> all.add(k.name()));
        return all;
    }
}
