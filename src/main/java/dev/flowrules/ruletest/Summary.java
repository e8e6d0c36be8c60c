package dev.flowrules.ruletest;

/**
 * The one-line summaries the CLI and the Maven goal end with: "3 errors, 1 warning in 2 files". Public for those
 * two entry points, so they word a result the same way.
 */
public final class Summary {
    private Summary() {
    }

    /**
     * The count of problems as both entry points print it.
     *
     * @param errors how many errors
     * @param warnings how many warnings
     * @param files how many files they were found in
     * @return e.g. {@code "3 errors, 1 warning in 2 files"}
     */
    public static String problems(long errors, long warnings, long files) {
        return count(errors, "error") + ", " + count(warnings, "warning") + " in " + count(files, "file");
    }

    /**
     * A count and its noun, in the plural unless the count is 1.
     *
     * @param n the count
     * @param noun the singular noun, which takes a plain {@code s}
     * @return e.g. {@code "1 rule"}, {@code "2 rules"}
     */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
