package dev.flowrules.lambda;

import java.util.Locale;

/**
 * What the processor answers when the rules could not be evaluated (an engine fault). It never decides what
 * happens when the service refuses an answer: a refused deny or redaction becomes a minimal deny under either
 * policy, so that nothing the rules took out is delivered (docs/lambda.md).
 */
public enum FailurePolicy {
    /** Deliver the message as it arrived (a no-change callback). The default: chat keeps flowing. */
    FAIL_OPEN,
    /** Drop the message (a minimal deny callback). For channels where an unchecked message must never show. */
    FAIL_CLOSED;

    /**
     * Reads the FLOWRULES_ON_ERROR setting.
     *
     * @param text {@code fail-open} or {@code fail-closed}; null or blank is the default
     * @return the policy
     * @throws IllegalArgumentException for any other text, naming the variable, so a bad deployment fails at init
     */
    public static FailurePolicy parse(String text) {
        if (text == null || text.isBlank()) {
            return FAIL_OPEN;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "fail-open" -> FAIL_OPEN;
            case "fail-closed" -> FAIL_CLOSED;
            default -> throw new IllegalArgumentException("FLOWRULES_ON_ERROR must be fail-open or fail-closed, not '" + text + "'");
        };
    }

    /**
     * The policy as written in settings and log lines.
     *
     * @return {@code fail-open} or {@code fail-closed}
     */
    public String label() {
        return this == FAIL_OPEN ? "fail-open" : "fail-closed";
    }
}
