package dev.flowrules.compile;

import dev.flowrules.text.Evasion;
import dev.flowrules.text.WordLists;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every word list of a rule set in one index ({@link WordLists}: one trie per set of evasions in use). One pass
 * over a value answers every {@code contains-word} test of every rule, and its cost is linear in the value
 * whatever the lists hold, so a message does not cost more with more rules or longer lists.
 */
final class WordIndex {
    private final WordLists.Builder builder = WordLists.builder();
    private volatile WordLists lists;

    /** The id of a list, adding it on first sight; rules sharing a list (and its evasions) share its entries. */
    synchronized int add(List<String> entries, Set<Evasion> evasions) {
        if (lists != null) {
            throw new IllegalStateException("word index already in use");
        }
        return builder.add(entries, evasions);
    }

    /** For each list with an entry in the value, the first such entry as the author wrote it. */
    Map<Integer, String> hits(String value) {
        return lists().hits(value);
    }

    /** Built on first use, after compiling added every list; from then on read-only. */
    private WordLists lists() {
        WordLists built = lists;
        if (built == null) {
            synchronized (this) {
                if (lists == null) {
                    lists = builder.build();
                }
                built = lists;
            }
        }
        return built;
    }
}
