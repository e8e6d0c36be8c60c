package dev.flowrules.dsl;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.flowrules.limits.ServiceLimits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one rule file's node tree into the rule model. Every problem becomes a diagnostic and parsing goes on
 * with the next key, so one run reports everything; a part with an error is left out of the result.
 */
final class RuleFileParser {
    static final int SUPPORTED_VERSION = 1;

    static final Set<String> FILE_KEYS = Set.of("version", "description", "rules");
    static final Set<String> RULE_KEYS = Set.of("id", "description", "enabled", "when", "then");
    static final Set<String> COMBINATORS = Set.of("all", "any", "not");
    static final Set<String> TEST_KEYS = Set.of("equals", "one-of", "starts-with", "ends-with", "contains",
            "contains-word", "matches", "regex", "length-at-least", "length-at-most", "longer-than", "shorter-than",
            "greater-than", "less-than", "at-least", "at-most", "exists", "ignore-case", "values");
    static final Set<String> ACTION_KEYS = Set.of("deny", "replace-content", "rewrite", "redact", "set-metadata",
            "set-attributes", "remove-attributes", "set-push", "set-content-type", "stop", "bot-replace-message",
            "bot-drop-messages", "bot-append-message", "bot-to-plain-text");
    static final String BOT_MESSAGE = "bot-message";
    static final Set<String> BOT_SELECTOR_KEYS = botSelectorKeys();
    static final Set<String> BOT_REPLACE_KEYS = with(BOT_SELECTOR_KEYS, "with");
    static final Set<String> BOT_APPEND_KEYS = Set.of("with", "type");
    static final Set<String> REWRITE_KEYS = Set.of("regex", "with", "ignore-case");
    static final Set<String> PUSH_KEYS = Set.of("title", "body", "type");
    static final Set<String> WORD_SOURCE_KEYS = Set.of("file");
    private static final Set<String> CASE_SENSITIVE_TESTS = Set.of("equals", "one-of", "starts-with", "ends-with",
            "contains", "matches", "regex");

    private final String file;
    private final WordListReader lists;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<LoadResult.DeclaredId> declaredIds = new ArrayList<>();

