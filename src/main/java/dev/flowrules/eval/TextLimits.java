package dev.flowrules.eval;

import dev.flowrules.limits.ServiceLimits;

/**
 * How over-long text is cut: at a character boundary (never inside a surrogate pair), ending with '…' so the
 * reader sees the cut. Only human-facing text is cut (content, push title and body); structured values
 * (metadata, attributes) are never cut, because a cut value would mean something else.
 */
final class TextLimits {
    static final String ELLIPSIS = "\u2026";

    private TextLimits() {
    }

    static String cutToUtf8Bytes(String text, int maxBytes) {
        if (ServiceLimits.utf8Length(text) <= maxBytes) {
            return text;
        }
        int budget = maxBytes - ServiceLimits.utf8Length(ELLIPSIS);
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int width = Character.charCount(cp);
            int size = ServiceLimits.utf8Length(text.substring(end, end + width));
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            end += width;
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    /** Cuts to at most {@code maxChars} characters counted as the service model counts them (code points). */
    static String cutToChars(String text, int maxChars) {
        if (ServiceLimits.length(text) <= maxChars) {
            return text;
        }
        int end = text.offsetByCodePoints(0, maxChars - ServiceLimits.length(ELLIPSIS));
        return text.substring(0, end) + ELLIPSIS;
    }
}
