package dev.flowrules.callback;

import dev.flowrules.eval.Decision;
import dev.flowrules.eval.Outcome;
import dev.flowrules.event.Message;
import dev.flowrules.event.ProcessorEvent;
import dev.flowrules.event.PushNotification;
import dev.flowrules.limits.ServiceLimits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowCallbackRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageCallback;
import software.amazon.awssdk.services.chimesdkmessaging.model.MessageAttributeValue;
import software.amazon.awssdk.services.chimesdkmessaging.model.PushNotificationConfiguration;

/**
 * Turns a decision into the ChannelFlowCallback request. CallbackId and ChannelArn always come from the event
 * (the SDK would otherwise invent a CallbackId). A deny carries only what identifies the message; an update or
 * no-change carries the message to deliver. A field whose value the service model would reject is left out
 * rather than sent, so the request is always one the service accepts.
 */
public final class CallbackMapper {
    private CallbackMapper() {
    }

    public static ChannelFlowCallbackRequest toRequest(ProcessorEvent event, Decision decision) {
        Message message = event.message();
        ChannelMessageCallback.Builder callback = ChannelMessageCallback.builder().messageId(message.messageId());
        if (ServiceLimits.isValidId(message.subChannelId(), ServiceLimits.SUB_CHANNEL_ID_MAX)) {
            callback.subChannelId(message.subChannelId());
        }
        boolean deny = decision.outcome() == Outcome.DENY;
        if (!deny) {
            Message result = decision.outcome() == Outcome.UPDATE ? decision.result() : message;
            copyMessage(result, callback);
        }
        return ChannelFlowCallbackRequest.builder()
                .callbackId(event.callbackId())
                .channelArn(message.channelArn())
                .deleteResource(deny)
                .channelMessage(callback.build())
                .build();
    }

    private static void copyMessage(Message message, ChannelMessageCallback.Builder callback) {
        String content = message.content();
        if (content != null && !content.isEmpty() && ServiceLimits.utf8Length(content) <= ServiceLimits.CONTENT_MAX_BYTES) {
            callback.content(content);
        }
        String metadata = message.metadata();
        if (metadata != null && metadata.length() <= ServiceLimits.METADATA_MAX) {
            callback.metadata(metadata);
        }
        String contentType = message.contentType();
        if (contentType != null && contentType.length() <= ServiceLimits.CONTENT_TYPE_MAX) {
            callback.contentType(contentType);
        }
        PushNotificationConfiguration push = push(message.push());
        if (push != null) {
            callback.pushNotification(push);
        }
        Map<String, MessageAttributeValue> attributes = attributes(message.attributes());
        if (!attributes.isEmpty()) {
            callback.messageAttributes(attributes);
        }
    }

    private static PushNotificationConfiguration push(PushNotification push) {
        PushNotificationConfiguration.Builder builder = PushNotificationConfiguration.builder();
        boolean any = false;
        if (push.title() != null && !push.title().isEmpty() && push.title().length() <= ServiceLimits.PUSH_TITLE_MAX) {
            builder.title(push.title());
            any = true;
        }
        if (push.body() != null && !push.body().isEmpty() && push.body().length() <= ServiceLimits.PUSH_BODY_MAX) {
            builder.body(push.body());
            any = true;
        }
        if ("DEFAULT".equals(push.type()) || "VOIP".equals(push.type())) {
            builder.type(push.type());
            any = true;
        }
        return any ? builder.build() : null;
    }

    private static Map<String, MessageAttributeValue> attributes(Map<String, List<String>> attributes) {
        Map<String, MessageAttributeValue> result = new LinkedHashMap<>();
        int budget = ServiceLimits.ATTRIBUTES_TOTAL_MAX_BYTES;
        for (var entry : attributes.entrySet()) {
            String name = entry.getKey();
            if (name.isEmpty() || name.length() > ServiceLimits.ATTRIBUTE_NAME_MAX) {
                continue;
            }
            List<String> values = entry.getValue().stream()
                    .filter(v -> !v.isEmpty() && v.length() <= ServiceLimits.ATTRIBUTE_VALUE_MAX).toList();
            if (values.isEmpty()) {
                continue; // an attribute with no usable value says nothing; an empty StringValues list is not sent
            }
            int size = ServiceLimits.attributesBytes(Map.of(name, values));
            if (size > budget) {
                continue;
            }
            budget -= size;
            result.put(name, MessageAttributeValue.builder().stringValues(values).build());
        }
        return result;
    }
}
