package dev.flowrules.event;

/** The push notification of a channel message; any part may be null when absent. */
public record PushNotification(String title, String body, String type) {

    public static final PushNotification NONE = new PushNotification(null, null, null);

    public boolean isEmpty() {
        return title == null && body == null && type == null;
    }

    public PushNotification withTitle(String value) {
        return new PushNotification(value, body, type);
    }

    public PushNotification withBody(String value) {
        return new PushNotification(title, value, type);
    }

    public PushNotification withType(String value) {
        return new PushNotification(title, body, value);
    }
}
