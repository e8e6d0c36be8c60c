package dev.flowrules.event;

/**
 * The channel-flow processor event: what Chime sends the Lambda for one message. {@code callbackId} is never
 * null: the callback must carry the event's own id, never one the SDK would invent.
 */
public record ProcessorEvent(String eventType, String callbackId, Message message) {
}
