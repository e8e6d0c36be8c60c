package dev.flowrules.compile;

import dev.flowrules.dsl.Condition;
import dev.flowrules.dsl.FieldRef;
import dev.flowrules.dsl.Operator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which rules are worth testing on a message. A rule whose condition requires an exact value (equals,
 * one-of), a prefix or suffix, a word of a list, a literal (contains, a regex's required literals, a bot
 * message's text) or an attribute on some field is filed under it ({@code any} under each branch's); the
 * message's own values are looked up, and only the rules found (plus the rules with no such requirement) are
 * tested, in rule order. The requirement is a necessary condition, so skipping a rule never changes a decision.
 */
final class Candidates {
    private final List<ByField<Map<String, int[]>>> exact;
    private final List<ByField<Map<String, int[]>>> folded;
    private final List<ByField<Map<Integer, int[]>>> words;
    private final Map<String, int[]> attributePresent;
    /** Literal prefixes and suffixes, per field, as written and lower-cased (for ignore-case tests). */
    private final List<ByField<PrefixIndex>> prefixes;
    private final List<ByField<PrefixIndex>> foldedPrefixes;
    private final List<ByField<PrefixIndex>> suffixes;
    private final List<ByField<PrefixIndex>> foldedSuffixes;
    private final LiteralIndex literals;
    private final int[] unfiltered;

    private Candidates(Builder built) {
        this.exact = frozen(built.exact);
        this.folded = frozen(built.folded);
        this.words = frozen(built.words);
        Map<String, int[]> present = new HashMap<>();
        built.attributePresent.forEach((name, rules) -> present.put(name, rules.stream().mapToInt(Integer::intValue).toArray()));
        this.attributePresent = Map.copyOf(present);
        this.prefixes = frozenTries(built.prefixes);
        this.foldedPrefixes = frozenTries(built.foldedPrefixes);
        this.suffixes = frozenTries(built.suffixes);
        this.foldedSuffixes = frozenTries(built.foldedSuffixes);
        this.literals = built.literals.build();
        this.unfiltered = built.unfiltered.stream().mapToInt(Integer::intValue).toArray();
    }

    /** One field's index. Held in lists walked by position: a map's iteration would allocate per message. */
    record ByField<T>(FieldRef field, T index) {
    }

    private static List<ByField<PrefixIndex>> frozenTries(Map<FieldRef, PrefixIndex> tries) {
        List<ByField<PrefixIndex>> result = new ArrayList<>();
        tries.forEach((field, trie) -> {
            trie.freeze();
            result.add(new ByField<>(field, trie));
        });
        return List.copyOf(result);
    }

    private static <K> List<ByField<Map<K, int[]>>> frozen(Map<FieldRef, Map<K, List<Integer>>> index) {
        List<ByField<Map<K, int[]>>> result = new ArrayList<>();
        index.forEach((field, byKey) -> {
            Map<K, int[]> arrays = new HashMap<>();
            byKey.forEach((key, rules) -> arrays.put(key, rules.stream().mapToInt(Integer::intValue).toArray()));
            result.add(new ByField<>(field, Map.copyOf(arrays)));
        });
        return List.copyOf(result);
    }

    int[] select(MessageView view) {
        Hits hits = new Hits();
        lookUp(exact, view, false, hits);
        lookUp(folded, view, true, hits);
        for (int f = 0; f < words.size(); f++) {
            Map<Integer, int[]> byList = words.get(f).index();
            List<String> values = view.values(words.get(f).field());
            for (int i = 0; i < values.size(); i++) {
                Map<Integer, String> found = view.wordHits(values.get(i));
                if (!found.isEmpty()) { // most messages: no word of any list, and no iterator to walk none
                    for (Integer list : found.keySet()) {
                        hits.addAll(byList.get(list));
                    }
                }
            }
        }
        collect(prefixes, view, false, hits);
        collect(foldedPrefixes, view, true, hits);
        collect(suffixes, view, false, hits);
        collect(foldedSuffixes, view, true, hits);
        literals.select(view, hits);
        if (!attributePresent.isEmpty()) {
            for (String name : view.message().attributes().keySet()) {
                hits.addAll(attributePresent.get(name));
            }
        }
        return hits.mergedWith(unfiltered);
    }

