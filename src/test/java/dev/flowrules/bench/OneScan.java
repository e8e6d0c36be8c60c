package dev.flowrules.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The floor a rule engine is compared with: one pass over an event's bytes, lower-casing ASCII letters and
 * hashing each word, looking every word up in an open-addressed table of word hashes. No parsing, no allocation.
 */
final class OneScan {
    private final int[] table;
    private final int mask;

    OneScan(List<String> words) {
        int size = Integer.highestOneBit(Math.max(16, words.size() * 4)) * 2;
        table = new int[size];
        mask = size - 1;
        for (String word : words) {
            int hash = 0;
            for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
                hash = step(hash, lower(b));
            }
            put(finish(hash));
        }
    }

    private void put(int hash) {
        int slot = hash & mask;
        while (table[slot] != 0 && table[slot] != hash) {
            slot = (slot + 1) & mask;
        }
        table[slot] = hash;
    }

    private boolean contains(int hash) {
        for (int slot = hash & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            if (table[slot] == hash) {
                return true;
            }
        }
        return false;
    }

    /** How many words of the bytes are in the table. */
    int count(byte[] bytes) {
        int found = 0;
        int hash = 0;
        boolean inWord = false;
        for (byte b : bytes) {
            int c = lower(b);
            boolean wordByte = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c < 0;
            if (wordByte) {
                hash = step(inWord ? hash : 0, c);
                inWord = true;
            } else if (inWord) {
                found += contains(finish(hash)) ? 1 : 0;
                inWord = false;
            }
        }
        return inWord && contains(finish(hash)) ? found + 1 : found;
    }

    private static int lower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + 32 : b;
    }

    private static int step(int hash, int c) {
        return (hash ^ c) * 0x01000193;
    }

    private static int finish(int hash) {
        return hash == 0 ? 1 : hash;
    }
}
