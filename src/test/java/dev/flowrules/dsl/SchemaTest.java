package dev.flowrules.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.flowrules.check.RuleChecker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docs/schema/rules.schema.json, as editors use it, stays in step with the loader: same keywords, a description
 * on every key, specific messages for typos, and the same verdict as {@code validate} on a corpus of valid and
 * broken files, except the gaps docs/editor.md lists (a JSON Schema cannot express them).
 */
class SchemaTest {
    static final Path SCHEMA = Path.of("docs/schema/rules.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode schema() throws IOException {
        return JSON.readTree(Files.readString(SCHEMA));
    }

    static Schema validator() throws IOException {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(Files.readString(SCHEMA));
    }

    static List<Error> schemaErrors(Schema schema, String yaml) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        return schema.validate(JSON.valueToTree(document));
    }

    @Test
    void everyKeywordTheLoaderAcceptsIsInTheSchema() throws IOException {
        Set<String> inSchema = new LinkedHashSet<>();
        collectPropertyNames(schema(), inSchema);
        Set<String> accepted = new LinkedHashSet<>();
        Stream.of(RuleFileParser.FILE_KEYS, RuleFileParser.RULE_KEYS, ConditionParser.COMBINATORS, ConditionParser.TEST_KEYS,
                ActionParser.ACTION_KEYS, ActionReaders.REWRITE_KEYS, ActionReaders.PUSH_KEYS,
                Operator.ContainsWord.SOURCE_KEYS, ConditionParser.BOT_SELECTOR_KEYS, ActionReaders.BOT_REPLACE_KEYS,
                ActionReaders.BOT_APPEND_KEYS, Set.copyOf(Field.keys()), Set.copyOf(BotPart.keys()),
                Set.of(ConditionParser.BOT_MESSAGE)).forEach(accepted::addAll);
        assertThat(inSchema).containsAll(accepted);
    }

    /** Editors show the description on hover: every key and every definition has one. */
    @Test
    void everyKeyHasADescription() throws IOException {
        List<String> missing = new ArrayList<>();
        JsonNode root = schema();
        root.get("definitions").properties().forEach(e -> {
            if (!e.getValue().has("description")) {
                missing.add("definitions/" + e.getKey());
            }
        });
        collectUndescribed(root, "$", missing);
        assertThat(missing).isEmpty();
    }

    /** oneOf/anyOf make validators report every branch ("Valid values: always") instead of the misspelled key. */
    @Test
    void noOneOfSoErrorsAreSpecific() throws IOException {
        String text = Files.readString(SCHEMA);
        assertThat(text).doesNotContain("\"oneOf\"").doesNotContain("\"anyOf\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wehn     | rules: [{id: r, wehn: always, then: [deny]}]
            contnet  | rules: [{id: r, when: {contnet: x}, then: [deny]}]
            containz | rules: [{id: r, when: {content: {containz: x}}, then: [deny]}]
            titel    | rules: [{id: r, when: always, then: [{set-push: {titel: x}}]}]
            delete   | rules: [{id: r, when: always, then: [{delete: x}]}]
            rgex     | rules: [{id: r, when: always, then: [{redact: {rgex: x}}]}]
            fiel     | rules: [{id: r, when: {content: {contains-word: {fiel: a.txt}}}, then: [deny]}]
            contnet  | rules: [{id: r, when: {any: [{content: x}, {not: {contnet: y}}]}, then: [deny]}]
            """)
    void aTypoIsNamedInTheMessage(String typo, String rules) throws IOException {
        List<Error> errors = schemaErrors(validator(), "version: 1\n" + rules);
        assertThat(errors).isNotEmpty();
        assertThat(errors).anySatisfy(e -> assertThat(e.getMessage()).contains(typo).contains("not"));
        assertThat(errors).as("only the typo (and a required key it hides) is reported")
                .allSatisfy(e -> assertThat(e.getMessage()).containsAnyOf(typo, "required property"));
    }

    @Test
    void everyExampleRuleFileValidates() throws IOException {
        Schema schema = validator();
        try (Stream<Path> files = Files.list(Path.of("rules-examples"))) {
            List<Path> ruleFiles = files.filter(p -> p.toString().endsWith(".yaml") && !RuleTestParser.isTestFile(p)).sorted().toList();
            assertThat(ruleFiles).isNotEmpty();
            for (Path file : ruleFiles) {
                assertThat(schemaErrors(schema, Files.readString(file))).as(file.toString()).isEmpty();
            }
        }
    }

    /** What 'flowrules schema' prints and editors can fetch from the jar is the file docs/ describes. */
    @Test
    void theJarCarriesTheSchema() throws IOException {
        try (InputStream in = SchemaTest.class.getClassLoader().getResourceAsStream("dev/flowrules/schema/rules.schema.json")) {
            assertThat(in).as("classpath resource dev/flowrules/schema/rules.schema.json").isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(Files.readString(SCHEMA));
        }
    }

    /** Each case: whether validate accepts it, and the rule file body after "version: 1". */
    @Test
    void theSchemaGivesTheSameVerdictAsValidate(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("words.txt"), "scam\n");
        Schema schema = validator();
        List<String> differences = new ArrayList<>();
        int n = 0;
        for (String body : SchemaCorpus.CASES) {
            String text = "version: 1\n" + body;
            boolean schemaOk = schemaErrors(schema, text).isEmpty();
            boolean validateOk = validates(dir, "case-" + n++ + ".yaml", text);
            if (schemaOk != validateOk) {
                differences.add((validateOk ? "validate accepts, schema rejects " : "validate rejects, schema accepts ")
                        + body + "\n   schema: " + schemaErrors(schema, text));
            }
        }
        assertThat(differences).as("schema and validate disagree").isEmpty();
        for (String[] bad : List.of(new String[] {"version: 2\nrules: [{id: r, when: always, then: [deny]}]"},
                new String[] {"rules: [{id: r, when: always, then: [deny]}]"}, new String[] {"version: 1\nrules: []"})) {
            assertThat(schemaErrors(schema, bad[0])).as(bad[0]).isNotEmpty();
            assertThat(validates(dir, "file-" + n++ + ".yaml", bad[0])).as(bad[0]).isFalse();
        }
    }

    /**
     * The gaps docs/editor.md lists: files the schema accepts and validate rejects, because a JSON Schema cannot
     * say it. Kept here so that closing a gap (or a gap that is not one) shows up.
     */
    @Test
    void theKnownGapsAreExactlyWhereTheSchemaCannotHold(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("words.txt"), "scam\n");
        Schema schema = validator();
        int n = 0;
        for (Map.Entry<String, String> gap : SchemaCorpus.GAPS.entrySet()) {
            String text = "version: 1\n" + gap.getKey();
            assertThat(schemaErrors(schema, text)).as("schema accepts (" + gap.getValue() + "): " + gap.getKey()).isEmpty();
            assertThat(validates(dir, "gap-" + n++ + ".yaml", text)).as("validate rejects: " + gap.getKey()).isFalse();
        }
    }

    private static boolean validates(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return RuleChecker.validate(List.of(file)).diagnostics().stream().noneMatch(Diagnostic::isError);
    }

    static void collectPropertyNames(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("properties") && e.getValue().isObject()) {
                    e.getValue().fieldNames().forEachRemaining(names::add);
                }
                collectPropertyNames(e.getValue(), names);
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectPropertyNames(item, names));
        }
    }

    private static void collectUndescribed(JsonNode node, String at, List<String> missing) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    if (!property.getValue().has("description")) {
                        missing.add(at + "/" + property.getKey());
                    }
                }
            }
            JsonNode additional = node.get("additionalProperties");
            if (additional != null && additional.isObject() && !additional.has("description")) {
                missing.add(at + "/additionalProperties");
            }
            node.properties().forEach(e -> collectUndescribed(e.getValue(), at + "/" + e.getKey(), missing));
        } else if (node.isArray()) {
            node.forEach(item -> collectUndescribed(item, at + "[]", missing));
        }
    }
}
