package dev.flowrules.text;

import java.util.Arrays;

/**
 * The entries of many word lists as one trie of code points, words of a phrase joined by {@link #BREAK}.
 * Nodes are ints and edges live in one open-addressing table, so 100,000 entries cost a few arrays rather than
 * a million objects. Built once at compile time, then only read (safe to share between threads).
 */
final class WordTrie {
    /** The edge between two words of a phrase: never a unit of a reading, which holds no spaces. */
    static final int BREAK = ' ';
    static final int ROOT = 0;

    /** A list that has an entry ending at a node, and the entry as the author wrote it. */
    record Accept(int list, String entry) {
    }

    private long[] keys = new long[1 << 10];
    private int[] targets = new int[1 << 10];
    private int edges;
    private int nodes = 1;
    private int[] letters = new int[1 << 10];
    private Accept[][] accepts = new Accept[1 << 10][];
    /** The root's children by ASCII code point: every word of a message starts here, most die here. */
    private final int[] rootAscii = filled(new int[0x80]);

    private static int[] filled(int[] array) {
        Arrays.fill(array, -1);
        return array;
    }

    private static long key(int node, int cp) {
        return ((long) node << 21 | cp) + 1; // + 1 keeps 0 free as the empty slot
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }

    /** The child of a node by a code point, or -1. */
    int child(int node, int cp) {
        if (node == ROOT && cp < 0x80) {
            return rootAscii[cp];
        }
        long key = key(node, cp);
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long found = keys[i];
            if (found == key) {
                return targets[i];
            }
            if (found == 0) {
                return -1;
            }
        }
    }

    /** Letters from the root to this node, breaks not counted. */
    int letters(int node) {
        return letters[node];
    }

    /** The lists with an entry ending here, or null. */
    Accept[] accepts(int node) {
        return accepts[node];
    }

    int size() {
        return nodes;
    }

    /** Adds an entry's code points; whether it was new for that list. */
    boolean add(int[] path, int list, String entry) {
        int node = ROOT;
        for (int cp : path) {
            int next = child(node, cp);
            if (next < 0) {
                next = newNode(letters[node] + (cp == BREAK ? 0 : 1));
                put(node, cp, next);
            }
            node = next;
        }
        Accept[] here = accepts[node];
        if (here != null) {
            for (Accept accept : here) {
                if (accept.list() == list) {
                    return false;
                }
            }
        }
        Accept[] grown = here == null ? new Accept[1] : Arrays.copyOf(here, here.length + 1);
        grown[grown.length - 1] = new Accept(list, entry);
        accepts[node] = grown;
        return true;
    }

    private int newNode(int depth) {
        if (nodes == letters.length) {
            letters = Arrays.copyOf(letters, nodes * 2);
            accepts = Arrays.copyOf(accepts, nodes * 2);
        }
        letters[nodes] = depth;
        return nodes++;
    }

    private void put(int node, int cp, int target) {
        if ((edges + 1) * 2 > keys.length) {
            grow();
        }
        long key = key(node, cp);
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        targets[i] = target;
        edges++;
        if (node == ROOT && cp < 0x80) {
            rootAscii[cp] = target;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldTargets = targets;
        keys = new long[oldKeys.length * 2];
        targets = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = slot(oldKeys[j], mask);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                targets[i] = oldTargets[j];
            }
        }
    }

    /**
     * The code points of an entry read with the same evasions as messages, words joined by {@link #BREAK}: each
     * unit by its primary reading (a digit stays a digit, a leet symbol is its letter), empty for no words.
     */
    static int[] path(Reading entry) {
        int length = 0;
        for (int w = 0; w < entry.words(); w++) {
            length += entry.wordEnd[w] - entry.wordStart[w] + (w > 0 ? 1 : 0);
        }
        int[] path = new int[length];
        int at = 0;
        for (int w = 0; w < entry.words(); w++) {
            if (w > 0) {
                path[at++] = BREAK;
            }
            for (int u = entry.wordStart[w]; u < entry.wordEnd[w]; u++) {
                path[at++] = entry.primary(u);
            }
        }
        return path;
    }
}
