package dev.flowrules.compile;

import com.google.re2j.Pattern;
import dev.flowrules.dsl.Action;
import dev.flowrules.dsl.BotSelector;
import dev.flowrules.dsl.Condition;
import dev.flowrules.dsl.Field;
import dev.flowrules.dsl.RuleDef;
import dev.flowrules.dsl.RuleFile;
import dev.flowrules.dsl.Template;
import dev.flowrules.event.Message;
import dev.flowrules.patterns.Patterns;
import dev.flowrules.dsl.Operator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The compiled rules, in evaluation order (files in the order given, rules in file order; disabled rules left
 * out). Immutable and safe to share between threads: evaluation state lives in a per-call {@link MessageView}.
 * <p>Internal: not exported by the module.
 */
public final class RuleSet {
    private final List<CompiledRule> rules;
    private final int ruleCount;
    private final WordIndex words;
    private final Candidates candidates;
    private final boolean readsBotAnswers;
    private final boolean readsMetadataKeys;

    private RuleSet(List<CompiledRule> rules, int ruleCount, WordIndex words, Candidates candidates, boolean readsBotAnswers,
            boolean readsMetadataKeys) {
        this.rules = List.copyOf(rules);
        this.ruleCount = ruleCount;
        this.words = words;
        this.candidates = candidates;
        this.readsBotAnswers = readsBotAnswers;
        this.readsMetadataKeys = readsMetadataKeys;
    }

    /**
     * Whether some enabled rule tests a {@code metadata.KEY} field or inserts one in a template.
     *
     * @return true when evaluation may read the metadata as JSON
     */
    public boolean readsMetadataKeys() {
        return readsMetadataKeys;
    }

