package dev.flowrules.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A text as whole-word matching reads it under one set of {@link Evasion}s: a sequence of units (one per
 * character kept), each with the letters it may stand for, grouped into words. Built once per value and
 * evasion set; list entries are read the same way as messages, so both sides always agree.
 *
 * <p>Always: Unicode NFKC, format characters removed, case folded. A word is a run of letters, digits and
 * combining marks of one script class; scripts written without spaces (Han with kana, Thai, Lao, Khmer,
 * Myanmar) each form their own class, so a Latin word inside a Chinese sentence is a word of its own.
 */
final class Reading {
    /** Script classes: 0 for scripts written with spaces, others are matched inside a run. */
    static final byte SPACED = 0;

    /** The primary reading of each unit (lower case, folded). */
    final int[] primary;
    /** Further readings of a unit (a leet digit also reads as a letter), or null. */
    final int[][] others;
    /** A leet symbol inside a word may also just end the word ({@code scam!}, {@code @john}). */
    final boolean[] mayBreak;
    /** Words as unit ranges [start, end). */
    final int[] wordStart;
    final int[] wordEnd;
    final byte[] wordClass;
    /** Rows of single letters separated by spaces or punctuation ({@code s c a m}), as unit indices. */
    final List<int[]> spacedRows;
    /** Whether digits in a spaced-out row also read as letters. */
    final boolean leet;

    private Reading(int[] primary, int[][] others, boolean[] mayBreak, int[] wordStart, int[] wordEnd, byte[] wordClass,
            List<int[]> spacedRows, boolean leet) {
        this.leet = leet;
        this.primary = primary;
        this.others = others;
        this.mayBreak = mayBreak;
        this.wordStart = wordStart;
        this.wordEnd = wordEnd;
        this.wordClass = wordClass;
        this.spacedRows = spacedRows;
    }

    int words() {
        return wordStart.length;
    }

    /** The most separator characters allowed between the letters of a spaced-out row. */
    static final int MAX_GAP = 3;
    /** How many single letters in a row are read as one spaced-out word. */
    static final int MIN_ROW = 3;

    private static final int SEPARATOR = 0;
    private static final int LETTER = 1;
    private static final int MARK = 2;
    private static final int DIGIT = 3;
    private static final int SYMBOL = 4;

