package dev.flowrules.lex;

import dev.flowrules.Engine;
import dev.flowrules.TestRules;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** Processor events carrying bot answers (or messages that look like them), run through the public Engine API. */
final class LexEvents {
    static final String MSGS = "application/amz-chime-lex-msgs";
    static final String ERROR = "application/amz-chime-lex-error";

    /** The shape of the developer guide's welcome answer: a text and a card with two buttons. */
    static final String WELCOME = "{\"Messages\":[{\"Content\":\"Hello! Your account 4400123456 is open.\",\"ContentType\":\"PlainText\"},"
            + "{\"ContentType\":\"ImageResponseCard\",\"ImageResponseCard\":{\"Title\":\"Hi, I am the bank bot.\","
            + "\"Subtitle\":\"I can help with\",\"ImageUrl\":\"https://example.com/bank.png\",\"Buttons\":["
            + "{\"Text\":\"Check balance\",\"Value\":\"Check balance\"},{\"Text\":\"Talk to an agent\",\"Value\":\"agent\"}]}},"
            + "{\"Content\":\"{\\\"account\\\":\\\"4400123456\\\"}\",\"ContentType\":\"CustomPayload\"},"
            + "{\"Content\":\"<speak>Goodbye 4400123456</speak>\",\"ContentType\":\"SSML\"}]}";

    static final Map<String, String> LEX_ATTRIBUTES = Map.of(
            "CHIME.LEX.sessionState.intent.name", "OpenAccount",
            "CHIME.LEX.sessionState.intent.state", "Fulfilled",
            "CHIME.LEX.sessionState.sessionId", "session-1",
            "CHIME.LEX.sessionState.originatingRequestId", "request-1");

    private LexEvents() {
    }

    static Engine engine(String rulesYaml) {
        return TestRules.engine(rulesYaml);
    }

    /** An event whose message has this content type, content and attributes (single values). */
    static String event(String contentType, String content, Map<String, String> attributes) {
        StringWriter out = new StringWriter();
        try (var json = com.fasterxml.jackson.core.JsonFactory.builder().build().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("EventType", "CHANNEL_MESSAGE_EVENT");
            json.writeStringField("CallbackId", "cb-lex-0123456789abcdef0123456789abcdef");
            json.writeObjectFieldStart("ChannelMessage");
            json.writeStringField("MessageId", "msg-lex-1");
            json.writeStringField("ChannelArn", "arn:aws:chime:us-east-1:111122223333:app-instance/app-1/channel/ch-1");
            json.writeStringField("Content", content);
            if (contentType != null) {
                json.writeStringField("ContentType", contentType);
            }
            json.writeObjectFieldStart("Sender");
            json.writeStringField("Arn", "arn:aws:chime:us-east-1:111122223333:app-instance/app-1/bot/bank");
            json.writeStringField("Name", "BankBot");
            json.writeEndObject();
            json.writeStringField("Type", "STANDARD");
            json.writeStringField("Persistence", "PERSISTENT");
            json.writeObjectFieldStart("MessageAttributes");
            for (Map.Entry<String, String> attribute : attributes.entrySet()) {
                json.writeObjectFieldStart(attribute.getKey());
                json.writeArrayFieldStart("StringValues");
                json.writeString(attribute.getValue());
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String botEvent(String content) {
        return event(MSGS, content, LEX_ATTRIBUTES);
    }
}
