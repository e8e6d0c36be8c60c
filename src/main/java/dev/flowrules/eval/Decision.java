package dev.flowrules.eval;

import dev.flowrules.event.Message;
import java.util.List;

/**
 * What the rules decided for one message. {@code result} is the message to deliver (equal to
 * {@code original} unless the outcome is UPDATE); {@code notes} says where a limit cut or refused a change,
 * where a later rule overwrote an earlier one, and where a rule could not be evaluated.
 */
public record Decision(Outcome outcome, Message original, Message result, String denyReason, String deniedBy,
                       List<RuleMatch> matches, List<String> notes) {

    public Decision {
        matches = List.copyOf(matches);
        notes = List.copyOf(notes);
    }

    public List<String> matchedRuleIds() {
        return matches.stream().map(RuleMatch::ruleId).toList();
    }

    /** A human-readable account of the decision, as {@code --explain} prints it. */
    public String explain() {
        StringBuilder text = new StringBuilder();
        if (matches.isEmpty()) {
            text.append("no rule matched\n");
        }
        for (RuleMatch match : matches) {
            text.append("rule ").append(match.ruleId()).append(" (").append(match.pos()).append(") matched:\n");
            match.evidence().forEach(e -> text.append("  on ").append(e.describe()).append('\n'));
            match.effects().forEach(e -> text.append("  -> ").append(e).append('\n'));
        }
        notes.forEach(n -> text.append("note: ").append(n).append('\n'));
        text.append("outcome: ").append(outcome);
        if (outcome == Outcome.DENY) {
            text.append(" by rule ").append(deniedBy);
            if (denyReason != null) {
                text.append(" (").append(denyReason).append(')');
            }
        }
        return text.append('\n').toString();
    }
}
