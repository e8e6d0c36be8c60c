package dev.flowrules.dsl;

import java.util.List;
import java.util.stream.Collectors;

/** Rule files that cannot be used; the message lists every problem as {@code file:line:column: error: ...}. */
public final class RuleLoadException extends RuntimeException {
    private final transient List<Diagnostic> diagnostics;

    /**
     * An exception whose message lists the errors among the diagnostics, one per line.
     *
     * @param diagnostics what the loader reported; warnings are kept but not printed
     */
    public RuleLoadException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().filter(Diagnostic::isError).map(Diagnostic::format)
                .collect(Collectors.joining("\n", "the rules have errors:\n", "")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    /**
     * Every diagnostic, for tools that print them their own way (JSON, SARIF).
     *
     * @return the diagnostics given, errors and warnings
     */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
