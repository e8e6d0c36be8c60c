package dev.flowrules.dsl;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The parts of one Lex bot message a {@code bot-message} test can look at. */
public enum BotPart {
    TYPE("type"),
    TEXT("text"),
    TITLE("title"),
    SUBTITLE("subtitle"),
    IMAGE_URL("image-url"),
    BUTTON("button"),
    BUTTON_VALUE("button-value");

    private final String key;

    BotPart(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<BotPart> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(BotPart::key).toList();
    }
}
