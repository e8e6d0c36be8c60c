package dev.flowrules.dsl;

import dev.flowrules.patterns.Patterns;

/**
 * What the rule files of one load share while they are read, possibly in parallel: the compiled patterns (kept
 * for the compiler). Each file's diagnostics stay its own; only work that gives the same answer for every file
 * is done once.
 */
final class OneLoad {
    private final Patterns patterns;

    private OneLoad(Patterns patterns) {
        this.patterns = patterns;
    }

    /** For a load starting on this thread: the patterns of the load it belongs to ({@link Patterns#current()}). */
    static OneLoad start() {
        return new OneLoad(Patterns.current());
    }

    Patterns patterns() {
        return patterns;
    }
}
