package dev.flowrules.dsl;

import java.util.List;

/** The files that loaded and every problem found, in file, line and column order. */
public record LoadResult(List<RuleFile> files, List<Diagnostic> diagnostics, List<DeclaredId> declaredIds) {

    /** A rule id as written, kept even when the rule had other errors, so duplicates are still found. */
    public record DeclaredId(String id, SourcePos pos) {
    }

    public LoadResult {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
        declaredIds = List.copyOf(declaredIds);
    }

    public LoadResult(List<RuleFile> files, List<Diagnostic> diagnostics) {
        this(files, diagnostics, files.stream().flatMap(f -> f.rules().stream())
                .map(r -> new DeclaredId(r.id(), r.pos())).toList());
    }

    /** This result with more diagnostics, all sorted by file, line and column (stable for equal positions). */
    public LoadResult with(List<Diagnostic> more) {
        List<Diagnostic> all = new java.util.ArrayList<>(diagnostics);
        all.addAll(more);
        all.sort(java.util.Comparator.comparing((Diagnostic d) -> d.pos().file())
                .thenComparingInt(d -> d.pos().line()).thenComparingInt(d -> d.pos().column()));
        return new LoadResult(files, all, declaredIds);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }
}
