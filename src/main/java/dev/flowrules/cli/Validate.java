package dev.flowrules.cli;

import dev.flowrules.check.RuleChecker;
import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.patterns.Patterns;
import dev.flowrules.ruletest.RuleTests;
import dev.flowrules.ruletest.Summary;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** {@code flowrules validate} and {@code flowrules test}. */
final class Validate {
    private Validate() {
    }

    /** What one validate run found: every problem, and the rule tests when the rules were fit to run them. */
    record Result(int files, int rules, List<Diagnostic> diagnostics, RuleTests.Report tests) {
        long errors() {
            return diagnostics.stream().filter(Diagnostic::isError).count();
        }

        long warnings() {
            return diagnostics.size() - errors();
        }

        long filesWithProblems() {
            return diagnostics.stream().map(d -> d.pos().file()).distinct().count();
        }

        int exitCode() {
            return errors() > 0 ? Main.EXIT_RULES : Main.EXIT_OK;
        }
    }

    static Result check(List<Path> inputs) {
        return Patterns.oneLoad(() -> checkOnce(inputs)); // the rule tests compile what the loader compiled
    }

    private static Result checkOnce(List<Path> inputs) {
        LoadResult loaded = RuleChecker.validate(inputs);
        List<Diagnostic> all = new ArrayList<>(loaded.diagnostics());
        RuleTests.Report tests = null;
        if (!loaded.hasErrors()) {
            tests = RuleTests.run(inputs, loaded.files());
            all.addAll(tests.diagnostics());
            all.sort(Comparator.comparing((Diagnostic d) -> d.pos().file())
                    .thenComparingInt(d -> d.pos().line()).thenComparingInt(d -> d.pos().column()));
        }
        int rules = loaded.files().stream().mapToInt(f -> f.rules().size()).sum();
        return new Result(loaded.files().size(), rules, all, tests);
    }

    static int validate(List<String> arguments, PrintStream out) {
        Args args = Args.parse(arguments, Set.of("--format"), Set.of());
        String format = args.one("--format") == null ? "text" : args.one("--format");
        if (!Set.of("text", "json", "sarif").contains(format)) {
            throw new Args.UsageException("--format is text, json or sarif, not '" + format + "'");
        }
        if (args.positional().isEmpty()) {
            throw new Args.UsageException("validate needs at least one rule file or directory");
        }
        Result result = check(Args.existing(args.positional()));
        switch (format) {
            case "json" -> out.println(Reports.json(result));
            case "sarif" -> out.println(Reports.sarif(result));
            default -> text(result, out);
        }
        return result.exitCode();
    }

    private static void text(Result result, PrintStream out) {
        Main.printDiagnostics(result.diagnostics(), out);
        out.println(testLine(result.tests()));
        if (result.errors() > 0) {
            out.println(Summary.problems(result.errors(), result.warnings(), result.filesWithProblems()));
        } else {
            out.println("ok: " + Summary.count(result.rules(), "rule") + " in " + Summary.count(result.files(), "file")
                    + (result.warnings() > 0 ? ", " + Summary.count(result.warnings(), "warning") : ""));
        }
    }

    static String testLine(RuleTests.Report tests) {
        if (tests == null) {
            return "rule tests: not run, the rules have errors";
        }
        int ran = tests.passed() + tests.failed();
        return "rule tests: " + ran + " ran, " + tests.passed() + " passed"
                + (tests.failed() > 0 ? ", " + tests.failed() + " failed" : "");
    }

    static int test(List<String> arguments, PrintStream out) {
        Args args = Args.parse(arguments, Set.of(), Set.of());
        if (args.positional().isEmpty()) {
            throw new Args.UsageException("test needs at least one rule file or directory");
        }
        List<Path> inputs = Args.existing(args.positional());
        return Patterns.oneLoad(() -> runTests(inputs, out));
    }

    private static int runTests(List<Path> inputs, PrintStream out) {
        LoadResult loaded = RuleChecker.validate(inputs);
        if (loaded.hasErrors()) {
            Main.printDiagnostics(loaded.errors(), out);
            out.println("the rules have errors; no test was run");
            out.println("0 passed, 0 failed");
            return Main.EXIT_RULES;
        }
        RuleTests.Report report = RuleTests.run(inputs, loaded.files());
        Main.printDiagnostics(report.diagnostics(), out);
        out.println(RuleTests.summary(report));
        return report.failed() == 0 ? Main.EXIT_OK : Main.EXIT_RULES;
    }
}
