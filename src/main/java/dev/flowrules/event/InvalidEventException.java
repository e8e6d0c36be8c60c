package dev.flowrules.event;

/** The processor event cannot be answered: not JSON, or missing CallbackId, ChannelArn or MessageId. */
public final class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
