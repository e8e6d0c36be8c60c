package dev.flowrules.eval;

import com.google.re2j.Matcher;
import dev.flowrules.compile.CompiledAction;
import dev.flowrules.compile.MessageView;
import dev.flowrules.dsl.Template;
import dev.flowrules.event.LexContent;
import dev.flowrules.event.Message;
import dev.flowrules.event.PushNotification;
import dev.flowrules.limits.ServiceLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of one evaluation: the message as it arrived (and the view conditions read), the working copy the
 * actions change (and templates read), the rewrites made so far, who last wrote each field, and the notes.
 * Lives for one evaluation on one thread; the actions change it, nothing reads it back but {@link Evaluation}.
 */
final class Working {
    private final Message original;
    private final MessageView view;
    private Message message;
    private final Map<String, String> writtenBy = new HashMap<>();
    private final List<Note> notes = new ArrayList<>();
    private final List<Rewrite> rewrites = new ArrayList<>();
    private MessageView templateView;
    private String botAnswer;
    private List<Integer> botOrigins;
    private final List<String> botTextsTakenOut = new ArrayList<>();

    /** A rewrite or redaction that changed the content, with what its rule's condition matched. */
    private record Rewrite(CompiledAction.RewriteContent action, String matched) {
    }

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
        templateView = null;
    }

    /**
     * Fills a template from the working copy, so no template can bring back text an earlier action took out;
     * {@code {{matched}}} (taken from the message as it arrived) first goes through every rewrite and redaction
     * made so far, for the same reason. {@code groups} are a rewrite's regex groups, or null.
     */
    String render(Template template, String matched, Matcher groups) {
        return Templates.render(template, templateView(), withoutTakenOutBotText(asRewritten(matched)), groups);
    }

    /** Remembers a rewrite or redaction that changed the content, for {@link #render}. */
    void rewrote(CompiledAction.RewriteContent action, String matched) {
        rewrites.add(new Rewrite(action, matched));
    }

    /**
     * Sends the push title and body the sender wrote through every rewrite and redaction the content went
     * through. Apps often copy the message into its push preview, and a preview must not show a phone what the
     * content lost. A part a rule set is left alone: its template already read the rewritten working copy.
     */
    void rewriteSenderPush() {
        PushNotification push = message.push();
        if (rewrites.isEmpty() || push.isEmpty()) {
            return;
        }
        String title = senderPart("title", push.title(), ServiceLimits.PUSH_TITLE_MAX);
        String body = senderPart("body", push.body(), ServiceLimits.PUSH_BODY_MAX);
        set(message.withPush(push.withTitle(title).withBody(body)));
    }

    private String senderPart(String part, String text, int max) {
        if (text == null || writtenBy.containsKey("push." + part)) {
            return text;
        }
        String rewritten = asRewritten(text);
        if (rewritten.equals(text)) {
            return text;
        }
        if (part.equals("title")) {
            rewritten = ServiceLimits.lineTerminatorsToSpaces(rewritten);
        }
        // the service refuses an empty part, and keeping the sender's would show what the rewrite took out
        rewritten = rewritten.isEmpty() ? "\u2026" : TextLimits.cutToChars(rewritten, max);
        note(NoteKind.SENDER_PUSH_REWRITTEN, null, part);
        return rewritten;
    }

    /** Remembers the texts of bot messages an action took out of the answer, for {@link #render}. */
    void botTextsTakenOut(List<String> texts) {
        botTextsTakenOut.addAll(texts);
    }

    /**
     * {@code {{matched}}} found in a bot message an action took out, and nowhere in the answer as it is now,
     * inserts nothing: a bot action replaces text rather than masks it, so there is no masked form to insert.
     */
    private String withoutTakenOutBotText(String matched) {
        if (matched == null || matched.isEmpty() || botTextsTakenOut.isEmpty()
                || botTextsTakenOut.stream().noneMatch(text -> text.contains(matched))) {
            return matched;
        }
        LexContent.Parsed now = LexContent.parse(message.contentType(), message.content());
        List<String> remaining = now instanceof LexContent.Document || now instanceof LexContent.Error
                ? LexContent.strings(now) : List.of(message.content() == null ? "" : message.content());
        return remaining.stream().anyMatch(text -> text.contains(matched)) ? matched : "";
    }

    private String asRewritten(String matched) {
        String text = matched;
        for (int i = 0; text != null && i < rewrites.size(); i++) {
            Rewrite rewrite = rewrites.get(i);
            text = Rewriter.replaceAll(text, rewrite.action(),
                    groups -> Templates.render(rewrite.action().replacement(), templateView(), rewrite.matched(), groups))
                    .text();
        }
        return text;
    }

    private MessageView templateView() {
        if (message == original) {
            return view;
        }
        if (templateView == null) {
            templateView = new MessageView(message);
        }
        return templateView;
    }

    /**
     * For each message of the working bot answer (which has {@code count} messages), its position (0-based) in
     * the answer as it arrived, or -1 for a message a rule wrote. Bot actions select by the answer as it arrived,
     * like conditions; this says where each arrived message is now. A document no bot action wrote (the content
     * replaced, then the type set back to a Lex type) holds none of the arrived messages.
     */
    List<Integer> botOrigins(int count) {
        String content = message.content();
        if (botAnswer != null && botAnswer.equals(content)) {
            return botOrigins;
        }
        List<Integer> origins = new ArrayList<>(count);
        boolean arrived = content != null && content.equals(original.content())
                && Objects.equals(message.contentType(), original.contentType());
        for (int i = 0; i < count; i++) {
            origins.add(arrived ? i : -1);
        }
        return origins;
    }

    /** Sets the content to a bot answer whose messages came from these arrived positions (see {@link #botOrigins}). */
    void setBotAnswer(String content, List<Integer> origins) {
        set(message.withContent(content));
        botAnswer = content;
        botOrigins = List.copyOf(origins);
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
