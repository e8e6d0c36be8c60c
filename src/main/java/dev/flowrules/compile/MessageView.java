package dev.flowrules.compile;

import dev.flowrules.dsl.Field;
import dev.flowrules.dsl.FieldRef;
import dev.flowrules.event.LexContent;
import dev.flowrules.event.MetadataJson;
import dev.flowrules.text.LinkHosts;
import dev.flowrules.event.Message;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One message as conditions see it, with the derived forms tests share (lower case, normalised words)
 * computed at most once per value. Lives for one evaluation on one thread.
 * <p>Internal: not exported by the module.
 */
public final class MessageView {
    private final Message message;
    /** Caches made on first use, and small: a message has few values, and many rule sets read only one. */
    private Map<String, String> lowered;
    private final WordIndex wordIndex;
    private Map<String, Map<Integer, String>> wordHits;
    private String lastWordValue;
    private Map<Integer, String> lastWordHits;
    private Map<Object, String> regexResults;
    private LexContent.Parsed lex;
    private boolean lexRead;
    private List<String> botTexts;
    private List<String>[] fieldValues;
    private MetadataJson.Read metadataJson;
    private Map<String, List<String>> metadataValues;

    public MessageView(Message message) {
        this(message, new WordIndex());
    }

    MessageView(Message message, WordIndex wordIndex) {
        this.message = message;
        this.wordIndex = wordIndex;
    }

    public Message message() {
        return message;
    }

    public boolean exists(FieldRef ref) {
        String attribute = attributeName(ref);
        if (attribute != null) {
            return attributeApplies(ref) && message.attributes().containsKey(attribute);
        }
        if (ref.field().isBotContent() || ref.field() == Field.LINKS_HOST || ref.field() == Field.METADATA_KEY) {
            return !values(ref).isEmpty();
        }
        return single(ref.field()) != null;
    }

    /** The field's values: none when absent, one for plain fields, any number for attributes and bot texts. */
    public List<String> values(FieldRef ref) {
        String attribute = attributeName(ref);
        if (attribute != null) {
            List<String> values = attributeApplies(ref) ? message.attributes().get(attribute) : null;
            return values == null ? List.of() : values;
        }
        Field field = ref.field();
        if (field == Field.METADATA_KEY) {
            return metadataValues().getOrDefault(ref.attribute(), List.of());
        }
        if (fieldValues == null) {
            fieldValues = newValuesByField();
        }
        List<String> values = fieldValues[field.ordinal()];
        if (values == null) {
            if (field == Field.LINKS_HOST) {
                values = message.content() == null ? List.of() : List.copyOf(LinkHosts.of(message.content()));
            } else {
                String value = field.isBotContent() ? null : single(field);
                values = field.isBotContent() ? botValues(field) : value == null ? List.of() : List.of(value);
            }
            fieldValues[field.ordinal()] = values;
        }
        return values;
    }

    /** Every rule testing a field reads the same list: built once per message, not once per test. */
    @SuppressWarnings("unchecked")
    private static List<String>[] newValuesByField() {
        return new List[FIELD_COUNT];
    }

    private static final int FIELD_COUNT = Field.values().length;

    /** The first value, as templates insert it; bot texts all, one per line; empty text when absent. */
    public String first(FieldRef ref) {
        List<String> values = values(ref);
        if (ref.field() == Field.BOT_TEXT) {
            return String.join("\n", values);
        }
        return values.isEmpty() ? "" : values.get(0);
    }

    /**
     * The content read as a Lex bot answer: null unless the content type is a Lex type; {@link LexContent.Invalid}
     * when it claims to be one and is not (it is then matched as plain text only).
     */
    public LexContent.Parsed lex() {
        if (!lexRead) {
            lexRead = true;
            lex = LexContent.parse(message.contentType(), message.content());
        }
        return lex;
    }

    /** The bot's messages, or an empty list when the content is not a valid bot answer. */
    public List<Map<String, Object>> botMessages() {
        return lex() instanceof LexContent.Document document ? document.messages() : List.of();
    }

    /**
     * The metadata read as a JSON object, parsed on first use (only rule sets that read {@code metadata.KEY} pay
     * for it).
     *
     * @return the metadata's members or why it is not a JSON object; null when there is no metadata or it is empty
     */
    public MetadataJson.Read metadataJson() {
        if (metadataValues == null) {
            String metadata = message.metadata();
            metadataJson = metadata == null || metadata.isEmpty() ? null : MetadataJson.read(metadata);
            Map<String, List<String>> values = new java.util.HashMap<>();
            if (metadataJson instanceof MetadataJson.Members members) {
                members.members().forEach((key, member) -> {
                    if (member.text() != null) {
                        values.put(key, List.of(member.text()));
                    }
                });
            }
            metadataValues = values;
        }
        return metadataJson;
    }

