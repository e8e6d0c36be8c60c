package dev.flowrules.dsl;

import static dev.flowrules.dsl.YamlReads.map;

import dev.flowrules.text.Evasion;
import dev.flowrules.text.LinkHosts;
import dev.flowrules.text.WordLists;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One test on one value of a field, as written in a rule; {@code pos} points at its key. Each test is declared
 * here once: its record (what it holds, its canonical form), its entry in {@link #KEYWORDS} (the name authors
 * write and how its value is read) and its method in {@link Visitor}, which every stage that handles tests
 * implements, so a new record does not compile until each of them handles it.
 */
public sealed interface Operator {
    /**
     * Where the test is written, for diagnostics and explanations.
     *
     * @return the position of its key
     */
    SourcePos pos();

    /**
     * The keyword the author wrote, for explanations.
     *
     * @return e.g. {@code contains-word}, {@code at-least}
     */
    String keyword();

    /**
     * The test written out without its position: equal for two tests that test the same thing.
     *
     * @return the canonical text, length-prefixed so no value can make two tests read the same
     */
    String canonical();

    /**
     * Dispatches to the visitor's method for this record, so every stage handles every test.
     *
     * @param visitor the stage's visitor
     * @param <R> what the visitor makes
     * @return the visitor's result
     */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per test; no defaults, so that adding a test breaks every visitor until it handles it.
     *
     * @param <R> what the visitor makes of a test
     */
    interface Visitor<R> {
        /**
         * What this visitor makes of a {@link Equals}.
         *
         * @param test the test visited
         * @return the visitor's result
         */
        R visitEquals(Equals test);

        /**
         * What this visitor makes of a {@link OneOf}.
         *
         * @param test the test visited
         * @return the visitor's result
         */
        R visitOneOf(OneOf test);

        /**
         * What this visitor makes of a {@link StartsWith}.
         *
         * @param test the test visited
         * @return the visitor's result
         */
        R visitStartsWith(StartsWith test);

        /**
         * What this visitor makes of a {@link EndsWith}.
         *
         * @param test the test visited
         * @return the visitor's result
         */
        R visitEndsWith(EndsWith test);

        /**
         * What this visitor makes of a {@link Contains}.
         *
         * @param test the test visited
         * @return the visitor's result
         */
        R visitContains(Contains test);

        /**
         * What this visitor makes of a {@link ContainsWord}.
         *
         * @param test the test visited
         * @return the visitor's result
         */
        R visitContainsWord(ContainsWord test);

        /**
         * What this visitor makes of a {@link Wildcard}.
         *
         * @param test the test visited
         * @return the visitor's result
         */
        R visitWildcard(Wildcard test);

        /**
         * What this visitor makes of a {@link Regex}.
         *
         * @param test the test visited
         * @return the visitor's result
         */
        R visitRegex(Regex test);

        /**
         * What this visitor makes of a {@link Length}.
         *
         * @param test the test visited
         * @return the visitor's result
         */
        R visitLength(Length test);

        /**
         * What this visitor makes of a {@link NumberCompare}.
         *
         * @param test the test visited
         * @return the visitor's result
         */
        R visitNumberCompare(NumberCompare test);

        /**
         * What this visitor makes of a {@link Domains}.
         *
         * @param test the test visited
         * @return the visitor's result
         */
        R visitDomains(Domains test);

        /**
         * What this visitor makes of a {@link Exists}.
         *
         * @param test the test visited
         * @return the visitor's result
         */
        R visitExists(Exists test);
    }

