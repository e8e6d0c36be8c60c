package dev.flowrules.eval;

import dev.flowrules.compile.CompiledAction;
import dev.flowrules.compile.CompiledSelector;
import dev.flowrules.event.LexContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The actions on a Lex bot answer: replace the whole answer, replace, drop or append bot messages, or turn the
 * answer into plain text. Selectors pick messages of the answer as it arrived, as {@code bot-message} does in a
 * condition, so an index means the same message in {@code when} and in {@code then} whatever earlier actions
 * dropped or added; the action then works on that message where it is now, if it is still there.
 */
final class BotActions {
    private BotActions() {
    }

    static String toPlainText(Working work, String ruleId, CompiledAction.BotToPlainText toText, String matched) {
        String content = work.render(toText.text(), matched, null);
        String effect = ContentActions.setContent(work, ruleId, "bot answer turned into plain text", content, true);
        if (!content.isEmpty()) { // an empty text was refused by setContent, so the type stays too
            work.overwrite(ruleId, "content-type", !"text/plain".equals(work.message().contentType()));
            work.set(work.message().withContentType("text/plain"));
        }
        return effect;
    }

    static String replaceAnswer(Working work, String ruleId, CompiledAction.BotReplaceAnswer replace, String matched) {
        LexContent.Parsed answer = LexContent.parse(work.message().contentType(), work.message().content());
        if (!(answer instanceof LexContent.Document || answer instanceof LexContent.Error)) {
            return notABotAnswer(work);
        }
        String text = work.render(replace.text(), matched, null);
        if (text.isEmpty()) {
            work.note(NoteKind.BOT_MESSAGE_EMPTY_REFUSED, ruleId);
            return "bot answer not replaced (empty text)";
        }
        String what = answer instanceof LexContent.Error ? "bot error answer" : "bot answer";
        return ContentActions.setBotAnswer(work, ruleId, what + " replaced by one text",
                LexContent.singleText(answer, text), List.of(-1), true, LexContent.strings(answer));
    }

    /** The selected messages, however many, become one PlainText message in the place of the first of them. */
    static String replace(Working work, String ruleId, CompiledAction.BotReplaceMessage replace, String matched) {
        LexContent.Document document = document(work);
        if (document == null) {
            return notABotAnswer(work);
        }
        List<Map<String, Object>> messages = new ArrayList<>(document.messages());
        List<Integer> origins = new ArrayList<>(work.botOrigins(messages.size()));
        Selection selection = select(work, replace.selector(), origins);
        if (selection.now().isEmpty()) {
            return selection.nothing();
        }
        String text = work.render(replace.text(), matched, null);
        if (text.isEmpty()) {
            work.note(NoteKind.BOT_MESSAGE_EMPTY_REFUSED, ruleId);
            return "bot message not replaced (empty text)";
        }
        int first = selection.now().get(0);
        List<String> taken = strings(messages, selection.now());
        for (int k = selection.now().size() - 1; k > 0; k--) {
            int position = selection.now().get(k);
            messages.remove(position);
            origins.remove(position);
        }
        messages.set(first, LexContent.plainTextMessage(text, LexContent.PLAIN_TEXT));
        work.overwrite(ruleId, "bot message " + (origins.get(first) + 1), true);
        String effect = selection.now().size() == 1
                ? "bot message " + selection.positions() + " replaced"
                : "bot messages " + selection.positions() + " replaced by one message";
        return write(work, ruleId, effect, document, messages, origins, taken);
    }

    static String drop(Working work, String ruleId, CompiledAction.BotDropMessages drop) {
        LexContent.Document document = document(work);
        if (document == null) {
            return notABotAnswer(work);
        }
        List<Map<String, Object>> messages = new ArrayList<>(document.messages());
        List<Integer> origins = new ArrayList<>(work.botOrigins(messages.size()));
        Selection selection = select(work, drop.selector(), origins);
        if (selection.now().isEmpty()) {
            return selection.nothing();
        }
        if (selection.now().size() == messages.size()) {
            work.note(NoteKind.BOT_DROP_ALL_REFUSED, ruleId);
            return "bot messages not dropped (would leave none)";
        }
        List<String> taken = strings(messages, selection.now());
        for (int k = selection.now().size() - 1; k >= 0; k--) {
            int position = selection.now().get(k);
            messages.remove(position);
            origins.remove(position);
        }
        return write(work, ruleId, "bot message(s) " + selection.positions() + " dropped", document, messages, origins, taken);
    }

    static String append(Working work, String ruleId, CompiledAction.BotAppendMessage append, String matched) {
        LexContent.Document document = document(work);
        if (document == null) {
            return notABotAnswer(work);
        }
        String text = work.render(append.text(), matched, null);
        if (text.isEmpty()) {
            work.note(NoteKind.BOT_APPEND_EMPTY_REFUSED, ruleId);
            return "bot message not appended (empty text)";
        }
        List<Map<String, Object>> messages = new ArrayList<>(document.messages());
        List<Integer> origins = new ArrayList<>(work.botOrigins(messages.size()));
        messages.add(LexContent.plainTextMessage(text, append.type()));
        origins.add(-1);
        return write(work, ruleId, append.type() + " bot message appended", document, messages, origins, List.of());
    }

    /**
     * What a selector picks: {@code arrived}, positions (0-based) in the answer as it arrived; {@code now}, where
     * those still in the working answer are now, in order.
     */
    private record Selection(CompiledSelector selector, List<Integer> arrived, List<Integer> now) {
        /** The arrived positions (1-based) of the messages acted on, as the author counts them. */
        String positions() {
            List<String> kept = new ArrayList<>();
            for (int position : arrived) {
                kept.add(String.valueOf(position + 1));
            }
            return String.join(", ", kept);
        }

        String nothing() {
            if (arrived.isEmpty()) {
                return "no bot message selected by " + selector.description();
            }
            return "bot message(s) " + positions() + " of the answer as it arrived no longer in it"
                    + " (an earlier action took them out): nothing to change";
        }
    }

    private static Selection select(Working work, CompiledSelector selector, List<Integer> origins) {
        List<Integer> arrived = selector.select(work.view().botMessages(), work.view());
        List<Integer> now = new ArrayList<>();
        List<Integer> present = new ArrayList<>();
        for (int i = 0; i < origins.size(); i++) {
            if (arrived.contains(origins.get(i))) {
                now.add(i);
                present.add(origins.get(i));
            }
        }
        return new Selection(selector, now.isEmpty() ? arrived : present, now);
    }

    private static List<String> strings(List<Map<String, Object>> messages, List<Integer> positions) {
        List<String> texts = new ArrayList<>();
        positions.forEach(position -> texts.addAll(LexContent.strings(messages.get(position))));
        return texts;
    }

    private static LexContent.Document document(Working work) {
        return LexContent.parse(work.message().contentType(), work.message().content())
                instanceof LexContent.Document document ? document : null;
    }

    private static String notABotAnswer(Working work) {
        return "not a bot answer (content type " + work.message().contentType() + "): nothing to change";
    }

    private static String write(Working work, String ruleId, String effect, LexContent.Document document,
                                List<Map<String, Object>> messages, List<Integer> origins, List<String> taken) {
        return ContentActions.setBotAnswer(work, ruleId, effect,
                LexContent.write(new LexContent.Document(document.root(), messages)), origins, false, taken);
    }
}
