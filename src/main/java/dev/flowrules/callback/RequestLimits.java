package dev.flowrules.callback;

import dev.flowrules.event.Message;
import dev.flowrules.event.ProcessorEvent;
import dev.flowrules.limits.ServiceLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowCallbackRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageCallback;
import software.amazon.awssdk.services.chimesdkmessaging.model.MessageAttributeValue;
import software.amazon.awssdk.services.chimesdkmessaging.model.PushNotificationConfiguration;

/**
 * Every way a ChannelFlowCallback request can break the service's model or quotas; empty when it is sound.
 * Lengths are counted in code points, as the model's Smithy length constraints count them. The quotas (4 KB of
 * content, 1 KB of attributes) and the no-line-break reading of the {@code .*} patterns apply to values the rules
 * produced; a value equal to the event's own was sent by the service and is acceptable to it as it came.
 * <p>Internal: not exported by the module.
 */
public final class RequestLimits {
    private RequestLimits() {
    }

    /** Violations when every value counts as produced by the rules. */
    public static List<String> violations(ChannelFlowCallbackRequest request) {
        return violations(null, request);
    }

    /** Violations of a request answering the event; values echoed from the event are held to the model only. */
    public static List<String> violations(ProcessorEvent event, ChannelFlowCallbackRequest request) {
        Message original = event == null ? null : event.message();
        List<String> found = new ArrayList<>();
        if (!ServiceLimits.fits(request.callbackId(), ServiceLimits.CALLBACK_ID_MIN, ServiceLimits.CALLBACK_ID_MAX)) {
            found.add("CallbackId must have 32 to 64 characters");
        }
        if (event != null && !event.callbackId().equals(request.callbackId())) {
            found.add("CallbackId must be the event's");
        }
        String arn = request.channelArn();
        if (arn == null || !arn.startsWith("arn:") || !ServiceLimits.fits(arn, ServiceLimits.CHANNEL_ARN_MIN, ServiceLimits.CHANNEL_ARN_MAX)) {
            found.add("ChannelArn must be an ARN of 5 to 1600 characters");
        }
        ChannelMessageCallback message = request.channelMessage();
        if (message == null) {
            found.add("ChannelMessage is required");
            return found;
        }
        if (!ServiceLimits.isValidId(message.messageId(), ServiceLimits.MESSAGE_ID_MAX)) {
            found.add("MessageId must be 1 to 128 of [-_a-zA-Z0-9]");
        }
        if (message.subChannelId() != null && !ServiceLimits.isValidId(message.subChannelId(), ServiceLimits.SUB_CHANNEL_ID_MAX)) {
            found.add("SubChannelId must be 1 to 128 of [-_a-zA-Z0-9]");
        }
        String content = message.content();
        if (content != null && (content.isEmpty() || (produced(content, original == null ? null : original.content())
                && ServiceLimits.utf8Length(content) > ServiceLimits.CONTENT_MAX_BYTES))) {
            found.add("Content must have 1 character to 4 KB");
        }
        String metadata = message.metadata();
        if (metadata != null && (ServiceLimits.length(metadata) > ServiceLimits.METADATA_MAX
                || (produced(metadata, original == null ? null : original.metadata()) && ServiceLimits.hasLineTerminator(metadata)))) {
            found.add("Metadata must have at most 1024 characters and, when the rules wrote it, no line break");
        }
        if (message.contentType() != null && ServiceLimits.length(message.contentType()) > ServiceLimits.CONTENT_TYPE_MAX) {
            found.add("ContentType must have at most 45 characters");
        }
        PushNotificationConfiguration push = message.pushNotification();
        if (push != null) {
            String title = push.title();
            if (title != null && (!ServiceLimits.fits(title, 1, ServiceLimits.PUSH_TITLE_MAX)
                    || (produced(title, original == null ? null : original.push().title()) && ServiceLimits.hasLineTerminator(title)))) {
                found.add("PushNotification.Title must have 1 to 50 characters and, when the rules wrote it, no line break");
            }
            if (push.body() != null && !ServiceLimits.fits(push.body(), 1, ServiceLimits.PUSH_BODY_MAX)) {
                found.add("PushNotification.Body must have 1 to 150 characters");
            }
            if (push.typeAsString() != null && !push.typeAsString().equals("DEFAULT") && !push.typeAsString().equals("VOIP")) {
                found.add("PushNotification.Type must be DEFAULT or VOIP");
            }
        }
        if (message.hasMessageAttributes()) {
            attributes(message.messageAttributes(), original, found);
        }
        return found;
    }

    private static void attributes(Map<String, MessageAttributeValue> attributes, Message original, List<String> found) {
        boolean produced = false;
        for (Map.Entry<String, MessageAttributeValue> entry : attributes.entrySet()) {
            String name = entry.getKey();
            if (!ServiceLimits.fits(name, 1, ServiceLimits.ATTRIBUTE_NAME_MAX)) {
                found.add("attribute names must have 1 to 64 characters");
            }
            for (String value : entry.getValue().stringValues()) {
                if (!ServiceLimits.fits(value, 1, ServiceLimits.ATTRIBUTE_VALUE_MAX)) {
                    found.add("attribute values must have 1 to 512 characters");
                }
            }
            produced |= original == null || !entry.getValue().stringValues().equals(original.attributes().get(name));
        }
        if (produced) {
            Map<String, List<String>> asSent = new java.util.LinkedHashMap<>();
            attributes.forEach((name, value) -> asSent.put(name, value.stringValues()));
            if (ServiceLimits.attributesBytes(asSent) > ServiceLimits.ATTRIBUTES_TOTAL_MAX_BYTES) {
                found.add("message attributes the rules changed must take at most 1 KB");
            }
        }
    }

    private static boolean produced(String value, String original) {
        return !Objects.equals(value, original);
    }
}
