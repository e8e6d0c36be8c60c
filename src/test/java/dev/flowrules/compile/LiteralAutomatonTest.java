package dev.flowrules.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One pass of the automaton finds exactly the literals a search of the folded text for each one finds. */
class LiteralAutomatonTest {
    @Test
    void findsExactlyTheLiteralsOfTheFoldedText() {
        Random random = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            List<String> literals = new ArrayList<>();
            for (int i = random.nextInt(12) + 1; i > 0; i--) {
                literals.add(TextFold.fold(random.nextInt(3) == 0 ? TextFoldTest.tricky(random, 1 + random.nextInt(3))
                        : plain(random, 1 + random.nextInt(4))));
            }
            LiteralAutomaton automaton = LiteralAutomaton.of(literals);
            for (int m = 0; m < 10; m++) {
                String text = random.nextBoolean() ? plain(random, random.nextInt(40)) : TextFoldTest.tricky(random, random.nextInt(10));
                long[] found = automaton.newFoundSet();
                automaton.scan(text, found);
                String folded = TextFold.fold(text);
                List<String> distinct = literals.stream().distinct().toList();
                for (int id = 0; id < distinct.size(); id++) {
                    boolean hit = (found[id >>> 6] & (1L << id)) != 0;
                    assertThat(hit).as("%s in %s", distinct.get(id), text).isEqualTo(folded.contains(distinct.get(id)));
                }
            }
        }
    }

    @Test
    void overlappingAndNestedLiterals() {
        LiteralAutomaton automaton = LiteralAutomaton.of(List.of("he", "she", "his", "hers", "order", "rder 42"));
        long[] found = automaton.newFoundSet();
        automaton.scan("USHERS ORDER 42", found);
        assertThat(found[0]).isEqualTo(0b111011L);
    }

    @Test
    void longLiteralsAreCutAndStillFound() {
        String longLiteral = "x".repeat(200);
        LiteralAutomaton automaton = LiteralAutomaton.of(List.of(longLiteral));
        long[] found = automaton.newFoundSet();
        automaton.scan("y" + "X".repeat(LiteralAutomaton.MAX_LITERAL), found);
        assertThat(found[0]).isEqualTo(1L);
    }

    @Test
    void manyLiteralsAcrossWords() {
        List<String> literals = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            literals.add("w" + i + "x");
        }
        LiteralAutomaton automaton = LiteralAutomaton.of(literals);
        long[] found = automaton.newFoundSet();
        automaton.scan("a W999X b w5x w5x", found);
        assertThat(bits(found)).containsExactly(5, 999);
    }

    static List<Integer> bits(long[] set) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < set.length * 64; i++) {
            if ((set[i >>> 6] & (1L << i)) != 0) {
                ids.add(i);
            }
        }
        return ids;
    }

    static String plain(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append("abAB -".charAt(random.nextInt(6)));
        }
        return text.toString();
    }
}
