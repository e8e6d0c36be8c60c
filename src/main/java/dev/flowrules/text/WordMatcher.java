package dev.flowrules.text;

import java.util.Arrays;

/**
 * Runs a {@link Reading} through a {@link WordTrie}, following every way of reading it at once (a set of trie
 * nodes, as an automaton does), so the cost is linear in the text whatever the lists hold: each unit moves each
 * live node at most once per reading, and the live set is bounded.
 */
final class WordMatcher {
    /** The most places in the trie followed at once; beyond it, further readings of that place are not followed. */
    static final int MAX_STATES = 64;

    /** Receives the lists whose entries end at a node where a word ends. */
    interface Sink {
        void found(WordTrie.Accept[] accepts);
    }

    private final WordTrie trie;
    private final Reading reading;
    private final boolean repeats;
    private final Sink sink;
    // Sets of live nodes; they start small and grow up to MAX_STATES, as most texts keep one or two nodes live.
    private int[] current = new int[8];
    private int currentSize;
    private int[] next = new int[8];
    private int nextSize;
    private int[] layer = new int[8];
    private int layerSize;
    private int[] carry = new int[8];
    /** Scratch for {@link #step}'s previous layer and {@link #readings}' single reading: no array per unit. */
    private int[] from = new int[8];
    private final int[] single = new int[1];
    private int carrySize;
    private boolean saturated;
    /** Trie lookups made, for the tests that check the cost stays linear. */
    private long lookups;

    private WordMatcher(WordTrie trie, Reading reading, boolean repeats, Sink sink) {
        this.trie = trie;
        this.reading = reading;
        this.repeats = repeats;
        this.sink = sink;
    }

    /** Reports every entry found; whether some reading was not followed because too many were live at once. */
    static boolean match(WordTrie trie, Reading reading, boolean repeats, Sink sink) {
        return run(trie, reading, repeats, sink).saturated;
    }