    /** The rules filed under each of a field's values (lower-cased when {@code fold}). */
    private static void lookUp(List<ByField<Map<String, int[]>>> index, MessageView view, boolean fold, Hits hits) {
        for (int f = 0; f < index.size(); f++) {
            Map<String, int[]> byValue = index.get(f).index();
            List<String> values = view.values(index.get(f).field());
            for (int i = 0; i < values.size(); i++) {
                hits.addAll(byValue.get(fold ? view.lower(values.get(i)) : values.get(i)));
            }
        }
    }

    private static void collect(List<ByField<PrefixIndex>> tries, MessageView view, boolean fold, Hits hits) {
        for (int f = 0; f < tries.size(); f++) {
            PrefixIndex trie = tries.get(f).index();
            List<String> values = view.values(tries.get(f).field());
            for (int i = 0; i < values.size(); i++) {
                trie.collect(fold ? view.lower(values.get(i)) : values.get(i), hits);
            }
        }
    }

    /** Rule positions found by lookups: few per message, so a small growable array. */
    static final class Hits {
        private int[] found = new int[8];
        private int size;

        void addAll(int[] rules) {
            if (rules == null) {
                return;
            }
            if (size + rules.length > found.length) {
                found = Arrays.copyOf(found, Math.max(found.length * 2, size + rules.length));
            }
            System.arraycopy(rules, 0, found, size, rules.length);
            size += rules.length;
        }

        int[] mergedWith(int[] always) {
            Arrays.sort(found, 0, size);
            int[] merged = new int[size + always.length];
            int i = 0;
            int j = 0;
            int n = 0;
            int last = -1;
            while (i < size || j < always.length) {
                int next = j >= always.length || (i < size && found[i] < always[j]) ? found[i++] : always[j++];
                if (next != last) {
                    merged[n++] = next;
                    last = next;
                }
            }
            return n == merged.length ? merged : Arrays.copyOf(merged, n);
        }
    }

    static final class Builder {
        private final Map<FieldRef, Map<String, List<Integer>>> exact = new LinkedHashMap<>();
        private final Map<FieldRef, Map<String, List<Integer>>> folded = new LinkedHashMap<>();
        private final Map<FieldRef, Map<Integer, List<Integer>>> words = new LinkedHashMap<>();
        private final Map<String, List<Integer>> attributePresent = new HashMap<>();
        private final Map<FieldRef, PrefixIndex> prefixes = new HashMap<>();
        private final Map<FieldRef, PrefixIndex> foldedPrefixes = new HashMap<>();
        private final Map<FieldRef, PrefixIndex> suffixes = new HashMap<>();
        private final Map<FieldRef, PrefixIndex> foldedSuffixes = new HashMap<>();
        private final LiteralIndex.Builder literals = new LiteralIndex.Builder();
        private final List<Integer> unfiltered = new ArrayList<>();

        /** One index entry a rule can be filed under. */
        private interface Entry {
            void file(int rule);
        }

        void add(int rule, Condition when, RuleSet.Compiler compiler) {
            List<Entry> entries = requirement(when, compiler);
            if (entries == null) {
                unfiltered.add(rule);
            } else {
                entries.forEach(entry -> entry.file(rule));
            }
        }

        /**
         * Index entries of which a message must hit at least one for the condition to hold (a necessary
         * condition, never a sufficient one); null when no such entries are known.
         */
        private List<Entry> requirement(Condition when, RuleSet.Compiler compiler) {
            return when.accept(new Condition.Visitor<List<Entry>>() {
                public List<Entry> visitAll(Condition.All all) {
                    for (Condition part : all.conditions()) {
                        List<Entry> entries = requirement(part, compiler);
                        if (entries != null) {
                            return entries;
                        }
                    }
                    return null;
                }

                public List<Entry> visitAny(Condition.Any any) {
                    List<Entry> union = new ArrayList<>();
                    for (Condition part : any.conditions()) {
                        List<Entry> entries = requirement(part, compiler);
                        if (entries == null) {
                            return null;
                        }
                        union.addAll(entries);
                    }
                    return union;
                }

                public List<Entry> visitNot(Condition.Not not) {
                    return null; // holds on what a message lacks: nothing it must contain
                }

                public List<Entry> visitBotMessage(Condition.BotMessage bot) {
                    return botRequirement(bot.selector());
                }

                public List<Entry> visitAlways(Condition.Always always) {
                    return null;
                }

                public List<Entry> visitFieldTests(Condition.FieldTests tests) {
                    return fieldRequirement(tests, compiler);
                }
            });
        }

