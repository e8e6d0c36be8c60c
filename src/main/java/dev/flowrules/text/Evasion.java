package dev.flowrules.text;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ways of disguising a word that {@code contains-word} can see through, by the names authors write in
 * {@code evasions: [...]}. Without any, whole-word matching folds only case, Unicode compatibility forms (NFKC)
 * and format characters, as it always did. Each kind is applied the same way to list entries and to messages.
 * <p>Internal: not exported by the module.
 */
public enum Evasion {
    /** Letters of other scripts that look like Latin ones: Cyrillic {@code с} in {@code sсam}. */
    LOOK_ALIKES("look-alikes", "sсam (Cyrillic с)"),
    /** Digits and symbols standing for letters inside a word: {@code sc4m}, {@code $cam}, {@code sc@m}. */
    LEET("leet", "sc4m, $cam"),
    /** Accents and other marks on letters: {@code scâm}, {@code s̷c̷a̷m̷}. */
    ACCENTS("accents", "scâm"),
    /** Single letters separated by spaces or punctuation: {@code s c a m}, {@code s.c.a.m}, {@code s-c-a-m}. */
    SPACING("spacing", "s c a m, s.c.a.m"),
    /** A letter written three or more times (twice for letters English rarely doubles): {@code scaaam}. */
    REPEATS("repeats", "scaaam"),
    /** Blank-looking characters that are not format characters: variation selectors, Hangul fillers... */
    INVISIBLE("invisible", "sc\u034Fam (combining grapheme joiner)"),
    /** Letters in boxes and flags that compatibility folding keeps: {@code 🅢🅒🅐🅜}, {@code 🇸🇨🇦🇲}. */
    WIDTH("width", "🅢🅒🅐🅜");

    private final String key;
    private final String example;

    Evasion(String key, String example) {
        this.key = key;
        this.example = example;
    }

    /** The name authors write. */
    public String key() {
        return key;
    }

    /** A disguised form of {@code scam} this kind catches, for documentation and diagnostics. */
    public String example() {
        return example;
    }

    public static Optional<Evasion> byKey(String key) {
        return Arrays.stream(values()).filter(e -> e.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Evasion::key).toList();
    }

    /** As an author would write the set: {@code all}, {@code none} or the kinds by name. */
    public static String describe(Set<Evasion> evasions) {
        if (evasions.containsAll(all())) {
            return "all";
        }
        return evasions.isEmpty() ? "none" : String.join(", ", Arrays.stream(values()).filter(evasions::contains).map(Evasion::key).toList());
    }

    /** {@code evasions: all}. */
    public static Set<Evasion> all() {
        return EnumSet.allOf(Evasion.class);
    }
}
