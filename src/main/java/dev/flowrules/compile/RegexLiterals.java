package dev.flowrules.compile;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The literals a regular expression cannot match without: a set of folded strings (see {@link TextFold}) of which
 * at least one occurs in the folded form of any text the expression finds a match in, whatever its flags. Read
 * from RE2 syntax conservatively: whatever this reader does not fully understand yields "unknown" (null), and a
 * rule is then tested on every message, so a wrong answer can only be a missing skip, never a missed match.
 * Optional and starred parts drop their literals; alternatives unite theirs; classes of a few characters
 * multiply out.
 */
final class RegexLiterals {
    /** Bound on the strings one part of a pattern may stand for, and on an alternation's requirement. */
    private static final int MAX_EXACT = 16;
    private static final int MAX_NEED = 64;
    private static final int MAX_CLASS = 8;

    private RegexLiterals() {
    }

    /** The required literals, or null when none are known (the pattern may match without any). */
    static Set<String> required(String regex) {
        try {
            Reader reader = new Reader(regex);
            Info info = reader.alternation();
            if (reader.at < regex.length()) {
                return null; // an unmatched ')': re2j would have refused it; be safe anyway
            }
            return info.needed();
        } catch (Unsupported e) {
            return null;
        }
    }

    /**
     * What one part of a pattern says: {@code exact}, the folded strings it matches exactly (null when not a small
     * finite set); {@code need}, strings one of which its match contains (null when nothing is known).
     */
    private record Info(Set<String> exact, Set<String> need) {
        static final Info OPAQUE = new Info(null, null);
        static final Info EMPTY = new Info(Set.of(""), null);

        Set<String> needed() {
            return exact != null ? asNeed(exact) : need;
        }
    }

