package dev.flowrules.eval;

import dev.flowrules.event.Message;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the rules decided for one message. {@code result} is the message to deliver (equal to
 * {@code original} unless the outcome is UPDATE); {@code notes} says where a limit cut or refused a change,
 * where a later rule overwrote an earlier one, and where a rule could not be evaluated; each note is data (a
 * {@link NoteKind} and its parameters) rendered to a sentence by {@link Note#text()}. Immutable.
 *
 * @param outcome deny, update or no change
 * @param original the message as it arrived
 * @param result the message to deliver; the same as {@code original} unless the outcome is UPDATE
 * @param denyReason the reason the denying rule gave, null when it gave none or nothing was denied
 * @param deniedBy the id of the rule that denied, null unless the outcome is DENY
 * @param matches the rules whose conditions held, in evaluation order
 * @param notes what limits cut or refused, what was overwritten, what could not be evaluated
 */
public record Decision(Outcome outcome, Message original, Message result, String denyReason, String deniedBy,
                       List<RuleMatch> matches, List<Note> notes) {

    /**
     * Copies the lists, so a decision never changes once made.
     *
     * @param outcome the record's {@code outcome}
     * @param original the record's {@code original}
     * @param result the record's {@code result}
     * @param denyReason the record's {@code denyReason}
     * @param deniedBy the record's {@code deniedBy}
     * @param matches the record's {@code matches}
     * @param notes the record's {@code notes}
     */
    public Decision {
        matches = List.copyOf(matches);
        notes = List.copyOf(notes);
    }

    /**
     * The ids of {@link #matches()}, e.g. for a log line.
     *
     * @return rule ids in evaluation order
     */
    public List<String> matchedRuleIds() {
        return matches.stream().map(RuleMatch::ruleId).toList();
    }

    /**
     * How many notes of each kind the decision carries, for metrics: a count per kind rather than prose to parse.
     *
     * @return counts by kind; kinds without a note are absent
     */
    public Map<NoteKind, Integer> noteCounts() {
        Map<NoteKind, Integer> counts = new EnumMap<>(NoteKind.class);
        notes.forEach(n -> counts.merge(n.kind(), 1, Integer::sum));
        return counts;
    }

    /**
     * A human-readable account of the decision, as {@code --explain} prints it: each matched rule with its
     * place, why it matched and what it did, then the notes and the outcome.
     *
     * @return lines ending in a line break; values shown on one line and shortened
     */
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
