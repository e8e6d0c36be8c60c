package dev.flowrules.callback;

import dev.flowrules.eval.Decision;
import dev.flowrules.eval.Outcome;
import dev.flowrules.event.Message;
import dev.flowrules.event.ProcessorEvent;
import dev.flowrules.event.PushNotification;
import dev.flowrules.limits.ServiceLimits;
import java.util.ArrayList;
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
 * no-change carries the message to deliver.
 *
 * <p>What the service sent is echoed as it came: a no-change callback, and every field an update left alone,
 * carry the event's own values, never a cut or filtered copy. Limits apply to what the rules produced, and the
 * evaluator has already fitted those. Only a value the service model cannot carry at all (lengths counted in
 * code points, as the model counts them) is left out, and only a hand-written event can hold one. Removing every
 * attribute sends an explicit empty map, since a missing map would leave the attributes as they were.
 * <p>Internal: not exported by the module.
 */
public final class CallbackMapper {
    private CallbackMapper() {
    }

    /** The request that carries out the decision about the event's message. */
    public static ChannelFlowCallbackRequest toRequest(ProcessorEvent event, Decision decision) {
        Message message = event.message();
        ChannelMessageCallback.Builder callback = ChannelMessageCallback.builder().messageId(message.messageId());
        if (ServiceLimits.isValidId(message.subChannelId(), ServiceLimits.SUB_CHANNEL_ID_MAX)) {
            callback.subChannelId(message.subChannelId());
        }
        boolean deny = decision.outcome() == Outcome.DENY;
        if (!deny) {
            Message result = decision.outcome() == Outcome.UPDATE ? decision.result() : message;
            copyMessage(message, result, callback);
        }
        return ChannelFlowCallbackRequest.builder()
                .callbackId(event.callbackId())
                .channelArn(message.channelArn())
                .deleteResource(deny)
                .channelMessage(callback.build())
                .build();
    }

    private static void copyMessage(Message original, Message message, ChannelMessageCallback.Builder callback) {
        if (ServiceLimits.fits(message.content(), 1, Integer.MAX_VALUE)) {
            callback.content(message.content());
        }
        if (ServiceLimits.fits(message.metadata(), 0, ServiceLimits.METADATA_MAX)) {
            callback.metadata(message.metadata());
        }
        if (ServiceLimits.fits(message.contentType(), 0, ServiceLimits.CONTENT_TYPE_MAX)) {
            callback.contentType(message.contentType());
        }
        PushNotificationConfiguration push = push(message.push());
        if (push != null) {
            callback.pushNotification(push);
        }
        Map<String, MessageAttributeValue> attributes = attributes(message.attributes());
        if (!attributes.isEmpty() || (message.attributes().isEmpty() && !original.attributes().isEmpty())) {
            callback.messageAttributes(attributes); // a non-null empty map is sent as {}: every attribute removed
        }
    }

    private static PushNotificationConfiguration push(PushNotification push) {
        PushNotificationConfiguration.Builder builder = PushNotificationConfiguration.builder();
        boolean any = false;
        if (ServiceLimits.fits(push.title(), 1, ServiceLimits.PUSH_TITLE_MAX)) {
            builder.title(push.title());
            any = true;
        }
        if (ServiceLimits.fits(push.body(), 1, ServiceLimits.PUSH_BODY_MAX)) {
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
        for (var entry : attributes.entrySet()) {
            if (!ServiceLimits.fits(entry.getKey(), 1, ServiceLimits.ATTRIBUTE_NAME_MAX)) {
                continue;
            }
            List<String> values = new ArrayList<>(entry.getValue().size());
            for (String value : entry.getValue()) {
                if (ServiceLimits.fits(value, 1, ServiceLimits.ATTRIBUTE_VALUE_MAX)) {
                    values.add(value);
                }
            }
            if (values.isEmpty() && !entry.getValue().isEmpty()) {
                continue; // no value the model can carry: sending an empty list would say something else
            }
            result.put(entry.getKey(), MessageAttributeValue.builder().stringValues(values).build());
        }
        return result;
    }
}
