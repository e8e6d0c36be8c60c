package dev.flowrules.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules filed under literal prefixes (or, reversed, suffixes) of a field's value, in a trie: walking a value's
 * first characters finds every rule whose prefix it starts with, in time bounded by the longest prefix.
 */
final class PrefixIndex {
    private static final class Node {
        final Map<Character, Node> next = new HashMap<>();
        final List<Integer> rules = new ArrayList<>();
        int[] frozen = new int[0];
    }

    private final Node root = new Node();
    private final boolean fromEnd;

    PrefixIndex(boolean fromEnd) {
        this.fromEnd = fromEnd;
    }

    void add(String literal, int rule) {
        Node node = root;
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(fromEnd ? literal.length() - 1 - i : i);
            node = node.next.computeIfAbsent(c, k -> new Node());
        }
        node.rules.add(rule);
    }

    PrefixIndex freeze() {
        freeze(root);
        return this;
    }

    private static void freeze(Node node) {
        node.frozen = node.rules.stream().mapToInt(Integer::intValue).toArray();
        node.next.values().forEach(PrefixIndex::freeze);
    }

    /** Every rule whose literal the value starts (or ends) with. */
    void collect(String value, Candidates.Hits hits) {
        Node node = root;
        for (int i = 0; i < value.length() && node != null; i++) {
            node = node.next.get(value.charAt(fromEnd ? value.length() - 1 - i : i));
            if (node != null && node.frozen.length > 0) {
                hits.addAll(node.frozen);
            }
        }
    }
}
