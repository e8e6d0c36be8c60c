package dev.flowrules.maven;

import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.RuleLoader;
import dev.flowrules.dsl.RuleTestParser;
import dev.flowrules.dsl.SourcePos;
import dev.flowrules.ruletest.RuleTests;
import dev.flowrules.ruletest.Summary;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks rule files during the build: {@code mvn flowrules:validate}, bound to the {@code validate} phase so
 * that {@code mvn verify} fails on a bad rule file. Runs the rule tests beside the rules too. Problems are
 * logged as {@code /absolute/path:line:column: error: ...} lines, which IDEs link to, like the compiler's.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true, requiresProject = true)
public final class ValidateMojo extends AbstractMojo {
    static final String DEFAULT_RULES = "src/main/resources/rules";

    /** Rule files or directories to check. */
    @Parameter(property = "flowrules.rules", defaultValue = "${project.basedir}/" + DEFAULT_RULES)
    private List<File> rules;

    /**
     * Glob patterns, relative to each rules directory, choosing the rule files in it (e.g. {@code **}{@code /*.rules.yaml}).
     * By default every {@code *.yaml} and {@code *.yml} but {@code *.test.yaml}.
     */
    @Parameter(property = "flowrules.includes")
    private List<String> includes;

    /** Fail the build on warnings too. */
    @Parameter(property = "flowrules.failOnWarning", defaultValue = "false")
    private boolean failOnWarning;

    /** Skip the check. */
    @Parameter(property = "flowrules.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("flowrules: validation skipped");
            return;
        }
        List<Path> inputs = new ArrayList<>();
        List<Diagnostic> refused = new ArrayList<>();
        for (File location : rules) {
            Path path = location.toPath();
            if (!Files.exists(path)) {
                if (path.endsWith(Path.of(DEFAULT_RULES)) && rules.size() == 1) {
                    getLog().info("flowrules: no rules at " + path + "; nothing to check");
                    return;
                }
                throw new MojoFailureException("flowrules: " + path + " does not exist; check the 'rules' parameter");
            }
            inputs.addAll(select(path, refused));
        }
        LoadResult result = RuleTests.validate(inputs).with(refused);
        for (Diagnostic diagnostic : result.diagnostics()) {
            String line = absolute(diagnostic).format();
            if (diagnostic.isError()) {
                getLog().error(line);
            } else {
                getLog().warn(line);
            }
        }
        long errors = result.diagnostics().stream().filter(Diagnostic::isError).count();
        long warnings = result.diagnostics().size() - errors;
        long files = result.diagnostics().stream().map(d -> d.pos().file()).distinct().count();
        if (errors > 0 || (failOnWarning && warnings > 0)) {
            throw new MojoFailureException("flowrules: " + Summary.problems(errors, warnings, files));
        }
        int ruleCount = result.files().stream().mapToInt(f -> f.rules().size()).sum();
        getLog().info("flowrules: " + ruleCount + " rule(s) in " + result.files().size() + " file(s) are valid"
                + (warnings > 0 ? " (" + Summary.count(warnings, "warning") + ")" : ""));
    }

    /**
     * A directory with includes becomes the files they choose (plus the test files beside them). The walk is the
     * loader's: a chosen file, or a directory, that is a link to a place outside the directory is not read and
     * gets the loader's FR016 error in {@code refused}.
     */
    private List<Path> select(Path location, List<Diagnostic> refused) throws MojoFailureException {
        if (!Files.isDirectory(location) || includes == null || includes.isEmpty()) {
            return List.of(location);
        }
        // As in Maven's own includes, a leading **/ also matches files directly in the directory.
        List<PathMatcher> matchers = includes.stream()
                .flatMap(glob -> glob.startsWith("**/") ? Stream.of(glob, glob.substring(3)) : Stream.of(glob))
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
        try {
            RuleLoader.Found found = RuleLoader.filesBelow(location, p -> !RuleTestParser.isTestFile(p)
                    && matchers.stream().anyMatch(m -> m.matches(location.relativize(p))));
            if (found.files().isEmpty() && found.refused().isEmpty()) {
                throw new MojoFailureException("flowrules: no file in " + location + " matches the includes " + includes);
            }
            refused.addAll(found.refused());
            return found.files();
        } catch (IOException e) {
            throw new MojoFailureException("flowrules: cannot read " + location + ": " + e.getMessage());
        }
    }

    /** Maven runs in the project directory; absolute paths are what IDEs link reliably, as with javac. */
    private static Diagnostic absolute(Diagnostic diagnostic) {
        SourcePos pos = diagnostic.pos();
        String file = Path.of(pos.file()).toAbsolutePath().normalize().toString();
        return new Diagnostic(diagnostic.code(), diagnostic.severity(), new SourcePos(file, pos.line(), pos.column()),
                diagnostic.message(), diagnostic.hint());
    }
}
