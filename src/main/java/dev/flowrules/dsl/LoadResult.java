package dev.flowrules.dsl;

import java.util.List;

/**
 * The files that loaded and every problem found, in file, line and column order. Immutable.
 *
 * @param files the rule files read, each with the rules that loaded
 * @param diagnostics every error and warning, sorted by position
 * @param declaredIds every rule id as written, for the duplicate check
 */
public record LoadResult(List<RuleFile> files, List<Diagnostic> diagnostics, List<DeclaredId> declaredIds) {

    /**
     * A rule id as written, kept even when the rule had other errors, so duplicates are still found.
     *
     * @param id the id
     * @param pos where the rule starts
     */
    public record DeclaredId(String id, SourcePos pos) {
    }

    /**
     * Copies the lists, so a result never changes once made.
     *
     * @param files the record's {@code files}
     * @param diagnostics the record's {@code diagnostics}
     * @param declaredIds the record's {@code declaredIds}
     */
    public LoadResult {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
        declaredIds = List.copyOf(declaredIds);
    }

    /**
     * A result whose declared ids are those of the rules that loaded.
     *
     * @param files the rule files read
     * @param diagnostics every error and warning
     */
    public LoadResult(List<RuleFile> files, List<Diagnostic> diagnostics) {
        this(files, diagnostics, files.stream().flatMap(f -> f.rules().stream())
                .map(r -> new DeclaredId(r.id(), r.pos())).toList());
    }

    /**
     * This result with more diagnostics, e.g. the checker's, all sorted by file, line and column (stable for equal
     * positions).
     *
     * @param more diagnostics to add
     * @return a new result; this one is unchanged
     */
    public LoadResult with(List<Diagnostic> more) {
        List<Diagnostic> all = new java.util.ArrayList<>(diagnostics);
        all.addAll(more);
        all.sort(java.util.Comparator.comparing((Diagnostic d) -> d.pos().file())
                .thenComparingInt(d -> d.pos().line()).thenComparingInt(d -> d.pos().column()));
        return new LoadResult(files, all, declaredIds);
    }

    /**
     * Whether the rules must be refused.
     *
     * @return true when any diagnostic is an error
     */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /**
     * The errors alone, e.g. for a message that leaves the warnings out.
     *
     * @return the error diagnostics, in order
     */
    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }
}
