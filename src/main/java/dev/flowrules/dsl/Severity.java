package dev.flowrules.dsl;

/** How bad a diagnostic is. */
public enum Severity {
    /** The rules cannot be used: the engine refuses them and {@code validate} fails. */
    ERROR,
    /** The rules work, but probably not as their author thinks. */
    WARNING;

    /**
     * The word diagnostics print.
     *
     * @return {@code error} or {@code warning}
     */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