        private List<Entry> fieldRequirement(Condition.FieldTests tests, RuleSet.Compiler compiler) {
            FieldRef field = tests.field();
            // Hash lookups and tries first, in written order; then literals; then the attribute's presence.
            IndexEntries lookups = new IndexEntries(field, compiler);
            for (Operator op : tests.tests()) {
                List<Entry> entries = op.accept(lookups);
                if (entries != null) {
                    return entries;
                }
            }
            for (Operator op : tests.tests()) {
                Set<String> required = op.accept(LITERALS);
                if (required != null) {
                    List<Entry> entries = new ArrayList<>();
                    required.forEach(literal -> entries.add(rule -> literals.field(field, literal, rule)));
                    return entries;
                }
            }
            // Any test on an attribute but 'exists: false' needs the attribute to be there.
            if (field.field() == dev.flowrules.dsl.Field.ATTRIBUTE
                    && tests.tests().stream().noneMatch(op -> op instanceof Operator.Exists e && !e.expected())) {
                return List.of(rule -> file(attributePresent, field.attribute(), rule));
            }
            return null;
        }

        /** A selected bot message must pass every part's tests: any part's literals are required. */
        private List<Entry> botRequirement(dev.flowrules.dsl.BotSelector selector) {
            for (dev.flowrules.dsl.BotSelector.PartTests part : selector.parts()) {
                for (Operator op : part.tests()) {
                    Set<String> required = op.accept(LITERALS);
                    if (required != null) {
                        List<Entry> entries = new ArrayList<>();
                        required.forEach(literal -> entries.add(rule -> literals.botPart(part.part(), literal, rule)));
                        return entries;
                    }
                }
            }
            return null;
        }

        /** Entries in the hash maps, tries and word index for a test on one field; null for other tests. */
        private final class IndexEntries implements Operator.Visitor<List<Entry>> {
            private final FieldRef field;
            private final RuleSet.Compiler compiler;

            IndexEntries(FieldRef field, RuleSet.Compiler compiler) {
                this.field = field;
                this.compiler = compiler;
            }

            public List<Entry> visitEquals(Operator.Equals test) {
                return List.of(exactEntry(field, test.value(), test.ignoreCase()));
            }

            public List<Entry> visitOneOf(Operator.OneOf test) {
                List<Entry> entries = new ArrayList<>();
                test.values().forEach(value -> entries.add(exactEntry(field, value, test.ignoreCase())));
                return entries;
            }

            public List<Entry> visitStartsWith(Operator.StartsWith test) {
                String literal = fold(test.value(), test.ignoreCase());
                PrefixIndex trie = trie(test.ignoreCase() ? foldedPrefixes : prefixes, field, false);
                return List.of(rule -> trie.add(literal, rule));
            }

            public List<Entry> visitEndsWith(Operator.EndsWith test) {
                String literal = fold(test.value(), test.ignoreCase());
                PrefixIndex trie = trie(test.ignoreCase() ? foldedSuffixes : suffixes, field, true);
                return List.of(rule -> trie.add(literal, rule));
            }

            public List<Entry> visitWildcard(Operator.Wildcard test) {
                return wildcardEntries(field, test);
            }

            public List<Entry> visitContainsWord(Operator.ContainsWord test) {
                int list = compiler.words.add(test.words(), test.evasions());
                return List.of(rule -> file(words, field, list, rule));
            }

            public List<Entry> visitContains(Operator.Contains test) {
                return null; // the literal index's
            }

            public List<Entry> visitRegex(Operator.Regex test) {
                return null; // the literal index's
            }

            public List<Entry> visitLength(Operator.Length test) {
                return null;
            }

            public List<Entry> visitNumberCompare(Operator.NumberCompare test) {
                return null;
            }

            public List<Entry> visitExists(Operator.Exists test) {
                return null;
            }

            public List<Entry> visitDomains(Operator.Domains test) {
                return null; // a host below a domain is not a value that can be looked up
            }
        }

