package dev.flowrules.dsl;

/**
 * Every limit the loader puts on rule files, in one place (docs/security.md lists them). They bound the time
 * and memory a hostile or mistaken file can cost; real rule sets stay far below them.
 */
public final class LoaderLimits {
    /** Bytes in one rule file. */
    public static final int MAX_FILE_BYTES = 1 << 20;
    /** Nesting of YAML collections (conditions inside conditions). */
    public static final int MAX_NESTING = 40;
    /** YAML aliases (*name) that point at collections: what alias-expansion bombs need. */
    public static final int MAX_ALIASES = 20;
    /** Rules in one file. */
    public static final int MAX_RULES_PER_FILE = 2_000;
    /** Characters in a regular expression or wildcard. */
    public static final int MAX_PATTERN_LENGTH = 2_000;
    /**
     * Steps in one compiled regular expression, repeats expanded (estimated by {@link RegexBudget}): bounds the
     * memory a pattern takes and the time it costs per message. A pattern's time per message grows with this size
     * times the text's length, so counted repeats may not make a pattern larger than the longest pattern without
     * them ({@link #MAX_PATTERN_LENGTH} characters) can already be.
     */
    public static final int MAX_REGEX_SIZE = 2_000;
    /** Characters in any other single value. */
    public static final int MAX_TEXT_LENGTH = 16_384;
    /** Entries in a word list, inline or in a file. */
    public static final int MAX_LIST_ENTRIES = 100_000;
    /** Characters in one word-list entry: a word or a short phrase. */
    public static final int MAX_LIST_ENTRY_LENGTH = 1_000;
    /** Bytes in one word-list file. */
    public static final int MAX_LIST_FILE_BYTES = 4 << 20;

    private LoaderLimits() {
    }
}
