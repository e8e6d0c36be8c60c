package dev.flowrules.callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowCallbackRequest;

/**
 * What the real SDK client puts on the wire for a request: the body its own marshaller wrote, captured by an
 * interceptor just before transmission, which then stops the call. Nothing is sent; the endpoint is loopback.
 */
final class SdkWire {
    private SdkWire() {
    }

    /** Stops the call once the body is captured. */
    private static final class Captured extends RuntimeException {
        Captured() {
            super("captured", null, false, false);
        }
    }

    /** The marshalled JSON body; any failure to marshal is thrown as the SDK threw it. */
    static String body(ChannelFlowCallbackRequest request) {
        AtomicReference<String> body = new AtomicReference<>();
        ExecutionInterceptor capture = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                body.set(context.requestBody().map(b -> read(b.contentStreamProvider().newStream())).orElse(""));
                throw new Captured();
            }
        };
        try (ChimeSdkMessagingClient client = ChimeSdkMessagingClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()).addExecutionInterceptor(capture))
                .build()) {
            client.channelFlowCallback(request);
        } catch (Captured expected) {
            return body.get();
        }
        throw new AssertionError("the call was not stopped before transmission");
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
