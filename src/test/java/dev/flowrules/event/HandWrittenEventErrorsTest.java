package dev.flowrules.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/**
 * The mistakes people make writing an event by hand, and what strict reading refuses, each answered with the line,
 * the column, plain words and a hint; never a Java exception name, never the event's own text.
 */
class HandWrittenEventErrorsTest {
    private static final String CALLBACK = "0123456789abcdef0123456789abcdef";
    private static final String ARN = "arn:aws:chime:us-east-1:111122223333:app-instance/a/channel/c";

    /** A small event whose attributes are written as given, on line 4 from column 26. */
    private static String withAttributes(String attributes) {
        return "{\n  \"CallbackId\": \"" + CALLBACK + "\",\n  \"ChannelMessage\": {\"MessageId\": \"m-1\", \"ChannelArn\": \""
                + ARN + "\",\n    \"MessageAttributes\": " + attributes + "}\n}\n";
    }

    private static InvalidEventException error(String event) {
        return catchThrowableOfType(InvalidEventException.class, () -> EventParser.parse(event));
    }

    @Test
    void anAttributeWithoutStringValuesSaysWhatShapeIsExpected() {
        InvalidEventException e = error(withAttributes("{\"priority\": \"high\"}"));
        assertThat(e.getMessage()).isEqualTo("a message attribute must be an object with a"
                + " \"StringValues\" list, not a string at line 4, column 39 (hint: write attributes as"
                + " \"MessageAttributes\": {\"name\": {\"StringValues\": [\"value\"]}})");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(39);
        assertThat(e.callbackId()).isEqualTo(CALLBACK);

        assertThat(error(withAttributes("{\"priority\": {\"Value\": \"high\"}}")).getMessage())
                .startsWith("a message attribute must have a \"StringValues\" list at line 4, column 39 (hint: ");
        assertThat(error(withAttributes("{\"priority\": {\"StringValues\": \"high\"}}")).getMessage())
                .startsWith("a message attribute must have a \"StringValues\" list, not a string").contains(" at line 4, column 56");
        assertThat(error(withAttributes("{\"count\": {\"StringValues\": [3]}}")).getMessage())
                .isEqualTo("attribute values must be strings, not a number"
                        + " at line 4, column 54 (hint: write every value in double quotes: \"StringValues\": [\"1\"])");
        assertThat(error(withAttributes("[\"high\"]")).getMessage())
                .startsWith("ChannelMessage.MessageAttributes must be an object, not a list").contains(" at line 4, column 26");
    }

    @Test
    void aTrailingCommaIsPointedAt() {
        InvalidEventException e = error(withAttributes("{\"p\": {\"StringValues\": [\"a\", \"b\",]}}"));
        assertThat(e.getMessage()).isEqualTo("the event is not valid JSON: there is a comma after"
                + " the last entry, which JSON does not allow at line 4, column 58 (hint: remove this comma)");
        assertThat(error("{\"CallbackId\": \"" + CALLBACK + "\",}").getMessage())
                .startsWith("the event is not valid JSON: there is a comma after the last entry").contains(" at line 1, column 50");
    }

    @Test
    void otherCommonSyntaxMistakesArePlainWords() {
        assertThat(error("{'CallbackId': 'x'}").getMessage()).isEqualTo("the event is not valid JSON:"
                + " JSON needs double quotes, not single quotes at line 1, column 2 (hint: write \"name\": \"value\" with double quotes)");
        assertThat(error("{\"a\": 1\n \"b\": 2}").getMessage())
                .startsWith("the event is not valid JSON: a comma is missing before this entry").contains(" at line 2, column 2");
        assertThat(error("{\"a\": \"two\nlines\"}").getMessage())
                .startsWith("the event is not valid JSON: a line break or control character stands inside a string").contains(" at line 1, column 11");
        assertThat(error("{\"a\": 1 // why\n}").getMessage())
                .startsWith("the event is not valid JSON: JSON has no comments").contains(" at line 1, column 9");
        assertThat(error("{\"a\": {\"b\": 1}").getMessage())
                .startsWith("the event is not valid JSON: the JSON ends too early").contains(" at line 1, column 15");
        assertThat(error("{\"a\": \"C:\\dir\"}").getMessage())
                .startsWith("the event is not valid JSON: a backslash in a string starts an escape").contains(" at line 1, column 10");
        assertThat(error("{\"a\": tru}").getMessage())
                .startsWith("the event is not valid JSON: a character stands where JSON allows none").contains(" at line 1, column 7");
    }

