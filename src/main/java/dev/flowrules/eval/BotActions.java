package dev.flowrules.eval;

import dev.flowrules.compile.CompiledAction;
import dev.flowrules.event.LexContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The actions on a Lex bot answer: replace, drop or append bot messages, or turn the answer into plain text. */
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

    static String replace(Working work, String ruleId, CompiledAction.BotReplaceMessage replace, String matched) {
        LexContent.Document document = document(work);
        if (document == null) {
            return notABotAnswer(work);
        }
        List<Map<String, Object>> messages = new ArrayList<>(document.messages());
        List<Integer> selected = replace.selector().select(messages, work.view());
        if (selected.isEmpty()) {
            return "no bot message selected by " + replace.selector().description();
        }
        String text = work.render(replace.text(), matched, null);
        if (text.isEmpty()) {
            work.note(NoteKind.BOT_MESSAGE_EMPTY_REFUSED, ruleId);
            return "bot message not replaced (empty text)";
        }
        selected.forEach(i -> messages.set(i, LexContent.plainTextMessage(text, LexContent.PLAIN_TEXT)));
        return write(work, ruleId, "bot message(s) " + positions(selected) + " replaced", document, messages);
    }

    static String drop(Working work, String ruleId, CompiledAction.BotDropMessages drop) {
        LexContent.Document document = document(work);
        if (document == null) {
            return notABotAnswer(work);
        }
        List<Map<String, Object>> messages = new ArrayList<>(document.messages());
        List<Integer> selected = drop.selector().select(messages, work.view());
        if (selected.isEmpty()) {
            return "no bot message selected by " + drop.selector().description();
        }
        if (selected.size() == messages.size()) {
            work.note(NoteKind.BOT_DROP_ALL_REFUSED, ruleId);
            return "bot messages not dropped (would leave none)";
        }
        for (int k = selected.size() - 1; k >= 0; k--) {
            messages.remove((int) selected.get(k));
        }
        return write(work, ruleId, "bot message(s) " + positions(selected) + " dropped", document, messages);
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
        messages.add(LexContent.plainTextMessage(text, append.type()));
        return write(work, ruleId, append.type() + " bot message appended", document, messages);
    }

    private static LexContent.Document document(Working work) {
        return LexContent.parse(work.message().contentType(), work.message().content())
                instanceof LexContent.Document document ? document : null;
    }

    private static String notABotAnswer(Working work) {
        return "not a bot answer (content type " + work.message().contentType() + "): nothing to change";
    }

    private static String write(Working work, String ruleId, String effect, LexContent.Document document,
                                List<Map<String, Object>> messages) {
        return ContentActions.setBotAnswer(work, ruleId, effect,
                LexContent.write(new LexContent.Document(document.root(), messages)));
    }

    private static String positions(List<Integer> selected) {
        return String.join(", ", selected.stream().map(i -> String.valueOf(i + 1)).toList());
    }
}
