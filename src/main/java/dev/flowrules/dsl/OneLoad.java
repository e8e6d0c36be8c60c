package dev.flowrules.dsl;

import dev.flowrules.patterns.Patterns;

/**
 * What the rule files of one load share while they are read, possibly in parallel: the compiled patterns (kept
 * for the compiler) and the list files read. Each file's diagnostics stay its own; only work that gives the same
 * answer for every file is done once.
 *
 * @param patterns the load's compiled patterns
 * @param lists the list files read so far
 */
record OneLoad(Patterns patterns, ListFiles lists) {

    /**
     * For a load starting on this thread: the patterns of the load it belongs to ({@link Patterns#current()}) and
     * list files of its own.
     */
    static OneLoad start() {
        return new OneLoad(Patterns.current(), new ListFiles());
    }
}
