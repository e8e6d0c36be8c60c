package dev.flowrules.limits;

/**
 * The ChannelFlowCallback limits the engine must respect (service model chime-sdk-messaging 2021-05-15 and the
 * developer guide's quotas). The model's length constraints are Smithy {@code length} traits, which count a
 * string's Unicode scalar values (code points, see {@link #length}); the 4 KB content quota is counted in UTF-8
 * bytes, the strictest reading of "4KB". Only values the rules produce are held to these limits: values the
 * service sent in the event are echoed as they came.
 * <p>Internal: not exported by the module.
 */
public final class ServiceLimits {
    /** STANDARD messages carry up to 4 KB of content (developer guide, message types). */
    public static final int CONTENT_MAX_BYTES = 4096;
    /** The model's maximum length of a channel message's Content (ChannelMessage shape), in characters. */
    public static final int CHANNEL_MESSAGE_CONTENT_MAX = 4096;
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

    /**
     * A string's length as the service model counts it: Smithy's {@code length} trait counts Unicode scalar values,
     * so a character outside the Basic Multilingual Plane (an emoji) counts once, not as two UTF-16 units.
     */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Whether a value is present and within the model's length constraint, counted as {@link #length} does. */
    public static boolean fits(String value, int min, int max) {
        if (value == null) {
            return false;
        }
        int length = length(value);
        return length >= min && length <= max;
    }

    /**
     * Whether the text holds a line terminator. The model's pattern for Metadata and the push title is
     * {@code .*}, and '.' matches no line terminator (\n, \r, U+0085, U+2028, U+2029); Smithy patterns are not
     * anchored, so the service may accept them, but how it checks is not documented, so the engine never
     * produces one there.
     */
    public static boolean hasLineTerminator(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isLineTerminator(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The text with every line terminator replaced by a space (a CR LF pair by one space). */
    public static String lineTerminatorsToSpaces(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue; // the '\n' that follows becomes the space
            }
            out.append(isLineTerminator(c) ? ' ' : c);
        }
        return out.toString();
    }

    static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
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
        if (resource.isEmpty() || resource.charAt(0) == '/' || length(resource) > 1024) {
            return false;
        }
        return !hasLineTerminator(resource); // '.' in the model's pattern matches no line terminator
    }
}
