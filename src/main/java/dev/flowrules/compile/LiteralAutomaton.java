package dev.flowrules.compile;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho-Corasick automaton over folded literals (see {@link TextFold}): one pass over a text finds which of any
 * number of literals occur in its folded form, in time linear in the text plus the literals found, with no
 * allocation during the pass. Immutable once built; safe to share between threads.
 */
final class LiteralAutomaton {
    /** Longer literals are cut: a literal's prefix occurs wherever the literal does, so the test stays necessary. */
    static final int MAX_LITERAL = 64;

    private final int literals;
    /** Transitions of state s: characters {@code edgeChar[edgeStart[s]..edgeStart[s+1])}, sorted, to {@code edgeTarget}. */
    private final int[] edgeStart;
    private final char[] edgeChar;
    private final int[] edgeTarget;
    /** The root's transitions on ASCII characters, looked up directly (most text is ASCII); 0 for none. */
    private final int[] rootAscii;
    private final int[] fail;
    /** The literal ending at a state, or -1. */
    private final int[] output;
    /** The nearest state along the failure chain (itself excluded) with an output, or -1. */
    private final int[] outputLink;
    /**
     * For each state, two words with a bit per ASCII character it has an edge on: most steps below the root find
     * no edge and follow the failure link, and the bit says so without a search.
     */
    private final long[] asciiEdges;
    /** The state itself when it has an output, else its {@link #outputLink}: one look per character finds none. */
    private final int[] firstOutput;

    private LiteralAutomaton(int literals, int[] edgeStart, char[] edgeChar, int[] edgeTarget, int[] fail, int[] output,
            int[] outputLink) {
        this.literals = literals;
        this.edgeStart = edgeStart;
        this.edgeChar = edgeChar;
        this.edgeTarget = edgeTarget;
        this.fail = fail;
        this.output = output;
        this.outputLink = outputLink;
        this.asciiEdges = new long[2 * output.length];
        for (int state = 0; state < output.length; state++) {
            for (int e = edgeStart[state]; e < edgeStart[state + 1] && edgeChar[e] < 128; e++) {
                asciiEdges[2 * state + (edgeChar[e] >>> 6)] |= 1L << edgeChar[e];
            }
        }
        this.rootAscii = new int[128];
        for (char c = 0; c < 128; c++) {
            rootAscii[c] = Math.max(edge(0, c), 0);
        }
        this.firstOutput = new int[output.length];
        for (int s = 0; s < output.length; s++) {
            firstOutput[s] = output[s] >= 0 ? s : outputLink[s];
        }
    }

    /** How many distinct literals the automaton holds; their ids are 0 to this minus one. */
    int size() {
        return literals;
    }

    /** A set for {@link #scan}: one bit per literal. */
    long[] newFoundSet() {
        return new long[(literals + 63) >>> 6];
    }

    /** Sets the bit of every literal that occurs in the folded form of {@code text}. */
    void scan(CharSequence text, long[] found) {
        if (literals == 0) {
            return;
        }
        int state = 0;
        int n = text.length();
        for (int i = 0; i < n; ) {
            char c = text.charAt(i++);
            if (c < 128) {
                // ASCII is never a surrogate nor U+0130 and folds to ASCII: the common path
                state = step(state, (char) TextFold.fold(c));
                if (firstOutput[state] >= 0) {
                    report(state, found);
                }
                continue;
            }
            int cp = c;
            if (Character.isHighSurrogate(c) && i < n && Character.isLowSurrogate(text.charAt(i))) {
                cp = Character.toCodePoint(c, text.charAt(i++));
            }
            if (cp == TextFold.DOTTED_CAPITAL_I) {
                state = report(step(state, 'i'), found);
                state = report(step(state, (char) TextFold.fold(0x307)), found);
                continue;
            }
            int folded = TextFold.fold(cp);
            if (folded < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                state = report(step(state, (char) folded), found);
            } else {
                state = report(step(state, Character.highSurrogate(folded)), found);
                state = report(step(state, Character.lowSurrogate(folded)), found);
            }
        }
    }

    private int report(int state, long[] found) {
        int s = firstOutput[state];
        while (s >= 0) {
            int literal = output[s];
            long bit = 1L << literal;
            if ((found[literal >>> 6] & bit) != 0) {
                break; // found before from this state, and with it every literal further down the chain
            }
            found[literal >>> 6] |= bit;
            s = outputLink[s];
        }
        return state;
    }

    private int step(int state, char c) {
        while (true) {
            if (state == 0) {
                return c < 128 ? rootAscii[c] : Math.max(edge(0, c), 0);
            }
            int next = edge(state, c);
            if (next >= 0) {
                return next;
            }
            state = fail[state];
        }
    }

    /** Below the root most states have one or two edges: a short scan of them beats a binary search. */
    private int edge(int state, char c) {
        if (c < 128 && (asciiEdges[2 * state + (c >>> 6)] & (1L << c)) == 0) {
            return -1;
        }
        int from = edgeStart[state];
        int to = edgeStart[state + 1];
        if (to - from > 4) {
            return edge(edgeStart, edgeChar, edgeTarget, state, c);
        }
        for (int e = from; e < to; e++) {
            if (edgeChar[e] == c) {
                return edgeTarget[e];
            }
        }
        return -1;
    }

