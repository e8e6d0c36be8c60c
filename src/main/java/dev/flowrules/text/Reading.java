package dev.flowrules.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    /** The primary reading of each unit (lower case, folded); null for plain ASCII text, read from {@link #ascii}. */
    private final int[] primary;
    /**
     * Plain ASCII text (no leet, no spacing) as it came, or null: each character is a unit, the letters and digits
     * of the words read by lower-casing them, separators outside every word. Nothing is copied for it.
     */
    private final String ascii;
    /** Every reading of a unit that has several (a leet digit also reads as a letter), primary first; null for none. */
    private final int[][] readings;
    /** A leet symbol inside a word may also just end the word ({@code scam!}, {@code @john}); null for none. */
    private final boolean[] mayBreak;
    /** Words as unit ranges [start, end). */
    final int[] wordStart;
    final int[] wordEnd;
    final byte[] wordClass;
    /** Rows of single letters separated by spaces or punctuation ({@code s c a m}), as unit indices. */
    final List<int[]> spacedRows;
    /** Whether digits in a spaced-out row also read as letters. */
    final boolean leet;

    private Reading(int[] primary, String ascii, int[][] readings, boolean[] mayBreak, int[] wordStart,
            int[] wordEnd, byte[] wordClass, List<int[]> spacedRows, boolean leet) {
        this.leet = leet;
        this.primary = primary;
        this.ascii = ascii;
        this.readings = readings;
        this.mayBreak = mayBreak;
        this.wordStart = wordStart;
        this.wordEnd = wordEnd;
        this.wordClass = wordClass;
        this.spacedRows = spacedRows;
    }

    int words() {
        return wordStart.length;
    }

    /** The primary reading of a unit. */
    int primary(int unit) {
        return primary != null ? primary[unit] : lowerAscii(ascii.charAt(unit));
    }

    /** Every reading of a unit, primary first, when it has more than one; otherwise null. Shared: never modified. */
    int[] readings(int unit) {
        return readings == null ? null : readings[unit];
    }

    /** Whether the unit is a leet symbol that may also end a word. */
    boolean mayBreak(int unit) {
        return mayBreak != null && mayBreak[unit];
    }

    /** Whether some unit may end a word ({@link #mayBreak}): without one, a word is read straight through. */
    boolean hasBreaks() {
        return mayBreak != null;
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

    static boolean isAsciiLetter(int cp) {
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
        return ofNormalized(Normalized.of(text), evasions);
    }

    /** The reading of a text already in NFKC ({@link Normalized}), so several evasion sets share one normalisation. */
    static Reading ofNormalized(Normalized normalized, Set<Evasion> evasions) {
        String nfkc = normalized.text();
        // ASCII text is its own prepared form but for case, which is folded unit by unit below: no copy of the text.
        boolean ascii = normalized.ascii();
        boolean leet = evasions.contains(Evasion.LEET);
        String prepared = ascii ? nfkc : normalized.prepared(evasions);
        int n = ascii ? prepared.length() : prepared.codePointCount(0, prepared.length());
        // Each unit's code point first, turned into its primary reading word by word below.
        int[] primary = new int[n];
        byte[] kind = new byte[n];
        byte[] gapBefore = new byte[n];     // separator characters before the unit; MAX_GAP + 1 for a line break
        byte[] cls = new byte[n];
        // Tentative words: runs of units with no separator between them and one script class. Word w is the units
        // [starts[w], starts[w + 1]), the last one ending at the last unit.
        int[] starts = new int[16];
        boolean[] hasLetter = new boolean[16];
        int tentative = 0;
        int units = 0;
        int gap = 0;
        boolean lookAlikes = evasions.contains(Evasion.LOOK_ALIKES);
        int latin = 0;
        int otherLetters = 0;
        for (int i = 0; i < prepared.length(); ) {
            int cp = ascii ? prepared.charAt(i) : prepared.codePointAt(i);
            i += ascii ? 1 : Character.charCount(cp);
            int k = kindOf(cp, leet);
            if (k == SEPARATOR) {
                gap = cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 ? MAX_GAP + 1 : Math.min(gap + 1, MAX_GAP + 1);
                continue;
            }
            byte c = k == MARK && units > 0 && gap == 0 ? cls[units - 1] : k == LETTER ? scriptClass(cp) : SPACED;
            if (units == 0 || gap > 0 || c != cls[units - 1]) {
                if (tentative == starts.length) {
                    starts = Arrays.copyOf(starts, tentative * 2);
                    hasLetter = Arrays.copyOf(hasLetter, tentative * 2);
                }
                starts[tentative++] = units;
            }
            if (k == LETTER) {
                hasLetter[tentative - 1] = true;
                if (lookAlikes && isLatinLetter(cp)) {
                    latin++;
                } else if (lookAlikes && Folding.lookAlike(Folding.cherokeeCapital(cp)) < 0 && scriptClass(cp) == SPACED) {
                    otherLetters++;
                }
            }
            primary[units] = cp;
            kind[units] = (byte) k;
            gapBefore[units] = (byte) gap;
            cls[units] = c;
            gap = 0;
            units++;
        }
        // Allocated only when a unit needs them: most messages have no leet readings and no symbol to drop.
        int[][] readings = null;
        boolean[] mayBreak = null;
        boolean[] dropped = null;
        boolean folding = !evasions.isEmpty();
        // Final words: tentative words without the symbols that are only punctuation.
        int words = 0;
        int[] wordStart = new int[tentative];
        int[] wordEnd = new int[tentative];
        for (int w = 0; w < tentative; w++) {
            int start = starts[w];
            int end = end(starts, tentative, units, w);
            boolean mapLookAlikes = lookAlikes && readAsLatin(primary, kind, start, end, latin > 0 && otherLetters == 0);
            for (int u = start; u < end; u++) {
                int cp = primary[u];
                switch (kind[u]) {
                    case LETTER -> {
                        int mapped = mapLookAlikes && cp >= 0x80 ? Folding.lookAlike(Folding.cherokeeCapital(cp)) : -1;
                        // Without evasions a non-ASCII text was lower-cased whole (String rules, such as the final sigma).
                        primary[u] = mapped >= 0 ? mapped : folding ? Character.toLowerCase(cp) : ascii ? lowerAscii(cp) : cp;
                    }
                    case DIGIT -> {
                        int[] all = leet && hasLetter[w] ? Folding.leetDigitReadings(cp) : null;
                        if (all != null) {
                            readings = readings == null ? new int[n][] : readings;
                            readings[u] = all;
                        }
                    }
                    case SYMBOL -> {
                        dropped = dropped == null ? new boolean[n] : dropped;
                        if (hasLetter[w] || end - start == 1) {
                            int[] letters = Folding.leetSymbol(cp);
                            primary[u] = letters[0];
                            if (letters.length > 1) {
                                readings = readings == null ? new int[n][] : readings;
                                readings[u] = letters;
                            }
                            mayBreak = mayBreak == null ? new boolean[n] : mayBreak;
                            mayBreak[u] = true;
                            // A lone symbol is only a letter in a spaced-out row; as a word of its own it is punctuation.
                            dropped[u] = !hasLetter[w];
                        } else {
                            primary[u] = 0;
                            dropped[u] = true;
                        }
                    }
                    default -> {
                        // a combining mark is read as itself
                    }
                }
            }
            for (int u = start; u < end; ) {
                while (dropped != null && u < end && dropped[u]) {
                    u++;
                }
                int from = u;
                while (u < end && (dropped == null || !dropped[u])) {
                    u++;
                }
                if (u > from) {
                    if (words == wordStart.length) {
                        wordStart = Arrays.copyOf(wordStart, words * 2);
                        wordEnd = Arrays.copyOf(wordEnd, words * 2);
                    }
                    wordStart[words] = from;
                    wordEnd[words++] = u;
                }
            }
        }
        List<int[]> rows = evasions.contains(Evasion.SPACING)
                ? spacedRows(starts, tentative, units, kind, gapBefore, hasLetter, leet) : List.of();
        if (words != wordStart.length) {
            wordStart = Arrays.copyOf(wordStart, words);
            wordEnd = Arrays.copyOf(wordEnd, words);
        }
        byte[] classes = new byte[words];
        for (int w = 0; w < words; w++) {
            classes[w] = cls[wordStart[w]];
        }
        return new Reading(primary, null, readings, mayBreak, wordStart, wordEnd, classes, rows, leet);
    }

    /**
     * Whether a text in NFKC is plain ASCII read without leet or spacing: then {@link WordMatcher#matchPlain} reads
     * it in place, its words the runs of {@link #isWordChar}, with no reading built at all.
     */
    static boolean isPlain(Normalized nfkc, Set<Evasion> evasions) {
        return nfkc.ascii() && !evasions.contains(Evasion.LEET) && !evasions.contains(Evasion.SPACING);
    }

    /** Plain ASCII text ({@link #isPlain}) as units, its words left for the caller to find with {@link #isWordChar}. */
    static Reading unsplit(String text) {
        return new Reading(null, text, null, null, null, null, null, List.of(), false);
    }

    /** A character of a word in plain ASCII text: a letter or a digit. */
    static boolean isWordChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }

    /** Where tentative word w ends: where the next one starts, or after the last unit. */
    private static int end(int[] starts, int tentative, int units, int w) {
        return w + 1 < tentative ? starts[w + 1] : units;
    }

    private static int lowerAscii(int cp) {
        return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
    }

    /** The kind of each ASCII character, without leet and with it: the table a text of ASCII is read through. */
    private static final byte[][] ASCII_KINDS = {asciiKinds(false), asciiKinds(true)};

    private static byte[] asciiKinds(boolean leet) {
        byte[] kinds = new byte[0x80];
        for (int cp = 0; cp < 0x80; cp++) {
            // ASCII has no marks and no letters or digits beyond these
            kinds[cp] = (byte) (isAsciiLetter(cp) ? LETTER : cp >= '0' && cp <= '9' ? DIGIT
                    : leet && Folding.leetSymbol(cp) != null ? SYMBOL : SEPARATOR);
        }
        return kinds;
    }

    private static int kindOf(int cp, boolean leet) {
        if (cp < 0x80) {
            return ASCII_KINDS[leet ? 1 : 0][cp];
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
        return leet && Folding.leetSymbol(cp) != null ? SYMBOL : SEPARATOR;
    }


    /**
     * Look-alikes are read as Latin in a word that has a Latin letter, and in a word made only of look-alikes when
     * the text has Latin letters and every letter it has of the other scripts is a look-alike: a Russian or Greek
     * sentence, which always has letters of its own, keeps them.
     */
    private static boolean readAsLatin(int[] cps, byte[] kind, int start, int end, boolean disguisedText) {
        boolean allLookAlikes = true;
        for (int u = start; u < end; u++) {
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
     * The unit a one-letter word stands for in a spaced-out row, or -1: a letter (with leet, a digit or symbol), with
     * symbols around it allowed ({@code k!} ending {@code d . i . c . k!}).
     */
    private static int pieceOf(int start, int end, byte[] kind, boolean leet) {
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

    /**
     * Rows of at least {@link #MIN_ROW} one-character words (a letter; with leet also a digit or symbol), at most
     * {@link #MAX_GAP} separator characters apart on one line, with at least one letter among them.
     */
    private static List<int[]> spacedRows(int[] starts, int tentative, int units, byte[] kind, byte[] gapBefore,
            boolean[] hasLetter, boolean leet) {
        List<int[]> rows = new ArrayList<>();
        int[] row = new int[8];
        int size = 0;
        boolean letter = false;
        boolean trailingSymbol = false;
        for (int w = 0; w <= tentative; w++) {
            int start = w < tentative ? starts[w] : -1;
            int end = w < tentative ? end(starts, tentative, units, w) : -1;
            int core = start < 0 ? -1 : pieceOf(start, end, kind, leet);
            boolean piece = core >= 0;
            boolean continues = piece && size > 0 && gapBefore[start] <= MAX_GAP && !trailingSymbol;
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
                trailingSymbol = core < end - 1;
            }
        }
        return rows;
    }
}
