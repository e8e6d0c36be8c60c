package dev.flowrules.dsl;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code when} of a rule. Each kind says how it is written out ({@link #canonical()}, for comparing
 * conditions) and described in explanations, and has its method in {@link Visitor}, which every stage that
 * handles conditions implements, so a new kind does not compile until each of them handles it.
 */
public sealed interface Condition {
    /**
     * Where the condition is written, for diagnostics and explanations.
     *
     * @return the position of its key
     */
    SourcePos pos();

    /**
     * The condition written out without positions, so that two rules testing the same thing compare equal however
     * they were laid out. Order inside {@code all}/{@code any} is kept: reordered conditions compare unequal.
     *
     * @return the canonical text
     */
    String canonical();

    /**
     * A short description for explanations.
     *
     * @return e.g. {@code content contains & regex}
     */
    String describe();

    /**
     * Dispatches to the visitor's method for this record, so every stage handles every kind.
     *
     * @param visitor the stage's visitor
     * @param <R> what the visitor makes
     * @return the visitor's result
     */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind; no defaults, so that adding a kind breaks every visitor until it handles it.
     *
     * @param <R> what the visitor makes of a condition
     */
    interface Visitor<R> {
        /**
         * What this visitor makes of a {@link All}.
         *
         * @param all the all visited
         * @return the visitor's result
         */
        R visitAll(All all);

        /**
         * What this visitor makes of a {@link Any}.
         *
         * @param any the any visited
         * @return the visitor's result
         */
        R visitAny(Any any);

        /**
         * What this visitor makes of a {@link Not}.
         *
         * @param not the not visited
         * @return the visitor's result
         */
        R visitNot(Not not);

        /**
         * What this visitor makes of a {@link BotMessage}.
         *
         * @param bot the bot visited
         * @return the visitor's result
         */
        R visitBotMessage(BotMessage bot);

        /**
         * What this visitor makes of a {@link Always}.
         *
         * @param always the always visited
         * @return the visitor's result
         */
        R visitAlways(Always always);

        /**
         * What this visitor makes of a {@link FieldTests}.
         *
         * @param tests the tests visited
         * @return the visitor's result
         */
        R visitFieldTests(FieldTests tests);
    }

    /**
     * {@code all}: every condition holds.
     *
     * @param conditions the conditions, in written order
     * @param pos where it is written
     */
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

    /**
     * {@code any}: at least one condition holds.
     *
     * @param conditions the conditions, in written order
     * @param pos where it is written
     */
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

    /**
     * {@code not}: the condition does not hold.
     *
     * @param condition the condition negated
     * @param pos where it is written
     */
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