    private static int edge(int[] edgeStart, char[] edgeChar, int[] edgeTarget, int state, char c) {
        int at = Arrays.binarySearch(edgeChar, edgeStart[state], edgeStart[state + 1], c);
        return at >= 0 ? edgeTarget[at] : -1;
    }

    /** Collects literals (already folded) and gives each distinct one an id, in order of first sight. */
    static final class Builder {
        private final Map<String, Integer> ids = new HashMap<>();
        /** Trie edges during the build: (state << 16 | char) to the target state. */
        private final Map<Long, Integer> edges = new HashMap<>();
        private int states = 1;
        private int[] output = {-1};

        /** The id of a non-empty folded literal, cut to {@link #MAX_LITERAL} characters. */
        int add(String folded) {
            if (folded.isEmpty()) {
                throw new IllegalArgumentException("an empty literal occurs everywhere; it cannot select anything");
            }
            String literal = folded.length() > MAX_LITERAL ? folded.substring(0, MAX_LITERAL) : folded;
            Integer known = ids.get(literal);
            if (known != null) {
                return known;
            }
            int id = ids.size();
            ids.put(literal, id);
            int state = 0;
            for (int i = 0; i < literal.length(); i++) {
                long key = ((long) state << 16) | literal.charAt(i);
                Integer next = edges.get(key);
                if (next == null) {
                    next = states++;
                    edges.put(key, next);
                }
                state = next;
            }
            if (state >= output.length) {
                int old = output.length;
                output = Arrays.copyOf(output, Math.max(states, old * 2));
                Arrays.fill(output, old, output.length, -1);
            }
            output[state] = id;
            return id;
        }

        LiteralAutomaton build() {
            int n = states;
            int[] inserted = Arrays.copyOf(output, n);
            for (int s = output.length; s < n; s++) {
                inserted[s] = -1;
            }
            // States as added are renumbered breadth-first: those nearest the root, where text spends most of its
            // steps, then sit together at the start of every array, however many literals there are.
            long[] keys = new long[edges.size()];
            int[] targets = new int[keys.length];
            int k = 0;
            for (Map.Entry<Long, Integer> edge : edges.entrySet()) {
                keys[k] = edge.getKey();
                targets[k++] = edge.getValue();
            }
            int[] renumbered = breadthFirst(n, keys, targets);
            int[] out = new int[n];
            for (int s = 0; s < n; s++) {
                out[renumbered[s]] = inserted[s];
            }
            Map<Long, Integer> edgeTo = new HashMap<>();
            for (int i = 0; i < keys.length; i++) {
                keys[i] = ((long) renumbered[(int) (keys[i] >>> 16)] << 16) | (keys[i] & 0xFFFF);
                edgeTo.put(keys[i], renumbered[targets[i]]);
            }
            // Edges sorted by (state, char): the key already orders them so.
            Arrays.sort(keys);
            int[] edgeStart = new int[n + 1];
            char[] edgeChar = new char[keys.length];
            int[] edgeTarget = new int[keys.length];
            for (int i = 0; i < keys.length; i++) {
                int from = (int) (keys[i] >>> 16);
                edgeChar[i] = (char) (keys[i] & 0xFFFF);
                edgeTarget[i] = edgeTo.get(keys[i]);
                edgeStart[from + 1]++;
            }
            for (int s = 0; s < n; s++) {
                edgeStart[s + 1] += edgeStart[s];
            }
            int[] fail = new int[n];
            int[] outputLink = new int[n];
            outputLink[0] = -1;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(0);
            while (!queue.isEmpty()) {
                int state = queue.poll();
                for (int e = edgeStart[state]; e < edgeStart[state + 1]; e++) {
                    int child = edgeTarget[e];
                    int link = 0;
                    if (state != 0) {
                        int f = fail[state];
                        int next;
                        while ((next = edge(edgeStart, edgeChar, edgeTarget, f, edgeChar[e])) < 0 && f != 0) {
                            f = fail[f];
                        }
                        link = Math.max(next, 0);
                    }
                    fail[child] = link;
                    outputLink[child] = out[link] >= 0 ? link : outputLink[link];
                    queue.add(child);
                }
            }
            return new LiteralAutomaton(ids.size(), edgeStart, edgeChar, edgeTarget, fail, out, outputLink);
        }

        /** For each state as added, its number in breadth-first order of the trie (the root stays 0). */
        private static int[] breadthFirst(int n, long[] keys, int[] targets) {
            int[] childStart = new int[n + 1];
            for (long key : keys) {
                childStart[(int) (key >>> 16) + 1]++;
            }
            for (int s = 0; s < n; s++) {
                childStart[s + 1] += childStart[s];
            }
            int[] children = new int[keys.length];
            int[] filled = Arrays.copyOf(childStart, n);
            for (int i = 0; i < keys.length; i++) {
                children[filled[(int) (keys[i] >>> 16)]++] = targets[i];
            }
            int[] order = new int[n];
            int[] renumbered = new int[n];
            int head = 0;
            int tail = 1;
            while (head < tail) {
                int state = order[head];
                renumbered[state] = head++;
                for (int c = childStart[state]; c < childStart[state + 1]; c++) {
                    order[tail++] = children[c];
                }
            }
            return renumbered;
        }
    }

    /** Builds an automaton over the given folded literals, ids in list order (duplicates share one). */
    static LiteralAutomaton of(List<String> folded) {
        Builder builder = new Builder();
        folded.forEach(builder::add);
        return builder.build();
    }
}
