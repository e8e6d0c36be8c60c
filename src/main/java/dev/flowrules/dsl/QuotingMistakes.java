package dev.flowrules.dsl;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The two YAML quoting mistakes authors make most, in their terms: a regex such as {@code "\d{16}"} in double
 * quotes, where YAML reads the backslash as an escape and stops at {@code \d}; and a quote that is never closed,
 * which snakeyaml reports at the end of the file, far from the mistake.
 */
final class QuotingMistakes {
    private QuotingMistakes() {
    }

    /** A diagnostic for one of the two mistakes, or null when the syntax error is something else. */
    static Diagnostic explain(String file, String text, MarkedYAMLException e) {
        String problem = String.valueOf(e.getProblem());
        String context = String.valueOf(e.getContext());
        if (problem.startsWith("found unknown escape character") && context.contains("double-quoted")) {
            String value = quotedOnOneLine(text, e.getContextMark());
            String example = value == null || value.indexOf('\'') >= 0 ? "'\\d{16}'" : "'" + value + "'";
            return Diagnostic.error(DiagnosticCode.FR001, SourcePos.of(file, e.getProblemMark()),
                    "inside double quotes a backslash starts a YAML escape, and this one is not an escape YAML knows",
                    "write the value in single quotes, where a backslash is an ordinary character: " + example);
        }
        if (problem.contains("found unexpected end of stream") && context.contains("quoted scalar")
                && e.getContextMark() != null) {
            Mark open = e.getContextMark();
            char quote = charAt(text, open);
            return Diagnostic.error(DiagnosticCode.FR001, SourcePos.of(file, open),
                    "this quote is never closed, so the rest of the file became part of the value",
                    "end the value with a matching " + (quote == '\'' ? "single quote (')" : "double quote (\")")
                            + " on this line");
        }
        return null;
    }

    /** The text between the double quotes that open at {@code open}, when it ends on the same line; else null. */
    private static String quotedOnOneLine(String text, Mark open) {
        if (open == null) {
            return null;
        }
        int start = offset(text, open);
        if (start < 0 || start >= text.length() || text.charAt(start) != '"') {
            return null;
        }
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return null;
            }
            if (c == '"') {
                return text.substring(start + 1, i);
            }
        }
        return null;
    }

    private static char charAt(String text, Mark mark) {
        int at = offset(text, mark);
        return at >= 0 && at < text.length() ? text.charAt(at) : '"';
    }

    /** The character offset of a mark, counted from its line and column. */
    private static int offset(String text, Mark mark) {
        int line = 0;
        int i = 0;
        while (line < mark.getLine() && i < text.length()) {
            if (text.charAt(i++) == '\n') {
                line++;
            }
        }
        return line == mark.getLine() ? i + mark.getColumn() : -1;
    }
}
