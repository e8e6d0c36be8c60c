package dev.flowrules.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handler as a SnapStart function runs: no key variables, only Lambda's container credentials
 * (AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_AUTHORIZATION_TOKEN), here pointing at a loopback
 * stand-in of the credentials endpoint. A fresh JVM per test, so the SDK reads a real process environment.
 */
class ContainerCredentialsTest extends WithFakeChime {
    @TempDir
    Path scratch;

    HandlerProcess handler(CredentialsEndpoint credentials) {
        return new HandlerProcess(scratch)
                .set("AWS_REGION", "eu-west-1")
                .set("AWS_ENDPOINT_URL", chime.endpoint().toString())
                .set("AWS_CONTAINER_CREDENTIALS_FULL_URI", credentials.uri())
                .set("AWS_CONTAINER_AUTHORIZATION_TOKEN", CredentialsEndpoint.TOKEN)
                .set("FLOWRULES_RULES", "rules-examples");
    }

    @Test
    void containerCredentialsSignTheCallback() throws Exception {
        try (CredentialsEndpoint credentials = new CredentialsEndpoint()) {
            HandlerProcess.Run run = handler(credentials).run("rules-examples/events/moderation-banned-word.json");
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("\"status\":\"DELIVERED\"").contains("\"outcome\":\"DENY\"")
                    .as("no SLF4J warnings at cold start").doesNotContain("SLF4J");
            assertThat(credentials.authorizations).isNotEmpty().containsOnly(CredentialsEndpoint.TOKEN);
            assertThat(chime.requests).singleElement().satisfies(request -> {
                assertThat(request.headers().get("Authorization")).singleElement().asString()
                        .startsWith("AWS4-HMAC-SHA256 Credential=" + CredentialsEndpoint.KEY_ID + "/")
                        .contains("/eu-west-1/chime/aws4_request");
                assertThat(request.headers().get("X-amz-security-token")).containsExactly(CredentialsEndpoint.SESSION_TOKEN);
            });
        }
    }

    @Test
    void missingCredentialsAreNotRetriedAndTheHintNamesTheExecutionRole() throws Exception {
        try (CredentialsEndpoint credentials = new CredentialsEndpoint().refuseWith(403)) {
            HandlerProcess.Run run = handler(credentials).run("rules-examples/events/moderation-banned-word.json");
            assertThat(chime.requests).as("nothing unsigned reaches the service").isEmpty();
            assertThat(run.exitCode()).as("the invocation fails, so that Lambda retries it").isNotZero();
            assertThat(run.output()).contains("\"error\":\"CredentialsUnavailable\"").contains("\"attempts\":0")
                    .contains("CallbackFailedException")
                    .contains("credentials").contains("execution role");
        }
    }
}
