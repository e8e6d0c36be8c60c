package dev.flowrules.compile;

import dev.flowrules.dsl.BotPart;
import dev.flowrules.dsl.BotSelector;
import dev.flowrules.event.LexContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A compiled {@link BotSelector}: picks the messages of a bot answer that an index and part tests select. Internal: not exported by the module.
 */
public record CompiledSelector(Integer index, List<Part> parts, String description) {

    /** Tests on one part; {@code mustExist} null when no exists test was written. */
    public record Part(BotPart part, Boolean mustExist, List<ValueTest> tests) {
    }

    /** What a selected message matched on: its position (1-based) and the part's value and matched text. */
    public record Selected(int position, String part, String tests, String value, String matched) {
    }

    /** Positions (0-based) of the selected messages, in order. */
    public List<Integer> select(List<Map<String, Object>> messages, MessageView view) {
        List<Integer> selected = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (inRange(i, messages.size()) && test(messages.get(i), view, i) != null) {
                selected.add(i);
            }
        }
        return selected;
    }

    /** The first selected message with what it matched on, or null. */
    public Selected first(List<Map<String, Object>> messages, MessageView view) {
        for (int i = 0; i < messages.size(); i++) {
            if (inRange(i, messages.size())) {
                Selected selected = test(messages.get(i), view, i);
                if (selected != null) {
                    return selected;
                }
            }
        }
        return null;
    }

    private boolean inRange(int position, int size) {
        return index == null || (index == BotSelector.LAST ? position == size - 1 : position == index - 1);
    }

    private Selected test(Map<String, Object> message, MessageView view, int position) {
        Selected first = null;
        for (Part part : parts) {
            List<String> values = values(message, part.part());
            if (part.mustExist() != null && part.mustExist() == values.isEmpty()) {
                return null;
            }
            if (part.tests().isEmpty()) {
                continue;
            }
            String[] hit = ValueTests.firstMatch(values, part.tests(), false, view);
            if (hit == null) {
                return null;
            }
            if (first == null) {
                first = new Selected(position + 1, part.part().key(),
                        String.join(" & ", part.tests().stream().map(ValueTest::keyword).toList()), hit[0], hit[1]);
            }
        }
        return first != null ? first : new Selected(position + 1, "", description, null, null);
    }

    static List<String> values(Map<String, Object> message, BotPart part) {
        return switch (part) {
            case TYPE -> single(LexContent.type(message));
            case TEXT -> single(LexContent.content(message));
            case TITLE -> single(LexContent.cardField(message, "Title"));
            case SUBTITLE -> single(LexContent.cardField(message, "Subtitle"));
            case IMAGE_URL -> single(LexContent.cardField(message, "ImageUrl"));
            case BUTTON, BUTTON_VALUE -> {
                List<String> texts = new ArrayList<>();
                String key = part == BotPart.BUTTON ? "Text" : "Value";
                for (Map<String, Object> button : LexContent.buttons(message)) {
                    if (button.get(key) instanceof String text) {
                        texts.add(text);
                    }
                }
                yield texts;
            }
        };
    }

    private static List<String> single(String value) {
        return value == null ? List.of() : List.of(value);
    }
}
