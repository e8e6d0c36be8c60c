package dev.flowrules.eval;

import com.google.re2j.Matcher;
import dev.flowrules.compile.CompiledAction;
import dev.flowrules.compile.CompiledRule;
import dev.flowrules.compile.Evidence;
import dev.flowrules.compile.Explain;
import dev.flowrules.compile.MessageView;
import dev.flowrules.compile.RuleSet;
import dev.flowrules.event.LexContent;
import dev.flowrules.event.Message;
import dev.flowrules.event.PushNotification;
import dev.flowrules.limits.ServiceLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs compiled rules over one message. The semantics (docs/rules.md):
 * <ul>
 * <li>conditions and templates see the message as it arrived, whatever earlier rules changed;</li>
 * <li>the actions of matching rules run in file order on a working copy; a later write to the same field
 * replaces an earlier one (and a note says so), while rewrites and redactions work on the current content;</li>
 * <li>a deny ends evaluation and wins over every change made before it; a stop ends evaluation after its rule;</li>
 * <li>no change that would break a service limit is ever kept: text is cut, structured values refused.</li>
 * </ul>
 * Evaluation never throws: a rule that fails is reported in the notes and treated as not matching.
 */
public final class Evaluator {
    /** Rewrites stop growing content past this many characters; the result is cut to the service limit anyway. */
    private static final int REWRITE_CEILING = ServiceLimits.CONTENT_MAX_BYTES * 2;

    private Evaluator() {
    }

    public static Decision evaluate(RuleSet rules, Message message) {
        return new Run(message, rules, true).run(rules);
    }

    /**
     * Only which rules' conditions hold, in order, without running their actions: what event-ruler and Easy
     * Rules answer, for like-for-like comparisons (docs/performance.md). A deny or stop does not end it.
     */
    public static List<String> matchingRules(RuleSet rules, Message message) {
        MessageView view = rules.view(message);
        List<String> matched = new ArrayList<>();
        List<Evidence> scratch = new ArrayList<>(4);
        for (int position : rules.candidates(view)) {
            CompiledRule rule = rules.rules().get(position);
            scratch.clear();
            try {
                if (rule.when().test(view, scratch)) {
                    matched.add(rule.id());
                }
            } catch (RuntimeException | StackOverflowError e) {
                // as in evaluate: a rule that cannot be tested does not match
            }
        }
        return matched;
    }

    /**
     * The same evaluation testing every rule, without the candidate index: the reference the index is
     * checked against (it must never change a decision), and a fallback should the index fail.
     */
    public static Decision evaluateEveryRule(RuleSet rules, Message message) {
        return new Run(message, rules, false).run(rules);
    }

    private static final class Run {
        private final Message original;
        private final MessageView view;
        private Message working;
        private final List<RuleMatch> matches = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final Map<String, String> writtenBy = new HashMap<>();

        private final boolean useIndex;
        private final boolean readsBotAnswers;

        Run(Message original, RuleSet rules, boolean useIndex) {
            this.original = original;
            this.view = rules.view(original);
            this.working = original;
            this.useIndex = useIndex;
            this.readsBotAnswers = rules.readsBotAnswers();
        }

