package dev.flowrules.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of an Amazon Lex V2 bot's answer (AppInstanceBot): {@code application/amz-chime-lex-msgs} holds
 * {@code {"Messages": [...]}}, {@code application/amz-chime-lex-error} holds {@code {"Code": ..., "Message": ...}}.
 * Documents are read into plain maps and lists so that a rewrite changes only the texts it targets and writes
 * every other field back as it came, unknown fields included. Reading is strict (see {@link JsonTree}): a content
 * with text after the document or a key twice is not a bot document. Public for the compiler and the evaluator,
 * which read and rewrite bot answers; not meant for embedders. Stateless and thread-safe.
 */
public final class LexContent {
    /** The content type of a bot answer with messages. */
    public static final String MESSAGES_TYPE = "application/amz-chime-lex-msgs";
    /** The content type of a bot error. */
    public static final String ERROR_TYPE = "application/amz-chime-lex-error";

    /** A bot message of plain text. */
    public static final String PLAIN_TEXT = "PlainText";
    /** A bot message of SSML, for speech. */
    public static final String SSML = "SSML";
    /** A bot message of data for the client app, not text for a person. */
    public static final String CUSTOM_PAYLOAD = "CustomPayload";
    /** A bot message that is a card: title, subtitle, image and buttons. */
    public static final String IMAGE_RESPONSE_CARD = "ImageResponseCard";

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private LexContent() {
    }

    /** What a message's content is, read according to its content type. */
    public sealed interface Parsed permits Document, Error, Invalid {
    }

    /**
     * A bot's answer: its messages, in order. The lists and maps are fresh copies the caller may change.
     *
     * @param root the document's top-level fields, {@code Messages} included
     * @param messages the messages, each as a map of its fields
     */
    public record Document(Map<String, Object> root, List<Map<String, Object>> messages) implements Parsed {
    }

    /**
     * A bot error ({@code application/amz-chime-lex-error}).
     *
     * @param code the error code
     * @param message the error message
     */
    public record Error(String code, String message) implements Parsed {
    }

    /**
     * The content claims a Lex type but is not such a document; it is then treated as plain text.
     *
     * @param reason why, in plain words, for the decision's note
     */
    public record Invalid(String reason) implements Parsed {
    }

    /** A raw JSON number, kept as written. */
    record Number(String text) {
    }

    /**
     * Whether a content type says the content is a bot answer.
     *
     * @param contentType a message's content type, or null
     * @return true for the messages and the error type
     */
    public static boolean isLexType(String contentType) {
        return MESSAGES_TYPE.equals(contentType) || ERROR_TYPE.equals(contentType);
    }

