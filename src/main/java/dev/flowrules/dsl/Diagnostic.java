package dev.flowrules.dsl;

/**
 * One problem found in a rule file. Printed as {@code file:line:column: error: message [FR001]} followed by a
 * hint line, the shape compilers use, so IDEs and CI logs link straight to the line.
 */
public record Diagnostic(DiagnosticCode code, Severity severity, SourcePos pos, String message, String hint) {

    public static Diagnostic error(DiagnosticCode code, SourcePos pos, String message, String hint) {
        return new Diagnostic(code, Severity.ERROR, pos, message, hint);
    }

    public static Diagnostic warning(DiagnosticCode code, SourcePos pos, String message, String hint) {
        return new Diagnostic(code, Severity.WARNING, pos, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The first line: {@code file:line:column: error: message [FR001]}. */
    public String headline() {
        return pos + ": " + severity.label() + ": " + message + " [" + code.id() + "]";
    }

    public String format() {
        return hint == null || hint.isEmpty() ? headline() : headline() + "\n  hint: " + hint;
    }
}
