package dev.flowrules.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClientBuilder;

/**
 * Configures a Chime SDK messaging client for {@link ChannelFlowProcessor}: the retry strategy of a
 * {@link RetryPolicy}, and an interceptor that counts attempts and takes any 2xx answer as delivered.
 * The handler builds its client with it; an embedder building their own client should too.
 */
public final class CallbackClient {
    /** Per-call record of what happened on the wire; the processor puts a fresh one on each request. */
    static final ExecutionAttribute<Wire> WIRE = new ExecutionAttribute<>("flowrules.wire");

    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);
    private static final int MAX_BODY = 64 * 1024;

    private CallbackClient() {
    }

    /**
     * Prepares an embedder's own client builder for {@link ChannelFlowProcessor}: sets the retry strategy and adds
     * the interceptor that counts attempts and reads the service's answer.
     *
     * @param builder the client builder, with region, credentials and HTTP client already chosen
     * @param retry the same policy given to the processor
     * @return the same builder
     */
    public static ChimeSdkMessagingClientBuilder configure(ChimeSdkMessagingClientBuilder builder, RetryPolicy retry) {
        builder.overrideConfiguration(c -> c.retryStrategy(retry.strategy()).addExecutionInterceptor(new Interceptor()));
        return builder;
    }

    /** What one call saw: attempts sent, the last HTTP status, whether a 2xx body could not be read. */
    static final class Wire {
        final AtomicInteger attempts = new AtomicInteger();
        volatile int lastStatus;
        volatile boolean unreadableSuccessBody;
    }

    private static final class Interceptor implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            Wire wire = attributes.getAttribute(WIRE);
            if (wire != null) {
                wire.attempts.incrementAndGet();
            }
        }

        @Override
        public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                              ExecutionAttributes attributes) {
            int status = context.httpResponse().statusCode();
            Wire wire = attributes.getAttribute(WIRE);
            if (wire != null) {
                wire.lastStatus = status;
            }
            if (status < 200 || status > 299) {
                return context.responseBody();
            }
            // A 2xx means the callback landed. The processor reads nothing from the answer, but the SDK would
            // fail on a body it cannot parse and its retry conditions retry such a failure (its cause is an
            // IOException): the retry of a landed callback then gets a 409. So an unreadable 2xx body is
            // replaced by an empty object, and the call counts as delivered.
            byte[] body;
            try (InputStream in = context.responseBody().orElseGet(() -> new ByteArrayInputStream(new byte[0]))) {
                body = in.readNBytes(MAX_BODY);
            } catch (IOException e) {
                body = null;
            }
            if (body != null && body.length == 0) {
                return Optional.of(new ByteArrayInputStream(EMPTY_OBJECT));
            }
            if (body != null && readable(body)) {
                return Optional.of(new ByteArrayInputStream(body));
            }
            if (wire != null) {
                wire.unreadableSuccessBody = true;
            }
            return Optional.of(new ByteArrayInputStream(EMPTY_OBJECT));
        }

        private static boolean readable(byte[] body) {
            if (body.length >= MAX_BODY) {
                return false;
            }
            try (JsonParser parser = JSON.createParser(body)) {
                if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                    return false;
                }
                parser.skipChildren();
                return parser.nextToken() == null;
            } catch (IOException | UncheckedIOException e) {
                return false;
            }
        }
    }
}
