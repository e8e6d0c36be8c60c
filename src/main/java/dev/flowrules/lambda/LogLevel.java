package dev.flowrules.lambda;

import java.util.Locale;
import java.util.Map;

/**
 * The least severe log line the processor writes. Lambda's own setting ({@code AWS_LAMBDA_LOG_LEVEL}, set by
 * the function's logging configuration) wins over {@code FLOWRULES_LOG_LEVEL}; INFO when neither is set.
 * At DEBUG and TRACE the log line carries the message content and the rules' explanation.
 */
public enum LogLevel {
    /** As DEBUG: the processor writes no finer lines; accepted because Lambda's setting may say it. */
    TRACE,
    /** Every line, each also carrying the content, the rules' explanation and every note parameter. */
    DEBUG,
    /** One line per event, without content: the default. */
    INFO,
    /** Only the lines of events that were not answered normally: ignored events and errors. */
    WARN,
    /** Only error lines: dropped events, failed callbacks, rules that could not be evaluated. */
    ERROR,
    /** No per-event line: the processor writes none at this level; accepted because Lambda's setting may say it. */
    FATAL;

    /**
     * Reads the level from a process environment; Lambda's setting wins.
     *
     * @param env the environment, e.g. {@code System.getenv()}
     * @return the level; INFO when neither variable is set
     * @throws IllegalArgumentException for a value that is not a level, naming the variable
     */
    public static LogLevel fromEnvironment(Map<String, String> env) {
        String lambda = env.get("AWS_LAMBDA_LOG_LEVEL");
        if (lambda != null && !lambda.isBlank()) {
            return parse("AWS_LAMBDA_LOG_LEVEL", lambda);
        }
        String own = env.get("FLOWRULES_LOG_LEVEL");
        return own == null || own.isBlank() ? INFO : parse("FLOWRULES_LOG_LEVEL", own);
    }

    private static LogLevel parse(String variable, String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + " must be one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL, not '"
                    + text + "'");
        }
    }

    /** True when a line of {@code level} is written at this setting. */
    boolean shows(LogLevel level) {
        return level.compareTo(this) >= 0;
    }

    /** True when lines carry content and explanations. */
    boolean debug() {
        return compareTo(DEBUG) <= 0;
    }
}
