package dev.flowrules.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The entries of many word lists as one trie of code points, words of a phrase joined by {@link #BREAK}.
 * While lists are added, edges live in one open-addressing table, so 100,000 entries cost a few arrays rather than
 * a million objects. {@link #freeze} then packs it for reading: each node one block of an int array (its child
 * count, letters, accepting lists, then its children sorted by code point), blocks in breadth-first order, so a
 * step reads one block and the upper levels every word goes through share a few cache lines. A hash step would
 * land at a random place of a table of megabytes for large lists: a cache miss per character. Built once at compile
 * time, frozen, then only read (safe to share between threads).
 */
final class WordTrie {
    /** The edge between two words of a phrase: never a unit of a reading, which holds no spaces. */
    static final int BREAK = ' ';
    static final int ROOT = 0;

    /** A list that has an entry ending at a node, and the entry as the author wrote it. */
    record Accept(int list, String entry) {
    }

    // While adding: edges in an open-addressing table, nodes numbered in order of creation.
    private long[] keys = new long[1 << 10];
    private int[] targets = new int[1 << 10];
    private int edges;
    private int nodes = 1;
    private int[] letters = new int[1 << 10];
    private Accept[][] accepts = new Accept[1 << 10][];

    // Once frozen: a node is the offset of its block in packed; the adding arrays above are dropped.
    private static final int COUNT = 0;
    private static final int LETTERS = 1;
    private static final int ACCEPTS = 2;
    private static final int HEADER = 3;
    /** Above this many children a block is binary-searched; below it a short scan is faster. */
    private static final int SCAN = 8;
    private int[] packed;
    private Accept[][] acceptTable;
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
        return packed != null ? packedChild(node, cp) : hashedChild(node, cp);
    }

    private int packedChild(int node, int cp) {
        int count = packed[node + COUNT];
        int first = node + HEADER;
        if (count <= SCAN) {
            for (int at = first, end = first + 2 * count; at < end; at += 2) {
                int c = packed[at];
                if (c >= cp) {
                    return c == cp ? packed[at + 1] : -1;
                }
            }
            return -1;
        }
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = packed[first + 2 * mid];
            if (c < cp) {
                low = mid + 1;
            } else if (c > cp) {
                high = mid - 1;
            } else {
                return packed[first + 2 * mid + 1];
            }
        }
        return -1;
    }

    private int hashedChild(int node, int cp) {
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
        return packed != null ? packed[node + LETTERS] : letters[node];
    }

    /** The lists with an entry ending here, or null. */
    Accept[] accepts(int node) {
        if (packed == null) {
            return accepts[node];
        }
        int at = packed[node + ACCEPTS];
        return at < 0 ? null : acceptTable[at];
    }

    /** The number of nodes. */
    int size() {
        return nodes;
    }

    /** Adds an entry's code points; whether it was new for that list. */
    boolean add(int[] path, int list, String entry) {
        if (packed != null) {
            throw new IllegalStateException("a frozen trie takes no more entries");
        }
        int node = ROOT;
        for (int cp : path) {
            int next = hashedChild(node, cp);
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

    /** Packs the trie for reading (see the class comment); it takes no more entries. Idempotent. */
    WordTrie freeze() {
        if (packed != null) {
            return this;
        }
        // Edges in (node, code point) order: each node's children are a sorted run.
        long[] sorted = new long[edges];
        int[] firstEdge = new int[nodes + 1];
        int e = 0;
        for (long key : keys) {
            if (key != 0) {
                sorted[e++] = key - 1;
            }
        }
        Arrays.sort(sorted);
        int[] target = new int[edges];
        for (int i = 0; i < edges; i++) {
            target[i] = hashedChild((int) (sorted[i] >>> 21), (int) (sorted[i] & 0x1FFFFF));
            firstEdge[(int) (sorted[i] >>> 21) + 1]++;
        }
        for (int n = 0; n < nodes; n++) {
            firstEdge[n + 1] += firstEdge[n];
        }
        // Blocks in breadth-first order: the root first, then its children, and so on.
        int[] offset = new int[nodes];
        int[] order = new int[nodes];
        int size = 0;
        int queued = 1;
        for (int head = 0; head < queued; head++) {
            int node = order[head];
            offset[node] = size;
            size += HEADER + 2 * (firstEdge[node + 1] - firstEdge[node]);
            for (int i = firstEdge[node]; i < firstEdge[node + 1]; i++) {
                order[queued++] = target[i];
            }
        }
        int[] blocks = new int[size];
        List<Accept[]> table = new ArrayList<>();
        for (int node = 0; node < nodes; node++) {
            int at = offset[node];
            blocks[at + COUNT] = firstEdge[node + 1] - firstEdge[node];
            blocks[at + LETTERS] = letters[node];
            blocks[at + ACCEPTS] = accepts[node] == null ? -1 : table.size();
            if (accepts[node] != null) {
                table.add(accepts[node]);
            }
            for (int i = firstEdge[node], pair = at + HEADER; i < firstEdge[node + 1]; i++, pair += 2) {
                blocks[pair] = (int) (sorted[i] & 0x1FFFFF);
                blocks[pair + 1] = offset[target[i]];
            }
        }
        Arrays.fill(rootAscii, -1);
        for (int i = firstEdge[ROOT]; i < firstEdge[ROOT + 1]; i++) {
            int cp = (int) (sorted[i] & 0x1FFFFF);
            if (cp < 0x80) {
                rootAscii[cp] = offset[target[i]];
            }
        }
        acceptTable = table.toArray(new Accept[0][]);
        packed = blocks;
        keys = null;
        targets = null;
        letters = null;
        accepts = null;
        return this;
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