    /** Every test keyword, in the order the docs list them. */
    List<TestKeyword> KEYWORDS = List.of(
            TestKeyword.caseSensitive("equals", Equals.class,
                    (in, v, what, at, ic) -> map(in.string(v, what), s -> new Equals(s, ic, at))),
            TestKeyword.caseSensitive("one-of", OneOf.class,
                    (in, v, what, at, ic) -> map(OneOf.values(in, v, what), s -> new OneOf(s, ic, at))),
            TestKeyword.caseSensitive("starts-with", StartsWith.class,
                    (in, v, what, at, ic) -> map(in.nonEmptyString(v, what), s -> new StartsWith(s, ic, at))),
            TestKeyword.caseSensitive("ends-with", EndsWith.class,
                    (in, v, what, at, ic) -> map(in.nonEmptyString(v, what), s -> new EndsWith(s, ic, at))),
            TestKeyword.caseSensitive("contains", Contains.class,
                    (in, v, what, at, ic) -> map(in.nonEmptyString(v, what), s -> new Contains(s, ic, at))),
            TestKeyword.of("contains-word", ContainsWord.class, (in, v, what, at, ic) -> ContainsWord.read(in, v, at)),
            TestKeyword.caseSensitive("matches", Wildcard.class,
                    (in, v, what, at, ic) -> map(in.nonEmptyString(v, what), s -> new Wildcard(s, ic, at))),
            TestKeyword.caseSensitive("regex", Regex.class,
                    (in, v, what, at, ic) -> map(in.regex(v, ic), s -> new Regex(s, ic, at))),
            Length.entry("length-at-least", Comparison.AT_LEAST),
            Length.entry("length-at-most", Comparison.AT_MOST),
            Length.entry("longer-than", Comparison.GREATER_THAN),
            Length.entry("shorter-than", Comparison.LESS_THAN),
            NumberCompare.entry("greater-than", Comparison.GREATER_THAN),
            NumberCompare.entry("at-least", Comparison.AT_LEAST),
            NumberCompare.entry("less-than", Comparison.LESS_THAN),
            NumberCompare.entry("at-most", Comparison.AT_MOST),
            TestKeyword.of("within", Domains.class, (in, v, what, at, ic) -> Domains.read(in, v, what, false, at)),
            TestKeyword.of("outside", Domains.class, (in, v, what, at, ic) -> Domains.read(in, v, what, true, at)),
            TestKeyword.of("exists", Exists.class, (in, v, what, at, ic) -> map(in.bool(v, what), b -> new Exists(b, at))));

    /**
     * {@code equals}: the whole value is this text.
     *
     * @param value the text
     * @param ignoreCase whether case is ignored
     * @param pos where the test is written
     */
    record Equals(String value, boolean ignoreCase, SourcePos pos) implements Operator {
        public String keyword() {
            return "equals";
        }

        public String canonical() {
            return Operator.canonical(this, value + "|" + ignoreCase);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitEquals(this);
        }
    }

    /**
     * {@code one-of}: the whole value is one of these texts.
     *
     * @param values the texts, from the rule or a list file
     * @param ignoreCase whether case is ignored
     * @param pos where the test is written
     */
    record OneOf(List<String> values, boolean ignoreCase, SourcePos pos) implements Operator {
        public String keyword() {
            return "one-of";
        }

        public String canonical() {
            return Operator.canonical(this, values + "|" + ignoreCase);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitOneOf(this);
        }

        static final Set<String> SOURCE_KEYS = Set.of("file");

        /** An inline list, or {@code {file: NAME}}: one exact value per line, same path rules as word lists. */
        static List<String> values(YamlReads in, Node value, String what) {
            if (!(value instanceof MappingNode)) {
                return in.stringList(value, what);
            }
            Map<String, NodeTuple> keys = in.mapping(value, what, SOURCE_KEYS);
            if (keys == null) {
                return null;
            }
            NodeTuple file = keys.get("file");
            if (file == null) {
                in.error(DiagnosticCode.FR004, in.pos(value), what + " needs a list or a 'file'",
                        "e.g. 'one-of: {file: lists/muted-senders.txt}' or 'one-of: [a, b]'");
                return null;
            }
            String name = in.nonEmptyString(file.getValueNode(), "'file'");
            WordListReader.WordList list = name == null ? null : in.valueList(name, in.pos(file.getValueNode()));
            return list == null ? null : list.words();
        }
    }

