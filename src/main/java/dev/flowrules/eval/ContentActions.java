package dev.flowrules.eval;

import dev.flowrules.compile.CompiledAction;
import dev.flowrules.event.LexContent;
import dev.flowrules.limits.ServiceLimits;
import java.util.List;
import java.util.Map;

/**
 * The actions that change the content: replace-content, rewrite and redact (on plain text, or on the texts
 * of a bot answer), and the two ways every content change is kept within the service's limits.
 */
final class ContentActions {
    private ContentActions() {
    }

    static String replace(Working work, String ruleId, CompiledAction.ReplaceContent replace, String matched,
                          boolean setsContentType) {
        LexContent.Parsed lex = LexContent.parse(work.message().contentType(), work.message().content());
        if (lex != null && !(lex instanceof LexContent.Invalid) && !setsContentType) {
            work.note(NoteKind.BOT_REPLACE_CONTENT_REFUSED, ruleId, work.message().contentType());
            return "content not replaced (bot answer)";
        }
        String content = work.render(replace.content(), matched, null);
        return setContent(work, ruleId, "content replaced", content, true);
    }

    static String rewrite(Working work, String ruleId, CompiledAction.RewriteContent rewrite, String matched) {
        String content = work.message().content();
        if (content == null) {
            return rewrite.keyword() + ": the message has no content";
        }
        String verb = rewrite.keyword().equals("redact") ? "redacted" : "rewritten";
        String what = "/" + rewrite.pattern().pattern() + "/";
        if (LexContent.parse(work.message().contentType(), content) instanceof LexContent.Document document) {
            int[] count = {0};
            for (Map<String, Object> message : document.messages()) {
                LexContent.forEachReadable(message, (holder, key) -> {
                    Rewriter.Replaced replaced = Rewriter.replaceAll((String) holder.get(key), rewrite, groups -> work.render(rewrite.replacement(), matched, groups));
                    count[0] += replaced.count();
                    holder.put(key, replaced.text());
                });
            }
            if (count[0] == 0) {
                return rewrite.keyword() + ": no match of " + what + " in the bot's texts";
            }
            work.rewrote(rewrite, matched);
            return setBotAnswer(work, ruleId, count[0] + " match(es) of " + what + " " + verb + " in the bot's texts",
                    LexContent.write(document), work.botOrigins(document.messages().size()), false, List.of());
        }
        Rewriter.Replaced replaced = Rewriter.replaceAll(content, rewrite, groups -> work.render(rewrite.replacement(), matched, groups));
        if (replaced.count() == 0) {
            return rewrite.keyword() + ": no match of " + what + " in the content";
        }
        work.rewrote(rewrite, matched);
        return setContent(work, ruleId, replaced.count() + " match(es) of " + what + " " + verb, replaced.text(), false);
    }

    /**
     * A bot answer cannot be cut without breaking its JSON: an answer over the limit is refused whole.
     * {@code origins}: where each of its messages was in the answer as it arrived (-1: written by a rule);
     * {@code replacesWhole}: the action puts a new answer in place of what an earlier rule wrote (which gets an
     * overwrite note when it changes) rather than editing what is there. {@code taken}: the texts the action took
     * out of the answer; once the answer changed, a template must not bring them back ({@link Working#render}).
     */
    static String setBotAnswer(Working work, String ruleId, String effect, String json, List<Integer> origins,
                               boolean replacesWhole, List<String> taken) {
        int size = ServiceLimits.utf8Length(json);
        if (size > ServiceLimits.CONTENT_MAX_BYTES) {
            work.note(NoteKind.BOT_ANSWER_TOO_LARGE_REFUSED, ruleId, size, ServiceLimits.CONTENT_MAX_BYTES);
            return effect + " refused (too large)";
        }
        if (replacesWhole) {
            work.overwrite(ruleId, "content", !json.equals(work.message().content()));
        } else {
            work.edited(ruleId, "content");
        }
        if (!json.equals(work.message().content())) {
            work.botTextsTakenOut(taken);
        }
        work.setBotAnswer(json, origins);
        return effect;
    }

    /** Text content is cut to the size limit; empty content, which the service refuses, is not set. */
    static String setContent(Working work, String ruleId, String effect, String content, boolean replacesWhole) {
        if (content.isEmpty()) {
            work.note(NoteKind.CONTENT_EMPTY_REFUSED, ruleId);
            return effect + " refused (empty result)";
        }
        String fitted = TextLimits.cutToUtf8Bytes(content, ServiceLimits.CONTENT_MAX_BYTES);
        if (!fitted.equals(content)) {
            work.note(NoteKind.CONTENT_CUT, ruleId, ServiceLimits.CONTENT_MAX_BYTES);
        }
        if (replacesWhole) {
            work.overwrite(ruleId, "content", !fitted.equals(work.message().content()));
        } else {
            work.edited(ruleId, "content");
        }
        work.set(work.message().withContent(fitted));
        return effect;
    }
}
