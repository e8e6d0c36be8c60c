package dev.flowrules.compile;

import com.google.re2j.Pattern;
import dev.flowrules.dsl.Comparison;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * A compiled test on one value: returns the matched text, or null when the test fails. Each says what it costs,
 * so that the cheap tests of a field run before the expensive ones.
 */
interface ValueTest {
    /** A comparison or a hash lookup. */
    int LOOKUP = 0;
    /** A scan of the value for a literal. */
    int SCAN = 1;
    /** A pattern run over the value. */
    int PATTERN = 2;

    String keyword();

    String match(String value, MessageView view);

    /** {@link #LOOKUP}, {@link #SCAN} or {@link #PATTERN}. */
    int cost();

    record Equals(String expected, boolean ignoreCase) implements ValueTest {
        public int cost() {
            return LOOKUP;
        }

        public String keyword() {
            return "equals";
        }

        public String match(String value, MessageView view) {
            boolean same = ignoreCase ? view.lower(value).equals(expected) : value.equals(expected);
            return same ? value : null;
        }
    }

    record OneOf(Set<String> expected, boolean ignoreCase) implements ValueTest {
        public int cost() {
            return LOOKUP;
        }

        public String keyword() {
            return "one-of";
        }

        public String match(String value, MessageView view) {
            return expected.contains(ignoreCase ? view.lower(value) : value) ? value : null;
        }
    }

    record StartsWith(String prefix, boolean ignoreCase) implements ValueTest {
        public int cost() {
            return SCAN;
        }

        public String keyword() {
            return "starts-with";
        }

        public String match(String value, MessageView view) {
            String subject = ignoreCase ? view.lower(value) : value;
            return subject.startsWith(prefix) ? value.substring(0, Math.min(prefix.length(), value.length())) : null;
        }
    }

    record EndsWith(String suffix, boolean ignoreCase) implements ValueTest {
        public int cost() {
            return SCAN;
        }

        public String keyword() {
            return "ends-with";
        }

        public String match(String value, MessageView view) {
            String subject = ignoreCase ? view.lower(value) : value;
            return subject.endsWith(suffix) ? value.substring(Math.max(0, value.length() - suffix.length())) : null;
        }
    }

    record Contains(String part, boolean ignoreCase) implements ValueTest {
        public int cost() {
            return SCAN;
        }

        public String keyword() {
            return "contains";
        }

        public String match(String value, MessageView view) {
            String subject = ignoreCase ? view.lower(value) : value;
            int at = subject.indexOf(part);
            // Lower-casing can change lengths for a few characters; fall back to the part itself then.
            return at < 0 ? null : subject.length() == value.length() ? value.substring(at, at + part.length()) : part;
        }
    }

    /** Reads the rule set's shared word index: whether list {@code list} has an entry in the value. */
    record ContainsWord(int list, String source) implements ValueTest {
        public int cost() {
            return LOOKUP;
        }

        public String keyword() {
            return "contains-word";
        }

        public String match(String value, MessageView view) {
            return view.wordHits(value).get(list);
        }
    }

    /** A host within the domains (or, with {@code outside}, within none of them): the host, or null. */
    record Domains(Set<String> domains, boolean outside) implements ValueTest {
        public int cost() {
            return LOOKUP;
        }

        public String keyword() {
            return outside ? "outside" : "within";
        }

        public String match(String value, MessageView view) {
            String host = dev.flowrules.text.LinkHosts.normalize(value);
            boolean within = false;
            // The host and each parent domain of it, looked up: linear in the host whatever the list's size.
            for (String suffix = host; suffix != null && !within; ) {
                within = domains.contains(suffix);
                int dot = suffix.indexOf('.');
                suffix = dot < 0 ? null : suffix.substring(dot + 1);
            }
            return within != outside ? value : null;
        }
    }

    record Wildcard(Pattern pattern, String source) implements ValueTest {
        public int cost() {
            return PATTERN;
        }

        public String keyword() {
            return "matches";
        }

        public String match(String value, MessageView view) {
            return pattern.matcher(value).matches() ? value : null;
        }
    }

    record Regex(Pattern pattern) implements ValueTest {
        public int cost() {
            return PATTERN;
        }

        public String keyword() {
            return "regex";
        }

        public String match(String value, MessageView view) {
            return view.regexFind(pattern, value);
        }
    }

    record Length(Comparison comparison, long length) implements ValueTest {
        public int cost() {
            return LOOKUP;
        }

        public String keyword() {
            return "length " + comparison.symbol() + " " + length;
        }

        public String match(String value, MessageView view) {
            long actual = value.codePointCount(0, value.length());
            return comparison.holds(Long.compare(actual, length)) ? value : null;
        }
    }

    /**
     * Numbers are plain decimals ({@code 3}, {@code -2.5}); anything else, exponents included, is not a number,
     * which keeps a hostile value like {@code 1e999999999} from costing anything.
     */
    record NumberCompare(Comparison comparison, BigDecimal number) implements ValueTest {
        public int cost() {
            return LOOKUP;
        }

        public String keyword() {
            return comparison.symbol() + " " + number.toPlainString();
        }

        public String match(String value, MessageView view) {
            String trimmed = value.strip();
            if (!isPlainDecimal(trimmed)) {
                return null;
            }
            return comparison.holds(new BigDecimal(trimmed).compareTo(number)) ? value : null;
        }
    }

    /** {@code [+-]?digits(.digits)?} with at most 30 digits on each side of the point. */
    static boolean isPlainDecimal(String text) {
        int i = 0;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int whole = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
            whole++;
        }
        if (whole == 0 || whole > 30) {
            return false;
        }
        if (i == text.length()) {
            return true;
        }
        if (text.charAt(i) != '.') {
            return false;
        }
        i++;
        int fraction = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
            fraction++;
        }
        return i == text.length() && fraction > 0 && fraction <= 30;
    }

    /** The one lower-casing of literals for ignore-case tests; a message's values are lowered by {@link MessageView#lower}. */
    static String fold(String text, boolean ignoreCase) {
        return ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
    }
}
