package dev.flowrules.compile;

import dev.flowrules.dsl.BotPart;
import dev.flowrules.dsl.FieldRef;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules filed under literals their condition cannot hold without ({@code contains} values, the required literals
 * of regexes, the literal text of Lex bot-message tests), one {@link LiteralAutomaton} per field: one pass over
 * each value finds every such rule whose literal occurs in it, however many rules there are.
 */
final class LiteralIndex {
    /** Walked by position on every message: a map's iteration would allocate. */
    private final List<Candidates.ByField<Automaton>> fields;
    private final List<BotPart> botParts;
    private final List<Automaton> botAutomata;

    /** An automaton and, for each of its literal ids, the rules filed under it. */
    private record Automaton(LiteralAutomaton literals, int[][] rules) {
        void scan(List<String> values, Candidates.Hits hits) {
            if (values.isEmpty()) {
                return;
            }
            long[] found = literals.newFoundSet();
            for (int i = 0; i < values.size(); i++) {
                literals.scan(values.get(i), found);
            }
            report(found, hits);
        }

        private void report(long[] found, Candidates.Hits hits) {
            for (int word = 0; word < found.length; word++) {
                long bits = found[word];
                while (bits != 0) {
                    int id = (word << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    hits.addAll(rules[id]);
                }
            }
        }
    }

    private LiteralIndex(Map<FieldRef, Automaton> fields, Map<BotPart, Automaton> botParts) {
        List<Candidates.ByField<Automaton>> byField = new ArrayList<>();
        fields.forEach((field, automaton) -> byField.add(new Candidates.ByField<>(field, automaton)));
        this.fields = List.copyOf(byField);
        this.botParts = List.copyOf(botParts.keySet());
        this.botAutomata = List.copyOf(botParts.values());
    }

    /** Adds the rules whose literals occur in the message's values. */
    void select(MessageView view, Candidates.Hits hits) {
        for (int f = 0; f < fields.size(); f++) {
            fields.get(f).index().scan(view.values(fields.get(f).field()), hits);
        }
        if (botParts.isEmpty()) {
            return;
        }
        List<Map<String, Object>> messages = view.botMessages();
        for (int m = 0; m < messages.size(); m++) {
            for (int p = 0; p < botParts.size(); p++) {
                botAutomata.get(p).scan(CompiledSelector.values(messages.get(m), botParts.get(p)), hits);
            }
        }
    }

    static final class Builder {
        private final Map<FieldRef, Filed> fields = new LinkedHashMap<>();
        private final Map<BotPart, Filed> botParts = new EnumMap<>(BotPart.class);

        private static final class Filed {
            final LiteralAutomaton.Builder literals = new LiteralAutomaton.Builder();
            final Map<Integer, List<Integer>> rules = new HashMap<>();

            void add(String folded, int rule) {
                List<Integer> filed = rules.computeIfAbsent(literals.add(folded), k -> new ArrayList<>());
                if (filed.isEmpty() || filed.get(filed.size() - 1) != rule) {
                    filed.add(rule);
                }
            }

            Automaton build() {
                LiteralAutomaton automaton = literals.build();
                int[][] byLiteral = new int[automaton.size()][];
                rules.forEach((id, filed) -> byLiteral[id] = filed.stream().mapToInt(Integer::intValue).toArray());
                return new Automaton(automaton, byLiteral);
            }
        }

        /** Files a rule under a folded, non-empty literal of a field's values. */
        void field(FieldRef field, String folded, int rule) {
            fields.computeIfAbsent(field, f -> new Filed()).add(folded, rule);
        }

        /** Files a rule under a folded, non-empty literal of a part of some bot message. */
        void botPart(BotPart part, String folded, int rule) {
            botParts.computeIfAbsent(part, p -> new Filed()).add(folded, rule);
        }

        LiteralIndex build() {
            Map<FieldRef, Automaton> builtFields = new LinkedHashMap<>();
            fields.forEach((field, filed) -> builtFields.put(field, filed.build()));
            Map<BotPart, Automaton> builtParts = new EnumMap<>(BotPart.class);
            botParts.forEach((part, filed) -> builtParts.put(part, filed.build()));
            return new LiteralIndex(builtFields, builtParts);
        }
    }
}