        Decision run(RuleSet rules) {
            int[] candidates = null;
            if (useIndex) {
                try {
                    candidates = rules.candidates(view);
                } catch (RuntimeException e) {
                    notes.add("the rule index failed (" + e.getClass().getSimpleName() + "); every rule was tested");
                }
            }
            if (candidates == null) {
                candidates = java.util.stream.IntStream.range(0, rules.rules().size()).toArray();
            }
            for (int position : candidates) {
                CompiledRule rule = rules.rules().get(position);
                List<Evidence> evidence = new ArrayList<>(2);
                boolean held;
                try {
                    held = rule.when().test(view, evidence);
                } catch (RuntimeException | StackOverflowError e) {
                    notes.add("rule " + rule.id() + " could not be evaluated (" + e.getClass().getSimpleName()
                            + "); it was treated as not matching");
                    continue;
                }
                if (!held) {
                    continue;
                }
                String matched = evidence.stream().map(Evidence::matched).filter(m -> m != null).findFirst().orElse(null);
                boolean setsContentType = rule.then().stream().anyMatch(a -> a instanceof CompiledAction.SetContentType
                        || a instanceof CompiledAction.BotToPlainText);
                List<String> effects = new ArrayList<>();
                boolean stop = false;
                for (CompiledAction action : rule.then()) {
                    if (action instanceof CompiledAction.Deny deny) {
                        effects.add(deny.reason() == null ? "deny" : "deny: " + deny.reason());
                        matches.add(new RuleMatch(rule.id(), rule.pos(), evidence, effects));
                        if (!working.equals(original)) {
                            notes.add("changes made by earlier rules were dropped: the message is denied");
                        }
                        return new Decision(Outcome.DENY, original, original, deny.reason(), rule.id(), matches, finalNotes());
                    }
                    if (action instanceof CompiledAction.Stop) {
                        stop = true;
                        continue;
                    }
                    try {
                        effects.add(apply(rule.id(), action, matched, setsContentType));
                    } catch (RuntimeException e) {
                        notes.add("rule " + rule.id() + ": an action at " + action.pos() + " failed ("
                                + e.getClass().getSimpleName() + ") and was skipped");
                    }
                }
                if (stop) {
                    effects.add("stop: later rules are not evaluated");
                }
                matches.add(new RuleMatch(rule.id(), rule.pos(), evidence, effects));
                if (stop) {
                    break;
                }
            }
            Outcome outcome = working.equals(original) ? Outcome.NO_CHANGE : Outcome.UPDATE;
            return new Decision(outcome, original, outcome == Outcome.UPDATE ? working : original, null, null,
                    matches, finalNotes());
        }

        /**
         * The notes, led by one saying that content claiming to be a Lex answer is not one, for rule sets that
         * read bot answers (one without bot rules never parses the content).
         */
        private List<String> finalNotes() {
            if (readsBotAnswers && view.lex() instanceof LexContent.Invalid invalid) {
                List<String> all = new ArrayList<>(notes.size() + 1);
                all.add("the content type says " + original.contentType() + " but " + invalid.reason()
                        + ": the content is matched as plain text and the bot.* fields are absent");
                all.addAll(notes);
                return all;
            }
            return notes;
        }

        private String apply(String ruleId, CompiledAction action, String matched, boolean setsContentType) {
            if (action instanceof CompiledAction.ReplaceContent replace) {
                LexContent.Parsed lex = LexContent.parse(working.contentType(), working.content());
                if (lex != null && !(lex instanceof LexContent.Invalid) && !setsContentType) {
                    notes.add("rule " + ruleId + ": replace-content would turn a bot answer (" + working.contentType()
                            + ") into plain text; use bot-to-plain-text, or set-content-type in the same rule, to say so");
                    return "content not replaced (bot answer)";
                }
                String content = Templates.render(replace.content(), view, matched, null);
                return setContent(ruleId, "content replaced", content, true);
            }
            if (action instanceof CompiledAction.BotToPlainText toText) {
                String content = Templates.render(toText.text(), view, matched, null);
                String effect = setContent(ruleId, "bot answer turned into plain text", content, true);
                if (!content.isEmpty()) { // an empty text was refused by setContent, so the type stays too
                    overwrite(ruleId, "content-type", !"text/plain".equals(working.contentType()));
                    working = working.withContentType("text/plain");
                }
                return effect;
            }
            if (action instanceof CompiledAction.BotReplaceMessage
                    || action instanceof CompiledAction.BotDropMessages
                    || action instanceof CompiledAction.BotAppendMessage) {
                return editBotAnswer(ruleId, action, matched);
            }
            if (action instanceof CompiledAction.RewriteContent rewrite) {
                return rewrite(ruleId, rewrite, matched);
            }
            if (action instanceof CompiledAction.SetMetadata set) {
                String metadata = Templates.render(set.metadata(), view, matched, null);
                if (metadata.length() > ServiceLimits.METADATA_MAX) {
                    notes.add("rule " + ruleId + ": metadata of " + metadata.length() + " characters refused (limit "
                            + ServiceLimits.METADATA_MAX + "); metadata left as it was");
                    return "metadata not set (too long)";
                }
                overwrite(ruleId, "metadata", !metadata.equals(working.metadata()));
                working = working.withMetadata(metadata);
                return "metadata set to \"" + Explain.abbreviate(metadata) + "\"";
            }
            if (action instanceof CompiledAction.SetAttributes set) {
                return setAttributes(ruleId, set, matched);
            }
            if (action instanceof CompiledAction.RemoveAttributes remove) {
                Map<String, List<String>> attributes = new LinkedHashMap<>(working.attributes());
                List<String> removed = remove.names().stream().filter(n -> attributes.remove(n) != null).toList();
                working = working.withAttributes(attributes);
                removed.forEach(n -> overwrite(ruleId, "attributes." + n, true));
                return removed.isEmpty() ? "no attribute to remove" : "attributes removed: " + String.join(", ", removed);
            }
            if (action instanceof CompiledAction.SetPush push) {
                return setPush(ruleId, push, matched);
            }
            if (action instanceof CompiledAction.SetContentType type) {
                overwrite(ruleId, "content-type", !type.contentType().equals(working.contentType()));
                working = working.withContentType(type.contentType());
                return "content type set to " + type.contentType();
            }
            throw new IllegalStateException("unhandled action " + action);
        }

