package dev.flowrules.ruletest;

import dev.flowrules.check.RuleChecker;
import dev.flowrules.compile.RuleSet;
import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.dsl.DiagnosticCode;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.RuleFile;
import dev.flowrules.dsl.RuleLoader;
import dev.flowrules.dsl.RuleTestCase;
import dev.flowrules.dsl.RuleTestParser;
import dev.flowrules.eval.Decision;
import dev.flowrules.eval.Evaluator;
import dev.flowrules.eval.RuleMatch;
import dev.flowrules.event.Message;
import dev.flowrules.patterns.Patterns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the examples of {@code *.test.yaml} files against the rules being checked, all of them together, as
 * they run in production. A failing example is reported at its own line with expected against actual.
 * Stateless and thread-safe.
 */
public final class RuleTests {
    private RuleTests() {
    }

    /**
     * How many examples passed and failed, and a diagnostic at each failing one (and each unreadable file).
     *
     * @param passed examples whose expectations held
     * @param failed examples with at least one expectation that did not hold
     * @param diagnostics errors at the failing examples and at test files that could not be read
     */
    public record Report(int passed, int failed, List<Diagnostic> diagnostics) {
    }

    /**
     * Loads and checks the rules ({@link RuleChecker#validate}) and, when they have no errors, runs the rule
     * tests beside them: every diagnostic, sorted by position. What the Maven goal reports.
     *
     * @param inputs rule files and directories
     * @return the loaded files and every diagnostic of the rules and their tests
     */
    public static LoadResult validate(List<Path> inputs) {
        return Patterns.oneLoad(() -> {
            LoadResult checked = RuleChecker.validate(inputs);
            return checked.hasErrors() ? checked : checked.with(run(inputs, checked.files()).diagnostics());
        });
    }

    /**
     * Test files for the inputs: every one below a directory, and for a rule file its sibling.
     *
     * @param inputs rule files and directories
     * @return existing test files, each once; an unreadable directory adds none (the loader reports it)
     */
    public static List<Path> testFiles(List<Path> inputs) {
        List<Path> found = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try {
                    // links leading outside the directory are left out here and reported by the loader
                    found.addAll(RuleLoader.filesBelow(input, RuleTestParser::isTestFile).files());
                } catch (IOException e) {
                    // The loader reports unreadable directories; nothing more to say here.
                }
            } else if (RuleTestParser.isTestFile(input)) {
                found.add(input);
            } else {
                Path sibling = RuleTestParser.testFileFor(input);
                if (Files.isRegularFile(sibling)) {
                    found.add(sibling);
                }
            }
        }
        return found.stream().distinct().toList();
    }

    /**
     * Runs every example of the inputs' test files against {@code files} compiled together, as in production.
     *
     * @param inputs where to look for test files, as for {@link #testFiles}
     * @param files the loaded rules, without errors
     * @return counts and a diagnostic per failing example
     */
    public static Report run(List<Path> inputs, List<RuleFile> files) {
        RuleSet rules = RuleSet.compile(files);
        int passed = 0;
        int failed = 0;
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Path testFile : testFiles(inputs)) {
            RuleTestParser.Result parsed = RuleTestParser.parse(testFile);
            diagnostics.addAll(parsed.diagnostics());
            failed += (int) parsed.diagnostics().stream().filter(Diagnostic::isError).count();
            for (RuleTestCase testCase : parsed.cases()) {
                Decision decision = Evaluator.evaluate(rules, testCase.message());
                List<String> differences = compare(testCase.expect(), decision);
                if (differences.isEmpty()) {
                    passed++;
                } else {
                    failed++;
                    differences.addAll(whatRulesDid(decision));
                    diagnostics.add(Diagnostic.error(DiagnosticCode.FR029, testCase.pos(),
                            "rule test '" + testCase.name() + "' failed",
                            String.join("\n        ", differences)));
                }
            }
        }
        return new Report(passed, failed, diagnostics);
    }

    static List<String> compare(RuleTestCase.Expectation expect, Decision decision) {
        List<String> differences = new ArrayList<>();
        Message actual = decision.result();
        check(differences, "outcome", expect.outcome(), decision.outcome().name());
        if (expect.rules() != null && !expect.rules().equals(decision.matchedRuleIds())) {
            differences.add("expected rules " + expect.rules() + ", matched " + decision.matchedRuleIds());
        }
        check(differences, "content", expect.content(), actual.content());
        check(differences, "content type", expect.contentType(), actual.contentType());
        check(differences, "metadata", expect.metadata(), actual.metadata());
        check(differences, "push title", expect.pushTitle(), actual.push().title());
        check(differences, "push body", expect.pushBody(), actual.push().body());
        check(differences, "push type", expect.pushType(), actual.push().type());
        if (expect.attributes() != null) {
            for (Map.Entry<String, List<String>> entry : expect.attributes().entrySet()) {
                List<String> values = actual.attributes().get(entry.getKey());
                List<String> shown = values == null ? List.of() : values;
                if (!entry.getValue().equals(shown)) {
                    differences.add("attribute " + entry.getKey() + ": expected "
                            + (entry.getValue().isEmpty() ? "absent" : entry.getValue()) + ", actual "
                            + (values == null ? "absent" : values));
                }
            }
        }
        return differences;
    }

    /** Beside expected and actual, each matched rule and what it changed: where to look to fix the test or the rule. */
    static List<String> whatRulesDid(Decision decision) {
        if (decision.matches().isEmpty()) {
            return List.of("no rule matched");
        }
        List<String> lines = new ArrayList<>();
        for (RuleMatch match : decision.matches()) {
            List<String> changes = match.effects().stream().filter(Objects::nonNull).toList();
            lines.add("rule " + match.ruleId() + " (" + match.pos().file() + ":" + match.pos().line() + ") matched"
                    + (changes.isEmpty() ? ", changed nothing" : ": " + String.join("; ", changes)));
        }
        return lines;
    }

    private static void check(List<String> differences, String what, String expected, String actual) {
        if (expected != null && !Objects.equals(expected, actual)) {
            differences.add(what + ": expected " + quote(expected) + ", actual " + quote(actual));
        }
    }

    private static String quote(String text) {
        return text == null ? "(absent)" : "\"" + text + "\"";
    }

    /**
     * The report in the words of the CLI's last line.
     *
     * @param report a run's report
     * @return e.g. {@code "3 passed, 1 failed"}
     */
    public static String summary(Report report) {
        return report.passed() + " passed, " + report.failed() + " failed";
    }
}