    /**
     * Whether some rule reads a Lex bot answer's content (bot fields and their attribute aliases, bot-message, bot
     * actions, rewrites).
     */
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
        return new RuleSet(compiled, count, compiler.words, candidates.build(), compiler.readsBotAnswers,
                compiler.readsMetadataKeys);
    }

    public List<CompiledRule> rules() {
        return rules;
    }

    /** All rules written, enabled or not. */
    public int ruleCount() {
        return ruleCount;
    }

    /**
     * Turns the rule model into matchers, value tests and compiled actions. One visit method per kind of
     * condition, test and action: a kind added to the model does not compile until it is handled here.
     */
    static final class Compiler implements Condition.Visitor<Matcher>, Operator.Visitor<ValueTest>,
            Action.Visitor<CompiledAction> {
        final WordIndex words = new WordIndex();
        boolean readsBotAnswers;
        boolean readsMetadataKeys;
        /**
         * The load's patterns: those the loader compiled to validate them are taken as they are. Rules testing the
         * same pattern share one compiled Pattern, so a message scans for it once.
         */
        private final Patterns patterns = Patterns.current();

        Pattern pattern(String regex, int flags) {
            return patterns.compile(regex, flags);
        }

        CompiledRule rule(RuleDef rule) {
            List<CompiledAction> actions = new ArrayList<>();
            for (Action action : rule.then()) {
                actions.add(action.accept(this));
                readsMetadataKeys |= action.templates().stream().flatMap(t -> t.parts().stream())
                        .anyMatch(p -> p instanceof Template.Insert i && i.field().field() == Field.METADATA_KEY);
            }
            return new CompiledRule(rule.id(), rule.description(), rule.pos(), condition(rule.when()), List.copyOf(actions));
        }

        Matcher condition(Condition condition) {
            return condition.accept(this);
        }

        // ---- conditions ----

        @Override
        public Matcher visitAll(Condition.All all) {
            return new Matcher.All(all.conditions().stream().map(this::condition).toList());
        }

        @Override
        public Matcher visitAny(Condition.Any any) {
            return new Matcher.Any(any.conditions().stream().map(this::condition).toList());
        }

        @Override
        public Matcher visitNot(Condition.Not not) {
            return new Matcher.Not(condition(not.condition()), not.describe());
        }

        @Override
        public Matcher visitBotMessage(Condition.BotMessage bot) {
            readsBotAnswers = true;
            return new Matcher.BotMessage(selector(bot.selector()));
        }

        @Override
        public Matcher visitAlways(Condition.Always always) {
            return new Matcher.Always();
        }

        @Override
        public Matcher visitFieldTests(Condition.FieldTests tests) {
            readsBotAnswers |= tests.field().field().isBotContent() || tests.field().field().attributeAlias() != null;
            readsMetadataKeys |= tests.field().field() == Field.METADATA_KEY;
            Tests compiled = tests(tests.tests());
            return new Matcher.FieldTests(tests.field(), compiled.mustExist(), compiled.values(), tests.allValues());
        }

        CompiledSelector selector(BotSelector selector) {
            List<CompiledSelector.Part> parts = new ArrayList<>();
            for (BotSelector.PartTests part : selector.parts()) {
                Tests compiled = tests(part.tests());
                parts.add(new CompiledSelector.Part(part.part(), compiled.mustExist(), compiled.values()));
            }
            return new CompiledSelector(selector.index(), List.copyOf(parts), selector.describe());
        }

        /** {@code mustExist} null when no exists test was written (the loader allows one per field). */
        private record Tests(Boolean mustExist, List<ValueTest> values) {
        }

        private Tests tests(List<Operator> tests) {
            Boolean mustExist = null;
            List<ValueTest> values = new ArrayList<>();
            for (Operator test : tests) {
                if (test instanceof Operator.Exists exists) {
                    mustExist = exists.expected(); // a test on presence, not on a value
                } else {
                    values.add(test.accept(this));
                }
            }
            return new Tests(mustExist, List.copyOf(values));
        }

        // ---- tests on one value ----

        @Override
        public ValueTest visitEquals(Operator.Equals t) {
            return new ValueTest.Equals(ValueTest.fold(t.value(), t.ignoreCase()), t.ignoreCase());
        }

        @Override
        public ValueTest visitOneOf(Operator.OneOf t) {
            Set<String> values = new HashSet<>();
            t.values().forEach(v -> values.add(ValueTest.fold(v, t.ignoreCase())));
            return new ValueTest.OneOf(Set.copyOf(values), t.ignoreCase());
        }

        @Override
        public ValueTest visitStartsWith(Operator.StartsWith t) {
            return new ValueTest.StartsWith(ValueTest.fold(t.value(), t.ignoreCase()), t.ignoreCase());
        }

        @Override
        public ValueTest visitEndsWith(Operator.EndsWith t) {
            return new ValueTest.EndsWith(ValueTest.fold(t.value(), t.ignoreCase()), t.ignoreCase());
        }

        @Override
        public ValueTest visitContains(Operator.Contains t) {
            return new ValueTest.Contains(ValueTest.fold(t.value(), t.ignoreCase()), t.ignoreCase());
        }

        @Override
        public ValueTest visitContainsWord(Operator.ContainsWord t) {
            String source = t.evasions().isEmpty() ? t.source()
                    : t.source() + ", evasions: " + dev.flowrules.text.Evasion.describe(t.evasions());
            return new ValueTest.ContainsWord(words.add(t.words(), t.evasions()), source);
        }

        @Override
        public ValueTest visitDomains(Operator.Domains t) {
            return new ValueTest.Domains(Set.copyOf(t.domains()), t.outside());
        }

        @Override
        public ValueTest visitWildcard(Operator.Wildcard t) {
            return new ValueTest.Wildcard(pattern(wildcard(t.pattern()), Pattern.DOTALL | (t.ignoreCase() ? Pattern.CASE_INSENSITIVE : 0)),
                    t.pattern());
        }

        @Override
        public ValueTest visitRegex(Operator.Regex t) {
            return new ValueTest.Regex(pattern(t.pattern(), t.ignoreCase() ? Pattern.CASE_INSENSITIVE : 0));
        }

        @Override
        public ValueTest visitLength(Operator.Length t) {
            return new ValueTest.Length(t.comparison(), t.length());
        }

        @Override
        public ValueTest visitNumberCompare(Operator.NumberCompare t) {
            return new ValueTest.NumberCompare(t.comparison(), t.number());
        }

        @Override
        public ValueTest visitExists(Operator.Exists t) {
            throw new IllegalStateException("'exists' tests presence and is compiled with its field, not per value");
        }

        // ---- actions ----

        @Override
        public CompiledAction visitDeny(Action.Deny a) {
            return new CompiledAction.Deny(a.reason(), a.pos());
        }

        @Override
        public CompiledAction visitReplaceContent(Action.ReplaceContent a) {
            return new CompiledAction.ReplaceContent(a.content(), a.pos());
        }

        @Override
        public CompiledAction visitRewriteContent(Action.RewriteContent a) {
            readsBotAnswers = true; // a rewrite works inside a bot answer's texts
            return new CompiledAction.RewriteContent(a.keyword(),
                    pattern(a.regex(), a.ignoreCase() ? Pattern.CASE_INSENSITIVE : 0), a.replacement(), a.pos());
        }

        @Override
        public CompiledAction visitSetMetadata(Action.SetMetadata a) {
            return new CompiledAction.SetMetadata(a.metadata(), a.pos());
        }

        @Override
        public CompiledAction visitSetMetadataKeys(Action.SetMetadataKeys a) {
            return new CompiledAction.SetMetadataKeys(a.keys(), a.pos());
        }

        @Override
        public CompiledAction visitSetAttributes(Action.SetAttributes a) {
            return new CompiledAction.SetAttributes(a.attributes(), a.pos());
        }

        @Override
        public CompiledAction visitRemoveAttributes(Action.RemoveAttributes a) {
            return new CompiledAction.RemoveAttributes(a.names(), a.pos());
        }

        @Override
        public CompiledAction visitSetPush(Action.SetPush a) {
            return new CompiledAction.SetPush(a.title(), a.body(), a.type(), a.pos());
        }

        @Override
        public CompiledAction visitSetContentType(Action.SetContentType a) {
            return new CompiledAction.SetContentType(a.contentType(), a.pos());
        }

        @Override
        public CompiledAction visitBotReplaceAnswer(Action.BotReplaceAnswer a) {
            readsBotAnswers = true;
            return new CompiledAction.BotReplaceAnswer(a.text(), a.pos());
        }

        @Override
        public CompiledAction visitBotReplaceMessage(Action.BotReplaceMessage a) {
            readsBotAnswers = true;
            return new CompiledAction.BotReplaceMessage(selector(a.selector()), a.text(), a.pos());
        }

        @Override
        public CompiledAction visitBotDropMessages(Action.BotDropMessages a) {
            readsBotAnswers = true;
            return new CompiledAction.BotDropMessages(selector(a.selector()), a.pos());
        }

        @Override
        public CompiledAction visitBotAppendMessage(Action.BotAppendMessage a) {
            readsBotAnswers = true;
            return new CompiledAction.BotAppendMessage(a.text(), a.type(), a.pos());
        }

        @Override
        public CompiledAction visitBotToPlainText(Action.BotToPlainText a) {
            readsBotAnswers = true;
            return new CompiledAction.BotToPlainText(a.text(), a.pos());
        }

        @Override
        public CompiledAction visitStop(Action.Stop a) {
            return new CompiledAction.Stop(a.pos());
        }

        /** {@code *} is any run of characters (newlines included, with DOTALL); everything else is literal. */
        static String wildcard(String glob) {
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
            return regex.toString();
        }
    }
}