        private String rewrite(String ruleId, CompiledAction.RewriteContent rewrite, String matched) {
            String content = working.content();
            if (content == null) {
                return rewrite.keyword() + ": the message has no content";
            }
            String verb = rewrite.keyword().equals("redact") ? "redacted" : "rewritten";
            String what = "/" + rewrite.pattern().pattern() + "/";
            if (LexContent.parse(working.contentType(), content) instanceof LexContent.Document document) {
                int[] count = {0};
                for (Map<String, Object> message : document.messages()) {
                    LexContent.forEachReadable(message, (holder, key) -> {
                        Replaced replaced = replaceAll((String) holder.get(key), rewrite, matched);
                        count[0] += replaced.count();
                        holder.put(key, replaced.text());
                    });
                }
                if (count[0] == 0) {
                    return rewrite.keyword() + ": no match of " + what + " in the bot's texts";
                }
                return setBotAnswer(ruleId, count[0] + " match(es) of " + what + " " + verb + " in the bot's texts",
                        LexContent.write(document));
            }
            Replaced replaced = replaceAll(content, rewrite, matched);
            if (replaced.count() == 0) {
                return rewrite.keyword() + ": no match of " + what + " in the content";
            }
            return setContent(ruleId, replaced.count() + " match(es) of " + what + " " + verb, replaced.text(), false);
        }

        private record Replaced(String text, int count) {
        }

        private Replaced replaceAll(String content, CompiledAction.RewriteContent rewrite, String matched) {
            Matcher matcher = rewrite.pattern().matcher(content);
            StringBuilder out = new StringBuilder();
            int last = 0;
            int count = 0;
            while (matcher.find()) {
                if (matcher.end() == matcher.start() && (rewrite.replacement() == null || insidePair(content, matcher.start()))) {
                    // re2j steps one UTF-16 unit after an empty match, so it also finds the point between the
                    // halves of a surrogate pair; inserting there would split the character in two.
                    continue;
                }
                out.append(content, last, matcher.start());
                if (rewrite.replacement() == null) {
                    int maskLength = content.codePointCount(matcher.start(), matcher.end());
                    out.append("*".repeat(maskLength));
                } else {
                    out.append(Templates.render(rewrite.replacement(), view, matched, matcher));
                }
                last = matcher.end();
                count++;
                if (out.length() > REWRITE_CEILING) {
                    break;
                }
            }
            if (out.length() <= REWRITE_CEILING) {
                out.append(content, last, content.length());
            }
            return new Replaced(count == 0 ? content : out.toString(), count);
        }

