package dev.flowrules.dsl;

import java.util.List;

/**
 * Which messages of a Lex bot answer: the one at {@code index} (1-based, {@link #LAST} for the last one) or
 * any, that pass every part test. With no index and no tests, every message.
 *
 * @param index the message's 1-based position, {@link #LAST}, or null for any
 * @param parts the tests on the message's parts
 * @param pos where the selector is written
 */
public record BotSelector(Integer index, List<PartTests> parts, SourcePos pos) {
    /** The index that stands for the last message, whatever the count ({@code index: last}). */
    public static final int LAST = -1;

    /**
     * Tests on one part of a bot message; a part with several values (buttons) passes when any value does.
     *
     * @param part the part tested
     * @param tests the tests, all of which must hold
     * @param pos where the part is written
     */
    public record PartTests(BotPart part, List<Operator> tests, SourcePos pos) {
    }

    /**
     * The selector written out without positions (see {@link Condition#canonical()}).
     *
     * @return the canonical text
     */
    public String canonical() {
        return "index=" + index + ";" + parts.stream()
                .map(p -> p.part().key() + "{" + Condition.FieldTests.canonical(p.tests()) + "}")
                .collect(java.util.stream.Collectors.joining(";"));
    }

    /**
     * A short description for explanations.
     *
     * @return e.g. {@code bot message 2 title length >= 1}
     */
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
