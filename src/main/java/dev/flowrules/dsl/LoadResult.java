package dev.flowrules.dsl;

import java.util.List;

/** The files that loaded and every problem found, in file, line and column order. */
public record LoadResult(List<RuleFile> files, List<Diagnostic> diagnostics) {

    public LoadResult {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }
}