    @Test
    void aKnownFieldOfTheWrongTypeIsNamed() {
        String event = "{\"CallbackId\": \"" + CALLBACK + "\", \"ChannelMessage\": {\"MessageId\": \"m\", \"ChannelArn\": \""
                + ARN + "\", \"Content\": {\"text\": \"hi\"}}}";
        assertThat(error(event).getMessage()).isEqualTo("ChannelMessage.Content must be a string, not an object"
                + " at line 1, column 179 (hint: write the value in double quotes: \"Content\": \"...\")");
        assertThat(error(event).callbackId()).isEqualTo(CALLBACK);
        assertThat(error("{\"CallbackId\": 12345}").getMessage())
                .isEqualTo("CallbackId must be a string, not a number"
                        + " at line 1, column 16 (hint: write the value in double quotes: \"CallbackId\": \"...\")");
    }

    @Test
    void trailingTextAndDuplicateKeysAreRefused() {
        String valid = withAttributes("{}");
        assertThat(error(valid + "{\"CallbackId\": \"other\"}").getMessage()).isEqualTo("the event"
                + " is not valid JSON: there is more text after the end of the JSON value"
                + " at line 6, column 1 (hint: remove everything after the last closing '}')");
        assertThat(error(valid + "x").getMessage()).contains(" at line 6, column 1");
        InvalidEventException twice = error(valid.replace("\"ChannelMessage\"",
                "\"CallbackId\": \"fedcba9876543210fedcba9876543210\",\n  \"ChannelMessage\""));
        assertThat(twice.getMessage()).isEqualTo("the event is not valid JSON: a key appears twice"
                + " in the same object at line 3, column 3 (hint: each key may appear once in an object; remove one of the two)");
        assertThat(twice.callbackId()).as("not parsed: the event is not one JSON object").isNull();
        assertThat(error(withAttributes("{\"p\": {\"StringValues\": [\"a\"]}, \"p\": {\"StringValues\": [\"b\"]}}"))
                .getMessage()).startsWith("the event is not valid JSON: a key appears twice").contains(" at line 4, column 57");
    }

    @Test
    void messagesNeverQuoteTheEventsOwnText() {
        String secret = "SECRET-4111111111111111";
        for (String event : new String[] {
                withAttributes("{\"" + secret + "\": \"" + secret + "\"}"),
                withAttributes("{\"" + secret + "\": 1, \"" + secret + "\": 2}"),
                "{\"" + secret + "\": " + secret + "}",
                "{\"CallbackId\": \"" + CALLBACK + "\"} " + secret,
                "{\"CallbackId\": \"" + secret + "\"}"}) {
            InvalidEventException e = error(event);
            assertThat(e.getMessage()).doesNotContain(secret).doesNotContain("Exception").doesNotContain("4111");
        }
    }

    @Test
    void whatIsAcceptedIsBoundedByWhatTheServiceSends() {
        String content = "x".repeat(EventParser.MAX_CONTENT_CHARACTERS + 1);
        String event = "{\"CallbackId\": \"" + CALLBACK + "\", \"ChannelMessage\": {\"MessageId\": \"m\", \"ChannelArn\": \""
                + ARN + "\", \"Content\": \"" + content + "\"}}";
        InvalidEventException e = error(event);
        assertThat(e.reason()).isEqualTo("ChannelMessage.Content has 8193 characters; the service sends at most 4096"
                + " and the engine accepts up to 8192");
        assertThat(e.callbackId()).isEqualTo(CALLBACK);
        // Characters, as the service model counts them: 8,192 emoji are 16,384 UTF-16 units and are accepted.
        String emoji = "\uD83D\uDE00".repeat(EventParser.MAX_CONTENT_CHARACTERS);
        assertThat(EventParser.parse(event.replace(content, emoji)).message().content()).isEqualTo(emoji);
        assertThat(error(event.replace("\"Content\"", "\"Metadata\"").replace(content, "m".repeat(2049))).reason())
                .isEqualTo("ChannelMessage.Metadata has 2049 characters; the service sends at most 1024 and the engine"
                        + " accepts up to 2048");
        String padded = "{\"Pad\": \"" + "p".repeat(EventParser.MAX_EVENT_BYTES) + "\"}";
        assertThat(error(padded).getMessage()).isEqualTo("the event is " + padded.length() + " bytes, more than the 262144"
                + " bytes the engine accepts (the service sends events of at most about 110 KB)");
    }

    @Test
    void loneSurrogatesAreKeptAsTheyCame() {
        String event = "{\"CallbackId\": \"" + CALLBACK + "\", \"ChannelMessage\": {\"MessageId\": \"m\", \"ChannelArn\": \""
                + ARN + "\", \"Content\": \"a\\ud800b\"}}";
        assertThat(EventParser.parse(event).message().content()).isEqualTo("a\uD800b");
    }
}
