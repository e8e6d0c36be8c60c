package dev.flowrules.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One note of a decision as data: its kind, the rule it is about (null for notes about the whole evaluation)
 * and its parameters by name, in the order the kind declares them. {@link #text()} renders the sentence the
 * explanation shows.
 *
 * @param kind what the note is about
 * @param ruleId the rule the note is about; null exactly when the kind is not about a rule
 * @param parameters the values the kind's sentence needs, by the names {@link NoteKind#parameters()} gives
 */
public record Note(NoteKind kind, String ruleId, Map<String, String> parameters) {

    /**
     * Checks the note against its kind, so a note always renders.
     *
     * @param kind the record's {@code kind}
     * @param ruleId the record's {@code ruleId}
     * @param parameters the record's {@code parameters}
     * @throws IllegalArgumentException when the rule id or the parameter names do not fit the kind
     */
    public Note {
        Objects.requireNonNull(kind, "kind");
        if (kind.aboutRule() != (ruleId != null)) {
            throw new IllegalArgumentException(kind + (ruleId == null ? " needs a rule id" : " is not about a rule"));
        }
        if (!kind.parameters().equals(java.util.List.copyOf(parameters.keySet()))) {
            throw new IllegalArgumentException(kind + " takes " + kind.parameters() + ", not " + parameters.keySet());
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** A note with its parameter values in the order {@link NoteKind#parameters()} names them. */
    static Note of(NoteKind kind, String ruleId, Object... values) {
        if (values.length != kind.parameters().size()) {
            throw new IllegalArgumentException(kind + " takes " + kind.parameters() + ", given " + values.length + " values");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            parameters.put(kind.parameters().get(i), String.valueOf(values[i]));
        }
        return new Note(kind, ruleId, parameters);
    }

    /**
     * The sentence as the explanation prints it (one pass, so a value holding braces is never expanded).
     *
     * @return the kind's sentence with the rule id and the parameters filled in
     */
    public String text() {
        String template = kind.template();
        StringBuilder text = new StringBuilder(template.length() + 32);
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                break;
            }
            int close = template.indexOf('}', open);
            String name = template.substring(open + 1, close);
            text.append(template, at, open).append("rule".equals(name) ? ruleId : parameters.get(name));
            at = close + 1;
        }
        return text.append(template, at, template.length()).toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
