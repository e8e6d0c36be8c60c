package dev.flowrules.eval;

import dev.flowrules.event.Message;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the rules decided for one message. {@code result} is the message to deliver (equal to
 * {@code original} unless the outcome is UPDATE); {@code notes} says where a limit cut or refused a change,
 * where a later rule overwrote an earlier one, and where a rule could not be evaluated; each note is data (a
 * {@link NoteKind} and its parameters) rendered to a sentence by {@link Note#text()}.
 */
public record Decision(Outcome outcome, Message original, Message result, String denyReason, String deniedBy,
                       List<RuleMatch> matches, List<Note> notes) {

    public Decision {
        matches = List.copyOf(matches);
        notes = List.copyOf(notes);
    }

    public List<String> matchedRuleIds() {
        return matches.stream().map(RuleMatch::ruleId).toList();
    }

    /** How many notes of each kind the decision carries (kinds without a note are absent). */
    public Map<NoteKind, Integer> noteCounts() {
        Map<NoteKind, Integer> counts = new EnumMap<>(NoteKind.class);
        notes.forEach(n -> counts.merge(n.kind(), 1, Integer::sum));
        return counts;
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
        notes.forEach(n -> text.append("note: ").append(n.text()).append('\n'));
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