        private static boolean insidePair(String text, int index) {
            return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))
                    && Character.isHighSurrogate(text.charAt(index - 1));
        }

        private String editBotAnswer(String ruleId, CompiledAction action, String matched) {
            if (!(LexContent.parse(working.contentType(), working.content()) instanceof LexContent.Document document)) {
                return "not a bot answer (content type " + working.contentType() + "): nothing to change";
            }
            List<Map<String, Object>> messages = new ArrayList<>(document.messages());
            String effect;
            if (action instanceof CompiledAction.BotReplaceMessage replace) {
                List<Integer> selected = replace.selector().select(messages, view);
                if (selected.isEmpty()) {
                    return "no bot message selected by " + replace.selector().description();
                }
                String text = Templates.render(replace.text(), view, matched, null);
                if (text.isEmpty()) {
                    notes.add("rule " + ruleId + ": the new bot message would be empty; the bot answer was left as it was");
                    return "bot message not replaced (empty text)";
                }
                selected.forEach(i -> messages.set(i, LexContent.plainTextMessage(text, LexContent.PLAIN_TEXT)));
                effect = "bot message(s) " + positions(selected) + " replaced";
            } else if (action instanceof CompiledAction.BotDropMessages drop) {
                List<Integer> selected = drop.selector().select(messages, view);
                if (selected.isEmpty()) {
                    return "no bot message selected by " + drop.selector().description();
                }
                if (selected.size() == messages.size()) {
                    notes.add("rule " + ruleId + ": dropping every bot message would leave an empty answer; nothing was dropped (use deny to drop the message)");
                    return "bot messages not dropped (would leave none)";
                }
                for (int k = selected.size() - 1; k >= 0; k--) {
                    messages.remove((int) selected.get(k));
                }
                effect = "bot message(s) " + positions(selected) + " dropped";
            } else {
                CompiledAction.BotAppendMessage append = (CompiledAction.BotAppendMessage) action;
                String text = Templates.render(append.text(), view, matched, null);
                if (text.isEmpty()) {
                    notes.add("rule " + ruleId + ": the appended bot message would be empty; nothing was appended");
                    return "bot message not appended (empty text)";
                }
                messages.add(LexContent.plainTextMessage(text, append.type()));
                effect = append.type() + " bot message appended";
            }
            return setBotAnswer(ruleId, effect, LexContent.write(new LexContent.Document(document.root(), messages)));
        }

        private static String positions(List<Integer> selected) {
            return String.join(", ", selected.stream().map(i -> String.valueOf(i + 1)).toList());
        }

        /** A bot answer cannot be cut without breaking its JSON: an answer over the limit is refused whole. */
        private String setBotAnswer(String ruleId, String effect, String json) {
            int size = ServiceLimits.utf8Length(json);
            if (size > ServiceLimits.CONTENT_MAX_BYTES) {
                notes.add("rule " + ruleId + ": the bot answer would be " + size + " bytes, over the service's "
                        + ServiceLimits.CONTENT_MAX_BYTES + "; a bot answer cannot be cut, so it was left as it was");
                return effect + " refused (too large)";
            }
            writtenBy.put("content", ruleId);
            working = working.withContent(json);
            return effect;
        }

        private String setContent(String ruleId, String effect, String content, boolean replacesWhole) {
            if (content.isEmpty()) {
                notes.add("rule " + ruleId + ": the content would become empty, which the service refuses; content left as it was");
                return effect + " refused (empty result)";
            }
            String fitted = TextLimits.cutToUtf8Bytes(content, ServiceLimits.CONTENT_MAX_BYTES);
            if (!fitted.equals(content)) {
                notes.add("rule " + ruleId + ": the content was cut to " + ServiceLimits.CONTENT_MAX_BYTES
                        + " bytes, the service's message size limit");
            }
            if (replacesWhole) {
                overwrite(ruleId, "content", !fitted.equals(working.content()));
            } else {
                writtenBy.put("content", ruleId);
            }
            working = working.withContent(fitted);
            return effect;
        }

        private String setAttributes(String ruleId, CompiledAction.SetAttributes set, String matched) {
            Map<String, List<String>> attributes = new LinkedHashMap<>(working.attributes());
            List<String> names = new ArrayList<>();
            set.attributes().forEach((name, templates) -> {
                List<String> values = new ArrayList<>();
                for (var template : templates) {
                    String value = Templates.render(template, view, matched, null);
                    if (value.isEmpty()) {
                        notes.add("rule " + ruleId + ": an empty value for attribute " + name + " was left out");
                    } else if (value.length() > ServiceLimits.ATTRIBUTE_VALUE_MAX) {
                        notes.add("rule " + ruleId + ": a value of " + value.length() + " characters for attribute "
                                + name + " was refused (limit " + ServiceLimits.ATTRIBUTE_VALUE_MAX + ")");
                    } else {
                        values.add(value);
                    }
                }
                if (values.isEmpty()) {
                    notes.add("rule " + ruleId + ": attribute " + name + " was not set: no usable value");
                    return;
                }
                attributes.put(name, List.copyOf(values));
                names.add(name);
            });
            int size = ServiceLimits.attributesBytes(attributes);
            if (size > ServiceLimits.ATTRIBUTES_TOTAL_MAX_BYTES) {
                notes.add("rule " + ruleId + ": setting attributes " + String.join(", ", names) + " would make them "
                        + size + " bytes (limit " + ServiceLimits.ATTRIBUTES_TOTAL_MAX_BYTES + "); they were not set");
                return "attributes not set (too large)";
            }
            names.forEach(n -> overwrite(ruleId, "attributes." + n,
                    !attributes.get(n).equals(working.attributes().get(n))));
            working = working.withAttributes(attributes);
            return names.isEmpty() ? "no attribute set" : "attributes set: " + String.join(", ", names);
        }

        private String setPush(String ruleId, CompiledAction.SetPush push, String matched) {
            PushNotification current = working.push();
            List<String> parts = new ArrayList<>();
            if (push.title() != null) {
                String title = fittedPushText(ruleId, "title",
                        Templates.render(push.title(), view, matched, null), ServiceLimits.PUSH_TITLE_MAX);
                if (title != null) {
                    overwrite(ruleId, "push.title", !title.equals(current.title()));
                    current = current.withTitle(title);
                    parts.add("title \"" + title + "\"");
                }
            }
            if (push.body() != null) {
                String body = fittedPushText(ruleId, "body",
                        Templates.render(push.body(), view, matched, null), ServiceLimits.PUSH_BODY_MAX);
                if (body != null) {
                    overwrite(ruleId, "push.body", !body.equals(current.body()));
                    current = current.withBody(body);
                    parts.add("body \"" + Explain.abbreviate(body) + "\"");
                }
            }
            if (push.type() != null) {
                overwrite(ruleId, "push.type", !push.type().equals(current.type()));
                current = current.withType(push.type());
                parts.add("type " + push.type());
            }
            working = working.withPush(current);
            return parts.isEmpty() ? "push notification unchanged" : "push notification " + String.join(", ", parts);
        }

        private String fittedPushText(String ruleId, String part, String text, int max) {
            if (text.isEmpty()) {
                notes.add("rule " + ruleId + ": the push " + part + " would be empty, which the service refuses; left as it was");
                return null;
            }
            String fitted = TextLimits.cutToChars(text, max);
            if (!fitted.equals(text)) {
                notes.add("rule " + ruleId + ": the push " + part + " was cut to " + max + " characters");
            }
            return fitted;
        }

        /** Records who wrote a field; a later rule changing what an earlier rule wrote gets a note. */
        private void overwrite(String ruleId, String field, boolean changesValue) {
            String previous = writtenBy.put(field, ruleId);
            if (changesValue && previous != null && !previous.equals(ruleId)) {
                notes.add("rule " + ruleId + " replaced the " + field + " set by rule " + previous + " (later rules win)");
            }
        }
    }
}
