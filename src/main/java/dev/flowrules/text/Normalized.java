package dev.flowrules.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * A text in Unicode NFKC and whether it is all ASCII: worked out once per value and shared by every set of
 * evasions it is read with ({@link Reading}). Text of ASCII characters only is its own NFKC form (and has nothing
 * invisible, boxed or accented in it), so it skips the normaliser.
 *
 * @param text the text in NFKC
 * @param ascii whether it has ASCII characters only
 */
record Normalized(String text, boolean ascii) {

    static Normalized of(String text) {
        if (isAscii(text)) {
            return new Normalized(text, true);
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return new Normalized(nfkc, isAscii(nfkc)); // fullwidth letters, for one, come out as ASCII
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text before units are made: format and (with the evasion) invisible characters, boxed letters, accents.
     * Not asked of ASCII text, which has none of them ({@link Reading} folds its case unit by unit).
     */
    String prepared(Set<Evasion> evasions) {
        StringBuilder kept = new StringBuilder(text.length());
        boolean invisible = evasions.contains(Evasion.INVISIBLE);
        boolean width = evasions.contains(Evasion.WIDTH);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.FORMAT || (invisible && Folding.invisible(cp))) {
                continue;
            }
            int boxed = width ? Folding.boxedLetter(cp) : -1;
            kept.appendCodePoint(boxed >= 0 ? boxed : cp);
        }
        String prepared = kept.toString();
        if (evasions.contains(Evasion.ACCENTS)) {
            prepared = stripAccents(prepared);
        }
        // Without evasions, lower-case the whole text as whole-word matching always did (String rules, such as
        // the final sigma); with them, units are lower-cased one by one after look-alikes are read.
        return evasions.isEmpty() ? prepared.toLowerCase(Locale.ROOT) : prepared;
    }

    /**
     * Marks on Latin, Greek and Cyrillic letters removed (decomposed first); marks of other scripts are part of
     * their letters (Thai vowels, Devanagari signs) and stay. Letters with a stroke become the plain letter.
     */
    private static String stripAccents(String text) {
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(nfd.length());
        boolean afterAlphabetic = false;
        for (int i = 0; i < nfd.length(); ) {
            int cp = nfd.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
            if (mark && afterAlphabetic) {
                continue;
            }
            if (!mark) {
                afterAlphabetic = cp < 0x80 ? Reading.isAsciiLetter(cp) : isAlphabetic(Character.UnicodeScript.of(cp));
            }
            int plain = Folding.stroke(cp);
            out.appendCodePoint(plain >= 0 ? plain : cp);
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    private static boolean isAlphabetic(Character.UnicodeScript script) {
        return script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.GREEK
                || script == Character.UnicodeScript.CYRILLIC;
    }
}
