package dev.flowrules.check;

import com.google.re2j.Pattern;
import dev.flowrules.dsl.Action;
import dev.flowrules.dsl.Condition;
import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.dsl.DiagnosticCode;
import dev.flowrules.dsl.Field;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.Operator;
import dev.flowrules.dsl.RuleDef;
import dev.flowrules.dsl.RuleFile;
import dev.flowrules.dsl.RuleLoader;
import dev.flowrules.dsl.SourcePos;
import dev.flowrules.dsl.Template;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks across rules and files, after loading: what no single rule can tell about itself. Everything but
 * duplicate ids is a warning: the rules work, but probably not as their author thinks.
 */
public final class RuleChecker {
    private RuleChecker() {
    }

    /** Loads and checks; every problem of every file, sorted by position. What the engine needs before compiling. */
    public static LoadResult validate(List<Path> inputs) {
        return validate(inputs, false);
    }

    /**
     * Loads, checks and, with {@code runTests}, runs the rule tests beside the rules when the rules have no
     * errors: what {@code validate} in the CLI and the Maven goal report.
     */
    public static LoadResult validate(List<Path> inputs, boolean runTests) {
        LoadResult loaded = RuleLoader.load(inputs);
        List<Diagnostic> all = new ArrayList<>(loaded.diagnostics());
        all.addAll(check(loaded));
        if (runTests && all.stream().noneMatch(Diagnostic::isError)) {
            all.addAll(RuleTests.run(inputs, loaded.files()).diagnostics());
        }
        all.sort(Comparator.comparing((Diagnostic d) -> d.pos().file())
                .thenComparingInt(d -> d.pos().line()).thenComparingInt(d -> d.pos().column()));
        return new LoadResult(loaded.files(), all, loaded.declaredIds());
    }

    public static List<Diagnostic> check(LoadResult loaded) {
        List<Diagnostic> found = new ArrayList<>(duplicateIds(loaded.declaredIds()));
        found.addAll(check(loaded.files()));
        return found;
    }

