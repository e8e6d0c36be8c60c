package dev.flowrules.lambda;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;

/**
 * A stand-in for the Chime SDK messaging endpoint on 127.0.0.1: records every request as it arrived on the
 * wire and answers with queued responses (success by default). A response may come late, or never within a
 * test (a long delay); each request is served on its own thread so that a late answer does not hold the next.
 */
final class FakeChime implements AutoCloseable {
    record Request(String method, String rawPath, String query, Map<String, List<String>> headers, String body) {
    }

    /** One answer; {@code errorType} (the x-amzn-ErrorType header) may be null, as behind a proxy. */
    record Response(int status, String errorType, String contentType, String body, Duration delay) {
    }

    static final Map<String, Integer> ERROR_STATUS = Map.of(
            "BadRequestException", 400, "UnauthorizedClientException", 401, "ForbiddenException", 403,
            "ConflictException", 409, "ThrottledClientException", 429, "ServiceFailureException", 500,
            "ServiceUnavailableException", 503);

    /** Short backoffs and attempt timeouts, so that retries in tests take milliseconds. */
    static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(2), 4,
            Duration.ofSeconds(2), Duration.ofMillis(100));

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Response> responses = new ArrayDeque<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fake-chime");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpServer server;

    FakeChime() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
            Response response;
            synchronized (responses) {
                response = responses.isEmpty() ? null : responses.poll();
            }
            if (response == null) {
                response = new Response(200, null, "application/json", "{\"ChannelArn\":\"arn\",\"CallbackId\":\"id\"}",
                        Duration.ZERO);
            }
            try {
                Thread.sleep(response.delay().toMillis());
            } catch (InterruptedException e) {
                exchange.close();
                return;
            }
            byte[] out = response.body().getBytes(StandardCharsets.UTF_8);
            if (response.errorType() != null) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", response.errorType());
            }
            exchange.getResponseHeaders().add("Content-Type", response.contentType());
            try {
                exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
                exchange.getResponseBody().write(out);
            } catch (IOException e) {
                // The client gave up on this attempt (its timeout) and closed the connection.
            }
            exchange.close();
        });
        server.start();
    }

    /** Queues an error answer in the service's JSON error shape. */
    FakeChime failWith(String errorType, int times) {
        for (int i = 0; i < times; i++) {
            answer(new Response(ERROR_STATUS.get(errorType), errorType, "application/json",
                    "{\"Code\":\"" + errorType.replace("Exception", "") + "\",\"Message\":\"simulated " + errorType + "\"}",
                    Duration.ZERO));
        }
        return this;
    }

    /** Queues any answer. */
    FakeChime answer(Response response) {
        synchronized (responses) {
            responses.add(response);
        }
        return this;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The real SDK client, configured as the handler configures it, but pointed at this server. */
    ChimeSdkMessagingClient client() {
        return CallbackClient.configure(ChimeSdkMessagingClient.builder(), FAST)
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
