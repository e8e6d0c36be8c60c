package dev.flowrules.compile;

import com.google.re2j.Pattern;
import dev.flowrules.dsl.Action;
import dev.flowrules.dsl.BotSelector;
import dev.flowrules.dsl.Condition;
import dev.flowrules.dsl.RuleDef;
import dev.flowrules.dsl.RuleFile;
import dev.flowrules.event.Message;
import dev.flowrules.dsl.Operator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The compiled rules, in evaluation order (files in the order given, rules in file order; disabled rules left
 * out). Immutable and safe to share between threads: evaluation state lives in a per-call {@link MessageView}.
 */
public final class RuleSet {
    private final List<CompiledRule> rules;
    private final int ruleCount;
    private final WordIndex words;
    private final Candidates candidates;
    private final boolean readsBotAnswers;

    private RuleSet(List<CompiledRule> rules, int ruleCount, WordIndex words, Candidates candidates, boolean readsBotAnswers) {
        this.rules = List.copyOf(rules);
        this.ruleCount = ruleCount;
        this.words = words;
        this.candidates = candidates;
        this.readsBotAnswers = readsBotAnswers;
    }

    /** Whether some rule reads a Lex bot answer's content (bot fields, bot-message, bot actions, rewrites). */
    public boolean readsBotAnswers() {
        return readsBotAnswers;
    }

    /** A view of one message for evaluating these rules: it shares this set's word index. */
    public MessageView view(Message message) {
        return new MessageView(message, words);
    }

    /**
     * The positions, in order, of the rules that may match: those whose necessary test (an exact value or a
     * word list on some field) the message passes, plus the rules that have no such test. Found by hash
     * lookups on the message's values, so a message's cost follows what it contains, not the number of rules.
     */
    public int[] candidates(MessageView view) {
        return candidates.select(view);
    }

    /** Compiles rules that loaded without errors; word lists shared by several tests are indexed once. */
    public static RuleSet compile(List<RuleFile> files) {
        Compiler compiler = new Compiler();
        List<CompiledRule> compiled = new ArrayList<>();
        Candidates.Builder candidates = new Candidates.Builder();
        int count = 0;
        for (RuleFile file : files) {
            for (RuleDef rule : file.rules()) {
                count++;
                if (rule.enabled()) {
                    candidates.add(compiled.size(), rule.when(), compiler);
                    compiled.add(compiler.rule(rule));
                }
            }
        }
        return new RuleSet(compiled, count, compiler.words, candidates.build(), compiler.readsBotAnswers);
    }

    public List<CompiledRule> rules() {
        return rules;
    }

    /** All rules written, enabled or not. */
    public int ruleCount() {
        return ruleCount;
    }

    static final class Compiler {
        final WordIndex words = new WordIndex();
        boolean readsBotAnswers;
        /** Rules testing the same pattern share one compiled Pattern, so a message scans for it once. */
        private final Map<String, Pattern> patterns = new HashMap<>();

        Pattern pattern(String regex, int flags) {
            return patterns.computeIfAbsent(flags + "/" + regex, k -> Pattern.compile(regex, flags));
        }

        CompiledRule rule(RuleDef rule) {
            List<CompiledAction> actions = new ArrayList<>();
            for (Action action : rule.then()) {
                actions.add(action(action));
            }
            return new CompiledRule(rule.id(), rule.description(), rule.pos(), condition(rule.when()), List.copyOf(actions));
        }

        Matcher condition(Condition condition) {
            if (condition instanceof Condition.All all) {
                return new Matcher.All(all.conditions().stream().map(this::condition).toList());
            }
            if (condition instanceof Condition.Any any) {
                return new Matcher.Any(any.conditions().stream().map(this::condition).toList());
            }
            if (condition instanceof Condition.Not not) {
                return new Matcher.Not(condition(not.condition()), "not (" + describe(not.condition()) + ")");
            }
            if (condition instanceof Condition.FieldTests tests) {
                return fieldTests(tests);
            }
            if (condition instanceof Condition.BotMessage bot) {
                readsBotAnswers = true;
                return new Matcher.BotMessage(selector(bot.selector()));
            }
            return new Matcher.Always();
        }

        private Matcher fieldTests(Condition.FieldTests tests) {
            readsBotAnswers |= tests.field().field().isBotContent();
            Boolean mustExist = null;
            List<ValueTest> valueTests = new ArrayList<>();
            for (Operator test : tests.tests()) {
                if (test instanceof Operator.Exists exists) {
                    mustExist = exists.expected(); // the loader allows one 'exists' per field
                } else {
                    valueTests.add(valueTest(test));
                }
            }
            return new Matcher.FieldTests(tests.field(), mustExist, List.copyOf(valueTests), tests.allValues());
        }

        CompiledSelector selector(BotSelector selector) {
            List<CompiledSelector.Part> parts = new ArrayList<>();
            for (BotSelector.PartTests part : selector.parts()) {
                Boolean mustExist = null;
                List<ValueTest> tests = new ArrayList<>();
                for (Operator test : part.tests()) {
                    if (test instanceof Operator.Exists exists) {
                        mustExist = exists.expected();
                    } else {
                        tests.add(valueTest(test));
                    }
                }
                parts.add(new CompiledSelector.Part(part.part(), mustExist, List.copyOf(tests)));
            }
            return new CompiledSelector(selector.index(), List.copyOf(parts), selector.describe());
        }

