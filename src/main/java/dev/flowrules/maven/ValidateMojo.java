package dev.flowrules.maven;

import dev.flowrules.check.RuleChecker;
import dev.flowrules.cli.Summary;
import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.dsl.LoadResult;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks rule files during the build: {@code mvn flowrules:validate}, bound to the {@code validate} phase so
 * that {@code mvn verify} fails on a bad rule file. Problems are logged as {@code file:line:column: error: ...}
 * lines that IDEs link to.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true, requiresProject = true)
public final class ValidateMojo extends AbstractMojo {

    /** Rule files or directories to check. */
    @Parameter(property = "flowrules.rules", defaultValue = "${project.basedir}/src/main/resources/rules")
    private List<File> rules;

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
        LoadResult result = RuleChecker.validate(rules.stream().map(File::toPath).toList());
        for (Diagnostic diagnostic : result.diagnostics()) {
            if (diagnostic.isError()) {
                getLog().error(diagnostic.format());
            } else {
                getLog().warn(diagnostic.format());
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
}
