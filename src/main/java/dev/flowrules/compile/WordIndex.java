package dev.flowrules.compile;

import dev.flowrules.dsl.Words;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every word list of a rule set in one index: a hash map from each entry's first word to the entries (of any
 * list) starting with it. One pass over a value's words answers every {@code contains-word} test of every
 * rule, so the cost of a message does not grow with the number of rules or the size of the lists.
 */
final class WordIndex {
    private record Entry(String[] phrase, int list, String original) {
    }

    private final Map<String, List<Entry>> byFirstWord = new HashMap<>();
    private final Map<List<String>, Integer> listIds = new HashMap<>();

    /** The id of a list, adding it on first sight; rules sharing a list file share its entries. */
    int add(List<String> entries) {
        Integer known = listIds.get(entries);
        if (known != null) {
            return known;
        }
        int id = listIds.size();
        listIds.put(entries, id);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String entry : entries) {
            List<String> words = Words.entryWords(entry);
            if (words.isEmpty() || !seen.add(String.join(" ", words))) {
                continue;
            }
            String[] phrase = words.toArray(String[]::new);
            byFirstWord.computeIfAbsent(phrase[0], k -> new ArrayList<>()).add(new Entry(phrase, id, entry));
        }
        return id;
    }

    /** A value's words, normalised once per evaluation. */
    record Scan(String normalized, List<Words.Token> tokens) {
    }

    static Scan scan(String value) {
        String normalized = Words.normalize(value);
        return new Scan(normalized, Words.tokens(normalized));
    }

    /** For each list with an entry in the value, the first such entry as the author wrote it. */
    Map<Integer, String> hits(Scan scan) {
        Map<Integer, String> hits = null;
        List<Words.Token> tokens = scan.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            List<Entry> candidates = byFirstWord.get(tokens.get(i).text());
            if (candidates == null) {
                continue;
            }
            for (Entry entry : candidates) {
                if (matchesAt(tokens, i, entry.phrase())) {
                    if (hits == null) {
                        hits = new HashMap<>();
                    }
                    hits.putIfAbsent(entry.list(), entry.original());
                }
            }
        }
        return hits == null ? Map.of() : hits;
    }

    private static boolean matchesAt(List<Words.Token> tokens, int start, String[] phrase) {
        if (start + phrase.length > tokens.size()) {
            return false;
        }
        for (int k = 1; k < phrase.length; k++) {
            if (!tokens.get(start + k).text().equals(phrase[k])) {
                return false;
            }
        }
        return true;
    }
}
