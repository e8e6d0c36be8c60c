package dev.flowrules.dsl;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The parts of one Lex bot message a {@code bot-message} test can look at. */
public enum BotPart {
    /** The message's content type: PlainText, SSML, CustomPayload or ImageResponseCard. */
    TYPE("type"),
    /** The message's text; a card's has none. */
    TEXT("text"),
    /** A card's title. */
    TITLE("title"),
    /** A card's subtitle. */
    SUBTITLE("subtitle"),
    /** A card's image URL. */
    IMAGE_URL("image-url"),
    /** The text of each of a card's buttons. */
    BUTTON("button"),
    /** The value each of a card's buttons sends back. */
    BUTTON_VALUE("button-value");

    private final String key;

    BotPart(String key) {
        this.key = key;
    }

    /**
     * The name authors write in a {@code bot-message} test.
     *
     * @return e.g. {@code image-url}
     */
    public String key() {
        return key;
    }

    /**
     * The part authors mean by a name.
     *
     * @param key a name as written
     * @return the part, or empty for a name the language does not know
     */
    public static Optional<BotPart> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }

    /**
     * Every part name, for "did you mean" hints.
     *
     * @return the names authors may write
     */
    public static List<String> keys() {
        return Arrays.stream(values()).map(BotPart::key).toList();
    }
}