    /** A set of strings as a requirement: none when it holds the empty string (which occurs everywhere). */
    private static Set<String> asNeed(Set<String> strings) {
        return strings == null || strings.isEmpty() || strings.contains("") ? null : strings;
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final class Reader {
        private final String regex;
        private int at;

        Reader(String regex) {
            this.regex = regex;
        }

        private boolean more() {
            return at < regex.length();
        }

        private char peek() {
            return regex.charAt(at);
        }

        private boolean lookingAt(String text) {
            return regex.startsWith(text, at);
        }

        Info alternation() {
            Info first = concatenation();
            if (!more() || peek() != '|') {
                return first;
            }
            Set<String> exact = first.exact == null ? null : new LinkedHashSet<>(first.exact);
            Set<String> need = first.needed() == null ? null : new LinkedHashSet<>(first.needed());
            while (more() && peek() == '|') {
                at++;
                Info branch = concatenation();
                exact = union(exact, branch.exact, MAX_EXACT);
                need = union(need, branch.needed(), MAX_NEED);
            }
            return new Info(exact, need);
        }

        private static Set<String> union(Set<String> a, Set<String> b, int max) {
            if (a == null || b == null || a.size() + b.size() > max) {
                return null;
            }
            Set<String> both = new LinkedHashSet<>(a);
            both.addAll(b);
            return both;
        }

        Info concatenation() {
            Set<String> whole = Set.of("");
            Set<String> run = Set.of("");
            Set<String> best = null;
            while (more() && peek() != '|' && peek() != ')') {
                Info item = repeated(atom());
                if (item.exact != null) {
                    Set<String> longer = product(run, item.exact);
                    if (longer == null) {
                        best = better(best, asNeed(run));
                        run = item.exact;
                    } else {
                        run = longer;
                    }
                    whole = whole == null ? null : product(whole, item.exact);
                } else {
                    best = better(best, asNeed(run));
                    best = better(best, item.need);
                    run = Set.of("");
                    whole = null;
                }
            }
            best = better(best, asNeed(run));
            return new Info(whole, best);
        }

        private static Set<String> product(Set<String> a, Set<String> b) {
            if ((long) a.size() * b.size() > MAX_EXACT) {
                return null;
            }
            Set<String> result = new LinkedHashSet<>();
            for (String x : a) {
                for (String y : b) {
                    result.add(x + y);
                }
            }
            return result;
        }

        /** The more selective requirement: longer shortest literal, then fewer literals. */
        private static Set<String> better(Set<String> a, Set<String> b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            int shortestA = a.stream().mapToInt(String::length).min().orElse(0);
            int shortestB = b.stream().mapToInt(String::length).min().orElse(0);
            if (shortestA != shortestB) {
                return shortestA > shortestB ? a : b;
            }
            return b.size() < a.size() ? b : a;
        }

        private Info repeated(Info atom) {
            Info info = atom;
            while (more()) {
                char c = peek();
                if (c == '*') {
                    at++;
                    info = Info.OPAQUE;
                } else if (c == '?') {
                    at++;
                    info = optional(info);
                } else if (c == '+') {
                    at++;
                    info = new Info(null, info.needed());
                } else if (c == '{') {
                    int start = at;
                    int min = repeatMinimum();
                    if (min < 0) {
                        break; // not a repetition: RE2 reads '{' as a literal, which atom() refuses
                    }
                    boolean atMostOnce = regex.substring(start, at).equals("{0,1}");
                    info = atMostOnce ? optional(info) : min == 0 ? Info.OPAQUE : new Info(null, info.needed());
                } else {
                    break;
                }
                if (more() && peek() == '?') {
                    at++; // non-greedy: the same text can match
                }
            }
            return info;
        }

        /**
         * An optional part stands for its strings or nothing: kept as a small set, so that {@code order[- ]?42}
         * requires one of "order42", "order-42", "order 42" rather than the far commoner "order".
         */
        private static Info optional(Info info) {
            if (info.exact == null || info.exact.size() >= MAX_EXACT) {
                return Info.OPAQUE;
            }
            Set<String> orNothing = new LinkedHashSet<>(info.exact);
            orNothing.add("");
            return new Info(orNothing, null);
        }

        /** Reads {@code {n}}, {@code {n,}} or {@code {n,m}} and returns n; -1 (reading nothing) if not one. */
        private int repeatMinimum() {
            int i = at + 1;
            int digits = i;
            while (i < regex.length() && Character.isDigit(regex.charAt(i)) && regex.charAt(i) < 128) {
                i++;
            }
            if (i == digits || i - digits > 4) {
                return -1;
            }
            int min = Integer.parseInt(regex.substring(digits, i));
            if (i < regex.length() && regex.charAt(i) == ',') {
                i++;
                while (i < regex.length() && regex.charAt(i) >= '0' && regex.charAt(i) <= '9') {
                    i++;
                }
            }
            if (i >= regex.length() || regex.charAt(i) != '}') {
                return -1;
            }
            at = i + 1;
            return min;
        }

        private Info atom() {
            char c = peek();
            switch (c) {
                case '(':
                    return group();
                case '[':
                    return characterClass();
                case '\\':
                    return escape();
                case '.':
                    at++;
                    return Info.OPAQUE;
                case '^':
                case '$':
                    at++;
                    return Info.EMPTY;
                default:
                    if ("*+?{}]".indexOf(c) >= 0) {
                        throw new Unsupported();
                    }
                    return literal(codePoint());
            }
        }

        private int codePoint() {
            int cp = regex.codePointAt(at);
            if (Character.isSurrogate((char) cp)) {
                throw new Unsupported(); // a lone surrogate: not worth reasoning about
            }
            at += Character.charCount(cp);
            return cp;
        }

        private static Info literal(int cp) {
            return new Info(Set.of(TextFold.fold(new String(Character.toChars(cp)))), null);
        }

        private Info group() {
            at++;
            if (lookingAt("?")) {
                at++;
                if (lookingAt("P<") || lookingAt("<")) {
                    int close = regex.indexOf('>', at);
                    if (close < 0) {
                        throw new Unsupported();
                    }
                    at = close + 1;
                } else {
                    while (more() && "imsU-".indexOf(peek()) >= 0) {
                        at++;
                    }
                    if (!more()) {
                        throw new Unsupported();
                    }
                    if (peek() == ')') {
                        at++;
                        refuseRepetition(); // RE2 would apply it to the atom before the flags
                        return Info.EMPTY; // flags only: they change no literal in the folded form
                    }
                    if (peek() != ':') {
                        throw new Unsupported();
                    }
                    at++;
                }
            }
            Info inner = alternation();
            if (!more() || peek() != ')') {
                throw new Unsupported();
            }
            at++;
            return inner;
        }

        /** After a construct that is no atom of its own, a repetition would belong to the atom before it. */
        private void refuseRepetition() {
            if (more() && "*+?{".indexOf(peek()) >= 0) {
                throw new Unsupported();
            }
        }

        private Info escape() {
            at++;
            if (!more()) {
                throw new Unsupported();
            }
            char c = regex.charAt(at++);
            switch (c) {
                case 'Q': {
                    int end = regex.indexOf("\\E", at);
                    String quoted = regex.substring(at, end < 0 ? regex.length() : end);
                    at = end < 0 ? regex.length() : end + 2;
                    if (quoted.isEmpty()) {
                        refuseRepetition();
                    }
                    if (quoted.chars().anyMatch(ch -> Character.isSurrogate((char) ch))) {
                        throw new Unsupported();
                    }
                    return new Info(Set.of(TextFold.fold(quoted)), null);
                }
                case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
                    return Info.OPAQUE;
                case 'p': case 'P':
                    skipUnicodeClassName();
                    return Info.OPAQUE;
                case 'b': case 'B': case 'A': case 'z':
                    return Info.EMPTY;
                default:
                    return literal(escapedCharacter(c));
            }
        }

        /** The character an escape inside or outside a class stands for; classes and others are refused. */
        private int escapedCharacter(char c) {
            switch (c) {
                case 'a':
                    return 7;
                case 'f':
                    return '\f';
                case 't':
                    return '\t';
                case 'n':
                    return '\n';
                case 'r':
                    return '\r';
                case 'v':
                    return 0x0B;
                case 'x':
                    return hex();
                default:
                    if (c < 128 && !Character.isLetterOrDigit(c)) {
                        return c; // escaped punctuation stands for itself
                    }
                    throw new Unsupported();
            }
        }

        private int hex() {
            int end;
            String digits;
            if (lookingAt("{")) {
                end = regex.indexOf('}', at);
                if (end < 0) {
                    throw new Unsupported();
                }
                digits = regex.substring(at + 1, end);
                at = end + 1;
            } else {
                if (at + 2 > regex.length()) {
                    throw new Unsupported();
                }
                digits = regex.substring(at, at + 2);
                at += 2;
            }
            if (digits.isEmpty() || digits.length() > 8 || !digits.chars().allMatch(ch -> Character.digit(ch, 16) >= 0 && ch < 128)) {
                throw new Unsupported();
            }
            long cp = Long.parseLong(digits, 16);
            if (cp > Character.MAX_CODE_POINT || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
                throw new Unsupported();
            }
            return (int) cp;
        }

        private void skipUnicodeClassName() {
            if (lookingAt("{")) {
                int end = regex.indexOf('}', at);
                if (end < 0) {
                    throw new Unsupported();
                }
                at = end + 1;
            } else if (more()) {
                codePoint();
            } else {
                throw new Unsupported();
            }
        }

        /** A bracketed class: a few plain characters multiply out; negations, ranges and named classes do not. */
        private Info characterClass() {
            at++;
            boolean negated = lookingAt("^");
            if (negated) {
                at++;
            }
            Set<String> members = new LinkedHashSet<>();
            boolean opaque = negated;
            boolean first = true;
            while (true) {
                if (!more()) {
                    throw new Unsupported();
                }
                char c = peek();
                if (c == ']' && !first) {
                    at++;
                    break;
                }
                first = false;
                if (lookingAt("[:")) {
                    int end = regex.indexOf(":]", at + 2);
                    if (end < 0 || !isClassName(regex.substring(at + 2, end))) {
                        throw new Unsupported();
                    }
                    at = end + 2;
                    opaque = true;
                    continue;
                }
                int low = classCharacter();
                if (low < 0) {
                    opaque = true; // \d, \p{...} and such
                    continue;
                }
                int high = low;
                if (lookingAt("-") && at + 1 < regex.length() && regex.charAt(at + 1) != ']') {
                    at++;
                    high = classCharacter();
                    if (high < low) {
                        throw new Unsupported();
                    }
                }
                if (opaque || high - low >= MAX_CLASS) {
                    opaque = true;
                    continue;
                }
                for (int cp = low; cp <= high; cp++) {
                    members.add(TextFold.fold(new String(Character.toChars(cp))));
                }
                opaque = members.size() > MAX_CLASS;
            }
            return opaque || members.isEmpty() ? Info.OPAQUE : new Info(members, null);
        }

        private static boolean isClassName(String name) {
            String bare = name.startsWith("^") ? name.substring(1) : name;
            return !bare.isEmpty() && bare.chars().allMatch(ch -> ch >= 'a' && ch <= 'z');
        }

        /** One character of a class, or -1 for a class escape (\d, \pL...). */
        private int classCharacter() {
            if (peek() != '\\') {
                return codePoint();
            }
            at++;
            if (!more()) {
                throw new Unsupported();
            }
            char c = regex.charAt(at++);
            if ("dDsSwW".indexOf(c) >= 0) {
                return -1;
            }
            if (c == 'p' || c == 'P') {
                skipUnicodeClassName();
                return -1;
            }
            return escapedCharacter(c);
        }
    }
}