    /** The warnings about rules that loaded; duplicate ids need {@link #check(LoadResult)}. */
    public static List<Diagnostic> check(List<RuleFile> files) {
        List<RuleDef> rules = files.stream().flatMap(f -> f.rules().stream()).filter(RuleDef::enabled).toList();
        List<Diagnostic> found = new ArrayList<>();
        Set<RuleDef> unreachable = new LinkedHashSet<>();
        for (int later = 0; later < rules.size(); later++) {
            RuleDef rule = rules.get(later);
            for (int earlier = 0; earlier < later; earlier++) {
                RuleDef before = rules.get(earlier);
                if (endsEvaluation(before) && covers(before, rule)) {
                    found.add(Diagnostic.warning(DiagnosticCode.FR020, rule.pos(), "rule '" + rule.id()
                                    + "' can never run: rule '" + before.id() + "' (" + before.pos() + ") matches every message it matches and then "
                                    + (denies(before) ? "denies" : "stops"),
                            "move '" + rule.id() + "' above '" + before.id() + "', or narrow the condition of '" + before.id() + "'"));
                    unreachable.add(rule);
                    break;
                }
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            RuleDef rule = rules.get(i);
            if (unreachable.contains(rule)) {
                continue;
            }
            overwrites(rule, rules.subList(i + 1, rules.size()), unreachable, found);
            regexes(rule, found);
            templates(rule, found);
        }
        return found;
    }

    private static List<Diagnostic> duplicateIds(List<LoadResult.DeclaredId> ids) {
        List<Diagnostic> found = new ArrayList<>();
        Map<String, LoadResult.DeclaredId> byId = new HashMap<>();
        for (LoadResult.DeclaredId id : ids) {
            LoadResult.DeclaredId first = byId.putIfAbsent(id.id(), id);
            if (first != null) {
                found.add(Diagnostic.error(DiagnosticCode.FR008, id.pos(),
                        "duplicate rule id '" + id.id() + "' (first used at " + first.pos() + ")",
                        "rule ids must be unique across all rule files; rename one of them"));
            }
        }
        return found;
    }

    /** Whether every message {@code later} matches is also matched by {@code earlier}: same condition, or always. */
    private static boolean covers(RuleDef earlier, RuleDef later) {
        return earlier.when() instanceof Condition.Always || earlier.when().canonical().equals(later.when().canonical());
    }

    private static boolean denies(RuleDef rule) {
        return rule.then().stream().anyMatch(a -> a instanceof Action.Deny);
    }

    private static boolean endsEvaluation(RuleDef rule) {
        return rule.then().stream().anyMatch(a -> a instanceof Action.Deny || a instanceof Action.Stop);
    }

    /** A write that a later rule, running on the same messages, always replaces: per docs/rules.md later wins. */
    private static void overwrites(RuleDef rule, List<RuleDef> later, Set<RuleDef> unreachable, List<Diagnostic> found) {
        if (endsEvaluation(rule)) {
            return;
        }
        Map<String, Action> writes = writes(rule);
        for (RuleDef next : later) {
            if (unreachable.contains(next) || !covers(next, rule) || denies(next)) {
                continue;
            }
            Map<String, Action> nextWrites = writes(next);
            for (var entry : writes.entrySet()) {
                if (nextWrites.containsKey(entry.getKey())) {
                    found.add(Diagnostic.warning(DiagnosticCode.FR021, entry.getValue().pos(), "the " + entry.getKey()
                                    + " set here is always replaced by rule '" + next.id() + "' (" + next.pos()
                                    + "), which runs later on the same messages",
                            "later rules win (docs/rules.md): remove one of the two, or give them different conditions"));
                }
            }
            if (endsEvaluation(next)) {
                return;
            }
        }
    }

    private static Map<String, Action> writes(RuleDef rule) {
        Map<String, Action> writes = new LinkedHashMap<>();
        for (Action action : rule.then()) {
            action.accept(WRITES).forEach(what -> writes.put(what, action));
        }
        return writes;
    }

    /**
     * What each action sets outright, so that a later write replaces it. Rewrites and bot-answer edits work
     * on the current content and deny or stop set nothing.
     */
    private static final Action.Visitor<List<String>> WRITES = new Action.Visitor<>() {
        public List<String> visitDeny(Action.Deny action) {
            return List.of();
        }

        public List<String> visitReplaceContent(Action.ReplaceContent action) {
            return List.of("content");
        }

        public List<String> visitRewriteContent(Action.RewriteContent action) {
            return List.of();
        }

        public List<String> visitSetMetadata(Action.SetMetadata action) {
            return List.of("metadata");
        }

        public List<String> visitSetAttributes(Action.SetAttributes action) {
            return action.attributes().keySet().stream().map(name -> "attribute '" + name + "'").toList();
        }

        public List<String> visitRemoveAttributes(Action.RemoveAttributes action) {
            return List.of();
        }

        public List<String> visitSetPush(Action.SetPush push) {
            List<String> parts = new ArrayList<>();
            if (push.title() != null) {
                parts.add("push title");
            }
            if (push.body() != null) {
                parts.add("push body");
            }
            if (push.type() != null) {
                parts.add("push type");
            }
            return parts;
        }

        public List<String> visitSetContentType(Action.SetContentType action) {
            return List.of("content type");
        }

        public List<String> visitBotReplaceMessage(Action.BotReplaceMessage action) {
            return List.of();
        }

        public List<String> visitBotDropMessages(Action.BotDropMessages action) {
            return List.of();
        }

        public List<String> visitBotAppendMessage(Action.BotAppendMessage action) {
            return List.of();
        }

        public List<String> visitBotToPlainText(Action.BotToPlainText action) {
            return List.of("content");
        }

        public List<String> visitStop(Action.Stop action) {
            return List.of();
        }
    };

    private static void regexes(RuleDef rule, List<Diagnostic> found) {
        forEachOperator(rule.when(), op -> {
            if (op instanceof Operator.Regex regex) {
                neverMatches(regex.pattern(), op.pos(), found);
            }
        });
        for (Action action : rule.then()) {
            if (action instanceof Action.RewriteContent rewrite) {
                neverMatches(rewrite.regex(), action.pos(), found);
                Pattern pattern = Pattern.compile(rewrite.regex(), rewrite.ignoreCase() ? Pattern.CASE_INSENSITIVE : 0);
                if (rewrite.replacement() != null && pattern.matcher("").find()) {
                    found.add(Diagnostic.warning(DiagnosticCode.FR023, action.pos(), "the regex /" + rewrite.regex()
                                    + "/ matches empty text, so '" + rewrite.keyword() + "' inserts its text between every two characters",
                            "make the pattern require at least one character, e.g. use '+' instead of '*'"));
                }
            }
        }
    }

    /**
     * A sound subset of patterns that can never match: an anchor that demands the end of the text followed
     * by more text ({@code a$b}), or the start of the text preceded by text ({@code a^b}), outside multi-line mode.
     */
    static void neverMatches(String regex, SourcePos pos, List<Diagnostic> found) {
        if (hasMultiLineFlag(regex)) {
            return;
        }
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (inClass) {
                inClass = c != ']';
                continue;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == '$' && i + 1 < regex.length() && isLiteralStart(regex.charAt(i + 1)) && !optionalTail(regex, i)) {
                found.add(neverMatch(regex, pos, "'$' (the end of the text) is followed by more text"));
                return;
            } else if (c == '^' && i > 0 && isLiteralEnd(regex.charAt(i - 1))) {
                found.add(neverMatch(regex, pos, "'^' (the start of the text) comes after other text"));
                return;
            }
        }
    }

