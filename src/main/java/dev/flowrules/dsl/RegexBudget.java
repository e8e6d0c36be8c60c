package dev.flowrules.dsl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Estimates, before re2j sees a pattern, how large its compiled program will be. re2j bounds each repeat
 * count (1,000) but not their product: it expands {@code x{n}} into n copies while compiling, so
 * {@code ((a{1000}){1000}){1000}} asks for a billion copies and runs out of memory, and a million-step program
 * is accepted and then costs a tenth of a second per message. The estimate follows re2j's own expansion (a
 * repeat {@code {n,m}} costs max(n, m) copies of its operand, nested repeats multiply) and errs on the large
 * side: anything it does not recognise counts as one step, and the scan itself is one linear pass.
 */
final class RegexBudget {
    /** Counts past this are treated as this, so sums and products of capped values cannot overflow a long. */
    private static final long CAP = 1_000_000_000_000L;

    private RegexBudget() {
    }

    /** The estimated size and, when it is over the budget, where in the pattern it went over (else -1). */
    record Estimate(long size, int overAt, long repeatProduct) {
        boolean fits() {
            return size <= LoaderLimits.MAX_REGEX_SIZE;
        }
    }

    /**
     * Adds an FR017 error and answers false when the pattern would compile to more than
     * {@link LoaderLimits#MAX_REGEX_SIZE} steps. {@code position} maps an index in the pattern to a place in
     * the file (-1: the start of the value).
     */
    static boolean fits(String pattern, IntFunction<SourcePos> position, List<Diagnostic> diagnostics) {
        Estimate estimate = estimate(pattern);
        if (estimate.fits()) {
            return true;
        }
        String size = estimate.size() >= CAP ? "more than " + String.format("%,d", CAP) : String.format("%,d", estimate.size());
        String nested = estimate.repeatProduct() > 1 && estimate.repeatProduct() < CAP
                ? "; repeats inside repeats multiply (here up to " + String.format("%,d", estimate.repeatProduct())
                        + " copies)"
                : "";
        diagnostics.add(Diagnostic.error(DiagnosticCode.FR017, position.apply(estimate.overAt()),
                "the regular expression is too large once its repeats are expanded: about " + size
                        + " steps, at most " + String.format("%,d", LoaderLimits.MAX_REGEX_SIZE) + " are allowed" + nested,
                "use smaller counts, e.g. '(ab)+' or 'a{2,}' instead of a large '{n}' or '{n,m}', and do not put a counted"
                        + " repeat inside another"));
        return false;
    }

    /** One pass over the pattern with an explicit stack of open groups (no recursion, however deep the nesting). */
    static Estimate estimate(String pattern) {
        Deque<Frame> open = new ArrayDeque<>();
        Frame frame = new Frame(0);
        int overAt = -1;
        int n = pattern.length();
        int i = 0;
        while (i < n) {
            char c = pattern.charAt(i);
            switch (c) {
                case '\\' -> {
                    int end = skipEscape(pattern, i);
                    // \Q...\E is one atom here but one step per quoted character in re2j
                    frame.atom(pattern.startsWith("\\Q", i) ? Math.max(1, end - i - 4) : 1, 1);
                    i = end;
                    continue;
                }
                case '[' -> {
                    i = skipClass(pattern, i);
                    frame.atom(1, 1);
                    continue;
                }
                case '(' -> {
                    int flagsEnd = flagsOnlyGroupEnd(pattern, i);
                    if (flagsEnd > 0) { // (?i) and the like change flags and match nothing
                        i = flagsEnd;
                        continue;
                    }
                    open.push(frame);
                    frame = new Frame(capturing(pattern, i) ? 2 : 0); // a capture costs two steps
                    i++;
                    continue;
                }
                case ')' -> {
                    if (!open.isEmpty()) {
                        Frame inner = frame;
                        frame = open.pop();
                        frame.atom(add(inner.total(), inner.groupCost), inner.product());
                    }
                    i++;
                    continue;
                }
                case '|' -> {
                    frame.alternative();
                    i++;
                    continue;
                }
                case '*', '+', '?' -> {
                    frame.repeat(1, 1);
                    i++;
                }
                case '{' -> {
                    long[] counts = new long[2];
                    int end = repeatEnd(pattern, i, counts);
                    if (end < 0) {
                        frame.atom(1, 1); // not a repeat: re2j reads a lone '{' as itself
                        i++;
                        continue;
                    }
                    frame.repeat(counts[0], counts[1]);
                    i = end;
                }
                default -> {
                    frame.atom(1, 1);
                    i++;
                    continue;
                }
            }
            // only repeats get here: remember the first one that pushed the whole pattern over the budget
            if (overAt < 0 && sizeSoFar(open, frame) > LoaderLimits.MAX_REGEX_SIZE) {
                overAt = repeatStart(pattern, i);
            }
        }
        while (!open.isEmpty()) { // an unclosed group is re2j's error to report; count what is there
            Frame inner = frame;
            frame = open.pop();
            frame.atom(add(inner.total(), inner.groupCost), inner.product());
        }
        return new Estimate(frame.total(), overAt, frame.product());
    }

    private static long sizeSoFar(Deque<Frame> open, Frame current) {
        long total = current.total();
        for (Frame f : open) {
            total = add(total, f.total());
        }
        return total;
    }

