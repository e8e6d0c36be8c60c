package dev.flowrules.lambda;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for Lambda's container credentials endpoint on 127.0.0.1 (what AWS_CONTAINER_CREDENTIALS_FULL_URI
 * points at): answers a GET carrying the expected authorization token with temporary credentials, in the
 * endpoint's JSON shape, and anything else with 403.
 */
final class CredentialsEndpoint implements AutoCloseable {
    static final String TOKEN = "container-token-0123";
    static final String KEY_ID = "ASIACONTAINER";
    static final String SESSION_TOKEN = "session-from-container";

    final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile int status = 200;

    CredentialsEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/creds", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(String.valueOf(authorization));
            boolean ok = status == 200 && TOKEN.equals(authorization);
            byte[] body = (ok
                    ? "{\"AccessKeyId\":\"" + KEY_ID + "\",\"SecretAccessKey\":\"container-secret\",\"Token\":\""
                            + SESSION_TOKEN + "\",\"Expiration\":\"2099-01-01T00:00:00Z\"}"
                    : "{\"message\":\"not allowed\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(ok ? 200 : status == 200 ? 403 : status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** Answers every request with this status from now on (the endpoint refusing, e.g. 403). */
    CredentialsEndpoint refuseWith(int status) {
        this.status = status;
        return this;
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/creds";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