    private Map<String, List<String>> metadataValues() {
        if (metadataValues == null) {
            metadataJson();
        }
        return metadataValues;
    }

    private List<String> botValues(Field field) {
        LexContent.Parsed parsed = lex();
        if (parsed instanceof LexContent.Error error) {
            String value = field == Field.BOT_ERROR_CODE ? error.code() : field == Field.BOT_ERROR_MESSAGE ? error.message() : null;
            return value == null ? List.of() : List.of(value);
        }
        if (!(parsed instanceof LexContent.Document document)) {
            return List.of();
        }
        if (field == Field.BOT_TEXT) {
            if (botTexts == null) {
                botTexts = List.copyOf(LexContent.readableTexts(document));
            }
            return botTexts;
        }
        if (field == Field.BOT_MESSAGE_TYPE) {
            List<String> types = new ArrayList<>();
            document.messages().forEach(m -> types.add(LexContent.type(m)));
            return types;
        }
        if (field == Field.BOT_MESSAGE_COUNT) {
            return List.of(String.valueOf(document.messages().size()));
        }
        return List.of();
    }

    /**
     * The {@code bot.*} names of the {@code CHIME.LEX...} attributes describe a bot answer: any sender can attach
     * such attributes to a person's message, so they count only on a valid bot answer (a Lex content type whose
     * content reads as one). {@code attributes: {CHIME.LEX...: ...}} still reads them on any message.
     */
    private boolean attributeApplies(FieldRef ref) {
        if (ref.field() == Field.ATTRIBUTE) {
            return true;
        }
        LexContent.Parsed parsed = lex();
        return parsed instanceof LexContent.Document || parsed instanceof LexContent.Error;
    }

    private static String attributeName(FieldRef ref) {
        return ref.field() == Field.ATTRIBUTE ? ref.attribute() : ref.field().attributeAlias();
    }

    String lower(String value) {
        if (lowered == null) {
            lowered = new IdentityHashMap<>(4);
        }
        String known = lowered.get(value);
        if (known == null) {
            known = value.toLowerCase(Locale.ROOT);
            lowered.put(value, known);
        }
        return known;
    }

    /**
     * Which word lists have an entry in this value: one pass over its words, shared by every rule. The last value
     * is kept in two fields, since every list is usually tested on one value, the content; a map holds the values
     * once there is more than one.
     */
    Map<Integer, String> wordHits(String value) {
        if (value == lastWordValue && value != null) {
            return lastWordHits;
        }
        Map<Integer, String> hits = wordHits == null ? null : wordHits.get(value);
        if (hits == null) {
            hits = wordIndex.hits(value);
        }
        if (lastWordValue != null) {
            if (wordHits == null) {
                wordHits = new IdentityHashMap<>(4);
                wordHits.put(lastWordValue, lastWordHits);
            }
            wordHits.put(value, hits);
        }
        lastWordValue = value;
        lastWordHits = hits;
        return hits;
    }

    private static final String NO_MATCH = new String("no match");

    /** A regex's first match in a value, found once however many rules test the same pattern on it. */
    String regexFind(com.google.re2j.Pattern pattern, String value) {
        if (regexResults == null) {
            regexResults = new java.util.HashMap<>();
        }
        String found = regexResults.computeIfAbsent(new RegexKey(pattern, value), k -> {
            var matcher = pattern.matcher(value);
            return matcher.find() ? matcher.group() : NO_MATCH;
        });
        return found == NO_MATCH ? null : found;
    }

    /** Identity of both: patterns are shared by the compiler, values are the message's own strings. */
    private record RegexKey(Object pattern, String value) {
        @Override
        public boolean equals(Object other) {
            return other instanceof RegexKey key && key.pattern == pattern && key.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(pattern) * 31 + System.identityHashCode(value);
        }
    }

    private String single(Field field) {
        return switch (field) {
            case CONTENT -> message.content();
            case CONTENT_TYPE -> message.contentType();
            case METADATA -> message.metadata();
            case SENDER_ARN -> message.senderArn();
            case SENDER_NAME -> message.senderName();
            case CHANNEL_ARN -> message.channelArn();
            case SUB_CHANNEL_ID -> message.subChannelId();
            case MESSAGE_ID -> message.messageId();
            case MESSAGE_TYPE -> message.type();
            case PERSISTENCE -> message.persistence();
            case PUSH_TITLE -> message.push().title();
            case PUSH_BODY -> message.push().body();
            case PUSH_TYPE -> message.push().type();
            default -> throw new IllegalArgumentException(field + " is not a single-valued field");
        };
    }
}
