package dev.flowrules.compile;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The case-blind form of text in which literals are looked for: each code point replaced by a fixed member of
 * its case class, the classes joining every code point with its upper, lower and title case (so 'K', 'k' and
 * the Kelvin sign U+212A are one class, as are 'S', 's' and long s U+017F). These classes are at least as wide
 * as RE2's simple case-folding orbits, which {@code (?i)} and {@code ignore-case} use, and as wide as what
 * {@code String.toLowerCase(Locale.ROOT)} merges; dotted capital I (U+0130) becomes "i" and a combining dot,
 * as {@code toLowerCase} writes it. Hence a literal that occurs in a text, case-blind or not, also occurs in
 * their folded forms: a necessary test, never a sufficient one. TextFoldTest checks the classes against re2j's
 * own fold orbits for every code point.
 */
final class TextFold {
    private TextFold() {
    }

    static final int DOTTED_CAPITAL_I = 0x130;

    /** The folded form of one code point (U+0130 has a two-character form, see {@link #fold(String)}). */
    static int fold(int cp) {
        if (cp < 128) {
            return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
        }
        return Table.INSTANCE.fold(cp);
    }

    /** The folded form of a text. */
    static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == DOTTED_CAPITAL_I) {
                folded.append('i').appendCodePoint(fold(0x307));
            } else {
                folded.appendCodePoint(fold(cp));
            }
        }
        return folded.toString();
    }

    /**
     * The classes beyond ASCII, built on first use (a message or literal with a non-ASCII character): a union of
     * every cased code point with its case mappings, then sorted arrays for allocation-free lookups.
     */
    private static final class Table {
        static final Table INSTANCE = new Table();
        /** re2j's highest code point with a case fold is below this. */
        private static final int LAST = 0x1E944;
        private final int[] from;
        private final int[] to;

        private Table() {
            Map<Integer, Integer> parent = new HashMap<>();
            for (int cp = 0; cp < LAST; cp++) {
                int lower = Character.toLowerCase(cp);
                int upper = Character.toUpperCase(cp);
                int title = Character.toTitleCase(cp);
                if (lower != cp || upper != cp || title != cp) {
                    union(parent, cp, lower);
                    union(parent, cp, upper);
                    union(parent, cp, title);
                }
            }
            // Each class is represented by its lower-case ASCII member when it has one (so ASCII folds stay
            // plain lower case, as the fast path above assumes), else by its smallest member.
            Map<Integer, Integer> representative = new HashMap<>();
            for (int cp : parent.keySet()) {
                int root = find(parent, cp);
                int candidate = cp < 128 ? Character.toLowerCase(cp) : cp;
                Integer known = representative.get(root);
                representative.put(root, known == null ? candidate : better(known, candidate));
            }
            int[] keys = parent.keySet().stream().mapToInt(Integer::intValue).filter(cp -> cp >= 128).sorted().toArray();
            from = keys;
            to = new int[keys.length];
            for (int i = 0; i < keys.length; i++) {
                to[i] = representative.get(find(parent, keys[i]));
            }
        }

        private static int better(int a, int b) {
            boolean asciiA = a < 128;
            boolean asciiB = b < 128;
            if (asciiA != asciiB) {
                return asciiA ? a : b;
            }
            return Math.min(a, b);
        }

        int fold(int cp) {
            int at = Arrays.binarySearch(from, cp);
            return at >= 0 ? to[at] : cp;
        }

        private static int find(Map<Integer, Integer> parent, int cp) {
            int root = cp;
            Integer up;
            while ((up = parent.get(root)) != null && up != root) {
                root = up;
            }
            return root;
        }

        private static void union(Map<Integer, Integer> parent, int a, int b) {
            parent.putIfAbsent(a, a);
            parent.putIfAbsent(b, b);
            int rootA = find(parent, a);
            int rootB = find(parent, b);
            if (rootA != rootB) {
                parent.put(rootA, rootB);
            }
        }
    }
}