    /** The start of the repeat operator that ends just before {@code end}. */
    private static int repeatStart(String pattern, int end) {
        int start = end - 1;
        if (pattern.charAt(start) == '}') {
            start = pattern.lastIndexOf('{', start);
        }
        return Math.max(start, 0);
    }

    /** Sizes of one group level: finished alternatives, the current branch, and its last atom (which a repeat takes). */
    private static final class Frame {
        private final long groupCost;
        private long alternatives;
        private long concat;
        private long last = -1;
        private long lastProduct = 1;
        private long product = 1;

        Frame(long groupCost) {
            this.groupCost = groupCost;
        }

        void atom(long size, long atomProduct) {
            flushLast();
            last = size;
            lastProduct = atomProduct;
        }

        /**
         * re2j writes x{n,m} as n copies of x and m-n optional ones (one more step each), x{n,} as n copies and a
         * loop; *, + and ? as x and one step.
         */
        void repeat(long min, long max) {
            if (last < 0) {
                return; // nothing to repeat: re2j reports 'missing argument to repetition operator'
            }
            long copies = Math.max(1, Math.max(min, max));
            long extra = max < 0 ? 1 : Math.max(1, max - min);
            last = add(mul(last, copies), extra);
            lastProduct = mul(lastProduct, copies);
        }

        void alternative() {
            flushLast();
            alternatives = add(add(alternatives, concat), 1);
            concat = 0;
        }

        long total() {
            return add(add(alternatives, concat), Math.max(last, 0));
        }

        long product() {
            return Math.max(product, last < 0 ? 1 : lastProduct);
        }

        private void flushLast() {
            if (last >= 0) {
                concat = add(concat, last);
                product = Math.max(product, lastProduct);
            }
            last = -1;
            lastProduct = 1;
        }
    }

    private static long add(long a, long b) {
        return Math.min(CAP, a + b);
    }

    private static long mul(long a, long b) {
        return a == 0 || b == 0 ? 0 : (a > CAP / b ? CAP : Math.min(CAP, a * b));
    }

    /** After a backslash: \Q...\E, \p{Name} and \x{hex} span several characters; everything else is one. */
    private static int skipEscape(String p, int i) {
        int n = p.length();
        if (i + 1 >= n) {
            return n;
        }
        char e = p.charAt(i + 1);
        if (e == 'Q') {
            int end = p.indexOf("\\E", i + 2);
            return end < 0 ? n : end + 2;
        }
        if ((e == 'p' || e == 'P' || e == 'x') && i + 2 < n && p.charAt(i + 2) == '{') {
            int close = p.indexOf('}', i + 3);
            return close < 0 ? n : close + 1;
        }
        return i + 2;
    }

    /** A character class [...], with [:name:] inside and ']' allowed first; returns the index after it. */
    private static int skipClass(String p, int i) {
        int n = p.length();
        int j = i + 1;
        if (j < n && p.charAt(j) == '^') {
            j++;
        }
        if (j < n && p.charAt(j) == ']') {
            j++;
        }
        while (j < n) {
            char c = p.charAt(j);
            if (c == ']') {
                return j + 1;
            }
            if (c == '\\') {
                j = skipEscape(p, j);
            } else if (c == '[' && j + 1 < n && p.charAt(j + 1) == ':') {
                int close = p.indexOf(":]", j + 2);
                j = close < 0 ? j + 1 : close + 2;
            } else {
                j++;
            }
        }
        return n;
    }

    /** For "(?flags)" the index after ')'; 0 for any other group. */
    private static int flagsOnlyGroupEnd(String p, int i) {
        if (i + 1 >= p.length() || p.charAt(i + 1) != '?') {
            return 0;
        }
        for (int j = i + 2; j < p.length(); j++) {
            char c = p.charAt(j);
            if (c == ')') {
                return j + 1;
            }
            if ("imsU-".indexOf(c) < 0) {
                return 0;
            }
        }
        return 0;
    }

    /**
     * For {n}, {n,} or {n,m} at {@code i}: the index after '}', with n in {@code counts[0]} and m in
     * {@code counts[1]} (-1 when unbounded). -1 when the brace does not start a repeat.
     */
    private static int repeatEnd(String p, int i, long[] counts) {
        int n = p.length();
        int j = i + 1;
        long min = 0;
        int digits = 0;
        while (j < n && p.charAt(j) >= '0' && p.charAt(j) <= '9') {
            min = Math.min(CAP, min * 10 + (p.charAt(j) - '0'));
            j++;
            digits++;
        }
        if (digits == 0 || j >= n) {
            return -1;
        }
        long max = min;
        if (p.charAt(j) == ',') {
            j++;
            long upper = 0;
            int upperDigits = 0;
            while (j < n && p.charAt(j) >= '0' && p.charAt(j) <= '9') {
                upper = Math.min(CAP, upper * 10 + (p.charAt(j) - '0'));
                j++;
                upperDigits++;
            }
            max = upperDigits == 0 ? -1 : upper;
        }
        if (j >= n || p.charAt(j) != '}') {
            return -1;
        }
        counts[0] = min;
        counts[1] = max;
        return j + 1;
    }

    /** A group that captures: '(' not followed by '?', or a named group (?P<name>...) / (?<name>...). */
    private static boolean capturing(String p, int i) {
        return !p.startsWith("(?", i) || p.startsWith("(?P<", i) || p.startsWith("(?<", i);
    }
}
