package dev.flowrules.lambda;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;

/**
 * A stand-in for the Chime SDK messaging endpoint on 127.0.0.1: records every request as it arrived on the
 * wire and answers with queued responses (success by default).
 */
final class FakeChime implements AutoCloseable {
    record Request(String method, String rawPath, String query, Map<String, List<String>> headers, String body) {
    }

    record Response(int status, String errorType, String body) {
    }

    static final Map<String, Integer> ERROR_STATUS = Map.of(
            "BadRequestException", 400, "UnauthorizedClientException", 401, "ForbiddenException", 403,
            "ConflictException", 409, "ThrottledClientException", 429, "ServiceFailureException", 500,
            "ServiceUnavailableException", 503);

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Response> responses = new ArrayDeque<>();
    private final HttpServer server;

    FakeChime() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
            Response response;
            synchronized (responses) {
                response = responses.isEmpty() ? null : responses.poll();
            }
            byte[] out;
            int status;
            if (response == null) {
                status = 200;
                out = "{\"ChannelArn\":\"arn\",\"CallbackId\":\"id\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                status = response.status();
                out = response.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("x-amzn-ErrorType", response.errorType());
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    /** Queues an error answer in the service's JSON error shape. */
    FakeChime failWith(String errorType, int times) {
        synchronized (responses) {
            for (int i = 0; i < times; i++) {
                responses.add(new Response(ERROR_STATUS.get(errorType), errorType,
                        "{\"Code\":\"" + errorType.replace("Exception", "") + "\",\"Message\":\"simulated " + errorType + "\"}"));
            }
        }
        return this;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The real SDK client, as the handler builds it but pointed at this server. */
    ChimeSdkMessagingClient client() {
        return ChimeSdkMessagingClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
