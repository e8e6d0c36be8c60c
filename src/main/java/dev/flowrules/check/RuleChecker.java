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
import dev.flowrules.dsl.RuleIds;
import dev.flowrules.dsl.RuleLoader;
import dev.flowrules.dsl.SourcePos;
import dev.flowrules.dsl.Template;
import dev.flowrules.patterns.Patterns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks across rules and files, after loading: what no single rule can tell about itself. Everything but
 * duplicate ids is a warning: the rules work, but probably not as their author thinks.
 */
public final class RuleChecker {
    private RuleChecker() {
    }

    /**
     * Loads and checks: every error and warning of every file, sorted by position. What {@code validate} in the
     * CLI and the Maven goal report (with the rule tests, see {@code ruletest.RuleTests}); the engine only loads.
     * Linear or n log n in the number of rules; stateless and thread-safe, like every method here.
     *
     * @param inputs rule files and directories
     * @return the loaded files and every diagnostic; it never throws for bad rule text
     */
    public static LoadResult validate(List<Path> inputs) {
        return Patterns.oneLoad(() -> {
            LoadResult loaded = RuleLoader.load(inputs);
            return loaded.with(check(loaded));
        });
    }

    /**
     * Duplicate ids (errors) and the warnings about the rules that loaded, for a tool that loaded them itself.
     *
     * @param loaded what {@link dev.flowrules.dsl.RuleLoader} returned
     * @return the diagnostics to add to the load's own
     */
    public static List<Diagnostic> check(LoadResult loaded) {
        List<Diagnostic> found = new ArrayList<>(RuleIds.duplicates(loaded.declaredIds()));
        found.addAll(check(loaded.files()));
        return found;
    }

    /**
     * The warnings about rules that loaded; duplicate ids need {@link #check(LoadResult)}.
     *
     * @param files loaded rule files; disabled rules are left out
     * @return warnings, and errors for what no single rule shows
     */
    public static List<Diagnostic> check(List<RuleFile> files) {
        List<RuleDef> rules = files.stream().flatMap(f -> f.rules().stream()).filter(RuleDef::enabled).toList();
        List<Diagnostic> found = new ArrayList<>();
        Patterns patterns = Patterns.current(); // the load's: its rewrite patterns are compiled already
        Shadowing.Result shadowing = Shadowing.check(rules);
        found.addAll(shadowing.unreachable());
        for (int i = 0; i < rules.size(); i++) {
            if (shadowing.isUnreachable(i)) {
                continue;
            }
            RuleDef rule = rules.get(i);
            found.addAll(shadowing.overwrites(i));
            regexes(rule, patterns, found);
            templates(rule, found);
            Contradictions.check(rule, found);
        }
        return found;
    }

    private static void regexes(RuleDef rule, Patterns patterns, List<Diagnostic> found) {
        forEachOperator(rule.when(), op -> {
            if (op instanceof Operator.Regex regex) {
                neverMatches(regex.pattern(), op.pos(), found);
            }
        });
        for (Action action : rule.then()) {
            if (action instanceof Action.RewriteContent rewrite) {
                neverMatches(rewrite.regex(), action.pos(), found);
                Pattern pattern = patterns.compile(rewrite.regex(), rewrite.ignoreCase() ? Pattern.CASE_INSENSITIVE : 0);
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
                "to match a literal '$' or '^' put one backslash before it: \\$ in single quotes or unquoted"
                        + " ('price\\$ 5'), \\\\$ in double quotes (\"price\\\\$ 5\")");
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
