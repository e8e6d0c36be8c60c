package dev.flowrules.dsl;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayDeque;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Compiles an author's regular expression and, when re2j refuses it, says where and why in the author's terms:
 * the column of the offending character in the file, and a hint about RE2 syntax.
 */
final class RegexErrors {
    private RegexErrors() {
    }

    static Pattern compile(YamlReads in, Node node, String pattern, boolean ignoreCase) {
        if (pattern.length() > LoaderLimits.MAX_PATTERN_LENGTH) {
            in.error(DiagnosticCode.FR017, in.pos(node), "the regular expression has " + pattern.length()
                    + " characters; at most " + LoaderLimits.MAX_PATTERN_LENGTH + " are allowed",
                    "split it into several rules, or use 'contains-word' with a list file for long alternatives");
            return null;
        }
        if (!RegexBudget.fits(pattern, index -> in.pos(node, index), in.diagnostics())) {
            return null;
        }
        try {
            return in.patterns().compile(pattern, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            // re2j names the offending fragment rather than an index; find it to point at it.
            String fragment = e.getPattern();
            String description = e.getDescription() == null ? "" : e.getDescription();
            if ("stack underflow".equals(fragment)) {
                description = "unexpected )"; // re2j's wording for a ')' with no '(' before it
                fragment = pattern;
            }
            boolean whole = fragment == null || fragment.isEmpty() || fragment.equals(pattern);
            int index = whole ? unbalancedAt(pattern, description) : pattern.indexOf(fragment);
            String where = index >= 0 ? " at character " + (index + 1) : "";
            String shown = whole ? "'" + YamlReads.abbreviate(pattern) + "'"
                    : "'" + YamlReads.abbreviate(fragment) + "' in '" + YamlReads.abbreviate(pattern) + "'";
            in.error(DiagnosticCode.FR005, in.pos(node, index), "invalid regular expression" + where + ": "
                            + description + " " + shown,
                    hint(description));
            return null;
        }
    }

    /** Where an unbalanced bracket is, for the errors re2j reports on the whole pattern; -1 when unknown. */
    static int unbalancedAt(String pattern, String description) {
        String d = description == null ? "" : description;
        char open = d.contains("missing closing ]") ? '[' : '(';
        char close = open == '[' ? ']' : ')';
        if (!d.contains("missing closing") && !d.contains("unexpected )")) {
            return -1;
        }
        ArrayDeque<Integer> opened = new ArrayDeque<>();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == open) {
                opened.push(i);
            } else if (c == close) {
                if (opened.isEmpty()) {
                    return i;
                }
                opened.pop();
            }
        }
        return opened.isEmpty() ? -1 : opened.peek();
    }

    private static String hint(String description) {
        String d = description == null ? "" : description.toLowerCase(Locale.ROOT);
        if (d.contains("perl") || d.contains("named capture") || d.contains("(?") || d.contains("lookahead") || d.contains("backreference")
                || d.contains("repetition operator")) {
            return "patterns use RE2 syntax: no look-ahead, look-behind or back-references; "
                    + "a literal '*', '+', '?', '(' or '[' needs a backslash";
        }
        if (d.contains("missing closing") || d.contains("unexpected )")) {
            return "every '(' needs a ')' and every '[' a ']'; escape them with a backslash to match them literally";
        }
        return "patterns use RE2 syntax (see docs/rules.md); escape special characters with a backslash";
    }
}
