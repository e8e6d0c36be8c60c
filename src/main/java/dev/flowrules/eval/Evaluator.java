package dev.flowrules.eval;

import dev.flowrules.compile.CompiledRule;
import dev.flowrules.compile.Evidence;
import dev.flowrules.compile.MessageView;
import dev.flowrules.compile.RuleSet;
import dev.flowrules.event.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs compiled rules over one message. The semantics (docs/rules.md):
 * <ul>
 * <li>conditions see the message as it arrived, whatever earlier rules changed; templates see the working
 * copy, and writes to metadata, attributes and push run after every content change, so no field copies text
 * a rule redacted;</li>
 * <li>the actions of matching rules run in file order on a working copy; a later write to the same field
 * replaces an earlier one (and a note says so), while rewrites and redactions work on the current content;</li>
 * <li>a deny ends evaluation and wins over every change made before it; a stop ends evaluation after its rule;</li>
 * <li>no change that would break a service limit is ever kept: text is cut, structured values refused.</li>
 * </ul>
 * Evaluation never throws: a rule that fails is reported in the notes and treated as not matching. Stateless and
 * thread-safe. Embedders use {@link dev.flowrules.Engine}; this class is for the engine's own tools, which
 * hold a compiled rule set (an internal type).
 */
public final class Evaluator {
    private Evaluator() {
    }

    /**
     * Evaluates the rules the candidate index selects for the message: the decision {@code Engine} makes.
     *
     * @param rules the compiled rules
     * @param message the message as it arrived
     * @return the decision, with its explanation
     */
    public static Decision evaluate(RuleSet rules, Message message) {
        return new Evaluation(rules, message, true).run();
    }

    /**
     * Only which rules' conditions hold, in order, without running their actions: what event-ruler and Easy
     * Rules answer, for like-for-like comparisons (docs/performance.md). A deny or stop does not end it.
     *
     * @param rules the compiled rules
     * @param message the message as it arrived
     * @return the ids of the rules whose conditions hold, in file order
     */
    public static List<String> matchingRules(RuleSet rules, Message message) {
        MessageView view = rules.view(message);
        List<String> matched = new ArrayList<>();
        List<Evidence> scratch = new ArrayList<>(4);
        for (int position : rules.candidates(view)) {
            CompiledRule rule = rules.rules().get(position);
            scratch.clear();
            try {
                if (rule.when().test(view, scratch)) {
                    matched.add(rule.id());
                }
            } catch (RuntimeException | StackOverflowError e) {
                // as in evaluate: a rule that cannot be tested does not match
            }
        }
        return matched;
    }

    /**
     * The same evaluation testing every rule, without the candidate index: the reference the index is
     * checked against (it must never change a decision), and a fallback should the index fail.
     *
     * @param rules the compiled rules
     * @param message the message as it arrived
     * @return the decision, equal to {@link #evaluate}'s
     */
    public static Decision evaluateEveryRule(RuleSet rules, Message message) {
        return new Evaluation(rules, message, false).run();
    }
}
