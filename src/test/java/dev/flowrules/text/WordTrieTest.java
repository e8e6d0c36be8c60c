package dev.flowrules.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The packed form of a trie ({@link WordTrie#freeze}) answers every question as the trie did while it was built. */
class WordTrieTest {

    /** Code points with few and with many siblings (binary search), ASCII and beyond, and the break between words. */
    private static final int[] ALPHABET = ("abcdefghijklmnopqrstuvwxyz0123456789 éсα诈骗" + new String(Character.toChars(0x1F170)))
            .codePoints().toArray();

    @Test
    void frozenTrieWalksLikeTheTrieItWasBuiltFrom() {
        Random random = new Random(21);
        for (int round = 0; round < 50; round++) {
            WordTrie building = new WordTrie();
            WordTrie frozen = new WordTrie();
            List<int[]> paths = new ArrayList<>();
            for (int e = 0, entries = 1 + random.nextInt(400); e < entries; e++) {
                int[] path = randomPath(random, 1 + random.nextInt(8));
                paths.add(path);
                int list = random.nextInt(5);
                assertThat(frozen.add(path, list, "e" + e)).isEqualTo(building.add(path, list, "e" + e));
            }
            frozen.freeze();
            // Walk the entries, their prefixes and random paths (most fall off the trie) through both.
            for (int walk = 0; walk < 2_000; walk++) {
                int[] path = walk % 2 == 0 ? paths.get(random.nextInt(paths.size())) : randomPath(random, 1 + random.nextInt(8));
                int a = WordTrie.ROOT;
                int b = WordTrie.ROOT;
                for (int cp : path) {
                    a = building.child(a, cp);
                    b = frozen.child(b, cp);
                    assertThat(b < 0).isEqualTo(a < 0);
                    if (a < 0) {
                        break;
                    }
                    assertThat(frozen.letters(b)).isEqualTo(building.letters(a));
                    assertThat(frozen.accepts(b)).isEqualTo(building.accepts(a));
                }
            }
        }
    }

    @Test
    void frozenTrieTakesNoMoreEntries() {
        WordTrie trie = new WordTrie();
        trie.add(new int[] {'a'}, 0, "a");
        trie.freeze();
        assertThatThrownBy(() -> trie.add(new int[] {'b'}, 0, "b")).isInstanceOf(IllegalStateException.class);
        assertThat(trie.freeze().child(WordTrie.ROOT, 'a')).isPositive();
    }

    private static int[] randomPath(Random random, int length) {
        int[] path = new int[length];
        for (int i = 0; i < length; i++) {
            // A skewed pick: early letters often, so nodes get many children and paths share prefixes.
            int pick = random.nextInt(4) == 0 ? random.nextInt(ALPHABET.length) : random.nextInt(4);
            path[i] = ALPHABET[pick];
        }
        return path;
    }
}
