package dev.flowrules.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The folded form must merge at least what re2j's case-insensitive matching and ignore-case lower-casing merge. */
class TextFoldTest {
    /** Letters whose case classes are surprising: long s, Kelvin, Angstrom, dotted and dotless i, sigmas, sharp s, titlecase digraphs, Deseret. */
    static final String[] TRICKY = {"s", "S", "\u017F", "k", "K", "\u212A", "\u00E5", "\u00C5", "\u212B", "i", "I", "\u0130", "\u0131",
            "\u0307", "\u03A3", "\u03C3", "\u03C2", "\u00DF", "\u1E9E", "\u01C4", "\u01C5", "\u01C6", "\uD801\uDC00", "\uD801\uDC28",
            "\u0398", "\u03B8", "\u03D1", "\u03F4", "a", "B", " ", "-", "\u00E9", "\u00C9", "\u13A0", "\uAB70"};

    @Test
    void everyRe2jFoldOrbitFoldsToOneForm() throws Exception {
        Method simpleFold = Class.forName("com.google.re2j.Unicode").getDeclaredMethod("simpleFold", int.class);
        simpleFold.setAccessible(true);
        int orbits = 0;
        for (int cp = 0; cp <= 0x1FFFF; cp++) {
            if (Character.isSurrogate((char) cp) && cp < 0x10000) {
                continue;
            }
            String folded = TextFold.fold(new String(Character.toChars(cp)));
            int next = (int) simpleFold.invoke(null, cp);
            if (next != cp) {
                orbits++;
            }
            // Orbits are cycles, except where re2j falls back to case mappings (U+0130 goes to 'i'): a few steps.
            int member = next;
            for (int step = 0; step < 6 && member != cp; step++, member = (int) simpleFold.invoke(null, member)) {
                assertThat(TextFold.fold(new String(Character.toChars(member))))
                        .as("U+%04X and U+%04X are one letter to re2j", cp, member).isEqualTo(folded);
            }
        }
        assertThat(orbits).isGreaterThan(2000);
    }

    @Test
    void lowerCasingNeverSeparatesWhatFoldingJoins() {
        for (int cp = 0; cp <= 0x1FFFF; cp++) {
            if (cp < 0x10000 && Character.isSurrogate((char) cp)) {
                continue;
            }
            String text = new String(Character.toChars(cp));
            assertThat(TextFold.fold(text.toLowerCase(Locale.ROOT))).as("U+%04X", cp).isEqualTo(TextFold.fold(text));
        }
    }

    @Test
    void aLiteralFoundCaseBlindIsFoundInTheFoldedText() {
        Random random = new Random(3);
        int found = 0;
        for (int n = 0; n < 20_000; n++) {
            String text = tricky(random, 1 + random.nextInt(8));
            String literal = tricky(random, 1 + random.nextInt(3));
            boolean byRegex = Pattern.compile("(?i)" + Pattern.quote(literal)).matcher(text).find();
            boolean byLowerCase = text.toLowerCase(Locale.ROOT).contains(literal.toLowerCase(Locale.ROOT));
            if (byRegex || byLowerCase || text.contains(literal)) {
                found++;
                assertThat(TextFold.fold(text)).as("%s in %s", literal, text).contains(TextFold.fold(literal));
            }
        }
        assertThat(found).isGreaterThan(1000);
    }

    @Test
    void examples() {
        assertThat(TextFold.fold("ORDER \u212A \u017Fcam")).isEqualTo("order k scam");
        assertThat(TextFold.fold("\u0130")).isEqualTo(TextFold.fold("\u0130".toLowerCase(Locale.ROOT)));
        assertThat(TextFold.fold("\u03A3\u03C3\u03C2")).isEqualTo(TextFold.fold("\u03C3\u03C3\u03C3"));
    }

    static String tricky(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(TRICKY[random.nextInt(TRICKY.length)]);
        }
        return text.toString();
    }
}
