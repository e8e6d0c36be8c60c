package dev.flowrules.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** docs/schema/rules.schema.json stays in step with the loader: same keywords, and every example validates. */
class SchemaTest {
    static final Path SCHEMA = Path.of("docs/schema/rules.schema.json");

    static JsonNode schema() throws IOException {
        return JsonNode.parser().parse(Files.readString(SCHEMA));
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

    @Test
    void everyExampleRuleFileValidates() throws IOException {
        JsonNode schema = schema();
        try (Stream<Path> files = Files.list(Path.of("rules-examples"))) {
            List<Path> ruleFiles = files.filter(p -> p.toString().endsWith(".yaml") && !RuleTestParser.isTestFile(p)).sorted().toList();
            assertThat(ruleFiles).isNotEmpty();
            for (Path file : ruleFiles) {
                List<String> problems = new ArrayList<>();
                validate(schema, schema, yaml(Files.readString(file)), "$", problems);
                assertThat(problems).as(file.toString()).isEmpty();
            }
        }
    }

    @Test
    void theSchemaRejectsWhatTheLoaderRejects() throws IOException {
        JsonNode schema = schema();
        for (String bad : List.of(
                "version: 1\nrules: [{id: r, wehn: always, then: [deny]}]",
                "version: 1\nrules: [{id: r, when: {contnet: x}, then: [deny]}]",
                "version: 1\nrules: [{id: r, when: {content: {containz: x}}, then: [deny]}]",
                "version: 1\nrules: [{id: r, when: always, then: [{set-push: {type: LOUD}}]}]",
                "version: 2\nrules: [{id: r, when: always, then: [deny]}]")) {
            List<String> problems = new ArrayList<>();
            validate(schema, schema, yaml(bad), "$", problems);
            assertThat(problems).as(bad).isNotEmpty();
            assertThat(RuleLoader.parse("bad.yaml", bad.getBytes(java.nio.charset.StandardCharsets.UTF_8), null).hasErrors()).isTrue();
        }
    }

    static Object yaml(String text) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    static void collectPropertyNames(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            node.asObject().forEach((key, value) -> {
                if (key.equals("properties") && value.isObject()) {
                    names.addAll(value.asObject().keySet());
                }
                collectPropertyNames(value, names);
            });
        } else if (node.isArray()) {
            node.asArray().forEach(item -> collectPropertyNames(item, names));
        }
    }

    /** The subset of JSON Schema draft-07 the schema uses; enough to tell a valid document from an invalid one. */
    static void validate(JsonNode root, JsonNode schema, Object value, String at, List<String> problems) {
        Map<String, JsonNode> s = schema.asObject();
        if (s.containsKey("$ref")) {
            String name = s.get("$ref").asString().substring("#/definitions/".length());
            validate(root, root.field("definitions").get().field(name).get(), value, at, problems);
            return;
        }
        if (s.containsKey("oneOf") || s.containsKey("anyOf")) {
            List<JsonNode> options = (s.containsKey("oneOf") ? s.get("oneOf") : s.get("anyOf")).asArray();
            long passing = options.stream().filter(option -> {
                List<String> sub = new ArrayList<>();
                validate(root, option, value, at, sub);
                return sub.isEmpty();
            }).count();
            if (passing == 0 || (s.containsKey("oneOf") && passing > 1)) {
                problems.add(at + ": matches " + passing + " of the alternatives");
            }
            return;
        }
        if (s.containsKey("enum")) {
            boolean found = s.get("enum").asArray().stream().anyMatch(option -> same(option, value));
            if (!found) {
                problems.add(at + ": " + value + " is not one of " + s.get("enum").asArray().stream().map(JsonNode::text).toList());
            }
            return;
        }
        if (s.containsKey("type") && !typeMatches(s.get("type"), value)) {
            problems.add(at + ": wrong type " + (value == null ? "null" : value.getClass().getSimpleName()));
            return;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, JsonNode> properties = s.containsKey("properties") ? s.get("properties").asObject() : Map.of();
            for (JsonNode required : s.getOrDefault("required", JsonNode.parser().parse("[]")).asArray()) {
                if (!map.containsKey(required.asString())) {
                    problems.add(at + ": missing " + required.asString());
                }
            }
            if (s.containsKey("minProperties") && map.size() < Integer.parseInt(s.get("minProperties").asNumber())) {
                problems.add(at + ": too few properties");
            }
            if (s.containsKey("maxProperties") && map.size() > Integer.parseInt(s.get("maxProperties").asNumber())) {
                problems.add(at + ": too many properties");
            }
            map.forEach((key, item) -> {
                JsonNode property = properties.get(String.valueOf(key));
                if (property != null) {
                    validate(root, property, item, at + "." + key, problems);
                } else if (s.containsKey("additionalProperties")) {
                    JsonNode additional = s.get("additionalProperties");
                    if (additional.isBoolean() && !additional.asBoolean()) {
                        problems.add(at + ": unknown key " + key);
                    } else if (additional.isObject()) {
                        validate(root, additional, item, at + "." + key, problems);
                    }
                }
            });
        }
        if (value instanceof List<?> list) {
            if (s.containsKey("minItems") && list.size() < Integer.parseInt(s.get("minItems").asNumber())) {
                problems.add(at + ": too few items");
            }
            if (s.containsKey("items")) {
                for (int i = 0; i < list.size(); i++) {
                    validate(root, s.get("items"), list.get(i), at + "[" + i + "]", problems);
                }
            }
        }
        if (value instanceof String text && s.containsKey("maxLength") && text.length() > Integer.parseInt(s.get("maxLength").asNumber())) {
            problems.add(at + ": too long");
        }
    }

    private static boolean typeMatches(JsonNode type, Object value) {
        List<JsonNode> types = type.isArray() ? type.asArray() : List.of(type);
        return types.stream().map(JsonNode::asString).anyMatch(t -> switch (t) {
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Integer || value instanceof Long;
            case "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            case "null" -> value == null;
            default -> false;
        });
    }

    private static boolean same(JsonNode option, Object value) {
        if (option.isString()) {
            return option.asString().equals(value);
        }
        if (option.isBoolean()) {
            return Boolean.valueOf(option.asBoolean()).equals(value);
        }
        if (option.isNumber()) {
            return value instanceof Number n && option.asNumber().equals(String.valueOf(n));
        }
        return false;
    }
}
