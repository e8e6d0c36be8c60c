package dev.flowrules.check;

import dev.flowrules.dsl.Comparison;
import dev.flowrules.dsl.Condition;
import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.dsl.DiagnosticCode;
import dev.flowrules.dsl.Field;
import dev.flowrules.dsl.FieldRef;
import dev.flowrules.dsl.Operator;
import dev.flowrules.dsl.RuleDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tests that can never hold together on one value, so the rule never matches: a number above 100 and below 50,
 * or one field equal to two different values. Looked for among the tests that must all hold: those under one
 * field, and those on the same single-valued field across an {@code all} (not under {@code any} or {@code not}).
 * Multi-valued fields (attributes, bot texts, link hosts) are compared only within one test list, since two
 * lists may be passed by two different values.
 */
final class Contradictions {
    private Contradictions() {
    }

    static void check(RuleDef rule, List<Diagnostic> found) {
        Map<FieldRef, List<Operator>> together = new LinkedHashMap<>();
        collect(rule.when(), together, found);
        together.forEach((field, tests) -> conflicts(field.display(), tests, found));
    }

    /** Gathers the tests of single-valued fields that must all hold; checks each test list on its own as well. */
    private static void collect(Condition condition, Map<FieldRef, List<Operator>> together, List<Diagnostic> found) {
        condition.accept(new Condition.Visitor<Void>() {
            public Void visitAll(Condition.All all) {
                all.conditions().forEach(c -> c.accept(this));
                return null;
            }

            public Void visitAny(Condition.Any any) {
                return null; // one branch is enough: its tests need not hold with the others
            }

            public Void visitNot(Condition.Not not) {
                return null;
            }

            public Void visitBotMessage(Condition.BotMessage bot) {
                return null;
            }

            public Void visitAlways(Condition.Always always) {
                return null;
            }

            public Void visitFieldTests(Condition.FieldTests tests) {
                if (multiValued(tests.field().field())) {
                    conflicts(tests.field().display(), tests.tests(), found);
                } else {
                    together.computeIfAbsent(tests.field(), f -> new ArrayList<>()).addAll(tests.tests());
                }
                return null;
            }
        });
    }

    private static boolean multiValued(Field field) {
        return field == Field.ATTRIBUTE || field == Field.BOT_TEXT || field == Field.BOT_MESSAGE_TYPE || field == Field.LINKS_HOST;
    }

    private static void conflicts(String field, List<Operator> tests, List<Diagnostic> found) {
        Operator.Equals firstEquals = null;
        Operator.NumberCompare lowest = null;   // the tightest lower bound so far
        Operator.NumberCompare highest = null;  // the tightest upper bound so far
        for (Operator test : tests) {
            if (test instanceof Operator.Equals equals) {
                if (firstEquals == null) {
                    firstEquals = equals;
                } else if (!same(firstEquals, equals)) {
                    found.add(warning(equals, "'" + field + "' cannot equal both '" + firstEquals.value() + "' and '"
                            + equals.value() + "' (line " + firstEquals.pos().line() + ")",
                            "to accept either value write 'one-of: [" + firstEquals.value() + ", " + equals.value()
                                    + "]', or put the two tests under 'any'"));
                    return;
                }
            } else if (test instanceof Operator.NumberCompare number) {
                boolean lower = number.comparison() == Comparison.GREATER_THAN || number.comparison() == Comparison.AT_LEAST;
                if (lower) {
                    lowest = lowest == null || number.number().compareTo(lowest.number()) > 0 ? number : lowest;
                } else {
                    highest = highest == null || number.number().compareTo(highest.number()) < 0 ? number : highest;
                }
                if (lowest != null && highest != null && empty(lowest, highest)) {
                    Operator.NumberCompare other = number == lowest ? highest : lowest;
                    found.add(warning(number, "no number is " + phrase(lowest) + " and " + phrase(highest) + ", so '" + field
                            + "' never passes these tests (line " + other.pos().line() + ")",
                            "check the numbers; to accept either range put the two tests under 'any'"));
                    return;
                }
            }
        }
    }

    private static boolean same(Operator.Equals a, Operator.Equals b) {
        return a.ignoreCase() || b.ignoreCase() ? a.value().equalsIgnoreCase(b.value()) : a.value().equals(b.value());
    }

    /** Whether no number is above the lower bound and below the upper one. */
    private static boolean empty(Operator.NumberCompare lower, Operator.NumberCompare upper) {
        int order = lower.number().compareTo(upper.number());
        boolean bothInclusive = lower.comparison() == Comparison.AT_LEAST && upper.comparison() == Comparison.AT_MOST;
        return order > 0 || (order == 0 && !bothInclusive);
    }

    private static String phrase(Operator.NumberCompare test) {
        String number = test.number().stripTrailingZeros().toPlainString();
        return switch (test.comparison()) {
            case GREATER_THAN -> "greater than " + number;
            case AT_LEAST -> "at least " + number;
            case LESS_THAN -> "less than " + number;
            case AT_MOST -> "at most " + number;
        };
    }

    private static Diagnostic warning(Operator at, String message, String hint) {
        return Diagnostic.warning(DiagnosticCode.FR032, at.pos(), message, hint);
    }
}
