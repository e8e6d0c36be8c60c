package dev.flowrules.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexContentTest {
    static final String ANSWER = "{\"Messages\":[{\"Content\":\"Hello!\",\"ContentType\":\"PlainText\",\"X-Future\":{\"n\":1.50}},"
            + "{\"ContentType\":\"ImageResponseCard\",\"ImageResponseCard\":{\"Title\":\"Pick\",\"Subtitle\":\"one\","
            + "\"ImageUrl\":\"https://example.com/i.png\",\"Buttons\":[{\"Text\":\"Yes\",\"Value\":\"y\"},{\"Text\":\"No\",\"Value\":\"n\"}]}},"
            + "{\"Content\":\"{\\\"k\\\":true}\",\"ContentType\":\"CustomPayload\"}],\"Extra\":null}";

    @Test
    void readsMessagesAndTheirReadableTexts() {
        LexContent.Document document = (LexContent.Document) LexContent.parse(LexContent.MESSAGES_TYPE, ANSWER);
        assertThat(document.messages()).extracting(LexContent::type)
                .containsExactly("PlainText", "ImageResponseCard", "CustomPayload");
        assertThat(LexContent.readableTexts(document)).containsExactly("Hello!", "Pick", "one", "Yes", "No");
        assertThat(LexContent.cardField(document.messages().get(1), "ImageUrl")).isEqualTo("https://example.com/i.png");
    }

    @Test
    void writingBackKeepsEveryFieldItDidNotChange() {
        LexContent.Document document = (LexContent.Document) LexContent.parse(LexContent.MESSAGES_TYPE, ANSWER);
        assertThat(LexContent.write(document)).isEqualTo(ANSWER);
    }

    @Test
    void errorsReadCodeAndMessage() {
        assertThat(LexContent.parse(LexContent.ERROR_TYPE, "{\"Code\":\"Timeout\",\"Message\":\"late\"}"))
                .isEqualTo(new LexContent.Error("Timeout", "late"));
        assertThat(LexContent.parse(LexContent.ERROR_TYPE, "{\"Code\":503}")).isEqualTo(new LexContent.Error("503", null));
    }

    @Test
    void contentThatIsNotALexDocumentSaysWhy() {
        assertThat(LexContent.parse(LexContent.MESSAGES_TYPE, "not json"))
                .isEqualTo(new LexContent.Invalid("the content is not valid JSON (a character stands where JSON allows none)"));
        assertThat(LexContent.parse(LexContent.MESSAGES_TYPE, "[1]"))
                .isEqualTo(new LexContent.Invalid("the content is not a JSON object"));
        assertThat(LexContent.parse(LexContent.MESSAGES_TYPE, "{\"Messages\":{}}"))
                .isEqualTo(new LexContent.Invalid("the content has no \"Messages\" list"));
        assertThat(LexContent.parse(LexContent.MESSAGES_TYPE, "{\"Messages\":[{\"Content\":\"x\"}]}"))
                .isEqualTo(new LexContent.Invalid("a bot message is not an object with a \"ContentType\""));
        assertThat(LexContent.parse(LexContent.ERROR_TYPE, "{}"))
                .isEqualTo(new LexContent.Invalid("the error content has neither \"Code\" nor \"Message\""));
        String deep = "[".repeat(500) + "]".repeat(500);
        assertThat(LexContent.parse(LexContent.MESSAGES_TYPE, "{\"Messages\":" + deep + "}"))
                .isInstanceOf(LexContent.Invalid.class);
    }

    @Test
    void trailingTextAndDuplicateKeysMakeItNoBotDocument() {
        assertThat(LexContent.parse(LexContent.MESSAGES_TYPE, ANSWER + " {\"Messages\":[]}")).isEqualTo(new LexContent.Invalid(
                "the content is not valid JSON (there is more text after the end of the JSON value)"));
        assertThat(LexContent.parse(LexContent.MESSAGES_TYPE, "{\"Messages\":[],\"Messages\":[{\"ContentType\":\"PlainText\"}]}"))
                .isEqualTo(new LexContent.Invalid("the content is not valid JSON (a key appears twice in the same object)"));
        assertThat(LexContent.parse(LexContent.ERROR_TYPE, "{\"Code\":\"a\",\"Code\":\"b\"}"))
                .isEqualTo(new LexContent.Invalid("the content is not valid JSON (a key appears twice in the same object)"));
        assertThat(LexContent.parse(LexContent.MESSAGES_TYPE, "{\"Messages\":[],}"))
                .isEqualTo(new LexContent.Invalid("the content is not valid JSON (there is a comma after the last entry,"
                        + " which JSON does not allow)"));
    }

    @Test
    void otherContentTypesAreNotRead() {
        assertThat(LexContent.parse("text/plain", ANSWER)).isNull();
        assertThat(LexContent.parse(LexContent.MESSAGES_TYPE, null)).isNull();
    }

    @Test
    void loneSurrogatesAreWrittenAsReplacementCharacters() {
        LexContent.Document document = new LexContent.Document(new java.util.LinkedHashMap<>(),
                List.of(LexContent.plainTextMessage("a\uD800b", "PlainText")));
        assertThat(LexContent.write(document)).isEqualTo("{\"Messages\":[{\"Content\":\"a\uFFFDb\",\"ContentType\":\"PlainText\"}]}");
    }
}
