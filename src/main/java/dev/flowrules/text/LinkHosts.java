package dev.flowrules.text;

import java.net.IDN;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hosts of the links in a text, as {@code links.host} sees them: a link is written with a scheme
 * ({@code https://...}), starts with {@code www.}, or is a bare name whose last part is a known top-level domain
 * ({@code example.com}). Hosts are lower case, in ASCII (IDNA: {@code exаmple.com} with a Cyrillic а becomes
 * {@code xn--exmple-4nf.com}), without a trailing dot, user-info or port. Version numbers ({@code 1.2.3}) and file
 * names ({@code notes.md}, {@code report.pdf}) are not links.
 * <p>Internal: not exported by the module.
 */
public final class LinkHosts {
    private LinkHosts() {
    }

    /** The most hosts read from one text; a message holding more is judged on these. */
    public static final int MAX_HOSTS = 256;

    /** The hosts of every link in the text, in order, repeated hosts once. */
    public static List<String> of(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        List<String> hosts = new ArrayList<>();
        int n = nfkc.length();
        int i = 0;
        while (i < n && hosts.size() < MAX_HOSTS) {
            while (i < n && delimiter(nfkc.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !delimiter(nfkc.charAt(i))) {
                i++;
            }
            if (i > start) {
                chunk(nfkc.substring(start, i), hosts);
            }
        }
        return hosts;
    }

    /** Characters that end a link in running text. */
    private static boolean delimiter(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '<' || c == '>' || c == '"' || c == '\''
                || c == '`' || c == '(' || c == ')' || c == '{' || c == '}' || c == ',' || c == ';' || c == '|'
                || c == '\u3001' || c == '\uFF0C' || Character.getType(c) == Character.CONTROL;
    }

    private static void chunk(String chunk, List<String> hosts) {
        int scheme = schemeEnd(chunk);
        if (scheme >= 0) {
            String host = authorityHost(chunk.substring(scheme));
            add(host, hosts);
            return;
        }
        // No scheme: bare names, split where a name cannot continue ('@' ends user-info); after a '/', '?' or '#'
        // comes a path, whose parts are not hosts.
        int i = 0;
        while (i < chunk.length()) {
            int start = i;
            while (i < chunk.length() && domainChar(chunk.charAt(i))) {
                i++;
            }
            String name = i > start ? bareName(chunk.substring(start, i)) : null;
            if (name != null) {
                add(name, hosts);
            }
            if (i < chunk.length() && (isSlash(chunk.charAt(i)) || chunk.charAt(i) == '?' || chunk.charAt(i) == '#')) {
                return;
            }
            i++;
        }
    }

    /** The index after {@code scheme://} (or {@code scheme:\\}), or -1 when the chunk has no scheme. */
    private static int schemeEnd(String chunk) {
        for (int colon = chunk.indexOf(':'); colon > 0; colon = chunk.indexOf(':', colon + 1)) {
            if (colon + 2 < chunk.length() && isSlash(chunk.charAt(colon + 1)) && isSlash(chunk.charAt(colon + 2))) {
                int s = colon - 1;
                while (s >= 0 && schemeChar(chunk.charAt(s))) {
                    s--;
                }
                s++;
                while (s < colon && !(chunk.charAt(s) < 128 && Character.isLetter(chunk.charAt(s)))) {
                    s++; // a scheme starts with a letter
                }
                if (s < colon) {
                    return colon + 3;
                }
            }
        }
        return -1;
    }

    private static boolean isSlash(char c) {
        return c == '/' || c == '\\';
    }

    private static boolean schemeChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.');
    }

    /** The host of {@code user@host:port/path}: user-info up to the last '@' before the path, port and brackets removed. */
    private static String authorityHost(String rest) {
        int end = 0;
        while (end < rest.length() && !isSlash(rest.charAt(end)) && rest.charAt(end) != '?' && rest.charAt(end) != '#') {
            end++;
        }
        String authority = rest.substring(0, end);
        int at = authority.lastIndexOf('@');
        String hostPort = authority.substring(at + 1);
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            return close < 0 ? hostPort.substring(1) : hostPort.substring(1, close);
        }
        int colon = hostPort.indexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }

    private static boolean domainChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || isDot(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK || Character.isSurrogate(c);
    }

    private static boolean isDot(char c) {
        return c == '.' || c == '\u3002' || c == '\uFF0E' || c == '\uFF61';
    }

    /** A bare name that is a link: at least two labels, the last a known top-level domain; else null. */
    private static String bareName(String candidate) {
        int start = 0;
        int end = candidate.length();
        while (start < end && (isDot(candidate.charAt(start)) || candidate.charAt(start) == '-')) {
            start++;
        }
        while (end > start && (isDot(candidate.charAt(end - 1)) || candidate.charAt(end - 1) == '-')) {
            end--;
        }
        String name = candidate.substring(start, end);
        int lastDot = -1;
        for (int i = 0; i < name.length(); i++) {
            if (isDot(name.charAt(i))) {
                if (i == lastDot + 1) {
                    return null; // an empty label: "a..b"
                }
                lastDot = i;
            }
        }
        if (lastDot <= 0) {
            return null;
        }
        String tld = name.substring(lastDot + 1);
        boolean www = name.regionMatches(true, 0, "www", 0, 3) && name.length() > 3 && isDot(name.charAt(3));
        // "did.It" is a missing space, not a link: a top-level domain is written in one case.
        if (!tld.equals(tld.toLowerCase(Locale.ROOT)) && !tld.equals(tld.toUpperCase(Locale.ROOT))) {
            return null;
        }
        String lower = tld.toLowerCase(Locale.ROOT);
        if (!www && (!TopLevelDomains.known(lower) || TopLevelDomains.fileLike(lower) || !asciiLetters(lower))) {
            return null;
        }
        return name;
    }

    private static boolean asciiLetters(String label) {
        return label.chars().allMatch(c -> c >= 'a' && c <= 'z');
    }

    private static void add(String host, List<String> hosts) {
        String normal = normalize(host);
        if (normal != null && !hosts.contains(normal)) {
            hosts.add(normal);
        }
    }

    /**
     * A host as compared: lower case, IDNA ASCII, no trailing dot; null when empty. A host IDNA refuses is kept
     * lower-cased, so that it is never within an allowed domain by accident.
     */
    public static String normalize(String host) {
        String h = host;
        while (!h.isEmpty() && isDot(h.charAt(h.length() - 1))) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.isEmpty()) {
            return null;
        }
        try {
            h = IDN.toASCII(h);
        } catch (IllegalArgumentException e) {
            // Not a valid internationalised name (too long, forbidden characters): compare it as written.
        }
        return h.toLowerCase(Locale.ROOT);
    }

    /** Whether a normalised host is the domain or one of its subdomains. */
    public static boolean within(String host, String domain) {
        return host.equals(domain) || (host.endsWith(domain) && host.charAt(host.length() - domain.length() - 1) == '.');
    }
}
