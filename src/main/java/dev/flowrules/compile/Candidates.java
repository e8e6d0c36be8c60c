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

/**
 * Which rules are worth testing on a message. A rule whose condition requires an exact value (equals,
 * one-of) or a word of a list on some field is filed under that value or list; the message's own values are
 * looked up, and only the rules found (plus the rules with no such requirement) are tested, in rule order.
 * The requirement is a necessary condition, so skipping a rule never changes a decision.
 */
final class Candidates {
    private final Map<FieldRef, Map<String, int[]>> exact;
    private final Map<FieldRef, Map<String, int[]>> folded;
    private final Map<FieldRef, Map<Integer, int[]>> words;
    private final Map<String, int[]> attributePresent;
    /** Literal prefixes and suffixes, per field, as written and lower-cased (for ignore-case tests). */
    private final Map<FieldRef, PrefixIndex> prefixes;
    private final Map<FieldRef, PrefixIndex> foldedPrefixes;
    private final Map<FieldRef, PrefixIndex> suffixes;
    private final Map<FieldRef, PrefixIndex> foldedSuffixes;
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
        this.unfiltered = built.unfiltered.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Map<FieldRef, PrefixIndex> frozenTries(Map<FieldRef, PrefixIndex> tries) {
        tries.values().forEach(PrefixIndex::freeze);
        return Map.copyOf(tries);
    }

    private static <K> Map<FieldRef, Map<K, int[]>> frozen(Map<FieldRef, Map<K, List<Integer>>> index) {
        Map<FieldRef, Map<K, int[]>> result = new LinkedHashMap<>();
        index.forEach((field, byKey) -> {
            Map<K, int[]> arrays = new HashMap<>();
            byKey.forEach((key, rules) -> arrays.put(key, rules.stream().mapToInt(Integer::intValue).toArray()));
            result.put(field, Map.copyOf(arrays));
        });
        return Map.copyOf(result);
    }

    int[] select(MessageView view) {
        Hits hits = new Hits();
        exact.forEach((field, byValue) -> {
            for (String value : view.values(field)) {
                hits.addAll(byValue.get(value));
            }
        });
        folded.forEach((field, byValue) -> {
            for (String value : view.values(field)) {
                hits.addAll(byValue.get(view.lower(value)));
            }
        });
        words.forEach((field, byList) -> {
            for (String value : view.values(field)) {
                for (Integer list : view.wordHits(value).keySet()) {
                    hits.addAll(byList.get(list));
                }
            }
        });
        collect(prefixes, view, false, hits);
        collect(foldedPrefixes, view, true, hits);
        collect(suffixes, view, false, hits);
        collect(foldedSuffixes, view, true, hits);
        if (!attributePresent.isEmpty()) {
            for (String name : view.message().attributes().keySet()) {
                hits.addAll(attributePresent.get(name));
            }
        }
        return hits.mergedWith(unfiltered);
    }

    private static void collect(Map<FieldRef, PrefixIndex> tries, MessageView view, boolean fold, Hits hits) {
        tries.forEach((field, trie) -> {
            for (String value : view.values(field)) {
                trie.collect(fold ? view.lower(value) : value, hits);
            }
        });
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
        private final List<Integer> unfiltered = new ArrayList<>();

        void add(int rule, Condition when, RuleSet.Compiler compiler) {
            if (!fileUnderRequirement(rule, when, compiler)) {
                unfiltered.add(rule);
            }
        }

        private boolean fileUnderRequirement(int rule, Condition when, RuleSet.Compiler compiler) {
            if (when instanceof Condition.All all) {
                for (Condition part : all.conditions()) {
                    if (fileUnderRequirement(rule, part, compiler)) {
                        return true;
                    }
                }
                return false;
            }
            if (!(when instanceof Condition.FieldTests tests)) {
                return false;
            }
            for (Operator op : tests.tests()) {
                if (op instanceof Operator.Equals equals) {
                    file(equals.ignoreCase() ? folded : exact, tests.field(), fold(equals.value(), equals.ignoreCase()), rule);
                    return true;
                }
                if (op instanceof Operator.OneOf oneOf) {
                    for (String value : oneOf.values()) {
                        file(oneOf.ignoreCase() ? folded : exact, tests.field(), fold(value, oneOf.ignoreCase()), rule);
                    }
                    return true;
                }
                if (op instanceof Operator.StartsWith prefix) {
                    trie(prefix.ignoreCase() ? foldedPrefixes : prefixes, tests.field(), false)
                            .add(fold(prefix.value(), prefix.ignoreCase()), rule);
                    return true;
                }
                if (op instanceof Operator.EndsWith suffix) {
                    trie(suffix.ignoreCase() ? foldedSuffixes : suffixes, tests.field(), true)
                            .add(fold(suffix.value(), suffix.ignoreCase()), rule);
                    return true;
                }
                if (op instanceof Operator.Wildcard wildcard && fileWildcard(rule, tests.field(), wildcard)) {
                    return true;
                }
                if (op instanceof Operator.ContainsWord contains) {
                    words.computeIfAbsent(tests.field(), f -> new HashMap<>())
                            .computeIfAbsent(compiler.words.add(contains.words()), k -> new ArrayList<>()).add(rule);
                    return true;
                }
            }
            // Any test on an attribute but 'exists: false' needs the attribute to be there.
            if (tests.field().field() == dev.flowrules.dsl.Field.ATTRIBUTE
                    && tests.tests().stream().noneMatch(op -> op instanceof Operator.Exists e && !e.expected())) {
                attributePresent.computeIfAbsent(tests.field().attribute(), k -> new ArrayList<>()).add(rule);
                return true;
            }
            return false;
        }

        /**
         * A wildcard covers the whole value, so its text before the first '*' is a prefix the value must start
         * with, and its text after the last '*' a suffix it must end with; with no '*' at all it is an equality.
         */
        private boolean fileWildcard(int rule, FieldRef field, Operator.Wildcard wildcard) {
            if (wildcard.ignoreCase() && !wildcard.pattern().chars().allMatch(c -> c < 128)) {
                return false; // RE2's case folding and lower-casing part ways outside ASCII: test the rule every time
            }
            String pattern = fold(wildcard.pattern(), wildcard.ignoreCase());
            int first = pattern.indexOf('*');
            if (first < 0) {
                file(wildcard.ignoreCase() ? folded : exact, field, pattern, rule);
                return true;
            }
            if (first > 0) {
                trie(wildcard.ignoreCase() ? foldedPrefixes : prefixes, field, false).add(pattern.substring(0, first), rule);
                return true;
            }
            int last = pattern.lastIndexOf('*');
            if (last < pattern.length() - 1) {
                trie(wildcard.ignoreCase() ? foldedSuffixes : suffixes, field, true).add(pattern.substring(last + 1), rule);
                return true;
            }
            return false;
        }

        private static PrefixIndex trie(Map<FieldRef, PrefixIndex> tries, FieldRef field, boolean fromEnd) {
            return tries.computeIfAbsent(field, f -> new PrefixIndex(fromEnd));
        }

        private static void file(Map<FieldRef, Map<String, List<Integer>>> index, FieldRef field, String key, int rule) {
            List<Integer> rules = index.computeIfAbsent(field, f -> new HashMap<>()).computeIfAbsent(key, k -> new ArrayList<>());
            if (rules.isEmpty() || rules.get(rules.size() - 1) != rule) {
                rules.add(rule);
            }
        }

        private static String fold(String value, boolean ignoreCase) {
            return ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        }

        Candidates build() {
            return new Candidates(this);
        }
    }
}
