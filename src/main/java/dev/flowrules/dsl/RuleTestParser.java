package dev.flowrules.dsl;

import dev.flowrules.event.Message;
import dev.flowrules.event.PushNotification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads rule tests: {@code NAME.test.yaml} beside {@code NAME.yaml}, holding {@code tests:}, a list of
 * {@code {name, message, expect}}. See docs/rules.md, "Testing rules".
 */
public final class RuleTestParser {
    static final Set<String> FILE_KEYS = Set.of("tests");
    static final Set<String> CASE_KEYS = Set.of("name", "message", "expect");
    static final Set<String> MESSAGE_KEYS = Set.of("content", "content-type", "metadata", "sender.arn", "sender.name",
            "channel.arn", "sub-channel-id", "message-id", "persistence", "push", "attributes");
    static final Set<String> EXPECT_KEYS = Set.of("outcome", "rules", "content", "content-type", "metadata", "push",
            "attributes");
    static final Set<String> PUSH_KEYS = Set.of("title", "body", "type");
    static final Set<String> OUTCOMES = Set.of("DENY", "UPDATE", "NO_CHANGE");
    static final String DEFAULT_CHANNEL = "arn:aws:chime:us-east-1:111122223333:app-instance/test/channel/test";

    private final String file;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private RuleTestParser(String file) {
        this.file = file;
    }

    /**
     * What a test file holds.
     *
     * @param cases the examples that could be read
     * @param diagnostics an error for each part of the file that could not
     */
    public record Result(List<RuleTestCase> cases, List<Diagnostic> diagnostics) {
    }