    /**
     * The text in Unicode NFKC, computed once per value and shared by every set of evasions it is read with. Text
     * of ASCII characters only is its own NFKC form (and has nothing invisible, boxed or accented in it), so it
     * skips the normaliser.
     */
    static String normalized(String text) {
        return isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The text before units are made: compatibility forms, invisible characters, accents. */
    static String prepare(String text, Set<Evasion> evasions) {
        return prepareNormalized(normalized(text), evasions);
    }

    /** {@link #prepare} of a text already in NFKC ({@link #normalized}). */
    private static String prepareNormalized(String nfkc, Set<Evasion> evasions) {
        if (isAscii(nfkc)) {
            // No format, invisible or boxed characters, no accents: only the case is left to fold.
            return evasions.isEmpty() ? nfkc.toLowerCase(Locale.ROOT) : nfkc;
        }
        StringBuilder kept = new StringBuilder(nfkc.length());
        boolean invisible = evasions.contains(Evasion.INVISIBLE);
        boolean width = evasions.contains(Evasion.WIDTH);
        for (int i = 0; i < nfkc.length(); ) {
            int cp = nfkc.codePointAt(i);
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
                afterAlphabetic = cp < 0x80 ? isAsciiLetter(cp) : isAlphabetic(Character.UnicodeScript.of(cp));
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

    private static boolean isAsciiLetter(int cp) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    }

    /** Whether a letter is of the Latin script; ASCII letters without the script table's binary search. */
    private static boolean isLatinLetter(int cp) {
        return cp < 0x80 || Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
    }

    static byte scriptClass(int cp) {
        if (cp < 0x80) {
            return SPACED;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        switch (script) {
            case HAN, HIRAGANA, KATAKANA:
                return 1;
            case THAI:
                return 2;
            case LAO:
                return 3;
            case KHMER:
                return 4;
            case MYANMAR:
                return 5;
            default:
                // The kana prolonged-sound mark and iteration marks are 'common' but belong to Japanese words.
                return cp == 0x30FC || cp == 0x3005 || cp == 0x309D || cp == 0x309E || cp == 0x30FD || cp == 0x30FE ? 1 : SPACED;
        }
    }

    static Reading of(String text, Set<Evasion> evasions) {
        return ofNormalized(normalized(text), evasions);
    }

    /** The reading of a text already in NFKC ({@link #normalized}), so several evasion sets share one normalisation. */
    static Reading ofNormalized(String nfkc, Set<Evasion> evasions) {
        String prepared = prepareNormalized(nfkc, evasions);
        boolean leet = evasions.contains(Evasion.LEET);
        int n = prepared.codePointCount(0, prepared.length());
        int[] cps = new int[n];
        int[] kind = new int[n];
        int[] gapBefore = new int[n];       // separator characters before the unit; MAX_GAP + 1 for a line break
        byte[] cls = new byte[n];
        int units = 0;
        int gap = 0;
        for (int i = 0; i < prepared.length(); ) {
            int cp = prepared.codePointAt(i);
            i += Character.charCount(cp);
            int k = kindOf(cp, leet);
            if (k == SEPARATOR) {
                gap = cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 ? MAX_GAP + 1 : Math.min(gap + 1, MAX_GAP + 1);
                continue;
            }
            cps[units] = cp;
            kind[units] = k;
            gapBefore[units] = gap;
            cls[units] = k == MARK && units > 0 && gap == 0 ? cls[units - 1] : k == LETTER ? scriptClass(cp) : SPACED;
            gap = 0;
            units++;
        }
        // Tentative words: runs of units with no separator between them and one script class.
        List<int[]> tentative = new ArrayList<>();
        for (int u = 0; u < units; ) {
            int start = u++;
            while (u < units && gapBefore[u] == 0 && cls[u] == cls[start]) {
                u++;
            }
            tentative.add(new int[] {start, u});
        }
        boolean[] hasLetter = new boolean[tentative.size()];
        int latin = 0;
        int otherLetters = 0;
        for (int w = 0; w < tentative.size(); w++) {
            int[] word = tentative.get(w);
            for (int u = word[0]; u < word[1]; u++) {
                if (kind[u] == LETTER) {
                    hasLetter[w] = true;
                    if (isLatinLetter(cps[u])) {
                        latin++;
                    } else if (Folding.lookAlike(Folding.cherokeeCapital(cps[u])) < 0 && scriptClass(cps[u]) == SPACED) {
                        otherLetters++;
                    }
                }
            }
        }
        int[] primary = new int[units];
        int[][] others = new int[units][];
        boolean[] mayBreak = new boolean[units];
        boolean[] dropped = new boolean[units];
        boolean lookAlikes = evasions.contains(Evasion.LOOK_ALIKES);
        boolean folding = !evasions.isEmpty();
        for (int w = 0; w < tentative.size(); w++) {
            int[] word = tentative.get(w);
            boolean mapLookAlikes = lookAlikes && readAsLatin(cps, kind, word, latin > 0 && otherLetters == 0);
            for (int u = word[0]; u < word[1]; u++) {
                int cp = cps[u];
                switch (kind[u]) {
                    case LETTER -> {
                        int mapped = mapLookAlikes ? Folding.lookAlike(Folding.cherokeeCapital(cp)) : -1;
                        primary[u] = mapped >= 0 ? mapped : folding ? Character.toLowerCase(cp) : cp;
                    }
                    case DIGIT -> {
                        primary[u] = cp;
                        if (leet && hasLetter[w]) {
                            others[u] = Folding.leetDigit(cp);
                        }
                    }
                    case SYMBOL -> {
                        if (hasLetter[w] || word[1] - word[0] == 1) {
                            int[] letters = Folding.leetSymbol(cp);
                            primary[u] = letters[0];
                            others[u] = letters.length > 1 ? Arrays.copyOfRange(letters, 1, letters.length) : null;
                            mayBreak[u] = true;
                            // A lone symbol is only a letter in a spaced-out row; as a word of its own it is punctuation.
                            dropped[u] = !hasLetter[w];
                        } else {
                            dropped[u] = true;
                        }
                    }
                    default -> primary[u] = cp;
                }
            }
        }
        List<int[]> rows = evasions.contains(Evasion.SPACING) ? spacedRows(tentative, kind, gapBefore, hasLetter, leet) : List.of();
        // Final words: tentative words without the symbols that are only punctuation.
        List<int[]> words = new ArrayList<>();
        for (int[] word : tentative) {
            int u = word[0];
            while (u < word[1]) {
                while (u < word[1] && dropped[u]) {
                    u++;
                }
                int start = u;
                while (u < word[1] && !dropped[u]) {
                    u++;
                }
                if (u > start) {
                    words.add(new int[] {start, u});
                }
            }
        }
        int[] starts = new int[words.size()];
        int[] ends = new int[words.size()];
        byte[] classes = new byte[words.size()];
        for (int w = 0; w < words.size(); w++) {
            starts[w] = words.get(w)[0];
            ends[w] = words.get(w)[1];
            classes[w] = cls[starts[w]];
        }
        return new Reading(primary, others, mayBreak, starts, ends, classes, rows, leet);
    }

    private static int kindOf(int cp, boolean leet) {
        if (cp < 0x80) {
            // ASCII has no marks and no letters or digits beyond these
            return isAsciiLetter(cp) ? LETTER : cp >= '0' && cp <= '9' ? DIGIT
                    : leet && Folding.isLeetSymbol(cp) ? SYMBOL : SEPARATOR;
        }
        if (Character.isLetter(cp)) {
            return LETTER;
        }
        if (Character.isDigit(cp)) {
            return DIGIT;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK) {
            return MARK;
        }
        if (Character.isLetterOrDigit(cp)) {
            return LETTER;
        }
        return leet && Folding.isLeetSymbol(cp) ? SYMBOL : SEPARATOR;
    }

    /**
     * Look-alikes are read as Latin in a word that has a Latin letter, and in a word made only of look-alikes when
     * the text has Latin letters and every letter it has of the other scripts is a look-alike: a Russian or Greek
     * sentence, which always has letters of its own, keeps them.
     */
    private static boolean readAsLatin(int[] cps, int[] kind, int[] word, boolean disguisedText) {
        boolean allLookAlikes = true;
        for (int u = word[0]; u < word[1]; u++) {
            if (kind[u] != LETTER) {
                continue;
            }
            if (isLatinLetter(cps[u])) {
                return true;
            }
            allLookAlikes &= Folding.lookAlike(Folding.cherokeeCapital(cps[u])) >= 0;
        }
        return allLookAlikes && disguisedText;
    }

    /**
     * Rows of at least {@link #MIN_ROW} one-character words (a letter; with leet also a digit or symbol), at most
     * {@link #MAX_GAP} separator characters apart on one line, with at least one letter among them.
     */
    /**
     * The unit a one-letter word stands for in a spaced-out row, or -1: a letter (with leet, a digit or symbol), with
     * symbols around it allowed ({@code k!} ending {@code d . i . c . k!}).
     */
    private static int pieceOf(int[] word, int[] kind, boolean leet) {
        int start = word[0];
        int end = word[1];
        if (end - start > 1) {
            while (start < end && kind[start] == SYMBOL) {
                start++;
            }
            while (end > start && kind[end - 1] == SYMBOL) {
                end--;
            }
        }
        if (end - start != 1) {
            return -1;
        }
        int k = kind[start];
        return k == LETTER || (leet && (k == DIGIT || k == SYMBOL)) ? start : -1;
    }

    private static List<int[]> spacedRows(List<int[]> tentative, int[] kind, int[] gapBefore, boolean[] hasLetter, boolean leet) {
        List<int[]> rows = new ArrayList<>();
        int[] row = new int[8];
        int size = 0;
        boolean letter = false;
        boolean trailingSymbol = false;
        for (int w = 0; w <= tentative.size(); w++) {
            int[] word = w < tentative.size() ? tentative.get(w) : null;
            int core = word == null ? -1 : pieceOf(word, kind, leet);
            boolean piece = core >= 0;
            boolean continues = piece && size > 0 && gapBefore[word[0]] <= MAX_GAP && !trailingSymbol;
            if (!continues) {
                if (size >= MIN_ROW && letter) {
                    rows.add(Arrays.copyOf(row, size));
                }
                size = 0;
                letter = false;
                trailingSymbol = false;
            }
            if (piece) {
                if (size == row.length) {
                    row = Arrays.copyOf(row, size * 2);
                }
                row[size++] = core;
                letter |= hasLetter[w];
                trailingSymbol = core < word[1] - 1;
            }
        }
        return rows;
    }
}