    /**
     * Reads a content according to its content type.
     *
     * @param contentType the message's content type
     * @param content the message's content
     * @return the document, the error or why it is neither; null when the content type is not a Lex type or
     *         there is no content
     */
    public static Parsed parse(String contentType, String content) {
        if (!isLexType(contentType) || content == null) {
            return null;
        }
        Object tree;
        try {
            tree = toTree(JsonTree.read(content.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonTree.SyntaxError e) {
            return new Invalid("the content is not valid JSON (" + e.getMessage() + ")");
        }
        if (!(tree instanceof Map<?, ?> rootMap)) {
            return new Invalid("the content is not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) rootMap;
        return MESSAGES_TYPE.equals(contentType) ? document(root) : error(root);
    }

    private static Parsed document(Map<String, Object> root) {
        if (!(root.get("Messages") instanceof List<?> list)) {
            return new Invalid("the content has no \"Messages\" list");
        }
        List<Map<String, Object>> messages = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map) || !(map.get("ContentType") instanceof String)) {
                return new Invalid("a bot message is not an object with a \"ContentType\"");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> message = (Map<String, Object>) map;
            messages.add(message);
        }
        return new Document(root, messages);
    }

    private static Parsed error(Map<String, Object> root) {
        String code = scalar(root.get("Code"));
        String message = scalar(root.get("Message"));
        if (code == null && message == null) {
            return new Invalid("the error content has neither \"Code\" nor \"Message\"");
        }
        return new Error(code, message);
    }

    // ---- reading a bot message ----

    /**
     * A bot message's own content type.
     *
     * @param message one message of a document
     * @return e.g. {@code PlainText}, or null when absent or not text
     */
    public static String type(Map<String, Object> message) {
        return scalar(message.get("ContentType"));
    }

    /**
     * Content of a text message (PlainText, SSML, CustomPayload).
     *
     * @param message one message of a document
     * @return the content; null for a card
     */
    public static String content(Map<String, Object> message) {
        return scalar(message.get("Content"));
    }

    /**
     * A message's card.
     *
     * @param message one message of a document
     * @return the card's fields, or null when the message has no card
     */
    public static Map<String, Object> card(Map<String, Object> message) {
        return message.get("ImageResponseCard") instanceof Map<?, ?> card ? cast(card) : null;
    }

    /**
     * One text field of a message's card.
     *
     * @param message one message of a document
     * @param name e.g. {@code Title}
     * @return the field's text, or null when there is no card or no such text
     */
    public static String cardField(Map<String, Object> message, String name) {
        Map<String, Object> card = card(message);
        return card == null ? null : scalar(card.get(name));
    }

    /**
     * A message's card buttons.
     *
     * @param message one message of a document
     * @return each button's fields, in order; empty without a card or buttons
     */
    public static List<Map<String, Object>> buttons(Map<String, Object> message) {
        Map<String, Object> card = card(message);
        List<Map<String, Object>> buttons = new ArrayList<>();
        if (card != null && card.get("Buttons") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    buttons.add(cast(map));
                }
            }
        }
        return buttons;
    }

    /**
     * The texts a person reads, in order: the content of PlainText and SSML messages, and of cards the title,
     * subtitle and button texts. Custom payloads and button values are data for the client, not text.
     *
     * @param document a bot answer
     * @return the texts, in order
     */
    public static List<String> readableTexts(Document document) {
        List<String> texts = new ArrayList<>();
        for (Map<String, Object> message : document.messages()) {
            forEachReadable(message, (holder, key) -> {
                String text = scalar(holder.get(key));
                if (text != null) {
                    texts.add(text);
                }
            });
        }
        return texts;
    }

    /**
     * Where a message's readable texts live, so a rewrite can change them in place.
     *
     * @param message one message of a document
     * @param slot called with each (map, key) pair that holds one text
     */
    public static void forEachReadable(Map<String, Object> message, java.util.function.BiConsumer<Map<String, Object>, String> slot) {
        String type = type(message);
        if (PLAIN_TEXT.equals(type) || SSML.equals(type)) {
            if (message.get("Content") instanceof String) {
                slot.accept(message, "Content");
            }
        } else if (IMAGE_RESPONSE_CARD.equals(type)) {
            Map<String, Object> card = card(message);
            if (card == null) {
                return;
            }
            for (String key : List.of("Title", "Subtitle")) {
                if (card.get(key) instanceof String) {
                    slot.accept(card, key);
                }
            }
            for (Map<String, Object> button : buttons(message)) {
                if (button.get("Text") instanceof String) {
                    slot.accept(button, "Text");
                }
            }
        }
    }

