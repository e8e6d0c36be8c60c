package dev.flowrules.eval;

import dev.flowrules.compile.MessageView;
import dev.flowrules.event.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one evaluation: the message as it arrived (and the view conditions and templates read), the
 * working copy the actions change, who last wrote each field, and the notes. Lives for one evaluation on one
 * thread; the actions change it, nothing reads it back but {@link Evaluation}.
 */
final class Working {
    private final Message original;
    private final MessageView view;
    private Message message;
    private final Map<String, String> writtenBy = new HashMap<>();
    private final List<Note> notes = new ArrayList<>();

    Working(Message original, MessageView view) {
        this.original = original;
        this.view = view;
        this.message = original;
    }

    Message original() {
        return original;
    }

    /** The message as it arrived, as conditions see it. */
    MessageView view() {
        return view;
    }

    /** The working copy as the actions so far left it. */
    Message message() {
        return message;
    }

    void set(Message changed) {
        message = changed;
    }

    boolean changed() {
        return !message.equals(original);
    }

    void note(NoteKind kind, String ruleId, Object... values) {
        notes.add(Note.of(kind, ruleId, values));
    }

    List<Note> notes() {
        return notes;
    }

    /** Records who wrote a field; a later rule changing what an earlier rule wrote gets a note. */
    void overwrite(String ruleId, String field, boolean changesValue) {
        String previous = writtenBy.put(field, ruleId);
        if (changesValue && previous != null && !previous.equals(ruleId)) {
            note(NoteKind.OVERWRITTEN, ruleId, field, previous);
        }
    }

    /** Records who wrote a field without an overwrite note: rewrites work on what is there, by design. */
    void edited(String ruleId, String field) {
        writtenBy.put(field, ruleId);
    }
}
