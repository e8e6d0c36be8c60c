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
 * The shortcuts {@link Reading} takes for ASCII text (no normaliser, no script table, no copy of the text; without
 * leet or spacing, one pass with no unit array) read exactly as the general path does: the same text with one
 * non-ASCII separator appended goes the general way and must give the same words, units, readings and rows.
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

    @Test
    void leetSymbolTestAgreesWithTheTable() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            assertThat(Folding.isLeetSymbol(cp)).as("U+%04X", cp).isEqualTo(Folding.leetSymbol(cp) != null);
        }
    }
}
