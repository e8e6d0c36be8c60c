package dev.flowrules.dsl;

import java.util.List;

/**
 * Which messages of a Lex bot answer: the one at {@code index} (1-based, {@link #LAST} for the last one) or
 * any, that pass every part test. With no index and no tests, every message.
 */
public record BotSelector(Integer index, List<PartTests> parts, SourcePos pos) {
    public static final int LAST = -1;

    /** Tests on one part of a bot message; a part with several values (buttons) passes when any value does. */
    public record PartTests(BotPart part, List<Operator> tests, SourcePos pos) {
    }

    /** The selector written out without positions (see {@link Condition#canonical()}). */
    public String canonical() {
        return "index=" + index + ";" + parts.stream()
                .map(p -> p.part().key() + "{" + Condition.FieldTests.canonical(p.tests()) + "}")
                .collect(java.util.stream.Collectors.joining(";"));
    }

    public String describe() {
        StringBuilder text = new StringBuilder("bot message");
        if (index != null) {
            text.append(index == LAST ? " (last)" : " " + index);
        }
        for (PartTests part : parts) {
            text.append(' ').append(part.part().key()).append(' ')
                    .append(String.join(" & ", part.tests().stream().map(Operator::keyword).toList()));
        }
        return text.toString();
    }
}
