package dev.flowrules.perf;

import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowCallbackRequest;

/**
 * The cold-start baseline: a fresh JVM that builds one callback request by hand with the SDK and sends it,
 * with the same client settings as the handler and no rules engine. Run by src/test/perf/coldstart.sh.
 */
public final class HandBuiltCallback {
    private HandBuiltCallback() {
    }

    public static void main(String[] args) {
        try (ChimeSdkMessagingClient client = ChimeSdkMessagingClient.builder()
                .region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            client.channelFlowCallback(ChannelFlowCallbackRequest.builder()
                    .callbackId("cb-msg-red-001-0123456789abcdef0123456789abcdef")
                    .channelArn("arn:aws:chime:us-east-1:111122223333:app-instance/8a1b2c3d-0000-4000-8000-000000000001/channel/support-7f3e")
                    .deleteResource(false)
                    .channelMessage(m -> m.messageId("msg-red-001")
                            .content("My card is *******************, mail me at j***@example.com")
                            .metadata("{\"redacted\":\"card-number\"}")
                            .contentType("text/plain"))
                    .build());
        }
    }
}
