package dev.flowrules.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a rule's {@code when}: combinators, fields with their tests, attributes and bot-message selectors. The
 * tests themselves are looked up by name in {@link Operator#KEYWORDS}.
 */
final class ConditionParser {
    static final Set<String> COMBINATORS = Set.of("all", "any", "not");
    static final String BOT_MESSAGE = "bot-message";
    private static final Map<String, TestKeyword> TESTS = byName();
    /** The keys allowed beside a field's tests: the tests and the two options. */
    static final Set<String> TEST_KEYS = withKeys(TESTS.keySet(), "ignore-case", "values");
    static final Set<String> BOT_SELECTOR_KEYS = withKeys(BotPart.keys(), "index");

    private final YamlReads in;

    ConditionParser(YamlReads in) {
        this.in = in;
    }

    private static Map<String, TestKeyword> byName() {
        Map<String, TestKeyword> byName = new LinkedHashMap<>();
        for (TestKeyword keyword : Operator.KEYWORDS) {
            if (byName.put(keyword.name(), keyword) != null) {
                throw new IllegalStateException("test keyword '" + keyword.name() + "' is declared twice");
            }
        }
        return byName;
    }

    /** The selector keys plus some of an action's own. */
    static Set<String> withSelectorKeys(String... extra) {
        return withKeys(BOT_SELECTOR_KEYS, extra);
    }

    private static Set<String> withKeys(java.util.Collection<String> keys, String... extra) {
        Set<String> all = new LinkedHashSet<>(keys);
        all.addAll(List.of(extra));
        return Set.copyOf(all);
    }

    Condition condition(Node node, int depth) {
        if (node instanceof ScalarNode scalar && "always".equals(scalar.getValue())) {
            return new Condition.Always(in.pos(node));
        }
        if (node instanceof SequenceNode) {
            in.wrongType(node, "a condition", "a mapping",
                    "to require several conditions write 'all:' (or 'any:') followed by the list");
            return null;
        }
        if (!(node instanceof MappingNode mapping)) {
            in.wrongType(node, "a condition", "a mapping such as 'content: {contains: refund}'",
                    "write 'when: always' to match every message");
            return null;
        }
        if (mapping.getValue().isEmpty()) {
            in.error(DiagnosticCode.FR004, in.pos(node), "the condition is empty",
                    "name a field to test, e.g. 'content: {contains: refund}'");
            return null;
        }
        List<Condition> parts = new ArrayList<>();
        boolean failed = false;
        Set<String> seen = new LinkedHashSet<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = in.keyText(tuple);
            if (key == null || !in.checkDuplicate(seen, key, tuple)) {
                failed = true;
                continue;
            }
            Condition part = part(key, tuple, depth);
            if (part == null) {
                failed = true;
            } else {
                parts.add(part);
            }
        }
        if (failed) {
            return null;
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.All(List.copyOf(parts), in.pos(node));
    }

    /** One key of a condition mapping: a combinator, {@code attributes}, {@code bot-message} or a field. */
    private Condition part(String key, NodeTuple tuple, int depth) {
        Node value = tuple.getValueNode();
        switch (key) {
            case "all", "any" -> {
                return group(key, tuple, depth);
            }
            case "not" -> {
                Condition inner = condition(value, depth + 1);
                return inner == null ? null : new Condition.Not(inner, in.pos(tuple.getKeyNode()));
            }
            case "attributes" -> {
                return attributes(tuple);
            }
            case BOT_MESSAGE -> {
                BotSelector selector = botSelector(value, "'bot-message'", BOT_SELECTOR_KEYS);
                return selector == null ? null : new Condition.BotMessage(selector, in.pos(tuple.getKeyNode()));
            }
            default -> {
                String metadataKey = Field.metadataKey(key);
                if (metadataKey != null) {
                    return metadataKey(metadataKey, tuple);
                }
                var field = Field.byKey(key);
                if (field.isEmpty() || field.get() == Field.ATTRIBUTE) {
                    unknownField(tuple.getKeyNode(), key);
                    return null;
                }
                return fieldTests(FieldRef.of(field.get()), tuple);
            }
        }
    }

    /** {@code metadata.KEY}: the key is the rest of the name, dots and all, since only top-level keys are read. */
    private Condition metadataKey(String key, NodeTuple tuple) {
        if (key.isEmpty()) {
            in.error(DiagnosticCode.FR006, in.pos(tuple.getKeyNode()), "'metadata.' needs the name of a metadata key after the dot",
                    "e.g. 'metadata.tier: gold' tests the key \"tier\" of JSON metadata; 'metadata' alone tests the whole text");
            return null;
        }
        return fieldTests(FieldRef.metadataKey(key), tuple);
    }

    private Condition group(String key, NodeTuple tuple, int depth) {
        Node value = tuple.getValueNode();
        if (!(value instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            in.wrongType(value, "'" + key + "'", "a non-empty list of conditions",
                    "write each condition on its own line starting with '- ', e.g. '- content: {contains: refund}'");
            return null;
        }
        List<Condition> children = new ArrayList<>();
        boolean failed = false;
        for (Node child : sequence.getValue()) {
            Condition condition = condition(child, depth + 1);
            if (condition == null) {
                failed = true;
            } else {
                children.add(condition);
            }
        }
        if (failed) {
            return null;
        }
        SourcePos at = in.pos(tuple.getKeyNode());
        return key.equals("all") ? new Condition.All(List.copyOf(children), at) : new Condition.Any(List.copyOf(children), at);
    }

    private Condition attributes(NodeTuple tuple) {
        Node value = tuple.getValueNode();
        if (!(value instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
            in.wrongType(value, "'attributes'", "a mapping of attribute names to tests",
                    "e.g. 'attributes: {priority: {at-least: 3}}'");
            return null;
        }
        List<Condition> parts = new ArrayList<>();
        boolean failed = false;
        Set<String> seen = new LinkedHashSet<>();
        for (NodeTuple attribute : mapping.getValue()) {
            String name = in.keyText(attribute);
            if (name == null || !in.checkDuplicate(seen, name, attribute) || !in.validAttributeName(attribute.getKeyNode(), name)) {
                failed = true;
                continue;
            }
            Condition part = fieldTests(FieldRef.attribute(name), attribute);
            if (part == null) {
                failed = true;
            } else {
                parts.add(part);
            }
        }
        if (failed) {
            return null;
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.All(List.copyOf(parts), in.pos(tuple.getKeyNode()));
    }

    private Condition fieldTests(FieldRef field, NodeTuple tuple) {
        boolean multiValued = field.field() == Field.ATTRIBUTE || field.field() == Field.BOT_TEXT
                || field.field() == Field.BOT_MESSAGE_TYPE || field.field() == Field.LINKS_HOST;
        TestList tests = testList(field.display(), tuple.getValueNode(), multiValued);
        return tests == null ? null
                : new Condition.FieldTests(field, tests.tests(), tests.allValues(), in.pos(tuple.getKeyNode()));
    }

    private record TestList(List<Operator> tests, boolean allValues) {
    }

    /** The tests on one field or part: a plain value (short for equals) or a mapping of tests. */
    private TestList testList(String display, Node value, boolean multiValued) {
        if (value instanceof ScalarNode && !YamlReads.isNull(value)) {
            String expected = in.string(value, "the value of '" + display + "'");
            return expected == null ? null : new TestList(List.of(new Operator.Equals(expected, false, in.pos(value))), false);
        }
        if (!(value instanceof MappingNode mapping)) {
            in.wrongType(value, "the test on '" + display + "'", "a value or a mapping of tests",
                    value instanceof SequenceNode ? "to accept any of several values write 'one-of: [a, b]'"
                            : "e.g. '" + display + ": {contains: refund}'");
            return null;
        }
        Map<String, NodeTuple> keys = in.mapping(value, "the test on '" + display + "'", TEST_KEYS);
        if (keys == null) {
            return null;
        }
        boolean ignoreCase = in.ignoreCase(keys);
        NodeTuple ignoreCaseKey = keys.get("ignore-case");
        if (ignoreCaseKey != null) {
            if (keys.keySet().stream().noneMatch(k -> TESTS.containsKey(k) && TESTS.get(k).takesIgnoreCase())) {
                in.error(DiagnosticCode.FR013, in.pos(ignoreCaseKey.getKeyNode()),
                        "'ignore-case' has no effect on these tests",
                        "it applies to " + caseSensitiveTests() + "; contains-word always ignores case");
            }
        }
        boolean allValues = false;
        NodeTuple valuesKey = keys.get("values");
        if (valuesKey != null) {
            String mode = in.string(valuesKey.getValueNode(), "'values'");
            if (!multiValued) {
                in.error(DiagnosticCode.FR013, in.pos(valuesKey.getKeyNode()), "'values' applies only to fields with several values",
                        "remove it: '" + display + "' has a single value");
            } else if ("all".equals(mode)) {
                allValues = true;
            } else if (mode != null && !"any".equals(mode)) {
                in.error(DiagnosticCode.FR013, in.pos(valuesKey.getValueNode()), "'values' must be 'any' or 'all', not '" + mode + "'",
                        "'any' (the default): one value passing is enough; 'all': every value must pass");
            }
        }
        List<Operator> tests = new ArrayList<>();
        boolean failed = false;
        for (NodeTuple entry : mapping.getValue()) {
            TestKeyword keyword = TESTS.get(YamlReads.scalarText(entry.getKeyNode()));
            if (keyword == null || !keys.containsKey(keyword.name())) {
                continue; // an option, or a key already reported
            }
            Operator test = keyword.read(in, entry.getValueNode(), in.pos(entry.getKeyNode()), ignoreCase);
            if (test == null) {
                failed = true;
            } else {
                tests.add(test);
            }
        }
        if (tests.isEmpty() && !failed) {
            in.error(DiagnosticCode.FR004, in.pos(value), "no test given for '" + display + "'",
                    "add one, e.g. 'contains: refund' or 'exists: true'");
            return null;
        }
        return failed ? null : new TestList(List.copyOf(tests), allValues);
    }

    /** "equals, one-of, ... and regex", from the keywords that take ignore-case. */
    private static String caseSensitiveTests() {
        List<String> names = Operator.KEYWORDS.stream().filter(TestKeyword::takesIgnoreCase).map(TestKeyword::name).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** {@code index} plus tests on parts of a bot message; the keys outside the selector are the caller's. */
    BotSelector botSelector(Node value, String what, Set<String> allowed) {
        if (YamlReads.isNull(value)) {
            return new BotSelector(null, List.of(), in.pos(value));
        }
        Map<String, NodeTuple> keys = in.mapping(value, what, allowed);
        if (keys == null) {
            return null;
        }
        Integer index = null;
        boolean failed = false;
        NodeTuple indexKey = keys.get("index");
        if (indexKey != null) {
            String text = YamlReads.scalarText(indexKey.getValueNode());
            if ("last".equals(text)) {
                index = BotSelector.LAST;
            } else {
                Long n = text != null && !text.isEmpty() && text.length() <= 4
                        && text.chars().allMatch(c -> c >= '0' && c <= '9') ? Long.valueOf(text) : null;
                if (n == null || n < 1) {
                    in.wrongType(indexKey.getValueNode(), "'index'", "a message number from 1, or 'last'",
                            "the bot's first message is 'index: 1'");
                    failed = true;
                } else {
                    index = n.intValue();
                }
            }
        }
        List<BotSelector.PartTests> parts = new ArrayList<>();
        for (Map.Entry<String, NodeTuple> entry : keys.entrySet()) {
            var part = BotPart.byKey(entry.getKey());
            if (part.isEmpty()) {
                continue;
            }
            boolean multiValued = part.get() == BotPart.BUTTON || part.get() == BotPart.BUTTON_VALUE;
            TestList tests = testList(entry.getKey(), entry.getValue().getValueNode(), multiValued);
            if (tests == null) {
                failed = true;
            } else {
                parts.add(new BotSelector.PartTests(part.get(), tests.tests(), in.pos(entry.getValue().getKeyNode())));
            }
        }
        return failed ? null : new BotSelector(index, List.copyOf(parts), in.pos(value));
    }

    /** {@code metdata.tier} or {@code Metadata.tier}: the metadata key meant, when the part before the dot is close. */
    static java.util.Optional<String> metadataTypo(String name) {
        int dot = name.indexOf('.');
        String prefix = dot > 0 ? name.substring(0, dot + 1) : null;
        if (prefix == null || prefix.equals(Field.METADATA_PREFIX) || dot == name.length() - 1
                || Field.keys().stream().anyMatch(k -> k.startsWith(prefix))
                || Suggest.closest(prefix, List.of(Field.METADATA_PREFIX)).isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Field.METADATA_PREFIX + name.substring(dot + 1));
    }

    private void unknownField(Node node, String key) {
        List<String> known = new ArrayList<>(Field.keys());
        known.addAll(COMBINATORS);
        known.add(BOT_MESSAGE);
        var suggestion = Suggest.closest(key, known);
        String hint;
        var metadataKey = metadataTypo(key);
        if (metadataKey.isPresent()) {
            hint = "did you mean '" + metadataKey.get() + "'?";
        } else if (suggestion.isPresent()) {
            hint = "did you mean '" + suggestion.get() + "'?";
        } else if (TEST_KEYS.contains(key)) {
            hint = "'" + key + "' is a test: put it under a field, e.g. 'content: {" + key + ": ...}'";
        } else if (key.startsWith("attributes.") || key.startsWith("attribute.")) {
            hint = "test an attribute with 'attributes: {" + key.substring(key.indexOf('.') + 1) + ": ...}'";
        } else {
            hint = "fields: " + String.join(", ", Field.keys()) + ", " + Field.METADATA_KEY.key() + "; combinators: all, any, not";
        }
        in.error(DiagnosticCode.FR006, in.pos(node), "unknown field '" + key + "'", hint);
    }
}
