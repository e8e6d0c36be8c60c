package dev.flowrules.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventParserTest {
    private static final String ARN = "arn:aws:chime:us-east-1:111122223333:app-instance/a/channel/c";
    private static final String CALLBACK = "0123456789abcdef0123456789abcdef";

    @Test
    void readsEveryFieldAndIgnoresUnknownOnes() {
        ProcessorEvent event = EventParser.parse("""
                {"EventType": "CHANNEL_MESSAGE_EVENT", "CallbackId": "%s", "Unknown": {"x": 1},
                 "ChannelMessage": {"MessageId": "m-1", "ChannelArn": "%s", "Content": "hi", "Metadata": "md",
                   "ContentType": "text/plain", "SubChannelId": "sub-1", "Type": "STANDARD", "Persistence": "PERSISTENT",
                   "CreatedTimestamp": "2026-01-01T00:00:00Z", "Extra": true,
                   "Sender": {"Arn": "arn:user", "Name": "Ann"},
                   "PushNotification": {"Title": "T", "Body": "B", "Type": "VOIP"},
                   "MessageAttributes": {"a": {"StringValues": ["1", "2"]}, "b": {"StringValues": []}}}}
                """.formatted(CALLBACK, ARN));
        Message m = event.message();
        assertThat(event.callbackId()).isEqualTo(CALLBACK);
        assertThat(event.eventType()).isEqualTo("CHANNEL_MESSAGE_EVENT");
        assertThat(m).isEqualTo(new Message("m-1", ARN, "hi", "text/plain", "md", "arn:user", "Ann", "sub-1", "STANDARD",
                "PERSISTENT", new PushNotification("T", "B", "VOIP"),
                java.util.Map.of("a", List.of("1", "2"), "b", List.of())));
    }

    @Test
    void nullCountsAsAbsent() {
        ProcessorEvent event = EventParser.parse("""
                {"CallbackId": "%s", "ChannelMessage": {"MessageId": "m", "ChannelArn": "%s", "Content": null,
                 "Metadata": null, "Sender": null, "MessageAttributes": null, "CreatedTimestamp": 17}}
                """.formatted(CALLBACK, ARN));
        assertThat(event.message().content()).isNull();
        assertThat(event.message().metadata()).isNull();
        assertThat(event.message().senderName()).isNull();
        assertThat(event.message().attributes()).isEmpty();
    }

    @Test
    void rejectsEventsThatCannotBeAnswered() {
        assertThatThrownBy(() -> EventParser.parse("{\"ChannelMessage\": {\"MessageId\": \"m\", \"ChannelArn\": \"" + ARN + "\"}}"))
                .isInstanceOf(InvalidEventException.class).hasMessage("the event has no CallbackId; the callback cannot be matched to the message");
        assertThatThrownBy(() -> EventParser.parse("{\"CallbackId\": \"" + CALLBACK + "\", \"ChannelMessage\": {\"MessageId\": \"m\"}}"))
                .isInstanceOf(InvalidEventException.class).hasMessageStartingWith("the event's ChannelMessage has no ChannelArn at line 1, column ");
        assertThatThrownBy(() -> EventParser.parse("{\"CallbackId\": \"" + CALLBACK + "\", \"ChannelMessage\": {\"ChannelArn\": \"" + ARN + "\"}}"))
                .isInstanceOf(InvalidEventException.class).hasMessageStartingWith("the event's ChannelMessage has no MessageId at line 1, column ");
        assertThatThrownBy(() -> EventParser.parse("{\"CallbackId\": \"" + CALLBACK + "\"}"))
                .isInstanceOf(InvalidEventException.class).hasMessage("the event has no ChannelMessage object");
        assertThatThrownBy(() -> EventParser.parse("{\"CallbackId\": \"short\", \"ChannelMessage\": {\"MessageId\": \"m\", \"ChannelArn\": \"" + ARN + "\"}}"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("CallbackId has 5 characters");
        assertThatThrownBy(() -> EventParser.parse("{\"CallbackId\": \"" + CALLBACK + "\", \"ChannelMessage\": {\"MessageId\": \"a b\", \"ChannelArn\": \"" + ARN + "\"}}"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("MessageId is not a valid message id");
    }

    @Test
    void rejectsWhatIsNotJson() {
        assertThatThrownBy(() -> EventParser.parse("{not json")).isInstanceOf(InvalidEventException.class)
                .hasMessage("the event is not valid JSON: a key without double quotes"
                        + " at line 1, column 2 (hint: write the key in double quotes: \"name\": value)");
        assertThatThrownBy(() -> EventParser.parse("[1, 2]")).isInstanceOf(InvalidEventException.class)
                .hasMessage("the event must be a JSON object, not a list at line 1, column 1 (hint: write the event as {...})");
        assertThatThrownBy(() -> EventParser.parse("")).isInstanceOf(InvalidEventException.class)
                .hasMessage("the event is empty");
    }
}
