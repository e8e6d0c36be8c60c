package dev.flowrules.dsl;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How whole-word matching sees text, the same for list entries and for messages: Unicode NFKC (so full-width
 * and compatibility forms fold to their plain form), format characters such as zero-width spaces and soft
 * hyphens removed, then lower-cased with the root locale. Diacritics are kept: "resume" does not match "résumé".
 * A word is a maximal run of letters, digits and combining marks; everything else separates words. Public for
 * the compiler and the word matcher, which must see text the way the loader does.
 */
public final class Words {
    private Words() {
    }

    /**
     * The text as whole-word matching sees it (see the class comment).
     *
     * @param text any text
     * @return NFKC, without format characters, lower case
     */
    public static String normalize(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder kept = null;
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (Character.getType(c) == Character.FORMAT) {
                if (kept == null) {
                    kept = new StringBuilder(nfkc.length());
                    kept.append(nfkc, 0, i);
                }
            } else if (kept != null) {
                kept.append(c);
            }
        }
        return (kept == null ? nfkc : kept.toString()).toLowerCase(Locale.ROOT);
    }

    /**
     * The words of already-normalised text, with their start and end offsets in it.
     *
     * @param normalized text as {@link #normalize} returns it
     * @return the words in order
     */
    public static List<Token> tokens(String normalized) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = normalized.length();
        while (i < n) {
            int cp = normalized.codePointAt(i);
            if (!isWordPart(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n) {
                cp = normalized.codePointAt(i);
                if (!isWordPart(cp)) {
                    break;
                }
                i += Character.charCount(cp);
            }
            tokens.add(new Token(normalized.substring(start, i), start, i));
        }
        return tokens;
    }

    /**
     * The words of a list entry, normalised, so an entry of two words matches them in sequence.
     *
     * @param entry a list entry as written
     * @return its words; empty when the entry has no word characters at all
     */
    public static List<String> entryWords(String entry) {
        return tokens(normalize(entry)).stream().map(Token::text).toList();
    }

    static boolean isWordPart(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /**
     * One word of a text.
     *
     * @param text the word
     * @param start its first character's offset
     * @param end the offset after its last character
     */
    public record Token(String text, int start, int end) {
    }
}
