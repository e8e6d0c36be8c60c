package dev.flowrules.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The deployment template (src/deploy/template.yaml) linted by cfn-lint, as an operator would before deploying.
 * cfn-lint 1.51 predates AWS::Chime::ChannelFlow, so it gets that type's resource schema
 * (src/deploy/schemas) through --registry-schemas rather than having E3006 ignored. Skipped, saying why,
 * where cfn-lint is not installed (CI machines need not have it).
 */
class DeploymentTemplateTest {
    static final Path TEMPLATE = Path.of("src/deploy/template.yaml");
    static final Path SCHEMAS = Path.of("src/deploy/schemas");

    record Lint(int exitCode, String output) {
    }

    static Lint cfnLint(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("cfn-lint"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            assumeTrue(false, "cfn-lint is not on the PATH (pip install cfn-lint==1.51.0); the template was not linted");
            throw notInstalled;
        }
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("cfn-lint ends").isTrue();
        return new Lint(process.exitValue(), output);
    }

    @Test
    void theTemplatePassesCfnLint() throws Exception {
        Lint lint = cfnLint("--registry-schemas", SCHEMAS.toString(), "--", TEMPLATE.toString());
        assertThat(lint.output()).isEmpty();
        assertThat(lint.exitCode()).isZero();
    }

    /** The schema is what makes the channel flow known: without it, cfn-lint 1.51 reports the type. */
    @Test
    void withoutTheSchemaCfnLintDoesNotKnowTheChannelFlow() throws Exception {
        Lint lint = cfnLint("--", TEMPLATE.toString());
        assertThat(lint.output()).contains("E3006").contains("AWS::Chime::ChannelFlow");
        assertThat(lint.output().lines().filter(line -> line.matches("^[EW]\\d{4} .*")))
                .as("nothing but the unknown type").allMatch(line -> line.startsWith("E3006"));
    }

    /** What an operator relies on is in the template, not only in the docs. */
    @Test
    void theTemplateSaysWhatDocsLambdaMdSays() throws IOException {
        String template = Files.readString(TEMPLATE);
        assertThat(template).contains("Runtime: java21").doesNotContain("java17")
                .contains("ApplyOn: PublishedVersions")
                .contains("Handler: dev.flowrules.lambda.ChannelFlowHandler::handleRequest")
                .contains("Action: chime:ChannelFlowCallback")
                .contains("Principal: messaging.chime.amazonaws.com")
                .contains("SourceArn: !Ref AppInstanceArn")
                .contains("MaximumRetryAttempts: 2").contains("MaximumEventAgeInSeconds: 3600")
                .contains("Type: SQS")
                .contains("Type: AWS::Chime::ChannelFlow").contains("InvocationType: ASYNC");
    }
}
