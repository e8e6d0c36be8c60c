package dev.flowrules.dsl;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code when} of a rule. Each kind says how it is written out ({@link #canonical()}, for comparing
 * conditions) and described in explanations, and has its method in {@link Visitor}, which every stage that
 * handles conditions implements, so a new kind does not compile until each of them handles it.
 */
public sealed interface Condition {
    SourcePos pos();

    /**
     * The condition written out without positions, so that two rules testing the same thing compare equal however
     * they were laid out. Order inside {@code all}/{@code any} is kept: reordered conditions compare unequal.
     */
    String canonical();

    /** A short description for explanations, e.g. {@code content contains & regex}. */
    String describe();

    <R> R accept(Visitor<R> visitor);

    /** One method per kind; no defaults, so that adding a kind breaks every visitor until it handles it. */
    interface Visitor<R> {
        R visitAll(All all);

        R visitAny(Any any);

        R visitNot(Not not);

        R visitBotMessage(BotMessage bot);

        R visitAlways(Always always);

        R visitFieldTests(FieldTests tests);
    }

    record All(List<Condition> conditions, SourcePos pos) implements Condition {
        public String canonical() {
            return "all(" + join(conditions) + ")";
        }

        public String describe() {
            return "all of " + conditions.size() + " conditions";
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitAll(this);
        }
    }

    record Any(List<Condition> conditions, SourcePos pos) implements Condition {
        public String canonical() {
            return "any(" + join(conditions) + ")";
        }

        public String describe() {
            return "any of " + conditions.size() + " conditions";
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitAny(this);
        }
    }

    record Not(Condition condition, SourcePos pos) implements Condition {
        public String canonical() {
            return "not(" + condition.canonical() + ")";
        }

        public String describe() {
            return "not (" + condition.describe() + ")";
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitNot(this);
        }
    }

    /** Some message of a Lex bot answer matches the selector: {@code bot-message: {index: 1, type: ...}}. */
    record BotMessage(BotSelector selector, SourcePos pos) implements Condition {
        public String canonical() {
            return "bot-message(" + selector.canonical() + ")";
        }

        public String describe() {
            return selector.describe();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitBotMessage(this);
        }
    }

    /** Every message: {@code when: always}. */
    record Always(SourcePos pos) implements Condition {
        public String canonical() {
            return "always";
        }

        public String describe() {
            return "always";
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitAlways(this);
        }
    }

    /**
     * Tests on one field, all of which must hold. A field with several values (an attribute) passes when any
     * value passes every test, or with {@code allValues} when every value does (and there is at least one).
     */
    record FieldTests(FieldRef field, List<Operator> tests, boolean allValues, SourcePos pos) implements Condition {
        public String canonical() {
            return field.display() + (allValues ? "[all]" : "") + "{" + canonical(tests) + "}";
        }

        public String describe() {
            return field.display() + " " + String.join(" & ", tests.stream().map(Operator::keyword).toList());
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitFieldTests(this);
        }

        static String canonical(List<Operator> tests) {
            return tests.stream().map(Operator::canonical).collect(Collectors.joining(","));
        }
    }

    private static String join(List<Condition> conditions) {
        return conditions.stream().map(Condition::canonical).collect(Collectors.joining(","));
    }
}