        /**
         * Folded literals one of which any value passing the test contains: the text an equality, prefix, suffix or
         * contains test compares with, a regex's required literals, a wildcard's longest literal piece. Null for
         * other tests or when none are known.
         */
        private static final Operator.Visitor<Set<String>> LITERALS = new Operator.Visitor<>() {
            public Set<String> visitEquals(Operator.Equals test) {
                return nonEmpty(List.of(test.value()));
            }

            public Set<String> visitOneOf(Operator.OneOf test) {
                return nonEmpty(test.values());
            }

            public Set<String> visitStartsWith(Operator.StartsWith test) {
                return nonEmpty(List.of(test.value()));
            }

            public Set<String> visitEndsWith(Operator.EndsWith test) {
                return nonEmpty(List.of(test.value()));
            }

            public Set<String> visitContains(Operator.Contains test) {
                return nonEmpty(List.of(test.value()));
            }

            public Set<String> visitRegex(Operator.Regex test) {
                return RegexLiterals.required(test.pattern());
            }

            public Set<String> visitWildcard(Operator.Wildcard test) {
                String longest = "";
                for (String piece : pieces(test.pattern())) {
                    longest = piece.length() > longest.length() ? piece : longest;
                }
                return nonEmpty(List.of(longest));
            }

            public Set<String> visitContainsWord(Operator.ContainsWord test) {
                return null; // words are normalised differently (NFKC): the word index's
            }

            public Set<String> visitLength(Operator.Length test) {
                return null;
            }

            public Set<String> visitNumberCompare(Operator.NumberCompare test) {
                return null;
            }

            public Set<String> visitExists(Operator.Exists test) {
                return null;
            }

            public Set<String> visitDomains(Operator.Domains test) {
                return null;
            }
        };

        /** Folded texts as literals; null when one is empty (it occurs everywhere) or has a lone surrogate. */
        private static Set<String> nonEmpty(List<String> texts) {
            Set<String> result = new java.util.LinkedHashSet<>();
            for (String text : texts) {
                if (text.isEmpty() || text.chars().anyMatch(c -> Character.isSurrogate((char) c))) {
                    return null;
                }
                result.add(TextFold.fold(text));
            }
            return result.isEmpty() ? null : result;
        }

        private static List<String> pieces(String pattern) {
            List<String> pieces = new ArrayList<>();
            int start = 0;
            for (int i = 0; i <= pattern.length(); i++) {
                if (i == pattern.length() || pattern.charAt(i) == '*') {
                    pieces.add(pattern.substring(start, i));
                    start = i + 1;
                }
            }
            return pieces;
        }

        private Entry exactEntry(FieldRef field, String value, boolean ignoreCase) {
            String key = fold(value, ignoreCase);
            Map<FieldRef, Map<String, List<Integer>>> index = ignoreCase ? folded : exact;
            return rule -> file(index.computeIfAbsent(field, f -> new HashMap<>()), key, rule);
        }

        /**
         * A wildcard covers the whole value, so its text before the first '*' is a prefix the value must start
         * with, and its text after the last '*' a suffix it must end with; with no '*' at all it is an equality.
         */
        private List<Entry> wildcardEntries(FieldRef field, Operator.Wildcard wildcard) {
            if (wildcard.ignoreCase() && !wildcard.pattern().chars().allMatch(c -> c < 128)) {
                return null; // RE2's case folding and lower-casing part ways outside ASCII: the literal index then
            }
            String pattern = fold(wildcard.pattern(), wildcard.ignoreCase());
            int first = pattern.indexOf('*');
            if (first < 0) {
                return List.of(exactEntry(field, wildcard.pattern(), wildcard.ignoreCase()));
            }
            if (first > 0) {
                PrefixIndex trie = trie(wildcard.ignoreCase() ? foldedPrefixes : prefixes, field, false);
                String prefix = pattern.substring(0, first);
                return List.of(rule -> trie.add(prefix, rule));
            }
            int last = pattern.lastIndexOf('*');
            if (last < pattern.length() - 1) {
                PrefixIndex trie = trie(wildcard.ignoreCase() ? foldedSuffixes : suffixes, field, true);
                String suffix = pattern.substring(last + 1);
                return List.of(rule -> trie.add(suffix, rule));
            }
            return null;
        }

        private static PrefixIndex trie(Map<FieldRef, PrefixIndex> tries, FieldRef field, boolean fromEnd) {
            return tries.computeIfAbsent(field, f -> new PrefixIndex(fromEnd));
        }

        private static <K> void file(Map<K, List<Integer>> index, K key, int rule) {
            List<Integer> rules = index.computeIfAbsent(key, k -> new ArrayList<>());
            if (rules.isEmpty() || rules.get(rules.size() - 1) != rule) {
                rules.add(rule);
            }
        }

        private static <K> void file(Map<FieldRef, Map<K, List<Integer>>> index, FieldRef field, K key, int rule) {
            file(index.computeIfAbsent(field, f -> new HashMap<>()), key, rule);
        }

        private static String fold(String value, boolean ignoreCase) {
            return ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        }

        Candidates build() {
            return new Candidates(this);
        }
    }
}
