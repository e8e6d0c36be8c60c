package dev.flowrules.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts taken for ASCII text read exactly as the general path does: {@link Reading} (no normaliser, no
 * script table, no copy of the text) gives the same words, units, readings and rows as for the same text with one
 * non-ASCII separator appended, which goes the general way; without leet or spacing, {@link WordMatcher#matchPlain}
 * (no reading built) finds what matching the reading finds.
 */
class ReadingAsciiTest {

    /** An em dash: a separator that NFKC keeps, so the text goes through the normaliser and the general path. */
    private static final String GENERAL = "\u2014";

    @Test
    void asciiTextReadsAsTheGeneralPathReadsIt() {
        Random random = new Random(7);
        String alphabet = "scamSCAM0134578 .-_@$!|+(^,;:'\"#%&*/\\?[]{}~`<>=\t\n";
        List<Set<Evasion>> sets = new ArrayList<>(List.of(Set.of(), Evasion.all()));
        for (Evasion evasion : Evasion.values()) {
            sets.add(EnumSet.of(evasion));
            sets.add(EnumSet.complementOf(EnumSet.of(evasion)));
        }
        for (int i = 0; i < 3_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(24); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            for (Set<Evasion> evasions : sets) {
                Reading fast = Reading.of(text.toString(), evasions);
                Reading general = Reading.of(text + GENERAL, evasions);
                String what = "'" + text + "' with " + evasions;
                assertThat(described(fast)).as(what).isEqualTo(described(general));
            }
        }
    }

    /** Plain ASCII text matched in place finds, entry for entry, what matching its reading finds. */
    @Test
    void plainTextMatchedInPlaceFindsWhatItsReadingFinds() {
        Random random = new Random(8);
        String alphabet = "scamSCAM01 .-_@$!'\t\n";
        List<Set<Evasion>> plain = new ArrayList<>();
        for (Set<Evasion> evasions : List.of(Set.<Evasion>of(), Evasion.all())) {
            Set<Evasion> without = EnumSet.noneOf(Evasion.class);
            without.addAll(evasions);
            without.removeAll(List.of(Evasion.LEET, Evasion.SPACING));
            plain.add(without);
        }
        plain.add(EnumSet.of(Evasion.REPEATS));
        long found = 0;
        for (int t = 0; t < 200; t++) {
            List<String> entries = new ArrayList<>();
            for (int e = 0; e < 12; e++) {
                entries.add(randomText(random, "scam01 ", 1 + random.nextInt(6)));
            }
            for (Set<Evasion> evasions : plain) {
                WordTrie trie = new WordTrie();
                for (int e = 0; e < entries.size(); e++) {
                    int[] path = WordTrie.path(Reading.of(entries.get(e), evasions));
                    if (path.length > 0) {
                        trie.add(path, e, entries.get(e));
                    }
                }
                trie.freeze();
                for (int m = 0; m < 30; m++) {
                    String text = randomText(random, alphabet, random.nextInt(40));
                    assertThat(Reading.isPlain(Normalized.of(text), evasions)).isTrue();
                    boolean repeats = evasions.contains(Evasion.REPEATS);
                    List<String> inPlace = new ArrayList<>();
                    WordMatcher.matchPlain(trie, text, repeats, accepts -> inPlace.addAll(names(accepts)));
                    List<String> read = new ArrayList<>();
                    WordMatcher.match(trie, Reading.of(text, evasions), repeats, accepts -> read.addAll(names(accepts)));
                    assertThat(inPlace).as("'%s' with %s in %s", text, evasions, entries).isEqualTo(read);
                    found += read.size();
                }
            }
        }
        assertThat(found).as("entries found, so the comparison saw matches").isGreaterThan(1_000);
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int n = length; n > 0; n--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static List<String> names(WordTrie.Accept[] accepts) {
        return Arrays.stream(accepts).map(a -> a.list() + ":" + a.entry()).toList();
    }

    /**
     * A reading as matching sees it, whatever its unit numbering: each word's units (primary reading, every
     * reading, whether it may end the word) and script class, then each spaced-out row's units.
     */
    static List<String> described(Reading reading) {
        List<String> described = new ArrayList<>();
        for (int w = 0; w < reading.words(); w++) {
            described.add("word " + reading.wordClass[w] + ":" + units(reading, reading.wordStart[w], reading.wordEnd[w]));
        }
        for (int[] row : reading.spacedRows) {
            StringBuilder units = new StringBuilder("row:");
            for (int u : row) {
                units.append(units(reading, u, u + 1));
            }
            described.add(units.toString());
        }
        return described;
    }

    private static String units(Reading reading, int from, int to) {
        StringBuilder units = new StringBuilder();
        for (int u = from; u < to; u++) {
            units.append(' ').append(reading.primary(u)).append(Arrays.toString(reading.readings(u))).append(reading.mayBreak(u));
        }
        return units.toString();
    }

    /** What the ASCII shortcut of the character classes relies on, checked on every ASCII character. */
    @Test
    void asciiCharacterClassesAreTheOnesTheShortcutAssumes() {
        for (int cp = 0; cp < 0x80; cp++) {
            boolean letter = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
            boolean digit = cp >= '0' && cp <= '9';
            assertThat(Character.isLetter(cp)).as("U+%04X", cp).isEqualTo(letter);
            assertThat(Character.isDigit(cp)).as("U+%04X", cp).isEqualTo(digit);
            assertThat(Character.isLetterOrDigit(cp)).as("U+%04X", cp).isEqualTo(letter || digit);
            int type = Character.getType(cp);
            assertThat(type).as("U+%04X", cp).isNotIn((int) Character.NON_SPACING_MARK, (int) Character.COMBINING_SPACING_MARK,
                    (int) Character.ENCLOSING_MARK, (int) Character.FORMAT);
            assertThat(Folding.invisible(cp) || Folding.boxedLetter(cp) >= 0 || Folding.stroke(cp) >= 0
                    || Folding.lookAlike(cp) >= 0).as("U+%04X", cp).isFalse();
            if (letter) {
                assertThat(Character.UnicodeScript.of(cp)).isEqualTo(Character.UnicodeScript.LATIN);
            }
            assertThat(Reading.scriptClass(cp)).isEqualTo(Reading.SPACED);
        }
    }
}
