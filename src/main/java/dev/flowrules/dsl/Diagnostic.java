package dev.flowrules.dsl;

/**
 * One problem found in a rule file. Printed as {@code file:line:column: error: message [FR001]} followed by a
 * hint line, the shape compilers use, so IDEs and CI logs link straight to the line.
 *
 * <p>A diagnostic quotes what it read (ids, keys, values, file names), and a rule file is text anyone may have
 * pasted. So the text is made safe once, here, for every output format: every control character (and every
 * invisible format or line-separator character) in the file name and message is written as an escape
 * ({@code \n}, <code>&#92;u001B</code>) by {@link #escapeControlCharacters}. A hint may span lines (a failed rule test
 * lists its differences), so its line breaks stay, every other control character is escaped, and every line
 * after the first is indented: no line of a hint can pass for a diagnostic of its own. The message is cut at
 * {@link #MAX_MESSAGE} characters, the hint at {@link #MAX_HINT}. {@link #message()}, {@link #hint()} and
 * {@link #pos()} return the safe text, so a JSON or SARIF writer can use them as they are.
 *
 * @param code the stable code, documented in docs/diagnostics.md
 * @param severity error (the rules are refused) or warning
 * @param pos where the problem is; the file name made safe
 * @param message what is wrong, in plain words; made safe and cut
 * @param hint how to fix it, or null; made safe and cut
 */
public record Diagnostic(DiagnosticCode code, Severity severity, SourcePos pos, String message, String hint) {
    /** Characters kept of a message: a diagnostic quotes at most a short excerpt of what it read. */
    public static final int MAX_MESSAGE = 500;
    /** Characters kept of a hint, which for a failed rule test holds the expected and the actual text. */
    public static final int MAX_HINT = 2_000;

    /**
     * Makes the file name, the message and the hint safe to print, and cuts them (see the class comment).
     *
     * @param code the record's {@code code}
     * @param severity the record's {@code severity}
     * @param pos the record's {@code pos}
     * @param message the record's {@code message}
     * @param hint the record's {@code hint}
     */
    public Diagnostic {
        if (pos != null) {
            String file = escapeControlCharacters(pos.file());
            pos = file.equals(pos.file()) ? pos : new SourcePos(file, pos.line(), pos.column());
        }
        message = cut(escapeControlCharacters(message), MAX_MESSAGE);
        hint = hint == null ? null : cut(hintLines(hint), MAX_HINT);
    }

    /**
     * An error: the rules that have one are refused.
     *
     * @param code the stable code
     * @param pos where the problem is
     * @param message what is wrong
     * @param hint how to fix it, or null
     * @return the diagnostic, its text made safe
     */
    public static Diagnostic error(DiagnosticCode code, SourcePos pos, String message, String hint) {
        return new Diagnostic(code, Severity.ERROR, pos, message, hint);
    }

    /**
     * A warning: the rules work, but probably not as their author thinks.
     *
     * @param code the stable code
     * @param pos where the problem is
     * @param message what is wrong
     * @param hint how to fix it, or null
     * @return the diagnostic, its text made safe
     */
    public static Diagnostic warning(DiagnosticCode code, SourcePos pos, String message, String hint) {
        return new Diagnostic(code, Severity.WARNING, pos, message, hint);
    }

    /**
     * Whether the rules are refused because of this diagnostic.
     *
     * @return true for an error, false for a warning
     */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * The first line, the shape compilers print, so editors and CI logs link to the place.
     *
     * @return {@code file:line:column: error: message [FR001]}
     */
    public String headline() {
        return pos + ": " + severity.label() + ": " + message + " [" + code.id() + "]";
    }

    /**
     * The diagnostic as the CLI and the Maven goal print it.
     *
     * @return the headline, then {@code   hint: ...} when there is a hint
     */
    public String format() {
        return hint == null || hint.isEmpty() ? headline() : headline() + "\n  hint: " + hint;
    }

    /**
     * The text with every character that could move a terminal's cursor, colour it, break or reorder a line
     * written as a visible escape: C0 and C1 controls and DEL ({@code \n}, {@code \r}, {@code \t}, else
     * <code>&#92;u001B</code>), format characters such as bidi overrides and zero-width ones, line and paragraph
     * separators, and lone surrogates (<code>&#92;uD800</code>; above U+FFFF <code>&#92;u{E0001}</code>). A backslash stays as it
     * is. Null stays null.
     *
     * @param text any text, e.g. a value read from a rule file
     * @return the text safe to print on one line of a terminal or a log
     */
    public static String escapeControlCharacters(String text) {
        if (text == null || text.codePoints().noneMatch(Diagnostic::needsEscape)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (!needsEscape(cp)) {
                out.appendCodePoint(cp);
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp > 0xFFFF) {
                out.append("\\u{").append(Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT)).append('}');
            } else {
                out.append(String.format("\\u%04X", cp));
            }
        });
        return out.toString();
    }

    private static boolean needsEscape(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }

    /** Each line escaped on its own; a line after the first that does not start with a space gets four. */
    private static String hintLines(String hint) {
        java.util.List<String> lines = hint.lines().toList(); // \n, \r\n and \r, without a regular expression
        if (lines.isEmpty()) {
            return hint;
        }
        StringBuilder out = new StringBuilder(escapeControlCharacters(lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            String line = escapeControlCharacters(lines.get(i));
            out.append('\n').append(line.startsWith(" ") ? "" : "    ").append(line);
        }
        return out.toString();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
