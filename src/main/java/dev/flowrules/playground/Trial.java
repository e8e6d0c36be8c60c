package dev.flowrules.playground;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.flowrules.Engine;
import dev.flowrules.eval.Decision;
import dev.flowrules.eval.Outcome;
import dev.flowrules.event.Message;
import dev.flowrules.event.PushNotification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A message given as plain fields (what {@code flowrules try} and the playground's form take), turned into a
 * real channel-flow processor event so that it goes through the same parser as a message from Chime. Absent
 * fields (null) stay absent in the event.
 * <p>Internal: not exported by the module.
 */
public record Trial(String content, Map<String, List<String>> attributes, String senderArn, String contentType,
                    String subChannelId, String metadata) {

    /** Stand-ins for the ids a real event carries; they only need to be valid. */
    public static final String CHANNEL_ARN = "arn:aws:chime:us-east-1:111122223333:app-instance/try/channel/try";
    public static final String MESSAGE_ID = "try-message-1";
    public static final String CALLBACK_ID = "try-callback-0123456789abcdef0123456789";

    private static final JsonFactory JSON = new JsonFactory();

    public Trial {
        attributes = Message.copyAttributes(attributes);
    }

    /** Adds a {@code name=value} pair to attributes; a repeated name collects several values. */
    public static void addAttribute(Map<String, List<String>> attributes, String nameValue) {
        int eq = nameValue.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("an attribute is written name=value, got '" + nameValue + "'");
        }
        attributes.computeIfAbsent(nameValue.substring(0, eq), k -> new ArrayList<>()).add(nameValue.substring(eq + 1));
    }

    /** The processor event Chime would send for this message. */
    public byte[] eventJson() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("EventType", "CHANNEL_MESSAGE_EVENT");
            json.writeStringField("CallbackId", CALLBACK_ID);
            json.writeObjectFieldStart("ChannelMessage");
            json.writeStringField("MessageId", MESSAGE_ID);
            json.writeStringField("ChannelArn", CHANNEL_ARN);
            optional(json, "Content", content);
            optional(json, "Metadata", metadata);
            optional(json, "ContentType", contentType);
            optional(json, "SubChannelId", subChannelId);
            if (senderArn != null) {
                json.writeObjectFieldStart("Sender");
                json.writeStringField("Arn", senderArn);
                json.writeEndObject();
            }
            json.writeStringField("Persistence", "PERSISTENT");
            json.writeStringField("Type", "STANDARD");
            if (!attributes.isEmpty()) {
                json.writeObjectFieldStart("MessageAttributes");
                for (Map.Entry<String, List<String>> attribute : attributes.entrySet()) {
                    json.writeObjectFieldStart(attribute.getKey());
                    json.writeArrayFieldStart("StringValues");
                    for (String value : attribute.getValue()) {
                        json.writeString(value);
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return bytes.toByteArray();
    }

    private static void optional(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    /** Runs the message through the engine exactly as the Lambda would. */
    public Engine.Processed run(Engine engine) {
        return engine.process(eventJson());
    }

    /** One sentence for the outcome, as a rule author would say it. */
    public static String verdict(Decision decision) {
        Outcome outcome = decision.outcome();
        if (outcome == Outcome.DENY) {
            return "Denied by rule " + decision.deniedBy()
                    + (decision.denyReason() == null ? "" : " (" + decision.denyReason() + ")")
                    + ": the message is deleted and nobody receives it.";
        }
        if (outcome == Outcome.UPDATE) {
            return "Delivered with changes.";
        }
        return "Delivered as it was sent: no rule changed it.";
    }

    /** The message that is delivered, field by field; changed fields are marked. Empty when denied. */
    public static List<String> resultLines(Decision decision) {
        if (decision.outcome() == Outcome.DENY) {
            return List.of();
        }
        Message before = decision.original();
        Message after = decision.result();
        List<String> lines = new ArrayList<>();
        line(lines, "content", before.content(), after.content());
        line(lines, "content type", before.contentType(), after.contentType());
        line(lines, "metadata", before.metadata(), after.metadata());
        PushNotification pushBefore = before.push();
        PushNotification pushAfter = after.push();
        line(lines, "push title", pushBefore.title(), pushAfter.title());
        line(lines, "push body", pushBefore.body(), pushAfter.body());
        line(lines, "push type", pushBefore.type(), pushAfter.type());
        Map<String, List<String>> names = new LinkedHashMap<>(before.attributes());
        after.attributes().forEach(names::putIfAbsent);
        for (String name : names.keySet()) {
            List<String> was = before.attributes().get(name);
            List<String> is = after.attributes().get(name);
            line(lines, "attribute " + name, was == null ? null : String.join(", ", was),
                    is == null ? null : String.join(", ", is));
        }
        return lines;
    }

    private static void line(List<String> lines, String name, String before, String after) {
        if (before == null && after == null) {
            return;
        }
        boolean changed = !Objects.equals(before, after);
        String shown = after == null ? "(removed)" : quote(after);
        lines.add(name + ": " + shown + (changed ? "   (changed" + (before == null ? "" : ", was " + quote(before)) + ")" : ""));
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
