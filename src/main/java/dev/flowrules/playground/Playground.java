package dev.flowrules.playground;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The playground's web server: the JDK's own HTTP server on 127.0.0.1 only, one random token per run in every
 * URL (a request without it is refused before anything is read), and a Host check so that a web page cannot
 * reach it through a DNS name that points at 127.0.0.1. The page and its script are resources of this package.
 * <p>Internal: not exported by the module.
 */
public final class Playground implements AutoCloseable {
    /** Requests larger than this are refused: a rule directory the playground accepts is far smaller. */
    static final int MAX_BODY_BYTES = 4 << 20;

    private static final Map<String, String> PAGES = Map.of(
            "", "index.html",
            "playground.js", "playground.js",
            "playground.css", "playground.css");

    private final HttpServer server;
    private final ExecutorService executor;
    private final String token;
    private final Api api;

    private Playground(HttpServer server, ExecutorService executor, String token, Api api) {
        this.server = server;
        this.executor = executor;
        this.token = token;
        this.api = api;
    }

    /** Starts serving the rule files of {@code dir}; {@code port} 0 picks a free port. */
    public static Playground start(Path dir, int port) throws IOException {
        Workspace workspace = new Workspace(dir);
        workspace.files(); // refuses an unfit directory now, not at the first request
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "flowrules-playground");
            thread.setDaemon(true);
            return thread;
        });
        Playground playground = new Playground(server, executor, HexFormat.of().formatHex(random), new Api(workspace));
        server.createContext("/", playground::handle);
        server.setExecutor(executor);
        server.start();
        return playground;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The page's address, token included: whoever has it can edit the rule files. */
    public String url() {
        return "http://127.0.0.1:" + port() + "/" + token + "/";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange);
        } catch (IllegalArgumentException e) {
            send(exchange, 400, "application/json", Api.error(e.getMessage()));
        } catch (RuntimeException e) {
            // The server must keep serving; the page shows the message.
            send(exchange, 500, "application/json", Api.error("internal error: " + e));
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String prefix = "/" + token + "/";
        String path = exchange.getRequestURI().getRawPath();
        if (!hasToken(path, prefix) || !hostIsLocal(exchange.getRequestHeaders().getFirst("Host"))) {
            send(exchange, 403, "text/plain", "forbidden: open the address 'flowrules serve' printed\n");
            return;
        }
        String rest = path.substring(prefix.length());
        String method = exchange.getRequestMethod();
        if (rest.startsWith("api/")) {
            if (!method.equals("POST") && !rest.equals("api/state")) {
                send(exchange, 405, "text/plain", "use POST\n");
                return;
            }
            Api.Response response = api.handle(rest.substring(4), method.equals("POST") ? body(exchange) : new byte[0]);
            send(exchange, response.status(), "application/json", response.json());
        } else if (PAGES.containsKey(rest) && method.equals("GET")) {
            sendResource(exchange, PAGES.get(rest));
        } else {
            send(exchange, 404, "text/plain", "not found\n");
        }
    }

    private static boolean hasToken(String path, String prefix) {
        if (path == null || path.length() < prefix.length()) {
            return false;
        }
        return MessageDigest.isEqual(path.substring(0, prefix.length()).getBytes(StandardCharsets.US_ASCII),
                prefix.getBytes(StandardCharsets.US_ASCII));
    }

    private boolean hostIsLocal(String host) {
        return host != null && (host.equals("127.0.0.1:" + port()) || host.equals("localhost:" + port()));
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new IllegalArgumentException("the request is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return body;
        }
    }

    private static void sendResource(HttpExchange exchange, String name) throws IOException {
        try (InputStream in = Playground.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("resource " + name + " is missing from the build"));
            }
            String type = name.endsWith(".js") ? "text/javascript" : name.endsWith(".css") ? "text/css" : "text/html";
            send(exchange, 200, type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type + "; charset=utf-8");
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer"); // the token is in the URL
        headers.set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
