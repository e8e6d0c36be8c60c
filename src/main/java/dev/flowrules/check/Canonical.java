package dev.flowrules.check;

import dev.flowrules.dsl.BotSelector;
import dev.flowrules.dsl.Condition;
import dev.flowrules.dsl.Operator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A condition written out without positions, so that two rules testing the same thing compare equal however
 * they were laid out. Order inside {@code all}/{@code any} is kept: reordered conditions are not recognised,
 * which only means fewer warnings, never a wrong one.
 */
final class Canonical {
    private Canonical() {
    }

    static String of(Condition condition) {
        if (condition instanceof Condition.All all) {
            return "all(" + join(all.conditions()) + ")";
        }
        if (condition instanceof Condition.Any any) {
            return "any(" + join(any.conditions()) + ")";
        }
        if (condition instanceof Condition.Not not) {
            return "not(" + of(not.condition()) + ")";
        }
        if (condition instanceof Condition.FieldTests tests) {
            return tests.field().display() + (tests.allValues() ? "[all]" : "") + "{" + operators(tests.tests()) + "}";
        }
        if (condition instanceof Condition.BotMessage bot) {
            return "bot-message(" + selector(bot.selector()) + ")";
        }
        return "always";
    }

    static String selector(BotSelector selector) {
        return "index=" + selector.index() + ";" + selector.parts().stream()
                .map(p -> p.part().key() + "{" + operators(p.tests()) + "}").collect(Collectors.joining(";"));
    }

    private static String join(List<Condition> conditions) {
        return conditions.stream().map(Canonical::of).collect(Collectors.joining(","));
    }

    private static String operators(List<Operator> operators) {
        return operators.stream().map(Canonical::operator).collect(Collectors.joining(","));
    }

    private static String operator(Operator op) {
        String text;
        if (op instanceof Operator.Equals o) {
            text = o.value() + "|" + o.ignoreCase();
        } else if (op instanceof Operator.OneOf o) {
            text = o.values() + "|" + o.ignoreCase();
        } else if (op instanceof Operator.StartsWith o) {
            text = o.value() + "|" + o.ignoreCase();
        } else if (op instanceof Operator.EndsWith o) {
            text = o.value() + "|" + o.ignoreCase();
        } else if (op instanceof Operator.Contains o) {
            text = o.value() + "|" + o.ignoreCase();
        } else if (op instanceof Operator.ContainsWord o) {
            text = o.words().toString();
        } else if (op instanceof Operator.Wildcard o) {
            text = o.pattern() + "|" + o.ignoreCase();
        } else if (op instanceof Operator.Regex o) {
            text = o.pattern() + "|" + o.ignoreCase();
        } else if (op instanceof Operator.Length o) {
            text = o.comparison() + "|" + o.length();
        } else if (op instanceof Operator.NumberCompare o) {
            text = o.comparison() + "|" + o.number().stripTrailingZeros().toPlainString();
        } else {
            text = String.valueOf(((Operator.Exists) op).expected());
        }
        return op.keyword() + ":" + text.length() + ":" + text;
    }
}