    /**
     * Reads a {@code *.test.yaml} file. Never throws for bad input: an unreadable file is an FR016 error.
     *
     * @param path the test file
     * @return its examples and problems
     */
    public static Result parse(Path path) {
        String shown = RuleLoader.displayName(path);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            return new Result(List.of(), List.of(Diagnostic.error(DiagnosticCode.FR016, new SourcePos(shown, 1, 1),
                    "the test file cannot be read (" + e + ")", "check the path and the file's permissions")));
        }
        YamlSource.Parsed parsed = YamlSource.parse(shown, bytes);
        if (parsed.problem() != null) {
            return new Result(List.of(), List.of(parsed.problem()));
        }
        RuleTestParser parser = new RuleTestParser(shown);
        List<RuleTestCase> cases = parser.file(parsed.root());
        return new Result(cases, parser.diagnostics);
    }

    /**
     * Where a rule file's tests are: {@code rules/a.yaml} has its tests in {@code rules/a.test.yaml}.
     *
     * @param ruleFile a {@code .yaml} or {@code .yml} rule file
     * @return the sibling test file, which may not exist
     */
    public static Path testFileFor(Path ruleFile) {
        String name = ruleFile.getFileName().toString();
        String base = name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name.substring(0, name.length() - 4);
        return ruleFile.resolveSibling(base + ".test.yaml");
    }

    /**
     * Whether a file holds rule tests rather than rules, by its name.
     *
     * @param path a file
     * @return true for {@code *.test.yaml} and {@code *.test.yml}
     */
    public static boolean isTestFile(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".test.yaml") || name.endsWith(".test.yml");
    }

    private List<RuleTestCase> file(Node root) {
        Map<String, NodeTuple> keys = mapping(root, "the test file", FILE_KEYS);
        if (keys == null) {
            return List.of();
        }
        NodeTuple tests = keys.get("tests");
        if (tests == null || !(tests.getValueNode() instanceof SequenceNode list) || list.getValue().isEmpty()) {
            error(root, "the test file has no 'tests' list", "add 'tests:' followed by examples, each starting with '- name: ...'");
            return List.of();
        }
        List<RuleTestCase> cases = new ArrayList<>();
        for (Node item : list.getValue()) {
            RuleTestCase testCase = testCase(item);
            if (testCase != null) {
                cases.add(testCase);
            }
        }
        return cases;
    }

    private RuleTestCase testCase(Node node) {
        Map<String, NodeTuple> keys = mapping(node, "a rule test", CASE_KEYS);
        if (keys == null) {
            return null;
        }
        String name = keys.containsKey("name") ? text(keys.get("name").getValueNode(), "'name'") : null;
        if (name == null) {
            error(node, "the test has no 'name'", "give every test a name that says what it checks");
            return null;
        }
        if (!keys.containsKey("message") || !keys.containsKey("expect")) {
            error(node, "the test '" + name + "' needs a 'message' and an 'expect'",
                    "e.g. 'message: {content: hello}' and 'expect: {outcome: NO_CHANGE}'");
            return null;
        }
        Message message = message(keys.get("message").getValueNode());
        RuleTestCase.Expectation expect = expectation(keys.get("expect").getValueNode());
        return message == null || expect == null ? null : new RuleTestCase(name, pos(node), message, expect);
    }

    private Message message(Node node) {
        Map<String, NodeTuple> keys = mapping(node, "'message'", MESSAGE_KEYS);
        if (keys == null) {
            return null;
        }
        PushNotification push = keys.containsKey("push") ? push(keys.get("push").getValueNode()) : PushNotification.NONE;
        Map<String, List<String>> attributes = keys.containsKey("attributes")
                ? attributes(keys.get("attributes").getValueNode()) : Map.of();
        if (push == null || attributes == null) {
            return null;
        }
        return new Message(
                value(keys, "message-id", "test-message"),
                value(keys, "channel.arn", DEFAULT_CHANNEL),
                value(keys, "content", null),
                value(keys, "content-type", null),
                value(keys, "metadata", null),
                value(keys, "sender.arn", null),
                value(keys, "sender.name", null),
                value(keys, "sub-channel-id", null),
                "STANDARD",
                value(keys, "persistence", "PERSISTENT"),
                push, attributes);
    }

    private RuleTestCase.Expectation expectation(Node node) {
        Map<String, NodeTuple> keys = mapping(node, "'expect'", EXPECT_KEYS);
        if (keys == null) {
            return null;
        }
        if (keys.isEmpty()) {
            error(node, "'expect' checks nothing", "say at least the outcome: DENY, UPDATE or NO_CHANGE");
            return null;
        }
        String outcome = value(keys, "outcome", null);
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            error(keys.get("outcome").getValueNode(), "the outcome must be DENY, UPDATE or NO_CHANGE, not '" + outcome + "'",
                    Suggest.closest(outcome, OUTCOMES).map(s -> "did you mean '" + s + "'?").orElse("write it in capitals"));
            return null;
        }
        List<String> rules = keys.containsKey("rules") ? list(keys.get("rules").getValueNode(), "'rules'") : null;
        PushNotification push = keys.containsKey("push") ? push(keys.get("push").getValueNode()) : null;
        Map<String, List<String>> attributes = keys.containsKey("attributes") ? attributes(keys.get("attributes").getValueNode()) : null;
        return new RuleTestCase.Expectation(outcome, rules, value(keys, "content", null), value(keys, "content-type", null),
                value(keys, "metadata", null), push == null ? null : push.title(), push == null ? null : push.body(),
                push == null ? null : push.type(), attributes);
    }

    private PushNotification push(Node node) {
        Map<String, NodeTuple> keys = mapping(node, "'push'", PUSH_KEYS);
        return keys == null ? null : new PushNotification(value(keys, "title", null), value(keys, "body", null), value(keys, "type", null));
    }

    private Map<String, List<String>> attributes(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            error(node, "'attributes' must be a mapping of names to values", "e.g. 'attributes: {priority: \"5\"}'");
            return null;
        }
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String name = text(tuple.getKeyNode(), "an attribute name");
            Node value = tuple.getValueNode();
            List<String> values = isNull(value) ? List.of() : value instanceof SequenceNode ? list(value, "'" + name + "'")
                    : List.of(String.valueOf(text(value, "'" + name + "'")));
            if (name == null || values == null) {
                return null;
            }
            attributes.put(name, values);
        }
        return attributes;
    }

    private String value(Map<String, NodeTuple> keys, String key, String fallback) {
        NodeTuple tuple = keys.get(key);
        return tuple == null ? fallback : text(tuple.getValueNode(), "'" + key + "'");
    }

    private List<String> list(Node node, String what) {
        if (!(node instanceof SequenceNode sequence)) {
            error(node, what + " must be a list", "e.g. [first, second]");
            return null;
        }
        List<String> values = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            String value = text(item, "an entry of " + what);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    private String text(Node node, String what) {
        if (node instanceof ScalarNode scalar && !isNull(node)) {
            return scalar.getValue();
        }
        error(node, what + " must be text", "write a value after the ':'");
        return null;
    }

    private Map<String, NodeTuple> mapping(Node node, String what, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            error(node, what + " must be a mapping ('key: value' lines)", "check the indentation");
            return null;
        }
        Map<String, NodeTuple> keys = new LinkedHashMap<>();
        boolean failed = false;
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (key == null || !allowed.contains(key)) {
                String hint = key == null ? "write keys as plain text"
                        : Suggest.closest(key, allowed).map(s -> "did you mean '" + s + "'?")
                        .orElse("allowed here: " + String.join(", ", allowed.stream().sorted().toList()));
                error(tuple.getKeyNode(), "unknown key '" + key + "' in " + what, hint);
                failed = true;
            } else if (keys.put(key, tuple) != null) {
                error(tuple.getKeyNode(), "'" + key + "' appears twice", "keep one of them");
                failed = true;
            }
        }
        return failed ? null : keys;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    private SourcePos pos(Node node) {
        return SourcePos.of(file, node.getStartMark());
    }

    private void error(Node node, String message, String hint) {
        diagnostics.add(Diagnostic.error(DiagnosticCode.FR030, pos(node), message, hint));
    }
}
