package dev.flowrules.dsl;

import com.google.re2j.Pattern;
import dev.flowrules.limits.ServiceLimits;
import dev.flowrules.patterns.Patterns;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed reads of one rule file's nodes: each returns the value, or records a diagnostic at the node and returns
 * null, so a caller leaves the part out and goes on with the next key. Shared by the rule, condition and
 * keyword parsers of one file; it also hands them the file's word lists and bot-selector parsing.
 */
final class YamlReads {
    private final String file;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final WordListReader lists;
    private final ConditionParser conditions;
    private final OneLoad load;

    YamlReads(String file, java.nio.file.Path baseDir, OneLoad load) {
        this.file = file;
        this.load = load;
        this.lists = new WordListReader(file, baseDir, load.lists());
        this.conditions = new ConditionParser(this);
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    ConditionParser conditions() {
        return conditions;
    }

    /** The load's compiled patterns: what validates a pattern here is what the compiler then uses. */
    Patterns patterns() {
        return load.patterns();
    }

    /** A word list named in the file (read once per load, reported once per file); null, with a diagnostic, when it cannot be used. */
    WordListReader.WordList wordList(String name, SourcePos at) {
        return lists.read(name, at, diagnostics);
    }

    /** Exact values from a list file named in the file (one-of, within, outside); null after a diagnostic. */
    WordListReader.WordList valueList(String name, SourcePos at) {
        return lists.values(name, at, diagnostics);
    }

    // ---- structure ----

    /** The keys of a mapping by name; null when it is not a mapping or a key is duplicated, unknown or not text. */
    Map<String, NodeTuple> mapping(Node node, String what, Set<String> allowed) {
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

    boolean checkDuplicate(Set<String> seen, String key, NodeTuple tuple) {
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

    String keyText(NodeTuple tuple) {
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
            if (suggestion.isEmpty() && (Field.byKey(key).isPresent() || ConditionParser.COMBINATORS.contains(key))) {
                hint = "'" + key + "' is not a test: conditions on other fields go beside this one, or under 'all:'";
            } else if (suggestion.isEmpty() && what.equals("the test on '" + Field.METADATA.key() + "'")) {
                hint = "to test a key of JSON metadata, write it after a dot as the field: '" + Field.METADATA_PREFIX + key + ": ...'";
            }
            error(DiagnosticCode.FR007, pos(node), "unknown test '" + key + "' in " + what, hint);
            return;
        }
        if ("a rule".equals(what) && allowed.contains("when") && isCondition(key)) {
            error(DiagnosticCode.FR002, pos(node), "'" + key + "' is a condition, not a key of a rule: did you forget 'when:'?",
                    "conditions go under 'when:'; write 'when:' on its own line here and indent '" + key + "' below it");
            return;
        }
        error(DiagnosticCode.FR002, pos(node), "unknown key '" + key + "' in " + what, hint);
    }

    private static boolean isCondition(String key) {
        return Field.byKey(key).isPresent() || Field.metadataKey(key) != null || ConditionParser.COMBINATORS.contains(key)
                || ConditionParser.BOT_MESSAGE.equals(key) || "attributes".equals(key);
    }

    void wrongType(Node node, String what, String expected, String hint) {
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

    // ---- values ----

    String string(Node node, String what) {
        if (node instanceof ScalarNode scalar && !isNull(node)) {
            if (scalar.getValue().length() > LoaderLimits.MAX_TEXT_LENGTH) {
                error(DiagnosticCode.FR017, pos(node), what + " has " + scalar.getValue().length()
                        + " characters; at most " + LoaderLimits.MAX_TEXT_LENGTH + " are allowed", "shorten it, or use a list file");
                return null;
            }
            return scalar.getValue();
        }
        wrongType(node, what, "text", !(node instanceof SequenceNode) ? "write a value after the ':'"
                : "'contains'".equals(what) ? "for any of several words write 'contains-word: [a, b]' (whole words), or 'any:'"
                        + " with one 'contains' per text" : "give one value, not a list");
        return null;
    }

    String nonEmptyString(Node node, String what) {
        String text = string(node, what);
        if (text != null && text.isEmpty()) {
            error(DiagnosticCode.FR013, pos(node), what + " is empty", "give a non-empty value");
            return null;
        }
        return text;
    }

    List<String> stringList(Node node, String what) {
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

    Boolean bool(Node node, String what) {
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

    /**
     * The optional {@code ignore-case} key of a mapping read with {@link #mapping}: false when it is absent, or when
     * its value is not a boolean (that error is recorded at the value).
     */
    boolean ignoreCase(Map<String, NodeTuple> keys) {
        NodeTuple key = keys.get("ignore-case");
        return key != null && Boolean.TRUE.equals(bool(key.getValueNode(), "'ignore-case'"));
    }

    Long count(Node node, String what) {
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

    BigDecimal number(Node node, String what) {
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

    /** A regular expression that compiles; null with a diagnostic pointing into the pattern otherwise. */
    String regex(Node node, boolean ignoreCase) {
        String pattern = nonEmptyString(node, "'regex'");
        if (pattern == null) {
            return null;
        }
        return compiles(node, pattern, ignoreCase) == null ? null : pattern;
    }

    Pattern compiles(Node node, String pattern, boolean ignoreCase) {
        return RegexErrors.compile(this, node, pattern, ignoreCase);
    }

    boolean validAttributeName(Node node, String name) {
        if (name.isEmpty() || ServiceLimits.length(name) > ServiceLimits.ATTRIBUTE_NAME_MAX) {
            error(DiagnosticCode.FR014, pos(node), "the attribute name '" + abbreviate(name) + "' has " + ServiceLimits.length(name)
                    + " characters; the service allows 1 to " + ServiceLimits.ATTRIBUTE_NAME_MAX,
                    "use a shorter attribute name");
            return false;
        }
        return true;
    }

    /**
     * Parses a template. A literal that cannot fit ({@code limit} in characters as the service model counts them, code points;
     * or UTF-8 bytes for content)
     * is an error now rather than a cut later.
     */
    Template template(Node node, String what, boolean groups, Pattern regex, int limit, boolean required) {
        String text = required ? nonEmptyString(node, what) : string(node, what);
        if (text == null) {
            return null;
        }
        TemplateParser.Result template = new TemplateParser(text, groups, regex).parse();
        if (template.error() != null) {
            error(DiagnosticCode.FR015, pos(node, template.at()), "in " + what + ": " + template.error(), template.hint());
            return null;
        }
        Template parsed = template.template();
        if (parsed.isLiteral() && !groups) {
            int size = limit == ServiceLimits.CONTENT_MAX_BYTES ? ServiceLimits.utf8Length(text) : ServiceLimits.length(text);
            if (size > limit) {
                String unit = limit == ServiceLimits.CONTENT_MAX_BYTES ? " bytes" : " characters";
                error(DiagnosticCode.FR014, pos(node), what + " has " + size + unit + "; the service allows at most " + limit,
                        "shorten the text");
                return null;
            }
        }
        return parsed;
    }

    // ---- nodes and diagnostics ----

    static String scalarText(Node node) {
        return node instanceof ScalarNode scalar && !isNull(node) ? scalar.getValue() : null;
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)
                && (scalar.getValue().isEmpty() || scalar.getValue().equals("~") || scalar.getValue().equalsIgnoreCase("null"));
    }

    SourcePos pos(Node node) {
        return SourcePos.of(file, node.getStartMark());
    }

    /**
     * Where the character at {@code index} of a scalar's value is, when the scalar maps one to one onto its value
     * (plain, or quoted without escapes, on one line); otherwise, or for index -1, where the value starts.
     */
    SourcePos pos(Node node, int index) {
        SourcePos start = pos(node);
        if (index < 0 || !(node instanceof ScalarNode scalar) || node.getEndMark() == null
                || node.getEndMark().getLine() != node.getStartMark().getLine()) {
            return start;
        }
        int quote = scalar.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN ? 0 : 1;
        int written = node.getEndMark().getColumn() - node.getStartMark().getColumn() - 2 * quote;
        return written == scalar.getValue().length()
                ? new SourcePos(start.file(), start.line(), start.column() + quote + index) : start;
    }

    void error(DiagnosticCode code, SourcePos at, String message, String hint) {
        diagnostics.add(Diagnostic.error(code, at, message, hint));
    }

    void warning(DiagnosticCode code, SourcePos at, String message, String hint) {
        diagnostics.add(Diagnostic.warning(code, at, message, hint));
    }

    /** A value shown inside a message: on one line, at most 60 characters. */
    static String abbreviate(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }

    static <T, R> R map(T value, Function<T, R> mapper) {
        return value == null ? null : mapper.apply(value);
    }
}
