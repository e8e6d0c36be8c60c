package dev.flowrules.compile;

import dev.flowrules.dsl.Words;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whole-word and phrase lookup for one word list: a hash map from each entry's first word to the entries
 * starting with it, so a message costs one lookup per word whatever the list's size.
 */
final class WordIndex {
    private final Map<String, List<String[]>> byFirstWord = new HashMap<>();
    private final Map<String, String> originals = new HashMap<>();

    WordIndex(List<String> entries) {
        for (String entry : entries) {
            List<String> words = Words.entryWords(entry);
            if (words.isEmpty()) {
                continue;
            }
            String[] phrase = words.toArray(String[]::new);
            byFirstWord.computeIfAbsent(phrase[0], k -> new ArrayList<>()).add(phrase);
            originals.putIfAbsent(String.join(" ", words), entry);
        }
    }

    /** A value's words, normalised once and shared by every word test on that value. */
    record Scan(String normalized, List<Words.Token> tokens) {
    }

    static Scan scan(String value) {
        String normalized = Words.normalize(value);
        return new Scan(normalized, Words.tokens(normalized));
    }

    /** The list entry found in the value, as the author wrote it, or null. */
    String find(Scan scan) {
        List<Words.Token> tokens = scan.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            List<String[]> candidates = byFirstWord.get(tokens.get(i).text());
            if (candidates == null) {
                continue;
            }
            for (String[] phrase : candidates) {
                if (matchesAt(tokens, i, phrase)) {
                    return originals.get(String.join(" ", phrase));
                }
            }
        }
        return null;
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

    boolean isEmpty() {
        return byFirstWord.isEmpty();
    }
}
