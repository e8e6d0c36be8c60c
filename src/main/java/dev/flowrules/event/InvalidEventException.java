package dev.flowrules.event;

/**
 * The processor event cannot be answered: not strict JSON, too large, a known field of the wrong shape, or no
 * usable CallbackId, ChannelArn or MessageId. The message is plain words with the line and column when one is
 * known, and a hint; it never quotes the event's own text, so it may be logged. {@link #callbackId()} is the
 * event's CallbackId when it was read before the problem was found, so a log line can name the message.
 */
public final class InvalidEventException extends RuntimeException {
    private final String reason;
    private final int line;
    private final int column;
    private final String hint;
    private final String callbackId;

    /** A problem with no position, such as an empty or over-large event. */
    public InvalidEventException(String reason) {
        this(reason, 0, 0, null, null);
    }

    /**
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

    /** What is wrong, without position or hint. */
    public String reason() {
        return reason;
    }

    /** The 1-based line of the problem in the event text, or 0 when it has no position. */
    public int line() {
        return line;
    }

    /** The 1-based column, counted in characters, or 0 when the problem has no position. */
    public int column() {
        return column;
    }

    /** What to write instead, or null. */
    public String hint() {
        return hint;
    }

    /** The event's CallbackId when it was read before the problem was found, else null. */
    public String callbackId() {
        return callbackId;
    }
}