        ValueTest valueTest(Operator test) {
            if (test instanceof Operator.Equals t) {
                return new ValueTest.Equals(fold(t.value(), t.ignoreCase()), t.ignoreCase());
            }
            if (test instanceof Operator.OneOf t) {
                Set<String> values = new HashSet<>();
                t.values().forEach(v -> values.add(fold(v, t.ignoreCase())));
                return new ValueTest.OneOf(Set.copyOf(values), t.ignoreCase());
            }
            if (test instanceof Operator.StartsWith t) {
                return new ValueTest.StartsWith(fold(t.value(), t.ignoreCase()), t.ignoreCase());
            }
            if (test instanceof Operator.EndsWith t) {
                return new ValueTest.EndsWith(fold(t.value(), t.ignoreCase()), t.ignoreCase());
            }
            if (test instanceof Operator.Contains t) {
                return new ValueTest.Contains(fold(t.value(), t.ignoreCase()), t.ignoreCase());
            }
            if (test instanceof Operator.ContainsWord t) {
                return new ValueTest.ContainsWord(words.add(t.words()), t.source());
            }
            if (test instanceof Operator.Wildcard t) {
                return new ValueTest.Wildcard(wildcard(t.pattern(), t.ignoreCase()), t.pattern());
            }
            if (test instanceof Operator.Regex t) {
                return new ValueTest.Regex(pattern(t.pattern(), t.ignoreCase() ? Pattern.CASE_INSENSITIVE : 0));
            }
            if (test instanceof Operator.Length t) {
                return new ValueTest.Length(t.comparison(), t.length());
            }
            if (test instanceof Operator.NumberCompare t) {
                return new ValueTest.NumberCompare(t.comparison(), t.number());
            }
            throw new IllegalStateException("exists is handled by the field test, not per value");
        }

        CompiledAction action(Action action) {
            readsBotAnswers |= action instanceof Action.RewriteContent || action instanceof Action.BotReplaceMessage
                    || action instanceof Action.BotDropMessages || action instanceof Action.BotAppendMessage
                    || action instanceof Action.BotToPlainText;
            if (action instanceof Action.Deny a) {
                return new CompiledAction.Deny(a.reason(), a.pos());
            }
            if (action instanceof Action.ReplaceContent a) {
                return new CompiledAction.ReplaceContent(a.content(), a.pos());
            }
            if (action instanceof Action.RewriteContent a) {
                return new CompiledAction.RewriteContent(a.keyword(),
                        pattern(a.regex(), a.ignoreCase() ? Pattern.CASE_INSENSITIVE : 0), a.replacement(), a.pos());
            }
            if (action instanceof Action.SetMetadata a) {
                return new CompiledAction.SetMetadata(a.metadata(), a.pos());
            }
            if (action instanceof Action.SetAttributes a) {
                return new CompiledAction.SetAttributes(a.attributes(), a.pos());
            }
            if (action instanceof Action.RemoveAttributes a) {
                return new CompiledAction.RemoveAttributes(a.names(), a.pos());
            }
            if (action instanceof Action.SetPush a) {
                return new CompiledAction.SetPush(a.title(), a.body(), a.type(), a.pos());
            }
            if (action instanceof Action.SetContentType a) {
                return new CompiledAction.SetContentType(a.contentType(), a.pos());
            }
            if (action instanceof Action.BotReplaceMessage a) {
                return new CompiledAction.BotReplaceMessage(selector(a.selector()), a.text(), a.pos());
            }
            if (action instanceof Action.BotDropMessages a) {
                return new CompiledAction.BotDropMessages(selector(a.selector()), a.pos());
            }
            if (action instanceof Action.BotAppendMessage a) {
                return new CompiledAction.BotAppendMessage(a.text(), a.type(), a.pos());
            }
            if (action instanceof Action.BotToPlainText a) {
                return new CompiledAction.BotToPlainText(a.text(), a.pos());
            }
            return new CompiledAction.Stop(action.pos());
        }

        /** {@code *} is any run of characters (newlines included); everything else is literal. */
        static Pattern wildcard(String glob, boolean ignoreCase) {
            StringBuilder regex = new StringBuilder();
            int start = 0;
            for (int i = 0; i <= glob.length(); i++) {
                if (i == glob.length() || glob.charAt(i) == '*') {
                    if (i > start) {
                        regex.append(Pattern.quote(glob.substring(start, i)));
                    }
                    if (i < glob.length()) {
                        regex.append(".*");
                    }
                    start = i + 1;
                }
            }
            return Pattern.compile(regex.toString(), Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0));
        }

        private static String fold(String text, boolean ignoreCase) {
            return ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
        }

        private static String describe(Condition condition) {
            if (condition instanceof Condition.All a) {
                return "all of " + a.conditions().size() + " conditions";
            }
            if (condition instanceof Condition.Any a) {
                return "any of " + a.conditions().size() + " conditions";
            }
            if (condition instanceof Condition.Not n) {
                return "not (" + describe(n.condition()) + ")";
            }
            if (condition instanceof Condition.FieldTests t) {
                return t.field().display() + " " + String.join(" & ", t.tests().stream().map(Operator::keyword).toList());
            }
            if (condition instanceof Condition.BotMessage b) {
                return b.selector().describe();
            }
            return "always";
        }
    }
}
