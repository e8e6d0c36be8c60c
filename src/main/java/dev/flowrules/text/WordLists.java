package dev.flowrules.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every word list of a rule set, matched in one pass per value: lists read with the same evasions share one
 * trie, and a value is read once per distinct set of evasions in use (usually one or two), whatever the number
 * of lists, rules or entries. Immutable once built; safe to share between threads.
 * <p>Internal: not exported by the module.
 */
public final class WordLists {
    private final List<Group> groups;
    private final int lists;

    /** The lists read with one set of evasions. */
    private record Group(Set<Evasion> evasions, WordTrie trie) {
    }

    private WordLists(List<Group> groups, int lists) {
        this.groups = groups;
        this.lists = lists;
    }

    /** The number of distinct lists. */
    public int size() {
        return lists;
    }

    /**
     * For each list with an entry in the value, the first entry found, as the author wrote it. A word is read with
     * each group's evasions; an entry matches whole words only (inside a run of a script written without spaces,
     * any part of the run).
     */
    public Map<Integer, String> hits(String value) {
        Map<Integer, String> hits = null;
        if (groups.isEmpty()) {
            return Map.of();
        }
        Normalized normalized = Normalized.of(value);
        for (Group group : groups) {
            Map<Integer, String>[] found = new Map[] {hits};
            WordMatcher.Sink sink = accepts -> {
                if (found[0] == null) {
                    found[0] = new HashMap<>();
                }
                for (WordTrie.Accept accept : accepts) {
                    found[0].putIfAbsent(accept.list(), accept.entry());
                }
            };
            boolean repeats = group.evasions().contains(Evasion.REPEATS);
            if (Reading.isPlain(normalized, group.evasions())) {
                WordMatcher.matchPlain(group.trie(), normalized.text(), repeats, sink);
            } else {
                WordMatcher.match(group.trie(), Reading.ofNormalized(normalized, group.evasions()), repeats, sink);
            }
            hits = found[0];
        }
        return hits == null ? Map.of() : Collections.unmodifiableMap(hits);
    }

    /** The words of an entry or text as they are compared, joined by spaces (for diagnostics and tests). */
    public static String readingOf(String text, Set<Evasion> evasions) {
        int[] path = WordTrie.path(Reading.of(text, evasions));
        return new String(path, 0, path.length);
    }

    /**
     * How an entry is read when that reading drops symbols or digits standing for letters inside a word
     * ({@code $cam} without leet is {@code cam}); null when nothing of the kind is lost.
     */
    public static String lostCharacters(String entry, Set<Evasion> evasions) {
        if (evasions.contains(Evasion.LEET)) {
            return null;
        }
        for (int i = 0; i < entry.length(); ) {
            int cp = entry.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (Folding.leetSymbol(cp) != null) {
                boolean letterBefore = i > 0 && Character.isLetter(entry.codePointBefore(i));
                boolean letterAfter = next < entry.length() && Character.isLetter(entry.codePointAt(next));
                if (letterBefore || letterAfter) {
                    return readingOf(entry, evasions);
                }
            }
            i = next;
        }
        return null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects lists; a list given twice (same entries, same evasions) is stored once. */
    public static final class Builder {
        private final Map<Set<Evasion>, WordTrie> tries = new LinkedHashMap<>();
        private final Map<List<Object>, Integer> ids = new HashMap<>();

        private Builder() {
        }

        /** Adds a list read with these evasions; returns its id for {@link #hits}. */
        public int add(List<String> entries, Set<Evasion> evasions) {
            Set<Evasion> key = evasions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(evasions));
            List<Object> identity = List.of(List.copyOf(entries), key);
            Integer known = ids.get(identity);
            if (known != null) {
                return known;
            }
            int id = ids.size();
            ids.put(identity, id);
            WordTrie trie = tries.computeIfAbsent(key, k -> new WordTrie());
            for (String entry : entries) {
                int[] path = WordTrie.path(Reading.of(entry, key));
                if (path.length > 0) {
                    trie.add(path, id, entry);
                }
            }
            return id;
        }

        public WordLists build() {
            List<Group> groups = new ArrayList<>();
            tries.forEach((evasions, trie) -> groups.add(new Group(evasions, trie.freeze())));
            return new WordLists(List.copyOf(groups), ids.size());
        }
    }
}
