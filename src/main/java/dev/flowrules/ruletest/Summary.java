package dev.flowrules.ruletest;

/** The one-line summaries the CLI and the Maven goal end with: "3 errors, 1 warning in 2 files". */
public final class Summary {
    private Summary() {
    }

    /** {@code "3 errors, 1 warning in 2 files"}. */
    public static String problems(long errors, long warnings, long files) {
        return count(errors, "error") + ", " + count(warnings, "warning") + " in " + count(files, "file");
    }

    /** {@code "1 rule"}, {@code "2 rules"}: the noun in the plural unless n is 1. */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