    /**
     * {@link #match} for plain ASCII text ({@link Reading#isPlain}), read in place: the words are found while
     * matching, so nothing of the size of the text is built.
     */
    static boolean matchPlain(WordTrie trie, String text, boolean repeats, Sink sink) {
        Reading reading = Reading.unsplit(text);
        WordMatcher matcher = new WordMatcher(trie, reading, repeats, sink);
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && !Reading.isWordChar(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && Reading.isWordChar(text.charAt(i))) {
                i++;
            }
            // A word no entry starts with, and no phrase under way: nothing to follow (most words of a message).
            boolean dead = matcher.carrySize == 0 && i > start && trie.child(WordTrie.ROOT, reading.primary(start)) < 0;
            if (i > start && !dead) {
                matcher.word(start, i);
            }
        }
        return matcher.saturated;
    }

    /** The number of trie lookups matching a reading takes. */
    static long lookups(WordTrie trie, Reading reading, boolean repeats) {
        return run(trie, reading, repeats, accepts -> { }).lookups;
    }

    private static WordMatcher run(WordTrie trie, Reading reading, boolean repeats, Sink sink) {
        WordMatcher matcher = new WordMatcher(trie, reading, repeats, sink);
        for (int w = 0; w < reading.words(); w++) {
            if (reading.wordClass[w] == Reading.SPACED) {
                matcher.word(reading.wordStart[w], reading.wordEnd[w]);
            } else {
                matcher.unspaced(reading.wordStart[w], reading.wordEnd[w]);
            }
        }
        for (int[] row : reading.spacedRows) {
            matcher.row(row);
        }
        return matcher;
    }

    private int child(int node, int cp) {
        lookups++;
        return trie.child(node, cp);
    }

    /** A word of a spaced script: entries start where it starts and end where it ends. */
    private void word(int start, int end) {
        startWord();
        int u = start;
        while (u < end) {
            int v = u + 1;
            while (v < end && same(u, v)) {
                v++;
            }
            nextSize = 0;
            step(u, v - u, readings(u, false));
            if (reading.mayBreak(u)) {
                // The symbol may be punctuation: a word ends before it and another starts after it.
                for (int i = 0; i < currentSize; i++) {
                    accept(current[i]);
                    addNext(child(current[i], WordTrie.BREAK));
                }
                addNext(WordTrie.ROOT);
            }
            swap();
            u = v;
            if (currentSize == 0) {
                // No entry is under way: only a symbol that may end the word can start one again. Most words of a
                // message die in the trie after a letter or two, so the rest of them is not read at all.
                u = nextBreak(u, end);
            }
        }
        endWord();
    }

    /** The first unit from u on that may end a word, or end: where a dead word can come alive again. */
    private int nextBreak(int u, int end) {
        if (!reading.hasBreaks()) {
            return end;
        }
        while (u < end && !reading.mayBreak(u)) {
            u++;
        }
        return u;
    }

    /** A run of a script written without spaces: entries may start and end at any of its characters. */
    private void unspaced(int start, int end) {
        startWord();
        for (int u = start; u < end; u++) {
            addCurrent(WordTrie.ROOT);
            nextSize = 0;
            int[] readings = readings(u, false);
            for (int i = 0; i < currentSize; i++) {
                int state = current[i];
                int between = child(state, WordTrie.BREAK);
                for (int cp : readings) {
                    addNext(child(state, cp));
                    if (between >= 0) {
                        addNext(child(between, cp));
                    }
                }
            }
            swap();
            for (int i = 0; i < currentSize; i++) {
                accept(current[i]);
            }
        }
        endWord();
    }

    /** Single letters one by one ({@code s c a m}): entries of at least {@link Reading#MIN_ROW} letters. */
    private void row(int[] units) {
        currentSize = 0;
        int i = 0;
        while (i < units.length) {
            int j = i + 1;
            while (j < units.length && same(units[i], units[j])) {
                j++;
            }
            int live = currentSize;
            for (int s = 0; s < live; s++) {
                addCurrent(child(current[s], WordTrie.BREAK));
            }
            addCurrent(WordTrie.ROOT);
            nextSize = 0;
            step(units[i], j - i, readings(units[i], true));
            swap();
            for (int s = 0; s < currentSize; s++) {
                if (trie.letters(current[s]) >= Reading.MIN_ROW) {
                    accept(current[s]);
                }
            }
            i = j;
        }
    }

    private void startWord() {
        currentSize = 0;
        addCurrent(WordTrie.ROOT);
        for (int i = 0; i < carrySize; i++) {
            addCurrent(carry[i]);
        }
        carrySize = 0;
    }

    private void endWord() {
        for (int i = 0; i < currentSize; i++) {
            accept(current[i]);
            int after = child(current[i], WordTrie.BREAK);
            if (after >= 0 && carrySize < MAX_STATES && !contains(carry, carrySize, after)) {
                carry = room(carry, carrySize);
                carry[carrySize++] = after;
            }
        }
    }

    /**
     * Moves every live node over a run of {@code n} equal units. A unit with several readings may take a different
     * one at each step ({@code c11ck} is click), so the run is followed layer by layer, each layer bounded.
     */
    private void step(int unit, int n, int[] readings) {
        if (n == 1 && readings.length == 1) {
            // The usual unit, one reading and not repeated: each live node moves by it or dies.
            for (int i = 0; i < currentSize; i++) {
                addNext(child(current[i], readings[0]));
            }
            return;
        }
        boolean rarelyDoubled = false;
        for (int cp : readings) {
            rarelyDoubled |= !Folding.oftenDoubled(cp);
        }
        for (int i = 0; i < currentSize; i++) {
            layerSize = 0;
            layer[layerSize++] = current[i]; // never empty: it has room for one
            for (int k = 1; k <= n && layerSize > 0; k++) {
                int size = layerSize;
                if (from.length < size) {
                    from = Arrays.copyOf(from, layer.length);
                }
                System.arraycopy(layer, 0, from, 0, size);
                layerSize = 0;
                for (int f = 0; f < size; f++) {
                    for (int cp : readings) {
                        int node = child(from[f], cp);
                        if (node >= 0 && !contains(layer, layerSize, node)) {
                            if (layerSize == MAX_STATES) {
                                saturated = true;
                            } else {
                                layer = room(layer, layerSize);
                                layer[layerSize++] = node;
                            }
                        }
                    }
                }
                if (allowed(k, n, rarelyDoubled)) {
                    for (int f = 0; f < layerSize; f++) {
                        addNext(layer[f]);
                    }
                }
            }
        }
    }

    /**
     * How many letters of an entry a run of {@code n} equal letters may stand for: exactly n; with repeats, any
     * number up to n once a letter is written three times, or one for a double of a letter English rarely doubles.
     */
    private boolean allowed(int k, int n, boolean rarelyDoubled) {
        if (k == n) {
            return true;
        }
        return repeats && (n >= 3 || (n == 2 && k == 1 && rarelyDoubled));
    }

    private int[] readings(int unit, boolean inRow) {
        int[] all = reading.readings(unit);
        if (all == null && inRow && reading.leet) {
            all = Folding.leetDigitReadings(reading.primary(unit));
        }
        if (all == null) {
            single[0] = reading.primary(unit); // read before the next call: every caller loops over it at once
            return single;
        }
        return all;
    }

    private boolean same(int u, int v) {
        return reading.primary(u) == reading.primary(v) && reading.mayBreak(u) == reading.mayBreak(v)
                && Arrays.equals(reading.readings(u), reading.readings(v));
    }

    private void accept(int node) {
        WordTrie.Accept[] accepts = trie.accepts(node);
        if (accepts != null) {
            sink.found(accepts);
        }
    }

    private void addNext(int node) {
        if (node < 0 || contains(next, nextSize, node)) {
            return;
        }
        if (nextSize == MAX_STATES) {
            saturated = true;
            return;
        }
        next = room(next, nextSize);
        next[nextSize++] = node;
    }

    private void addCurrent(int node) {
        if (node < 0 || contains(current, currentSize, node)) {
            return;
        }
        if (currentSize == MAX_STATES) {
            saturated = true;
            return;
        }
        current = room(current, currentSize);
        current[currentSize++] = node;
    }

    /** The set, grown when it is full (never beyond MAX_STATES: callers stop adding there). */
    private static int[] room(int[] set, int size) {
        return size < set.length ? set : Arrays.copyOf(set, Math.min(MAX_STATES, set.length * 2));
    }

    private static boolean contains(int[] set, int size, int node) {
        for (int i = 0; i < size; i++) {
            if (set[i] == node) {
                return true;
            }
        }
        return false;
    }

    private void swap() {
        int[] t = current;
        current = next;
        next = t;
        currentSize = nextSize;
        nextSize = 0;
    }
}