    RuleFileParser(String file, java.nio.file.Path baseDir) {
        this.file = file;
        this.lists = new WordListReader(file, baseDir);
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    List<LoadResult.DeclaredId> declaredIds() {
        return declaredIds;
    }

    RuleFile parseFile(Node root) {
        if (root == null || isNull(root)) {
            error(DiagnosticCode.FR010, new SourcePos(file, 1, 1), "the rule file is empty",
                    "start it with 'version: 1' and a 'rules:' list; see docs/rules.md");
            return null;
        }
        Map<String, NodeTuple> keys = mapping(root, "the rule file", FILE_KEYS);
        if (keys == null) {
            return null;
        }
        Integer version = null;
        NodeTuple versionKey = keys.get("version");
        if (versionKey == null) {
            error(DiagnosticCode.FR004, pos(root), "the rule file has no 'version'",
                    "add 'version: 1' as the first line");
        } else {
            String text = scalarText(versionKey.getValueNode());
            if (!String.valueOf(SUPPORTED_VERSION).equals(text)) {
                error(DiagnosticCode.FR011, pos(versionKey.getValueNode()),
                        "unsupported format version '" + (text == null ? "(not a number)" : text) + "'",
                        "this engine reads 'version: " + SUPPORTED_VERSION + "'");
            } else {
                version = SUPPORTED_VERSION;
            }
        }
        NodeTuple rulesKey = keys.get("rules");
        if (rulesKey == null) {
            error(DiagnosticCode.FR010, pos(root), "the rule file has no 'rules' list",
                    "add 'rules:' followed by rules, each starting with '- id: ...'");
            return null;
        }
        Node rulesNode = rulesKey.getValueNode();
        if (isNull(rulesNode) || (rulesNode instanceof SequenceNode s && s.getValue().isEmpty())) {
            error(DiagnosticCode.FR010, pos(rulesKey.getKeyNode()), "the 'rules' list is empty",
                    "add at least one rule, starting with '- id: ...'");
            return null;
        }
        if (!(rulesNode instanceof SequenceNode sequence)) {
            wrongType(rulesNode, "'rules'", "a list of rules", "start each rule with '- id: ...' on its own line");
            return null;
        }
        if (sequence.getValue().size() > LoaderLimits.MAX_RULES_PER_FILE) {
            error(DiagnosticCode.FR017, pos(rulesNode), "the file has " + sequence.getValue().size()
                    + " rules; a file may hold at most " + LoaderLimits.MAX_RULES_PER_FILE, "split the rules over several files");
            return null;
        }
        List<RuleDef> rules = new ArrayList<>();
        for (Node ruleNode : sequence.getValue()) {
            RuleDef rule = parseRule(ruleNode);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return version == null ? null : new RuleFile(file, version, List.copyOf(rules), pos(root));
    }

    private RuleDef parseRule(Node node) {
        Map<String, NodeTuple> keys = mapping(node, "a rule", RULE_KEYS);
        if (keys == null) {
            return null;
        }
        String id = null;
        NodeTuple idKey = keys.get("id");
        if (idKey == null) {
            error(DiagnosticCode.FR004, pos(node), "the rule has no 'id'",
                    "give every rule a unique id, e.g. 'id: deny-profanity'");
        } else {
            id = string(idKey.getValueNode(), "'id'");
            if (id != null && !isValidRuleId(id)) {
                error(DiagnosticCode.FR013, pos(idKey.getValueNode()), "the rule id '" + id + "' is not a valid id",
                        "use up to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
                id = null;
            }
            if (id != null) {
                declaredIds.add(new LoadResult.DeclaredId(id, pos(node)));
            }
        }
        String description = null;
        NodeTuple descriptionKey = keys.get("description");
        if (descriptionKey != null) {
            description = string(descriptionKey.getValueNode(), "'description'");
        }
        boolean enabled = true;
        NodeTuple enabledKey = keys.get("enabled");
        if (enabledKey != null) {
            Boolean value = bool(enabledKey.getValueNode(), "'enabled'");
            enabled = value == null || value;
        }
        Condition when = null;
        NodeTuple whenKey = keys.get("when");
        if (whenKey == null) {
            error(DiagnosticCode.FR004, pos(node), "the rule" + named(id) + " has no 'when'",
                    "say which messages it applies to, e.g. 'when: {content: {contains: refund}}', or 'when: always'");
        } else {
            when = parseCondition(whenKey.getValueNode(), 0);
        }
        List<Action> then = null;
        NodeTuple thenKey = keys.get("then");
        if (thenKey == null) {
            error(DiagnosticCode.FR004, pos(node), "the rule" + named(id) + " has no 'then'",
                    "say what to do, e.g. 'then: [deny]'");
        } else {
            then = parseActions(thenKey.getValueNode());
        }
        if (id == null || when == null || then == null) {
            return null;
        }
        return new RuleDef(id, description, enabled, when, then, pos(node));
    }

    /** Up to 64 of letters, digits, '.', '_' and '-', starting with a letter or digit. */
    static boolean isValidRuleId(String id) {
        if (id.isEmpty() || id.length() > 64) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) {
                return false;
            }
        }
        return true;
    }

    private static String named(String id) {
        return id == null ? "" : " '" + id + "'";
    }

    // ---- conditions ----

    private Condition parseCondition(Node node, int depth) {
        if (node instanceof ScalarNode scalar && "always".equals(scalar.getValue())) {
            return new Condition.Always(pos(node));
        }
        if (node instanceof SequenceNode) {
            wrongType(node, "a condition", "a mapping",
                    "to require several conditions write 'all:' (or 'any:') followed by the list");
            return null;
        }
        if (!(node instanceof MappingNode mapping)) {
            wrongType(node, "a condition", "a mapping such as 'content: {contains: refund}'",
                    "write 'when: always' to match every message");
            return null;
        }
        if (mapping.getValue().isEmpty()) {
            error(DiagnosticCode.FR004, pos(node), "the condition is empty",
                    "name a field to test, e.g. 'content: {contains: refund}'");
            return null;
        }
        List<Condition> parts = new ArrayList<>();
        boolean failed = false;
        Set<String> seen = new LinkedHashSet<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = keyText(tuple);
            if (key == null || !checkDuplicate(seen, key, tuple)) {
                failed = true;
                continue;
            }
            Node value = tuple.getValueNode();
            Condition part;
            switch (key) {
                case "all", "any" -> part = parseGroup(key, tuple, depth);
                case "not" -> {
                    Condition inner = parseCondition(value, depth + 1);
                    part = inner == null ? null : new Condition.Not(inner, pos(tuple.getKeyNode()));
                }
                case "attributes" -> part = parseAttributes(tuple);
                case BOT_MESSAGE -> {
                    BotSelector selector = parseBotSelector(value, "'bot-message'", BOT_SELECTOR_KEYS);
                    part = selector == null ? null : new Condition.BotMessage(selector, pos(tuple.getKeyNode()));
                }
                default -> {
                    var field = Field.byKey(key);
                    if (field.isEmpty() || field.get() == Field.ATTRIBUTE) {
                        unknownField(tuple.getKeyNode(), key);
                        part = null;
                    } else {
                        part = parseFieldTests(FieldRef.of(field.get()), tuple);
                    }
                }
            }
            if (part == null) {
                failed = true;
            } else {
                parts.add(part);
            }
        }
        if (failed) {
            return null;
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.All(List.copyOf(parts), pos(node));
    }

    private Condition parseGroup(String key, NodeTuple tuple, int depth) {
        Node value = tuple.getValueNode();
        if (!(value instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            wrongType(value, "'" + key + "'", "a non-empty list of conditions",
                    "write each condition on its own line starting with '- ', e.g. '- content: {contains: refund}'");
            return null;
        }
        List<Condition> children = new ArrayList<>();
        boolean failed = false;
        for (Node child : sequence.getValue()) {
            Condition condition = parseCondition(child, depth + 1);
            if (condition == null) {
                failed = true;
            } else {
                children.add(condition);
            }
        }
        if (failed) {
            return null;
        }
        SourcePos at = pos(tuple.getKeyNode());
        return key.equals("all") ? new Condition.All(List.copyOf(children), at) : new Condition.Any(List.copyOf(children), at);
    }

    private Condition parseAttributes(NodeTuple tuple) {
        Node value = tuple.getValueNode();
        if (!(value instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
            wrongType(value, "'attributes'", "a mapping of attribute names to tests",
                    "e.g. 'attributes: {priority: {at-least: 3}}'");
            return null;
        }
        List<Condition> parts = new ArrayList<>();
        boolean failed = false;
        Set<String> seen = new LinkedHashSet<>();
        for (NodeTuple attribute : mapping.getValue()) {
            String name = keyText(attribute);
            if (name == null || !checkDuplicate(seen, name, attribute) || !validAttributeName(attribute.getKeyNode(), name)) {
                failed = true;
                continue;
            }
            Condition part = parseFieldTests(FieldRef.attribute(name), attribute);
            if (part == null) {
                failed = true;
            } else {
                parts.add(part);
            }
        }
        if (failed) {
            return null;
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.All(List.copyOf(parts), pos(tuple.getKeyNode()));
    }

    private boolean validAttributeName(Node node, String name) {
        if (name.isEmpty() || name.length() > ServiceLimits.ATTRIBUTE_NAME_MAX) {
            error(DiagnosticCode.FR014, pos(node), "the attribute name '" + abbreviate(name) + "' has " + name.length()
                    + " characters; the service allows 1 to " + ServiceLimits.ATTRIBUTE_NAME_MAX,
                    "use a shorter attribute name");
            return false;
        }
        return true;
    }

    private Condition parseFieldTests(FieldRef field, NodeTuple tuple) {
        boolean multiValued = field.field() == Field.ATTRIBUTE || field.field() == Field.BOT_TEXT
                || field.field() == Field.BOT_MESSAGE_TYPE;
        TestList tests = parseTestList(field.display(), tuple.getValueNode(), multiValued);
        return tests == null ? null
                : new Condition.FieldTests(field, tests.tests(), tests.allValues(), pos(tuple.getKeyNode()));
    }

    private record TestList(List<Operator> tests, boolean allValues) {
    }

    /** The tests on one field or part: a plain value (short for equals) or a mapping of tests. */
    private TestList parseTestList(String display, Node value, boolean multiValued) {
        if (value instanceof ScalarNode && !isNull(value)) {
            String expected = string(value, "the value of '" + display + "'");
            return expected == null ? null : new TestList(List.of(new Operator.Equals(expected, false, pos(value))), false);
        }
        if (!(value instanceof MappingNode mapping)) {
            wrongType(value, "the test on '" + display + "'", "a value or a mapping of tests",
                    value instanceof SequenceNode ? "to accept any of several values write 'one-of: [a, b]'"
                            : "e.g. '" + display + ": {contains: refund}'");
            return null;
        }
        Map<String, NodeTuple> keys = mapping(value, "the test on '" + display + "'", TEST_KEYS);
        if (keys == null) {
            return null;
        }
        boolean ignoreCase = false;
        NodeTuple ignoreCaseKey = keys.get("ignore-case");
        if (ignoreCaseKey != null) {
            Boolean flag = bool(ignoreCaseKey.getValueNode(), "'ignore-case'");
            ignoreCase = flag != null && flag;
            if (keys.keySet().stream().noneMatch(CASE_SENSITIVE_TESTS::contains)) {
                error(DiagnosticCode.FR013, pos(ignoreCaseKey.getKeyNode()),
                        "'ignore-case' has no effect on these tests",
                        "it applies to equals, one-of, starts-with, ends-with, contains, matches and regex; contains-word always ignores case");
            }
        }
        boolean allValues = false;
        NodeTuple valuesKey = keys.get("values");
        if (valuesKey != null) {
            String mode = string(valuesKey.getValueNode(), "'values'");
            if (!multiValued) {
                error(DiagnosticCode.FR013, pos(valuesKey.getKeyNode()), "'values' applies only to fields with several values",
                        "remove it: '" + display + "' has a single value");
            } else if ("all".equals(mode)) {
                allValues = true;
            } else if (mode != null && !"any".equals(mode)) {
                error(DiagnosticCode.FR013, pos(valuesKey.getValueNode()), "'values' must be 'any' or 'all', not '" + mode + "'",
                        "'any' (the default): one value passing is enough; 'all': every value must pass");
            }
        }
        List<Operator> tests = new ArrayList<>();
        boolean failed = false;
        for (NodeTuple entry : mapping.getValue()) {
            String key = scalarText(entry.getKeyNode());
            if (key == null || key.equals("ignore-case") || key.equals("values") || !keys.containsKey(key)) {
                continue;
            }
            Operator test = parseTest(key, entry, ignoreCase);
            if (test == null) {
                failed = true;
            } else {
                tests.add(test);
            }
        }
        if (tests.isEmpty() && !failed) {
            error(DiagnosticCode.FR004, pos(value), "no test given for '" + display + "'",
                    "add one, e.g. 'contains: refund' or 'exists: true'");
            return null;
        }
        return failed ? null : new TestList(List.copyOf(tests), allValues);
    }

    /** {@code index} plus tests on parts of a bot message; the keys outside the selector are the caller's. */
    private BotSelector parseBotSelector(Node value, String what, Set<String> allowed) {
        if (isNull(value)) {
            return new BotSelector(null, List.of(), pos(value));
        }
        Map<String, NodeTuple> keys = mapping(value, what, allowed);
        if (keys == null) {
            return null;
        }
        Integer index = null;
        boolean failed = false;
        NodeTuple indexKey = keys.get("index");
        if (indexKey != null) {
            String text = scalarText(indexKey.getValueNode());
            if ("last".equals(text)) {
                index = BotSelector.LAST;
            } else {
                Long n = text != null && !text.isEmpty() && text.length() <= 4
                        && text.chars().allMatch(c -> c >= '0' && c <= '9') ? Long.valueOf(text) : null;
                if (n == null || n < 1) {
                    wrongType(indexKey.getValueNode(), "'index'", "a message number from 1, or 'last'",
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
            TestList tests = parseTestList(entry.getKey(), entry.getValue().getValueNode(), multiValued);
            if (tests == null) {
                failed = true;
            } else {
                parts.add(new BotSelector.PartTests(part.get(), tests.tests(), pos(entry.getValue().getKeyNode())));
            }
        }
        return failed ? null : new BotSelector(index, List.copyOf(parts), pos(value));
    }

    private static Set<String> botSelectorKeys() {
        Set<String> keys = new LinkedHashSet<>(BotPart.keys());
        keys.add("index");
        return Set.copyOf(keys);
    }

    private static Set<String> with(Set<String> keys, String extra) {
        Set<String> all = new LinkedHashSet<>(keys);
        all.add(extra);
        return Set.copyOf(all);
    }

    private Operator parseTest(String key, NodeTuple tuple, boolean ignoreCase) {
        Node value = tuple.getValueNode();
        SourcePos at = pos(tuple.getKeyNode());
        String what = "'" + key + "'";
        return switch (key) {
            case "equals" -> map(string(value, what), v -> new Operator.Equals(v, ignoreCase, at));
            case "one-of" -> map(stringList(value, what, false), v -> new Operator.OneOf(v, ignoreCase, at));
            case "starts-with" -> map(nonEmptyString(value, what), v -> new Operator.StartsWith(v, ignoreCase, at));
            case "ends-with" -> map(nonEmptyString(value, what), v -> new Operator.EndsWith(v, ignoreCase, at));
            case "contains" -> map(nonEmptyString(value, what), v -> new Operator.Contains(v, ignoreCase, at));
            case "matches" -> map(nonEmptyString(value, what), v -> new Operator.Wildcard(v, ignoreCase, at));
            case "regex" -> map(regex(value, ignoreCase), v -> new Operator.Regex(v, ignoreCase, at));
            case "contains-word" -> parseWords(value, at);
            case "length-at-least" -> map(count(value, what), n -> new Operator.Length(Comparison.AT_LEAST, n, at));
            case "length-at-most" -> map(count(value, what), n -> new Operator.Length(Comparison.AT_MOST, n, at));
            case "longer-than" -> map(count(value, what), n -> new Operator.Length(Comparison.GREATER_THAN, n, at));
            case "shorter-than" -> map(count(value, what), n -> new Operator.Length(Comparison.LESS_THAN, n, at));
            case "greater-than" -> map(number(value, what), n -> new Operator.NumberCompare(Comparison.GREATER_THAN, n, at));
            case "at-least" -> map(number(value, what), n -> new Operator.NumberCompare(Comparison.AT_LEAST, n, at));
            case "less-than" -> map(number(value, what), n -> new Operator.NumberCompare(Comparison.LESS_THAN, n, at));
            case "at-most" -> map(number(value, what), n -> new Operator.NumberCompare(Comparison.AT_MOST, n, at));
            case "exists" -> map(bool(value, what), b -> new Operator.Exists(b, at));
            default -> null;
        };
    }

    private Operator parseWords(Node value, SourcePos at) {
        if (value instanceof SequenceNode) {
            List<String> words = stringList(value, "'contains-word'", true);
            if (words == null) {
                return null;
            }
            List<String> usable = new ArrayList<>();
            for (String word : words) {
                if (Words.entryWords(word).isEmpty()) {
                    error(DiagnosticCode.FR013, pos(value), "the word '" + abbreviate(word) + "' has no letters or digits, so it can never match",
                            "whole-word matching looks at letters and digits; use 'contains' to find punctuation");
                    return null;
                }
                usable.add(word);
            }
            return new Operator.ContainsWord(List.copyOf(usable), "inline list", at);
        }
        if (value instanceof MappingNode) {
            Map<String, NodeTuple> keys = mapping(value, "'contains-word'", WORD_SOURCE_KEYS);
            if (keys == null) {
                return null;
            }
            NodeTuple fileKey = keys.get("file");
            if (fileKey == null) {
                error(DiagnosticCode.FR004, pos(value), "'contains-word' needs a 'file' or an inline list",
                        "e.g. 'contains-word: {file: lists/banned.txt}' or 'contains-word: [spam, scam]'");
                return null;
            }
            String name = nonEmptyString(fileKey.getValueNode(), "'file'");
            if (name == null) {
                return null;
            }
            WordListReader.WordList list = lists.read(name, pos(fileKey.getValueNode()), diagnostics);
            return list == null ? null : new Operator.ContainsWord(list.words(), list.shownName(), at);
        }
        wrongType(value, "'contains-word'", "a list of words or '{file: NAME}'",
                "e.g. 'contains-word: [spam, scam]' or 'contains-word: {file: lists/banned.txt}'");
        return null;
    }

    private String regex(Node node, boolean ignoreCase) {
        String pattern = nonEmptyString(node, "'regex'");
        if (pattern == null) {
            return null;
        }
        return compiles(node, pattern, ignoreCase) == null ? null : pattern;
    }

    private Pattern compiles(Node node, String pattern, boolean ignoreCase) {
        if (pattern.length() > LoaderLimits.MAX_PATTERN_LENGTH) {
            error(DiagnosticCode.FR017, pos(node), "the regular expression has " + pattern.length()
                    + " characters; at most " + LoaderLimits.MAX_PATTERN_LENGTH + " are allowed",
                    "split it into several rules, or use 'contains-word' with a list file for long alternatives");
            return null;
        }
        try {
            return Pattern.compile(pattern, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            // re2j names the offending fragment rather than an index; find it to point at it.
            String fragment = e.getPattern();
            String description = e.getDescription() == null ? "" : e.getDescription();
            if ("stack underflow".equals(fragment)) {
                description = "unexpected )"; // re2j's wording for a ')' with no '(' before it
                fragment = pattern;
            }
            boolean whole = fragment == null || fragment.isEmpty() || fragment.equals(pattern);
            int index = whole ? unbalancedAt(pattern, description) : pattern.indexOf(fragment);
            String where = index >= 0 ? " at character " + (index + 1) : "";
            String shown = whole ? "'" + abbreviate(pattern) + "'"
                    : "'" + abbreviate(fragment) + "' in '" + abbreviate(pattern) + "'";
            error(DiagnosticCode.FR005, regexPosition(node, index), "invalid regular expression" + where + ": "
                            + description + " " + shown,
                    regexHint(description));
            return null;
        }
    }

    /** Where an unbalanced bracket is, for the errors re2j reports on the whole pattern; -1 when unknown. */
    static int unbalancedAt(String pattern, String description) {
        String d = description == null ? "" : description;
        char open = d.contains("missing closing ]") ? '[' : '(';
        char close = open == '[' ? ']' : ')';
        if (!d.contains("missing closing") && !d.contains("unexpected )")) {
            return -1;
        }
        java.util.ArrayDeque<Integer> opened = new java.util.ArrayDeque<>();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == open) {
                opened.push(i);
            } else if (c == close) {
                if (opened.isEmpty()) {
                    return i;
                }
                opened.pop();
            }
        }
        return opened.isEmpty() ? -1 : opened.peek();
    }

    /**
     * The column of the bad character when the scalar maps one to one onto the pattern (plain, or quoted
     * without escapes on one line); otherwise the start of the value.
     */
    private SourcePos regexPosition(Node node, int index) {
        SourcePos start = pos(node);
        if (index < 0 || !(node instanceof ScalarNode scalar) || node.getEndMark() == null
                || node.getEndMark().getLine() != node.getStartMark().getLine()) {
            return start;
        }
        int quote = scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN ? 0 : 1;
        int written = node.getEndMark().getColumn() - node.getStartMark().getColumn() - 2 * quote;
        return written == scalar.getValue().length()
                ? new SourcePos(start.file(), start.line(), start.column() + quote + index) : start;
    }

    private static String regexHint(String description) {
        String d = description == null ? "" : description.toLowerCase(Locale.ROOT);
        if (d.contains("perl") || d.contains("named capture") || d.contains("(?") || d.contains("lookahead") || d.contains("backreference")
                || d.contains("repetition operator")) {
            return "patterns use RE2 syntax: no look-ahead, look-behind or back-references; "
                    + "a literal '*', '+', '?', '(' or '[' needs a backslash";
        }
        if (d.contains("missing closing") || d.contains("unexpected )")) {
            return "every '(' needs a ')' and every '[' a ']'; escape them with a backslash to match them literally";
        }
        return "patterns use RE2 syntax (see docs/rules.md); escape special characters with a backslash";
    }

    // ---- actions ----

    private List<Action> parseActions(Node node) {
        List<Node> items;
        if (node instanceof SequenceNode sequence) {
            items = sequence.getValue();
        } else if (node instanceof ScalarNode || node instanceof MappingNode) {
            items = List.of(node);
        } else {
            wrongType(node, "'then'", "a list of actions", "e.g. 'then: [deny]'");
            return null;
        }
        if (items.isEmpty() || isNull(node)) {
            error(DiagnosticCode.FR004, pos(node), "'then' has no actions", "add one, e.g. '- deny'");
            return null;
        }
        List<Action> actions = new ArrayList<>();
        boolean failed = false;
        for (Node item : items) {
            Action action = parseAction(item);
            if (action == null) {
                failed = true;
            } else {
                actions.add(action);
            }
        }
        return failed ? null : List.copyOf(actions);
    }

    private Action parseAction(Node item) {
        if (item instanceof ScalarNode scalar && !isNull(item)) {
            String keyword = scalar.getValue();
            return switch (keyword) {
                case "deny" -> new Action.Deny(null, pos(item));
                case "stop" -> new Action.Stop(pos(item));
                default -> {
                    unknownAction(item, keyword);
                    yield null;
                }
            };
        }
        if (!(item instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
            wrongType(item, "an action", "an action such as 'deny' or 'set-push: {...}'",
                    "start each action with '- ' on its own line");
            return null;
        }
        if (mapping.getValue().size() > 1) {
            NodeTuple second = mapping.getValue().get(1);
            error(DiagnosticCode.FR013, pos(second.getKeyNode()), "one list item holds more than one action",
                    "start each action with its own '- ', e.g. '- set-metadata: ...' then '- stop'");
            return null;
        }
        NodeTuple tuple = mapping.getValue().get(0);
        String keyword = keyText(tuple);
        if (keyword == null) {
            return null;
        }
        Node value = tuple.getValueNode();
        SourcePos at = pos(tuple.getKeyNode());
        return switch (keyword) {
            case "deny" -> parseDeny(value, at);
            case "stop" -> {
                Boolean flag = bool(value, "'stop'");
                if (flag != null && !flag) {
                    error(DiagnosticCode.FR013, pos(value), "'stop: false' does nothing", "remove the line");
                }
                yield flag == null || !flag ? null : new Action.Stop(at);
            }
            case "replace-content" -> map(template(value, "'replace-content'", false, null, ServiceLimits.CONTENT_MAX_BYTES, true),
                    t -> new Action.ReplaceContent(t, at));
            case "rewrite", "redact" -> parseRewrite(keyword, value, at);
            case "set-metadata" -> map(template(value, "'set-metadata'", false, null, ServiceLimits.METADATA_MAX, false),
                    t -> new Action.SetMetadata(t, at));
            case "set-attributes" -> parseSetAttributes(value, at);
            case "remove-attributes" -> parseRemoveAttributes(value, at);
            case "set-push" -> parseSetPush(value, at);
            case "bot-replace-message" -> parseBotReplace(value, at);
            case "bot-drop-messages" -> {
                BotSelector selector = parseBotSelector(value, "'bot-drop-messages'", BOT_SELECTOR_KEYS);
                if (selector != null && selector.index() == null && selector.parts().isEmpty()) {
                    error(DiagnosticCode.FR013, pos(value), "'bot-drop-messages' selects every message",
                            "say which messages to drop, e.g. '{type: CustomPayload}' or '{index: 2}'; to drop the whole answer use 'deny'");
                    yield null;
                }
                yield selector == null ? null : new Action.BotDropMessages(selector, at);
            }
            case "bot-append-message" -> parseBotAppend(value, at);
            case "bot-to-plain-text" -> map(template(value, "'bot-to-plain-text'", false, null, ServiceLimits.CONTENT_MAX_BYTES, true),
                    t -> new Action.BotToPlainText(t, at));
            case "set-content-type" -> {
                String type = nonEmptyString(value, "'set-content-type'");
                if (type != null && type.length() > ServiceLimits.CONTENT_TYPE_MAX) {
                    error(DiagnosticCode.FR014, pos(value), "the content type has " + type.length()
                            + " characters; the service allows at most " + ServiceLimits.CONTENT_TYPE_MAX,
                            "use a shorter content type, e.g. 'text/plain'");
                    yield null;
                }
                yield type == null ? null : new Action.SetContentType(type, at);
            }
            default -> {
                unknownAction(tuple.getKeyNode(), keyword);
                yield null;
            }
        };
    }

    private Action parseDeny(Node value, SourcePos at) {
        if (isNull(value)) {
            return new Action.Deny(null, at);
        }
        if (value instanceof ScalarNode scalar) {
            if (scalar.getTag().equals(Tag.BOOL)) {
                Boolean flag = bool(value, "'deny'");
                if (flag != null && !flag) {
                    error(DiagnosticCode.FR013, pos(value), "'deny: false' does nothing", "remove the line");
                    return null;
                }
                return flag == null ? null : new Action.Deny(null, at);
            }
            return map(string(value, "the deny reason"), reason -> new Action.Deny(reason, at));
        }
        wrongType(value, "'deny'", "a reason (text) or nothing", "e.g. '- deny: profanity'");
        return null;
    }

    private Action parseRewrite(String keyword, Node value, SourcePos at) {
        boolean redact = keyword.equals("redact");
        if (redact && value instanceof ScalarNode && !isNull(value)) {
            String pattern = regex(value, false);
            return pattern == null ? null : new Action.RewriteContent(keyword, pattern, false, null, at);
        }
        Map<String, NodeTuple> keys = mapping(value, "'" + keyword + "'", REWRITE_KEYS);
        if (keys == null) {
            return null;
        }
        NodeTuple regexKey = keys.get("regex");
        NodeTuple withKey = keys.get("with");
        if (regexKey == null) {
            error(DiagnosticCode.FR004, pos(value), "'" + keyword + "' needs a 'regex'",
                    "e.g. '" + keyword + ": {regex: \"\\\\d{12}\"" + (redact ? "" : ", with: \"[account]\"") + "}'");
            return null;
        }
        if (!redact && withKey == null) {
            error(DiagnosticCode.FR004, pos(value), "'rewrite' needs a 'with': the text each match becomes",
                    "e.g. 'with: \"[link removed]\"'; '$1' inserts the first group of the match");
            return null;
        }
        boolean ignoreCase = false;
        NodeTuple ignoreCaseKey = keys.get("ignore-case");
        if (ignoreCaseKey != null) {
            Boolean flag = bool(ignoreCaseKey.getValueNode(), "'ignore-case'");
            ignoreCase = flag != null && flag;
        }
        String pattern = nonEmptyString(regexKey.getValueNode(), "'regex'");
        Pattern compiled = pattern == null ? null : compiles(regexKey.getValueNode(), pattern, ignoreCase);
        if (compiled == null) {
            return null;
        }
        Template replacement = null;
        if (withKey != null) {
            replacement = template(withKey.getValueNode(), "'with'", true, compiled, ServiceLimits.CONTENT_MAX_BYTES, false);
            if (replacement == null) {
                return null;
            }
        }
        return new Action.RewriteContent(keyword, pattern, ignoreCase, replacement, at);
    }

    private Action parseBotReplace(Node value, SourcePos at) {
        BotSelector selector = parseBotSelector(value, "'bot-replace-message'", BOT_REPLACE_KEYS);
        if (selector == null) {
            return null;
        }
        NodeTuple with = value instanceof MappingNode mapping ? mapping.getValue().stream()
                .filter(t -> "with".equals(scalarText(t.getKeyNode()))).findFirst().orElse(null) : null;
        if (with == null) {
            error(DiagnosticCode.FR004, pos(value), "'bot-replace-message' needs 'with': the text of the new message",
                    "e.g. 'bot-replace-message: {index: 1, with: \"Let me get a person for you.\"}'");
            return null;
        }
        Template text = template(with.getValueNode(), "'with'", false, null, ServiceLimits.CONTENT_MAX_BYTES, true);
        return text == null ? null : new Action.BotReplaceMessage(selector, text, at);
    }

    private Action parseBotAppend(Node value, SourcePos at) {
        if (value instanceof ScalarNode) {
            Template text = template(value, "'bot-append-message'", false, null, ServiceLimits.CONTENT_MAX_BYTES, true);
            return text == null ? null : new Action.BotAppendMessage(text, "PlainText", at);
        }
        Map<String, NodeTuple> keys = mapping(value, "'bot-append-message'", BOT_APPEND_KEYS);
        if (keys == null) {
            return null;
        }
        if (!keys.containsKey("with")) {
            error(DiagnosticCode.FR004, pos(value), "'bot-append-message' needs 'with': the text of the new message",
                    "e.g. 'bot-append-message: {with: \"Anything else?\"}'");
            return null;
        }
        String type = "PlainText";
        if (keys.containsKey("type")) {
            Node typeNode = keys.get("type").getValueNode();
            type = string(typeNode, "the message type");
            if (type != null && !type.equals("PlainText") && !type.equals("SSML")) {
                error(DiagnosticCode.FR013, pos(typeNode), "an appended bot message is PlainText or SSML, not '" + type + "'",
                        Suggest.closest(type, List.of("PlainText", "SSML")).map(x -> "did you mean '" + x + "'?")
                                .orElse("write PlainText or SSML"));
                return null;
            }
        }
        Template text = template(keys.get("with").getValueNode(), "'with'", false, null, ServiceLimits.CONTENT_MAX_BYTES, true);
        return text == null || type == null ? null : new Action.BotAppendMessage(text, type, at);
    }

    private Action parseSetAttributes(Node value, SourcePos at) {
        if (!(value instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
            wrongType(value, "'set-attributes'", "a mapping of attribute names to values",
                    "e.g. 'set-attributes: {priority: \"5\", tags: [urgent, billing]}'");
            return null;
        }
        Map<String, List<Template>> attributes = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        boolean failed = false;
        for (NodeTuple tuple : mapping.getValue()) {
            String name = keyText(tuple);
            if (name == null || !checkDuplicate(seen, name, tuple) || !validAttributeName(tuple.getKeyNode(), name)) {
                failed = true;
                continue;
            }
            Node valuesNode = tuple.getValueNode();
            List<Node> valueNodes = valuesNode instanceof SequenceNode s ? s.getValue() : List.of(valuesNode);
            if (valueNodes.isEmpty()) {
                error(DiagnosticCode.FR013, pos(valuesNode), "the attribute '" + name + "' is given no value",
                        "give at least one value, or use 'remove-attributes' to remove it");
                failed = true;
                continue;
            }
            List<Template> templates = new ArrayList<>();
            for (Node valueNode : valueNodes) {
                Template template = template(valueNode, "the value of '" + name + "'", false, null,
                        ServiceLimits.ATTRIBUTE_VALUE_MAX, true);
                if (template == null) {
                    failed = true;
                } else {
                    templates.add(template);
                }
            }
            attributes.put(name, List.copyOf(templates));
        }
        if (failed) {
            return null;
        }
        Map<String, List<String>> literal = new LinkedHashMap<>();
        attributes.forEach((name, templates) -> literal.put(name, templates.stream().map(Template::source).toList()));
        if (attributes.values().stream().flatMap(List::stream).allMatch(Template::isLiteral)
                && ServiceLimits.attributesBytes(literal) > ServiceLimits.ATTRIBUTES_TOTAL_MAX_BYTES) {
            error(DiagnosticCode.FR014, pos(value), "these attributes take " + ServiceLimits.attributesBytes(literal)
                    + " bytes; a message's attributes may take at most " + ServiceLimits.ATTRIBUTES_TOTAL_MAX_BYTES + " bytes in all",
                    "use shorter names or values");
            return null;
        }
        return new Action.SetAttributes(java.util.Collections.unmodifiableMap(attributes), at);
    }

    private Action parseRemoveAttributes(Node value, SourcePos at) {
        List<String> names = value instanceof SequenceNode ? stringList(value, "'remove-attributes'", false)
                : map(nonEmptyString(value, "'remove-attributes'"), List::of);
        return names == null ? null : new Action.RemoveAttributes(names, at);
    }

    private Action parseSetPush(Node value, SourcePos at) {
        Map<String, NodeTuple> keys = mapping(value, "'set-push'", PUSH_KEYS);
        if (keys == null) {
            return null;
        }
        if (keys.isEmpty()) {
            error(DiagnosticCode.FR004, pos(value), "'set-push' sets nothing",
                    "give a 'title', a 'body' and/or a 'type' (DEFAULT or VOIP)");
            return null;
        }
        boolean failed = false;
        Template title = null;
        Template body = null;
        String type = null;
        if (keys.containsKey("title")) {
            title = template(keys.get("title").getValueNode(), "the push title", false, null, ServiceLimits.PUSH_TITLE_MAX, true);
            failed |= title == null;
        }
        if (keys.containsKey("body")) {
            body = template(keys.get("body").getValueNode(), "the push body", false, null, ServiceLimits.PUSH_BODY_MAX, true);
            failed |= body == null;
        }
        if (keys.containsKey("type")) {
            Node typeNode = keys.get("type").getValueNode();
            type = string(typeNode, "the push type");
            if (type != null && !type.equals("DEFAULT") && !type.equals("VOIP")) {
                var suggestion = Suggest.closest(type, List.of("DEFAULT", "VOIP"));
                error(DiagnosticCode.FR013, pos(typeNode), "the push type must be DEFAULT or VOIP, not '" + type + "'",
                        suggestion.map(s -> "did you mean '" + s + "'?").orElse("write DEFAULT or VOIP in capitals"));
                type = null;
            }
            failed |= type == null;
        }
        return failed ? null : new Action.SetPush(title, body, type, at);
    }

    // ---- templates ----

    /**
     * Parses a template. A literal that cannot fit ({@code limit} in UTF-16 units, or UTF-8 bytes for content)
     * is an error now rather than a cut later.
     */
    private Template template(Node node, String what, boolean groups, Pattern regex, int limit, boolean required) {
        String text = required ? nonEmptyString(node, what) : string(node, what);
        if (text == null) {
            return null;
        }
        TemplateParser.Result template = new TemplateParser(text, groups, regex).parse();
        if (template.error() != null) {
            error(DiagnosticCode.FR015, pos(node), "in " + what + ": " + template.error(), template.hint());
            return null;
        }
        Template parsed = template.template();
        if (parsed.isLiteral() && !groups) {
            int size = limit == ServiceLimits.CONTENT_MAX_BYTES ? ServiceLimits.utf8Length(text) : text.length();
            if (size > limit) {
                String unit = limit == ServiceLimits.CONTENT_MAX_BYTES ? " bytes" : " characters";
                error(DiagnosticCode.FR014, pos(node), what + " has " + size + unit + "; the service allows at most " + limit,
                        "shorten the text");
                return null;
            }
        }
        return parsed;
    }

    // ---- node helpers ----

    private Map<String, NodeTuple> mapping(Node node, String what, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            wrongType(node, what, "a mapping ('key: value' lines)", "check the indentation of the lines below this one");
            return null;
        }
        Map<String, NodeTuple> keys = new LinkedHashMap<>();
        boolean failed = false;
        for (NodeTuple tuple : mapping.getValue()) {
            String key = keyText(tuple);
            if (key == null) {
                failed = true;
                continue;
            }
            if (keys.containsKey(key)) {
                duplicateKey(key, tuple, keys.get(key));
                failed = true;
                continue;
            }
            if (!allowed.contains(key)) {
                unknownKey(tuple.getKeyNode(), key, what, allowed);
                failed = true;
                continue;
            }
            keys.put(key, tuple);
        }
        return failed ? null : keys;
    }

    private boolean checkDuplicate(Set<String> seen, String key, NodeTuple tuple) {
        if (!seen.add(key)) {
            error(DiagnosticCode.FR012, pos(tuple.getKeyNode()), "'" + key + "' appears twice in the same mapping",
                    "keep one of them; YAML would silently use only the last one");
            return false;
        }
        return true;
    }

    private void duplicateKey(String key, NodeTuple tuple, NodeTuple first) {
        SourcePos firstPos = pos(first.getKeyNode());
        error(DiagnosticCode.FR012, pos(tuple.getKeyNode()), "'" + key + "' appears twice (first at line " + firstPos.line() + ")",
                "keep one of them; YAML would silently use only the last one");
    }

    private String keyText(NodeTuple tuple) {
        Node key = tuple.getKeyNode();
        if (key instanceof ScalarNode scalar && !isNull(key)) {
            return scalar.getValue();
        }
        error(DiagnosticCode.FR003, pos(key), "a key must be plain text", "write keys as 'name: value'");
        return null;
    }

    private void unknownKey(Node node, String key, String what, Set<String> allowed) {
        List<String> known = allowed.stream().sorted().toList();
        var suggestion = Suggest.closest(key, known);
        String hint = suggestion.map(s -> "did you mean '" + s + "'?")
                .orElse("allowed here: " + String.join(", ", known));
        if (what.startsWith("the test on")) {
            if (suggestion.isEmpty() && (Field.byKey(key).isPresent() || COMBINATORS.contains(key))) {
                hint = "'" + key + "' is not a test: conditions on other fields go beside this one, or under 'all:'";
            }
            error(DiagnosticCode.FR007, pos(node), "unknown test '" + key + "' in " + what, hint);
            return;
        }
        error(DiagnosticCode.FR002, pos(node), "unknown key '" + key + "' in " + what, hint);
    }

    private void unknownField(Node node, String key) {
        List<String> known = new ArrayList<>(Field.keys());
        known.addAll(COMBINATORS);
        known.add(BOT_MESSAGE);
        var suggestion = Suggest.closest(key, known);
        String hint;
        if (suggestion.isPresent()) {
            hint = "did you mean '" + suggestion.get() + "'?";
        } else if (TEST_KEYS.contains(key)) {
            hint = "'" + key + "' is a test: put it under a field, e.g. 'content: {" + key + ": ...}'";
        } else if (key.startsWith("attributes.") || key.startsWith("attribute.")) {
            hint = "test an attribute with 'attributes: {" + key.substring(key.indexOf('.') + 1) + ": ...}'";
        } else {
            hint = "fields: " + String.join(", ", Field.keys()) + "; combinators: all, any, not";
        }
        error(DiagnosticCode.FR006, pos(node), "unknown field '" + key + "'", hint);
    }

    private void unknownAction(Node node, String keyword) {
        var suggestion = Suggest.closest(keyword, ACTION_KEYS);
        error(DiagnosticCode.FR007, pos(node), "unknown action '" + keyword + "'",
                suggestion.map(s -> "did you mean '" + s + "'?")
                        .orElse("actions: " + String.join(", ", ACTION_KEYS.stream().sorted().toList())));
    }

    private void wrongType(Node node, String what, String expected, String hint) {
        error(DiagnosticCode.FR003, pos(node), what + " must be " + expected + ", not " + describe(node), hint);
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(node)) {
            return "nothing";
        }
        return "'" + abbreviate(((ScalarNode) node).getValue()) + "'";
    }

    private String string(Node node, String what) {
        if (node instanceof ScalarNode scalar && !isNull(node)) {
            if (scalar.getValue().length() > LoaderLimits.MAX_TEXT_LENGTH) {
                error(DiagnosticCode.FR017, pos(node), what + " has " + scalar.getValue().length()
                        + " characters; at most " + LoaderLimits.MAX_TEXT_LENGTH + " are allowed", "shorten it, or use a list file");
                return null;
            }
            return scalar.getValue();
        }
        wrongType(node, what, "text", node instanceof SequenceNode ? "give one value, not a list" : "write a value after the ':'");
        return null;
    }

    private String nonEmptyString(Node node, String what) {
        String text = string(node, what);
        if (text != null && text.isEmpty()) {
            error(DiagnosticCode.FR013, pos(node), what + " is empty", "give a non-empty value");
            return null;
        }
        return text;
    }

    private List<String> stringList(Node node, String what, boolean allowLarge) {
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            wrongType(node, what, "a non-empty list", "e.g. " + what.replace("'", "") + ": [first, second]");
            return null;
        }
        if (sequence.getValue().size() > LoaderLimits.MAX_LIST_ENTRIES) {
            error(DiagnosticCode.FR017, pos(node), what + " has " + sequence.getValue().size() + " entries; at most "
                    + LoaderLimits.MAX_LIST_ENTRIES + " are allowed", "split the list");
            return null;
        }
        List<String> values = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            String value = nonEmptyString(item, "an entry of " + what);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return List.copyOf(values);
    }

    private Boolean bool(Node node, String what) {
        String text = scalarText(node);
        if ("true".equals(text)) {
            return Boolean.TRUE;
        }
        if ("false".equals(text)) {
            return Boolean.FALSE;
        }
        wrongType(node, what, "true or false", "write true or false, in lower case");
        return null;
    }

    private Long count(Node node, String what) {
        String text = scalarText(node);
        try {
            long n = Long.parseLong(text == null ? "" : text.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        wrongType(node, what, "a whole number of characters (0 or more)", "e.g. " + what.replace("'", "") + ": 500");
        return null;
    }

    private BigDecimal number(Node node, String what) {
        String text = scalarText(node);
        if (text != null && text.trim().length() <= 40) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        wrongType(node, what, "a number", "e.g. " + what.replace("'", "") + ": 3");
        return null;
    }

    private static String scalarText(Node node) {
        return node instanceof ScalarNode scalar && !isNull(node) ? scalar.getValue() : null;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)
                && (scalar.getValue().isEmpty() || scalar.getValue().equals("~") || scalar.getValue().equalsIgnoreCase("null"));
    }

    private SourcePos pos(Node node) {
        return SourcePos.of(file, node.getStartMark());
    }

    private void error(DiagnosticCode code, SourcePos at, String message, String hint) {
        diagnostics.add(Diagnostic.error(code, at, message, hint));
    }

    static String abbreviate(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }

    private static <T, R> R map(T value, Function<T, R> mapper) {
        return value == null ? null : mapper.apply(value);
    }
}
