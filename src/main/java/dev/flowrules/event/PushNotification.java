package dev.flowrules.event;

/**
 * The push notification of a channel message; any part may be null when absent.
 *
 * @param title the title
 * @param body the body
 * @param type {@code DEFAULT} or {@code VOIP}
 */
public record PushNotification(String title, String body, String type) {

    /** No push notification: every part absent. */
    public static final PushNotification NONE = new PushNotification(null, null, null);

    /**
     * Whether the message carries no push notification at all.
     *
     * @return true when every part is absent
     */
    public boolean isEmpty() {
        return title == null && body == null && type == null;
    }

    /**
     * This notification with another title.
     *
     * @param value the new title
     * @return a changed copy
     */
    public PushNotification withTitle(String value) {
        return new PushNotification(value, body, type);
    }

    /**
     * This notification with another body.
     *
     * @param value the new body
     * @return a changed copy
     */
    public PushNotification withBody(String value) {
        return new PushNotification(title, value, type);
    }

    /**
     * This notification with another type.
     *
     * @param value the new type
     * @return a changed copy
     */
    public PushNotification withType(String value) {
        return new PushNotification(title, body, value);
    }
}
