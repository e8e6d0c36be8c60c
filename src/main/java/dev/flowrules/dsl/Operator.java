package dev.flowrules.dsl;

import java.math.BigDecimal;
import java.util.List;

/** One test on one value of a field, as written in a rule; {@code pos} points at its key. */
public sealed interface Operator {
    SourcePos pos();

    /** The keyword the author wrote, for explanations. */
    String keyword();

    record Equals(String value, boolean ignoreCase, SourcePos pos) implements Operator {
        public String keyword() {
            return "equals";
        }
    }

    record OneOf(List<String> values, boolean ignoreCase, SourcePos pos) implements Operator {
        public String keyword() {
            return "one-of";
        }
    }

    record StartsWith(String value, boolean ignoreCase, SourcePos pos) implements Operator {
        public String keyword() {
            return "starts-with";
        }
    }

    record EndsWith(String value, boolean ignoreCase, SourcePos pos) implements Operator {
        public String keyword() {
            return "ends-with";
        }
    }

    record Contains(String value, boolean ignoreCase, SourcePos pos) implements Operator {
        public String keyword() {
            return "contains";
        }
    }

    /** Whole words or phrases from a list; always case-folded and normalised (see {@link Words}). */
    record ContainsWord(List<String> words, String source, SourcePos pos) implements Operator {
        public String keyword() {
            return "contains-word";
        }
    }

    /** {@code *} stands for any run of characters; the pattern must cover the whole value. */
    record Wildcard(String pattern, boolean ignoreCase, SourcePos pos) implements Operator {
        public String keyword() {
            return "matches";
        }
    }

    /** An RE2 regular expression (re2j) found anywhere in the value. */
    record Regex(String pattern, boolean ignoreCase, SourcePos pos) implements Operator {
        public String keyword() {
            return "regex";
        }
    }

    /** Length in characters (Unicode code points). */
    record Length(Comparison comparison, long length, SourcePos pos) implements Operator {
        public String keyword() {
            return "length";
        }
    }

    /** The value read as a decimal number; a value that is not a number fails the test. */
    record NumberCompare(Comparison comparison, BigDecimal number, SourcePos pos) implements Operator {
        public String keyword() {
            return switch (comparison) {
                case GREATER_THAN -> "greater-than";
                case AT_LEAST -> "at-least";
                case LESS_THAN -> "less-than";
                case AT_MOST -> "at-most";
            };
        }
    }

    record Exists(boolean expected, SourcePos pos) implements Operator {
        public String keyword() {
            return "exists";
        }
    }
}
