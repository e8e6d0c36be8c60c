package dev.flowrules.text;

/**
 * The character tables behind {@link Evasion}: which characters stand for which Latin letter. Written for this
 * project (not copied from a data file): the look-alikes are the Cyrillic, Greek, Armenian, Cherokee and
 * small-capital letters that Unicode's confusables data (UTS #39) lists for a Latin letter, restricted to the
 * ones that are confusable in lower case or whose upper case is, since matching ignores case.
 */
final class Folding {
    private Folding() {
    }

    /** Pairs of (character, Latin letter) as one string each: first code point, then the letter. */
    private static final String[] LOOK_ALIKE_PAIRS = {
        // Cyrillic, upper and lower case
        "Аa", "аa", "Вb", "вb", "Сc", "сc", "Ԁd", "ԁd", "Еe", "еe", "Ѐe", "Һh", "һh", "Нh", "нh", "Іi", "іi",
        "Ӏl", "ӏl", "Јj", "јj", "Кk", "кk", "Мm", "мm", "Оo", "оo", "Рp", "рp", "Ԛq", "ԛq", "Ѕs", "ѕs", "Тt",
        "тt", "Ԝw", "ԝw", "Хx", "хx", "Уy", "уy", "Үy", "үy", "Ѵv", "ѵv", "ɡg",
        // Greek
        "Αa", "αa", "Βb", "βb", "Εe", "εe", "Ζz", "Ηh", "ηn", "Ιi", "ιi", "Κk", "κk", "Μm", "Νn", "νv", "Οo",
        "οo", "Ρp", "ρp", "Τt", "τt", "Υy", "υu", "γy", "Χx", "χx", "Ϲc", "ϲc", "Ϳj", "ϳj", "ϐb",
        // Armenian
        "Օo", "օo", "Սu", "սu", "ցg", "հh", "ոn", "զq", "Լl", "ɑa",
        // Cherokee capitals (their small forms fold to these before the table is read)
        "Ꭺa", "Ᏼb", "Ꮯc", "Ꭼe", "Ꮐg", "Ꮋh", "Ꭻj", "Ꮶk", "Ꮮl", "Ꮇm", "Ꮲp", "Ꮪs", "Ꭲt", "Ꮩv", "Ꮃw", "Ꮓz",
        // Latin letters that are not plain a-z: dotless i and j, small capitals, IPA
        "ıi", "ȷj", "ɩi", "ɪi", "ʏy", "ᴀa", "ʙb", "ᴄc", "ᴅd", "ᴇe", "ꜰf", "ɢg", "ʜh", "ᴊj", "ᴋk", "ʟl", "ᴍm",
        "ɴn", "ᴏo", "ᴘp", "ʀr", "ꜱs", "ᴛt", "ᴜu", "ᴠv", "ᴡw", "ᴢz",
    };

    /** Latin letters with a stroke or bar, which have no decomposition to strip: part of accents. */
    private static final String[] STROKE_PAIRS = {"øo", "Øo", "łl", "Łl", "đd", "Đd", "ħh", "Ħh", "ŧt", "Ŧt", "ƀb",
        "ɨi", "ƶz", "ǥg", "ɉj", "ɍr", "ʉu", "ɏy"};

    private static final java.util.Map<Integer, Integer> LOOK_ALIKES = table(LOOK_ALIKE_PAIRS);
    private static final java.util.Map<Integer, Integer> STROKES = table(STROKE_PAIRS);

    private static java.util.Map<Integer, Integer> table(String[] pairs) {
        java.util.Map<Integer, Integer> map = new java.util.HashMap<>();
        for (String pair : pairs) {
            int from = pair.codePointAt(0);
            int to = pair.codePointAt(Character.charCount(from));
            if (map.put(from, to) != null) {
                throw new IllegalStateException("twice in a table: " + pair);
            }
        }
        return java.util.Map.copyOf(map);
    }

    /** The Latin letter this character looks like, or -1. */
    static int lookAlike(int cp) {
        Integer latin = LOOK_ALIKES.get(cp);
        return latin == null ? -1 : latin;
    }

    /** Whether every letter of a lower-cased Cherokee small letter folds to a capital in the table. */
    static int cherokeeCapital(int cp) {
        // Cherokee small letters (U+AB70..ABBF) are the lower case of U+13A0..13EF.
        return cp >= 0xAB70 && cp <= 0xABBF ? cp - 0xAB70 + 0x13A0 : cp;
    }

    static int stroke(int cp) {
        Integer plain = STROKES.get(cp);
        return plain == null ? -1 : plain;
    }

    /*
     * The leet tables below hand out shared arrays, so reading a message allocates none; callers never write to them.
     */
    /** Each digit and the letters it stands for in leetspeak, the digit itself first; '1' reads as i and as l. */
    private static final int[][] DIGIT_READINGS = {
        {'0', 'o'}, {'1', 'i', 'l'}, {'2', 'z'}, {'3', 'e'}, {'4', 'a'}, {'5', 's'}, {'6', 'g'}, {'7', 't'}, {'8', 'b'},
        {'9', 'g'},
    };

    private static final int[] A = {'a'};
    private static final int[] S = {'s'};
    private static final int[] I = {'i'};
    private static final int[] IL = {'i', 'l'};
    private static final int[] T = {'t'};
    private static final int[] E = {'e'};
    private static final int[] C = {'c'};

    /** Every reading of a leet digit, the digit itself first ({@code 1}: 1, i, l), or null. A shared array. */
    static int[] leetDigitReadings(int cp) {
        return cp >= '0' && cp <= '9' ? DIGIT_READINGS[cp - '0'] : null;
    }

    /** What a symbol stands for inside a word, or null when it is only punctuation. A shared array: never modified. */
    static int[] leetSymbol(int cp) {
        return switch (cp) {
            case '@', '^' -> A;
            case '$', '§' -> S;
            case '!', '¡' -> I;
            case '|' -> IL;
            case '+' -> T;
            case '€' -> E;
            case '¢', '(' -> C;
            default -> null;
        };
    }

    /**
     * Characters that show nothing but are not format characters (those are always removed): the combining
     * grapheme joiner, variation selectors, Hangul fillers, Mongolian free variation selectors, Khmer inherent
     * vowels and the braille blank.
     */
    static boolean invisible(int cp) {
        return cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5
                || (cp >= 0x180B && cp <= 0x180F) || cp == 0x2800 || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F)
                || cp == 0xFFA0 || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    /**
     * Letters drawn in boxes or as flags, which compatibility folding (NFKC) keeps as symbols: negative circled and
     * negative squared capitals, and regional indicators. The Latin letter, or -1.
     */
    static int boxedLetter(int cp) {
        if (cp >= 0x1F150 && cp <= 0x1F169) {
            return 'a' + cp - 0x1F150;
        }
        if (cp >= 0x1F170 && cp <= 0x1F189) {
            return 'a' + cp - 0x1F170;
        }
        if (cp >= 0x1F1E6 && cp <= 0x1F1FF) {
            return 'a' + cp - 0x1F1E6;
        }
        return -1;
    }

    /** English doubles these letters in ordinary words (good, bell, pass...), so a double is not a repeat. */
    static boolean oftenDoubled(int cp) {
        return "bcdefglmnoprstz".indexOf(cp) >= 0 || cp > 0x7F;
    }
}