    private static boolean hasMultiLineFlag(String regex) {
        int at = regex.indexOf("(?");
        while (at >= 0) {
            int end = at + 2;
            while (end < regex.length() && Character.isLetter(regex.charAt(end))) {
                end++;
            }
            if (regex.substring(at + 2, end).indexOf('m') >= 0) {
                return true;
            }
            at = regex.indexOf("(?", end);
        }
        return false;
    }

    private static boolean optionalTail(String regex, int dollar) {
        return regex.indexOf('|', dollar) >= 0 || regex.indexOf(')', dollar) >= 0;
    }

    private static boolean isLiteralStart(char c) {
        return Character.isLetterOrDigit(c) || c == ' ' || c == '_';
    }

    private static boolean isLiteralEnd(char c) {
        return Character.isLetterOrDigit(c) || c == ' ' || c == '_';
    }

    private static Diagnostic neverMatch(String regex, SourcePos pos, String why) {
        return Diagnostic.warning(DiagnosticCode.FR022, pos, "the regex /" + regex + "/ can never match: " + why,
                "to match a literal '$' or '^' write '\\\\$' or '\\\\^'");
    }

    /** {@code {{attributes.X}}} is empty on messages without X; warn when the rule does not test for X. */
    private static void templates(RuleDef rule, List<Diagnostic> found) {
        Set<String> tested = new LinkedHashSet<>();
        forEachFieldTest(rule.when(), tests -> {
            if (tests.field().field() == Field.ATTRIBUTE) {
                tested.add(tests.field().attribute());
            }
        });
        for (Action action : rule.then()) {
            for (Template template : action.templates()) {
                for (Template.Part part : template.parts()) {
                    if (part instanceof Template.Insert insert && insert.field().field() == Field.ATTRIBUTE
                            && !tested.contains(insert.field().attribute())) {
                        String name = insert.field().attribute();
                        found.add(Diagnostic.warning(DiagnosticCode.FR024, action.pos(), "{{attributes." + name
                                        + "}} inserts nothing on messages without the attribute '" + name + "', and this rule does not test for it",
                                "add 'attributes: {" + name + ": {exists: true}}' to the rule's 'when', or check the attribute's name"));
                        tested.add(name);
                    }
                }
            }
        }
    }

    /** The leaves of a condition: field tests, bot-message tests and always, through all, any and not. */
    private static void forEachLeaf(Condition condition, java.util.function.Consumer<Condition> visit) {
        condition.accept(new Condition.Visitor<Void>() {
            public Void visitAll(Condition.All all) {
                all.conditions().forEach(c -> c.accept(this));
                return null;
            }

            public Void visitAny(Condition.Any any) {
                any.conditions().forEach(c -> c.accept(this));
                return null;
            }

            public Void visitNot(Condition.Not not) {
                return not.condition().accept(this);
            }

            public Void visitBotMessage(Condition.BotMessage bot) {
                visit.accept(bot);
                return null;
            }

            public Void visitAlways(Condition.Always always) {
                visit.accept(always);
                return null;
            }

            public Void visitFieldTests(Condition.FieldTests tests) {
                visit.accept(tests);
                return null;
            }
        });
    }

    private static void forEachFieldTest(Condition condition, java.util.function.Consumer<Condition.FieldTests> visit) {
        forEachLeaf(condition, leaf -> {
            if (leaf instanceof Condition.FieldTests tests) {
                visit.accept(tests);
            }
        });
    }

    private static void forEachOperator(Condition condition, java.util.function.Consumer<Operator> visit) {
        forEachLeaf(condition, leaf -> {
            if (leaf instanceof Condition.FieldTests tests) {
                tests.tests().forEach(visit);
            } else if (leaf instanceof Condition.BotMessage bot) {
                bot.selector().parts().forEach(p -> p.tests().forEach(visit));
            }
        });
    }
}
