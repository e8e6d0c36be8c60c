package dev.flowrules.eval;

import com.google.re2j.Matcher;
import dev.flowrules.compile.CompiledAction;
import dev.flowrules.limits.ServiceLimits;
import java.util.function.Function;

/** Replaces every match of a rewrite's or redaction's pattern in one text: a pure function of its inputs. */
final class Rewriter {
    /** Rewrites stop growing content past this many characters; the result is cut to the service limit anyway. */
    private static final int REWRITE_CEILING = ServiceLimits.CONTENT_MAX_BYTES * 2;

    private Rewriter() {
    }

    /** The text after the rewrite, and how many matches were replaced. */
    record Replaced(String text, int count) {
    }

    /** {@code replacement} fills the rewrite's template for one match (not called for a redaction's mask). */
    static Replaced replaceAll(String content, CompiledAction.RewriteContent rewrite, Function<Matcher, String> replacement) {
        Matcher matcher = rewrite.pattern().matcher(content);
        StringBuilder out = new StringBuilder();
        int last = 0;
        int count = 0;
        while (matcher.find()) {
            if (matcher.end() == matcher.start() && (rewrite.replacement() == null || insidePair(content, matcher.start()))) {
                // re2j steps one UTF-16 unit after an empty match, so it also finds the point between the
                // halves of a surrogate pair; inserting there would split the character in two.
                continue;
            }
            out.append(content, last, matcher.start());
            if (rewrite.replacement() == null) {
                int maskLength = content.codePointCount(matcher.start(), matcher.end());
                out.append("*".repeat(maskLength));
            } else {
                out.append(replacement.apply(matcher));
            }
            last = matcher.end();
            count++;
            if (out.length() > REWRITE_CEILING) {
                break;
            }
        }
        if (out.length() <= REWRITE_CEILING) {
            out.append(content, last, content.length());
        }
        return new Replaced(count == 0 ? content : out.toString(), count);
    }

    private static boolean insidePair(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))
                && Character.isHighSurrogate(text.charAt(index - 1));
    }
}