    /**
     * A new text message for a document.
     *
     * @param text the content
     * @param type {@code PlainText} or {@code SSML}
     * @return the message's fields
     */
    public static Map<String, Object> plainTextMessage(String text, String type) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("Content", text);
        message.put("ContentType", type);
        return message;
    }

    /**
     * Every text a bot answer holds, in any field (message contents, card parts, button texts and values, any
     * other key), and for an error its code and message.
     *
     * @param answer a parsed bot answer
     * @return the texts, in document order; empty for an invalid answer
     */
    public static List<String> strings(Parsed answer) {
        List<String> texts = new ArrayList<>();
        if (answer instanceof Error error) {
            if (error.code() != null) {
                texts.add(error.code());
            }
            if (error.message() != null) {
                texts.add(error.message());
            }
        } else if (answer instanceof Document document) {
            document.root().forEach((key, value) -> {
                if (!key.equals("Messages")) {
                    collect(value, texts);
                }
            });
            document.messages().forEach(message -> collect(message, texts));
        }
        return texts;
    }

    /**
     * Every string (keys excepted) inside a value of a document.
     *
     * @param value a message or another map of a document
     * @return the strings, in document order
     */
    public static List<String> strings(Map<String, Object> value) {
        List<String> texts = new ArrayList<>();
        collect(value, texts);
        return texts;
    }

    private static void collect(Object value, List<String> texts) {
        if (value instanceof String text) {
            texts.add(text);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(member -> collect(member, texts));
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collect(item, texts));
        }
    }

    // ---- writing ----

    /**
     * A whole answer of the same Lex type holding only {@code text}: a document with one PlainText message (no
     * other key of the old document, which could hold its texts), or an error with the old code, if any, and
     * {@code text} as its message.
     *
     * @param answer the answer as read, a document or an error
     * @param text the one text the answer keeps
     * @return the new content, of the same Lex type
     * @throws IllegalArgumentException when {@code answer} is neither a document nor an error
     */
    public static String singleText(Parsed answer, String text) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (answer instanceof Error error) {
            if (error.code() != null) {
                root.put("Code", error.code());
            }
            root.put("Message", text);
            return json(root);
        }
        if (!(answer instanceof Document)) {
            throw new IllegalArgumentException("not a bot answer: " + answer);
        }
        return write(new Document(root, List.of(plainTextMessage(text, PLAIN_TEXT))));
    }

    /**
     * Compact JSON of a document, with its messages list as given and every other field as it came.
     *
     * @param document a bot answer, possibly changed
     * @return the content to deliver
     */
    public static String write(Document document) {
        Map<String, Object> root = new LinkedHashMap<>(document.root());
        root.put("Messages", new ArrayList<>(document.messages()));
        return json(root);
    }

    private static String json(Map<String, Object> root) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            writeValue(generator, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void writeValue(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            generator.writeString(wellFormed(text));
        } else if (value instanceof Boolean flag) {
            generator.writeBoolean(flag);
        } else if (value instanceof Number number) {
            generator.writeNumber(number.text());
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object item : list) {
                writeValue(generator, item);
            }
            generator.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeFieldName(wellFormed(String.valueOf(entry.getKey())));
                writeValue(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else {
            // Documents hold only what toTree and the plainTextMessage builder put in them.
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    /**
     * Text a JSON writer accepts: writers refuse lone surrogates, so they become U+FFFD, as the service would show
     * them anyway.
     *
     * @param text any text
     * @return the text with each lone surrogate replaced
     */
    public static String wellFormed(String text) {
        StringBuilder fixed = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lone = Character.isHighSurrogate(c)
                    ? !(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
                    : Character.isLowSurrogate(c) && !(i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
            if (lone && fixed == null) {
                fixed = new StringBuilder(text.length());
                fixed.append(text, 0, i);
            }
            if (fixed != null) {
                fixed.append(lone ? '\uFFFD' : c);
            }
        }
        return fixed == null ? text : fixed.toString();
    }

    // ---- tree conversion ----

    /** Fresh, changeable maps and lists, so that a rewrite edits its own copy. */
    private static Object toTree(JsonTree.Value node) {
        if (node instanceof JsonTree.Obj object) {
            Map<String, Object> map = new LinkedHashMap<>();
            object.forEach((key, member) -> map.put(key, toTree(member)));
            return map;
        }
        if (node instanceof JsonTree.Arr array) {
            List<Object> list = new ArrayList<>();
            array.items().forEach(item -> list.add(toTree(item)));
            return list;
        }
        if (node instanceof JsonTree.Str text) {
            return text.text();
        }
        if (node instanceof JsonTree.Num number) {
            return new Number(number.text());
        }
        if (node instanceof JsonTree.Bool flag) {
            return flag.value();
        }
        return null; // JsonTree.Null: the sealed interface has no other kind
    }

    private static String scalar(Object value) {
        if (value instanceof String text) {
            return text;
        }
        return value instanceof Number number ? number.text() : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