    /**
     * {@code starts-with}: the value begins with this text.
     *
     * @param value the text
     * @param ignoreCase whether case is ignored
     * @param pos where the test is written
     */
    record StartsWith(String value, boolean ignoreCase, SourcePos pos) implements Operator {
        public String keyword() {
            return "starts-with";
        }

        public String canonical() {
            return Operator.canonical(this, value + "|" + ignoreCase);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitStartsWith(this);
        }
    }

    /**
     * {@code ends-with}: the value ends with this text.
     *
     * @param value the text
     * @param ignoreCase whether case is ignored
     * @param pos where the test is written
     */
    record EndsWith(String value, boolean ignoreCase, SourcePos pos) implements Operator {
        public String keyword() {
            return "ends-with";
        }

        public String canonical() {
            return Operator.canonical(this, value + "|" + ignoreCase);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitEndsWith(this);
        }
    }

    /**
     * {@code contains}: the text occurs anywhere in the value, word boundaries or not.
     *
     * @param value the text
     * @param ignoreCase whether case is ignored
     * @param pos where the test is written
     */
    record Contains(String value, boolean ignoreCase, SourcePos pos) implements Operator {
        public String keyword() {
            return "contains";
        }

        public String canonical() {
            return Operator.canonical(this, value + "|" + ignoreCase);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitContains(this);
        }
    }

    /**
     * Whole words or phrases from a list; always case-folded and normalised (see {@link Words}), and read through
     * the disguises named in {@code evasions} (none by default).
     */
    record ContainsWord(List<String> words, String source, Set<Evasion> evasions, SourcePos pos) implements Operator {
        static final Set<String> SOURCE_KEYS = Set.of("file", "words", "evasions");

        public String keyword() {
            return "contains-word";
        }

        /**
         * Two tests match the same messages when their entries read the same under the same evasions: the
         * entries' readings as the matcher compares them, as a set ({@code [Scam, fraud]} is {@code [fraud, scam]},
         * and with {@code leet} {@code $cam} is {@code scam}), beside the evasions themselves.
         */
        public String canonical() {
            java.util.TreeSet<String> readings = new java.util.TreeSet<>();
            for (String word : words) {
                String reading = WordLists.readingOf(word, evasions);
                if (!reading.isEmpty()) { // an entry without letters or digits never matches (FR027)
                    readings.add(reading.length() + ":" + reading);
                }
            }
            return Operator.canonical(this, String.join(",", readings) + "|" + Evasion.describe(evasions));
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitContainsWord(this);
        }

        /**
         * An inline list of words, or a mapping: {@code {file: NAME}} for a list file beside the rule file or
         * {@code {words: [...]}}, with {@code evasions: all} or a list of kinds.
         */
        static Operator read(YamlReads in, Node value, SourcePos at) {
            if (value instanceof SequenceNode) {
                List<String> words = inlineWords(in, value);
                if (words != null) {
                    warnLostCharacters(in, words, Set.of(), in.pos(value));
                }
                return words == null ? null : new ContainsWord(words, "inline list", Set.of(), at);
            }
            if (value instanceof MappingNode) {
                Map<String, NodeTuple> keys = in.mapping(value, "'contains-word'", SOURCE_KEYS);
                if (keys == null) {
                    return null;
                }
                NodeTuple fileKey = keys.get("file");
                NodeTuple wordsKey = keys.get("words");
                if ((fileKey == null) == (wordsKey == null)) {
                    in.error(fileKey == null ? DiagnosticCode.FR004 : DiagnosticCode.FR013, in.pos(value),
                            "'contains-word' needs either a 'file' or a list of 'words'" + (fileKey == null ? "" : ", not both"),
                            "e.g. 'contains-word: {file: lists/banned.txt, evasions: all}' or 'contains-word: {words: [spam, scam]}'");
                    return null;
                }
                Set<Evasion> evasions = keys.containsKey("evasions") ? evasions(in, keys.get("evasions").getValueNode()) : Set.of();
                if (evasions == null) {
                    return null;
                }
                List<String> words;
                String source;
                if (wordsKey != null) {
                    words = inlineWords(in, wordsKey.getValueNode());
                    source = "inline list";
                } else {
                    String name = in.nonEmptyString(fileKey.getValueNode(), "'file'");
                    WordListReader.WordList list = name == null ? null : in.wordList(name, in.pos(fileKey.getValueNode()));
                    words = list == null ? null : list.words();
                    source = list == null ? null : list.shownName();
                }
                if (words == null) {
                    return null;
                }
                warnLostCharacters(in, words, evasions, in.pos((wordsKey != null ? wordsKey : fileKey).getValueNode()));
                return new ContainsWord(words, source, evasions, at);
            }
            in.wrongType(value, "'contains-word'", "a list of words or '{file: NAME}'",
                    "e.g. 'contains-word: [spam, scam]' or 'contains-word: {file: lists/banned.txt}'");
            return null;
        }

