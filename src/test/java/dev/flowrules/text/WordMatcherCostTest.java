package dev.flowrules.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The cost of matching grows with the message, not with the lists (issue 15.6): counted in trie lookups, not
 * timed, so the test says the same on any machine.
 */
class WordMatcherCostTest {

    private static WordTrie trie(List<String> entries, Set<Evasion> evasions) {
        WordTrie trie = new WordTrie();
        for (String entry : entries) {
            trie.add(WordTrie.path(Reading.of(entry, evasions)), 0, entry);
        }
        return trie.freeze();
    }

    private static long lookups(WordTrie trie, String text, Set<Evasion> evasions) {
        return WordMatcher.lookups(trie, Reading.of(text, evasions), evasions.contains(Evasion.REPEATS));
    }

    @Test
    void phrasesSharingAFirstWordDoNotMultiplyTheCost() {
        List<String> shared = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            shared.add("a w" + i);
        }
        String message = "a ".repeat(2048); // 4 KB
        for (Set<Evasion> evasions : List.of(Set.<Evasion>of(), Evasion.all())) {
            long big = lookups(trie(shared, evasions), message, evasions);
            long small = lookups(trie(List.of("a w0"), evasions), message, evasions);
            assertThat(big).as("%s", evasions).isEqualTo(small);
            assertThat(big).isLessThanOrEqualTo(8L * message.length());
        }
    }

    @Test
    void costPerCharacterIsBoundedForHostileShapes() {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            entries.add("a".repeat(1 + i % 50) + " b" + i);
            entries.add("i l i l".repeat(1 + i % 5) + i);
        }
        entries.add("a".repeat(900));
        WordTrie trie = trie(entries, Evasion.all());
        for (String message : List.of("a".repeat(4096), "a ".repeat(2048), "1".repeat(4096), "1 ".repeat(2048),
                "|!1".repeat(1365), "a1a1 ".repeat(819), "诈".repeat(4096), "$ ".repeat(2048))) {
            long cost = lookups(trie, message, Evasion.all());
            // Each unit moves at most MAX_STATES live nodes by at most three readings (and a run by at most the
            // trie's depth, which a run's own length pays for).
            assertThat(cost).as(message.substring(0, 8)).isLessThanOrEqualTo(4L * 3 * WordMatcher.MAX_STATES * message.length());
        }
    }
}
