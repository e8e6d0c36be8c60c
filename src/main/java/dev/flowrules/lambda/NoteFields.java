package dev.flowrules.lambda;

import dev.flowrules.eval.Note;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The decision's notes in a log line: {@code "notes":[{"kind":"CONTENT_CUT","rule":"r1","limit":"4096"}]}. */
final class NoteFields {
    /**
     * Parameters that can quote what a message or an exception held, so they appear only at DEBUG: message
     * content is never logged at INFO.
     */
    private static final Set<String> MAY_QUOTE_CONTENT = Set.of("error", "reason");

    private NoteFields() {
    }

    static void write(JsonLine line, List<Note> notes, boolean debug) {
        line.startArray("notes");
        for (Note note : notes) {
            line.startObject().put("kind", note.kind().name()).put("rule", note.ruleId());
            for (Map.Entry<String, String> parameter : note.parameters().entrySet()) {
                if (debug || !MAY_QUOTE_CONTENT.contains(parameter.getKey())) {
                    line.put(parameter.getKey(), parameter.getValue());
                }
            }
            if (debug) {
                line.put("text", note.text());
            }
            line.endObject();
        }
        line.endArray();
    }
}