        private static List<String> inlineWords(YamlReads in, Node value) {
            List<String> words = in.stringList(value, "'contains-word'");
            if (words == null) {
                return null;
            }
            for (String word : words) {
                if (Words.entryWords(word).isEmpty()) {
                    in.error(DiagnosticCode.FR013, in.pos(value), "the word '" + YamlReads.abbreviate(word)
                                    + "' has no letters or digits, so it can never match",
                            "whole-word matching looks at letters and digits; use 'contains' to find punctuation");
                    return null;
                }
            }
            return List.copyOf(words);
        }

        /** {@code all}, or a list of kinds by name; null after a diagnostic. */
        private static Set<Evasion> evasions(YamlReads in, Node node) {
            String hint = "write 'evasions: all' or a list of: " + String.join(", ", Evasion.keys());
            if (node instanceof SequenceNode) {
                List<String> names = in.stringList(node, "'evasions'");
                if (names == null) {
                    return null;
                }
                Set<Evasion> kinds = java.util.EnumSet.noneOf(Evasion.class);
                for (String name : names) {
                    java.util.Optional<Evasion> kind = Evasion.byKey(name);
                    if (kind.isEmpty()) {
                        in.error(DiagnosticCode.FR013, in.pos(node), "'" + YamlReads.abbreviate(name) + "' is not a kind of evasion"
                                + Suggest.closest(name, Evasion.keys()).map(k -> " (did you mean '" + k + "'?)").orElse(""), hint);
                        return null;
                    }
                    kinds.add(kind.get());
                }
                return Set.copyOf(kinds);
            }
            String text = YamlReads.scalarText(node);
            if ("all".equals(text)) {
                return Evasion.all();
            }
            if (text != null && Evasion.byKey(text).isPresent()) {
                return Set.of(Evasion.byKey(text).get());
            }
            in.error(DiagnosticCode.FR013, in.pos(node), "'evasions' must be 'all' or a list of kinds", hint);
            return null;
        }

        /** Warns once per list about entries whose reading drops characters that look like letters ({@code $cam}). */
        private static void warnLostCharacters(YamlReads in, List<String> words, Set<Evasion> evasions, SourcePos at) {
            for (String word : words) {
                String reading = WordLists.lostCharacters(word, evasions);
                if (reading != null) {
                    in.warning(DiagnosticCode.FR031, at, "the entry '" + YamlReads.abbreviate(word) + "' is read as '"
                            + YamlReads.abbreviate(reading) + "': its symbols and digits are not letters here",
                            evasions.contains(Evasion.LEET) ? "write the word with letters"
                                    : "add 'evasions: [leet]' to read $ as s and 4 as a, or write the word with letters");
                }
            }
        }
    }

