package dev.flowrules.callback;

import dev.flowrules.limits.ServiceLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowCallbackRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageCallback;
import software.amazon.awssdk.services.chimesdkmessaging.model.MessageAttributeValue;
import software.amazon.awssdk.services.chimesdkmessaging.model.PushNotificationConfiguration;

/** Every way a ChannelFlowCallback request can break the service's model or quotas; empty when it is sound. */
public final class RequestLimits {
    private RequestLimits() {
    }

    public static List<String> violations(ChannelFlowCallbackRequest request) {
        List<String> found = new ArrayList<>();
        String callbackId = request.callbackId();
        if (callbackId == null || callbackId.length() < ServiceLimits.CALLBACK_ID_MIN || callbackId.length() > ServiceLimits.CALLBACK_ID_MAX) {
            found.add("CallbackId must have 32 to 64 characters");
        }
        String arn = request.channelArn();
        if (arn == null || arn.length() < ServiceLimits.CHANNEL_ARN_MIN || arn.length() > ServiceLimits.CHANNEL_ARN_MAX || !arn.startsWith("arn:")) {
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
        if (message.content() != null && (message.content().isEmpty()
                || ServiceLimits.utf8Length(message.content()) > ServiceLimits.CONTENT_MAX_BYTES)) {
            found.add("Content must have 1 character to 4 KB");
        }
        if (message.metadata() != null && message.metadata().length() > ServiceLimits.METADATA_MAX) {
            found.add("Metadata must have at most 1024 characters");
        }
        if (message.contentType() != null && message.contentType().length() > ServiceLimits.CONTENT_TYPE_MAX) {
            found.add("ContentType must have at most 45 characters");
        }
        PushNotificationConfiguration push = message.pushNotification();
        if (push != null) {
            if (push.title() != null && (push.title().isEmpty() || push.title().length() > ServiceLimits.PUSH_TITLE_MAX)) {
                found.add("PushNotification.Title must have 1 to 50 characters");
            }
            if (push.body() != null && (push.body().isEmpty() || push.body().length() > ServiceLimits.PUSH_BODY_MAX)) {
                found.add("PushNotification.Body must have 1 to 150 characters");
            }
            if (push.typeAsString() != null && !push.typeAsString().equals("DEFAULT") && !push.typeAsString().equals("VOIP")) {
                found.add("PushNotification.Type must be DEFAULT or VOIP");
            }
        }
        if (message.hasMessageAttributes()) {
            int bytes = 0;
            for (Map.Entry<String, MessageAttributeValue> entry : message.messageAttributes().entrySet()) {
                String name = entry.getKey();
                if (name.isEmpty() || name.length() > ServiceLimits.ATTRIBUTE_NAME_MAX) {
                    found.add("attribute names must have 1 to 64 characters");
                }
                bytes += ServiceLimits.utf8Length(name);
                for (String value : entry.getValue().stringValues()) {
                    if (value.isEmpty() || value.length() > ServiceLimits.ATTRIBUTE_VALUE_MAX) {
                        found.add("attribute values must have 1 to 512 characters");
                    }
                    bytes += ServiceLimits.utf8Length(value);
                }
            }
            if (bytes > ServiceLimits.ATTRIBUTES_TOTAL_MAX_BYTES) {
                found.add("message attributes must take at most 1 KB");
            }
        }
        return found;
    }
}
