package dev.flowrules.limits;

/**
 * The ChannelFlowCallback limits the engine must respect (service model chime-sdk-messaging 2021-05-15 and the
 * developer guide's quotas). Lengths are counted in UTF-16 units, never fewer than the characters the service
 * counts, so a value within these limits is within the service's.
 */
public final class ServiceLimits {
    /** STANDARD messages carry up to 4 KB of content (developer guide, message types). */
    public static final int CONTENT_MAX_BYTES = 4096;
    public static final int METADATA_MAX = 1024;
    public static final int PUSH_TITLE_MAX = 50;
    public static final int PUSH_BODY_MAX = 150;
    public static final int ATTRIBUTE_NAME_MAX = 64;
    public static final int ATTRIBUTE_VALUE_MAX = 512;
    /** Filter rules see at most 1 KB of message attributes in all (developer guide, filter rule limits). */
    public static final int ATTRIBUTES_TOTAL_MAX_BYTES = 1024;
    public static final int CONTENT_TYPE_MAX = 45;
    public static final int SUB_CHANNEL_ID_MAX = 128;
    public static final int MESSAGE_ID_MAX = 128;
    public static final int CALLBACK_ID_MIN = 32;
    public static final int CALLBACK_ID_MAX = 64;
    public static final int CHANNEL_ARN_MIN = 5;
    public static final int CHANNEL_ARN_MAX = 1600;

    private ServiceLimits() {
    }

    public static int utf8Length(CharSequence text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3; // a lone surrogate is sent as U+FFFD, three bytes
            }
        }
        return bytes;
    }

    /** Size of a name/values map as filter rules count it: names and values in UTF-8. */
    public static int attributesBytes(java.util.Map<String, java.util.List<String>> attributes) {
        int total = 0;
        for (var entry : attributes.entrySet()) {
            total += utf8Length(entry.getKey());
            for (String value : entry.getValue()) {
                total += utf8Length(value);
            }
        }
        return total;
    }

    static boolean isIdentifier(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c == '-' || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a MessageId or SubChannelId fits the model: 1..128 of {@code [-_a-zA-Z0-9]}. */
    public static boolean isValidId(String value, int max) {
        return value != null && !value.isEmpty() && value.length() <= max && isIdentifier(value);
    }

    /**
     * Whether a value fits the model's ChimeArn pattern,
     * {@code arn:[a-z0-9-\.]{1,63}:[a-z0-9-\.]{0,63}:[a-z0-9-\.]{0,63}:[a-z0-9-\.]{0,63}:[^/].{0,1023}}, within
     * 5..1600 characters. Checked by hand: no regular expression touches event input.
     */
    public static boolean isChimeArn(String value) {
        if (value == null || value.length() < CHANNEL_ARN_MIN || value.length() > CHANNEL_ARN_MAX || !value.startsWith("arn:")) {
            return false;
        }
        int at = 4;
        for (int part = 0; part < 4; part++) {
            int colon = value.indexOf(':', at);
            if (colon < 0 || colon - at > 63 || (part == 0 && colon == at)) {
                return false;
            }
            for (int i = at; i < colon; i++) {
                char c = value.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
                    return false;
                }
            }
            at = colon + 1;
        }
        String resource = value.substring(at);
        if (resource.isEmpty() || resource.charAt(0) == '/' || resource.length() > 1024) {
            return false;
        }
        for (int i = 0; i < resource.length(); i++) {
            char c = resource.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false; // '.' in the model's pattern matches no line terminator
            }
        }
        return true;
    }
}