    /** {@code *} stands for any run of characters; the pattern must cover the whole value. */
    record Wildcard(String pattern, boolean ignoreCase, SourcePos pos) implements Operator {
        public String keyword() {
            return "matches";
        }

        public String canonical() {
            return Operator.canonical(this, pattern + "|" + ignoreCase);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitWildcard(this);
        }
    }

    /** An RE2 regular expression (re2j) found anywhere in the value. */
    record Regex(String pattern, boolean ignoreCase, SourcePos pos) implements Operator {
        public String keyword() {
            return "regex";
        }

        public String canonical() {
            return Operator.canonical(this, pattern + "|" + ignoreCase);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitRegex(this);
        }
    }

    /** Length in characters (Unicode code points). */
    record Length(Comparison comparison, long length, SourcePos pos) implements Operator {
        public String keyword() {
            return "length";
        }

        public String canonical() {
            return Operator.canonical(this, comparison + "|" + length);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitLength(this);
        }

        static TestKeyword entry(String name, Comparison comparison) {
            return TestKeyword.of(name, Length.class,
                    (in, v, what, at, ic) -> map(in.count(v, what), n -> new Length(comparison, n, at)));
        }
    }

    /** The value read as a decimal number; a value that is not a number fails the test. */
    record NumberCompare(Comparison comparison, BigDecimal number, SourcePos pos) implements Operator {
        public String keyword() {
            return switch (comparison) {
                case GREATER_THAN -> "greater-than";
                case AT_LEAST -> "at-least";
                case LESS_THAN -> "less-than";
                case AT_MOST -> "at-most";
            };
        }

        public String canonical() {
            return Operator.canonical(this, comparison + "|" + number.stripTrailingZeros().toPlainString());
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitNumberCompare(this);
        }

        static TestKeyword entry(String name, Comparison comparison) {
            return TestKeyword.of(name, NumberCompare.class,
                    (in, v, what, at, ic) -> map(in.number(v, what), n -> new NumberCompare(comparison, n, at)));
        }
    }

    /**
     * {@code within: [example.com]} holds for a host that is one of the domains or below one of them;
     * {@code outside} for a host that is neither. Domains are compared as {@link LinkHosts} reads hosts.
     */
    record Domains(List<String> domains, boolean outside, SourcePos pos) implements Operator {
        public String keyword() {
            return outside ? "outside" : "within";
        }

        public String canonical() {
            return Operator.canonical(this, domains.toString());
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitDomains(this);
        }

        static Operator read(YamlReads in, Node value, String what, boolean outside, SourcePos at) {
            List<String> written = OneOf.values(in, value, what);
            if (written == null) {
                return null;
            }
            List<String> domains = new ArrayList<>();
            for (String domain : written) {
                String host = LinkHosts.normalize(domain.strip());
                if (host == null || host.indexOf('/') >= 0 || host.indexOf(':') >= 0 || host.indexOf('@') >= 0
                        || host.indexOf(' ') >= 0 || host.startsWith(".")) {
                    in.error(DiagnosticCode.FR013, in.pos(value), "'" + YamlReads.abbreviate(domain) + "' is not a domain",
                            "write the domain alone, e.g. example.com (it covers its subdomains too)");
                    return null;
                }
                domains.add(host);
            }
            return new Domains(List.copyOf(domains), outside, at);
        }
    }

    /**
     * {@code exists}: whether the field has a value at all.
     *
     * @param expected true for {@code exists: true}
     * @param pos where the test is written
     */
    record Exists(boolean expected, SourcePos pos) implements Operator {
        public String keyword() {
            return "exists";
        }

        public String canonical() {
            return Operator.canonical(this, String.valueOf(expected));
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitExists(this);
        }
    }

    /** Length-prefixed, so that no value can make two different tests read the same. */
    private static String canonical(Operator test, String text) {
        return test.keyword() + ":" + text.length() + ":" + text;
    }
}
