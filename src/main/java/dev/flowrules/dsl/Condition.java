package dev.flowrules.dsl;

import java.util.List;

/** The {@code when} of a rule. */
public sealed interface Condition {
    SourcePos pos();

    record All(List<Condition> conditions, SourcePos pos) implements Condition {
    }

    record Any(List<Condition> conditions, SourcePos pos) implements Condition {
    }

    record Not(Condition condition, SourcePos pos) implements Condition {
    }

    /** Some message of a Lex bot answer matches the selector: {@code bot-message: {index: 1, type: ...}}. */
    record BotMessage(BotSelector selector, SourcePos pos) implements Condition {
    }

    /** Every message: {@code when: always}. */
    record Always(SourcePos pos) implements Condition {
    }

    /**
     * Tests on one field, all of which must hold. A field with several values (an attribute) passes when any
     * value passes every test, or with {@code allValues} when every value does (and there is at least one).
     */
    record FieldTests(FieldRef field, List<Operator> tests, boolean allValues, SourcePos pos) implements Condition {
    }
}
