package dev.flowrules.event;

/**
 * The processor event cannot be answered: not strict JSON, too large, a known field of the wrong shape, or no
 * usable CallbackId, ChannelArn or MessageId. The message is plain words with the line and column when one is
 * known, and a hint; it never quotes the event's own text, so it may be logged. {@link #callbackId()} is the
 * event's CallbackId when it was read before the problem was found, so a log line can name the message.
 */
public final class InvalidEventException extends RuntimeException {
    /** What is wrong, in plain words. */
    private final String reason;
    /** 1-based line, or 0 when the problem has no position. */
    private final int line;
    /** 1-based column in characters, or 0. */
    private final int column;
    /** What to write instead, or null. */
    private final String hint;
    /** The event's CallbackId when it was read, or null. */
    private final String callbackId;

    /**
     * A problem with no position, such as an empty or over-large event.
     *
     * @param reason what is wrong, in plain words
     */
    public InvalidEventException(String reason) {
        this(reason, 0, 0, null, null);
    }

    /**
     * A problem found at a place in the event, or anywhere when {@code line} is 0.
     *
     * @param reason     what is wrong, in plain words
     * @param line       1-based line, or 0 when the problem has no position
     * @param column     1-based column in characters, or 0
     * @param hint       what to write instead, or null
     * @param callbackId the event's CallbackId when it was read, or null
     */
    public InvalidEventException(String reason, int line, int column, String hint, String callbackId) {
        super(render(reason, line, column, hint), null, false, false);
        this.reason = reason;
        this.line = line;
        this.column = column;
        this.hint = hint;
        this.callbackId = callbackId;
    }

    private static String render(String reason, int line, int column, String hint) {
        String where = line > 0 ? " at line " + line + ", column " + column : "";
        return reason + where + (hint == null ? "" : " (hint: " + hint + ")");
    }

    /**
     * What is wrong, without position or hint, e.g. for a log field of its own.
     *
     * @return the reason in plain words
     */
    public String reason() {
        return reason;
    }

    /**
     * The line of the problem in the event text.
     *
     * @return 1-based line, or 0 when the problem has no position
     */
    public int line() {
        return line;
    }

    /**
     * The column of the problem in the event text, counted in characters.
     *
     * @return 1-based column, or 0 when the problem has no position
     */
    public int column() {
        return column;
    }

    /**
     * What to write instead.
     *
     * @return the hint, or null when there is none
     */
    public String hint() {
        return hint;
    }

    /**
     * The event's CallbackId, so a log line can name the message that was dropped.
     *
     * @return the CallbackId when it was read before the problem was found, else null
     */
    public String callbackId() {
        return callbackId;
    }
}
