package dev.flowrules.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The playground's server over real HTTP on 127.0.0.1: the token, the Host check, saving, and never leaving DIR. */
class PlaygroundTest {
    static final String RULE = "version: 1\nrules:\n  - id: no-passwords\n    when:\n      content: {contains-word: [password]}\n"
            + "    then:\n      - deny: no passwords\n";
    static final String BROKEN = "version: 1\nrules:\n  - id: no-passwords\n    when: {contnet: password}\n    then: [deny]\n";
    static final String TESTS = "tests:\n  - name: denied\n    message: {content: my password}\n    expect: {outcome: DENY}\n";

    @TempDir
    Path temp;
    Path dir;
    Playground playground;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws IOException {
        dir = Files.createDirectories(temp.resolve("rules"));
        Files.writeString(dir.resolve("chat.yaml"), RULE);
        Files.writeString(dir.resolve("chat.test.yaml"), TESTS);
        playground = Playground.start(dir, 0);
    }

    @AfterEach
    void stop() {
        playground.close();
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String endpoint, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(playground.url() + "api/" + endpoint)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String files(String name, String text) {
        return "{\"files\": {\"" + name + "\": \"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}}";
    }

    @Test
    void listensOnLoopbackWithARandomPortAndToken() throws Exception {
        assertThat(playground.url()).matches("http://127\\.0\\.0\\.1:\\d+/[0-9a-f]{32}/");
        try (Playground other = Playground.start(dir, 0)) {
            assertThat(other.url()).isNotEqualTo(playground.url());
        }
        HttpResponse<String> page = get(playground.url());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<textarea id=\"editor\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'self'; frame-ancestors 'none'");
        assertThat(get(playground.url() + "playground.js").statusCode()).isEqualTo(200);
    }

    @Test
    void requestsWithoutTheTokenAreRefused() throws Exception {
        String root = "http://127.0.0.1:" + playground.port() + "/";
        String token = playground.url().substring(root.length(), playground.url().length() - 1);
        String wrong = (token.charAt(0) == 'a' ? "b" : "a") + token.substring(1);
        for (String url : List.of(root, root + "api/state", root + wrong + "/", root + wrong + "/api/state", root + token)) {
            HttpResponse<String> response = get(url);
            assertThat(response.statusCode()).as(url).isEqualTo(403);
            assertThat(response.body()).doesNotContain("chat.yaml");
        }
        HttpResponse<String> save = http.send(HttpRequest.newBuilder(URI.create(root + wrong + "/api/save"))
                .POST(HttpRequest.BodyPublishers.ofString(files("chat.yaml", BROKEN))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(save.statusCode()).isEqualTo(403);
        assertThat(Files.readString(dir.resolve("chat.yaml"))).isEqualTo(RULE);
    }

    @Test
    void aForeignHostNameIsRefusedEvenWithTheToken() throws IOException {
        String path = URI.create(playground.url()).getPath();
        try (Socket socket = new Socket("127.0.0.1", playground.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + "api/state HTTP/1.1\r\nHost: attacker.example:" + playground.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 403").doesNotContain("chat.yaml");
        }
    }

    @Test
    void checkGivesTheSameProblemsAsValidateWithoutWriting() throws Exception {
        HttpResponse<String> response = post("check", files("chat.yaml", BROKEN));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"loads\":false,\"diagnostics\":[{\"file\":\"chat.yaml\",\"line\":4,\"column\":12,"
                + "\"severity\":\"error\",\"code\":\"FR006\",\"title\":\"unknown-field\",\"message\":\"unknown field 'contnet'\",\"hint\":\"did you mean 'content'?\"}]}");
        Path copy = Files.createDirectories(temp.resolve("copy"));
        Files.writeString(copy.resolve("chat.yaml"), BROKEN);
        String validate = dev.flowrules.dsl.RuleLoader.load(copy).diagnostics().get(0).format();
        assertThat(validate).endsWith("chat.yaml:4:12: error: unknown field 'contnet' [FR006]\n  hint: did you mean 'content'?");
        assertThat(Files.readString(dir.resolve("chat.yaml"))).isEqualTo(RULE);
        assertThat(post("check", "{\"files\": {}}").body()).contains("\"loads\":true").contains("\"tests\":{\"passed\":1,\"failed\":0}");
    }

    @Test
    void savesOnlyRulesThatLoad() throws Exception {
        HttpResponse<String> refused = post("save", files("chat.yaml", BROKEN));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).startsWith("{\"saved\":false,\"loads\":false");
        assertThat(Files.readString(dir.resolve("chat.yaml"))).isEqualTo(RULE);
        String fixed = RULE.replace("[password]", "[password, passcode]");
        HttpResponse<String> saved = post("save", files("chat.yaml", fixed));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).startsWith("{\"saved\":true");
        assertThat(Files.readString(dir.resolve("chat.yaml"))).isEqualTo(fixed);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("chat.yaml", "chat.test.yaml");
        }
    }

    @Test
    void neverWritesOutsideTheDirectory() throws Exception {
        Path outside = Files.writeString(temp.resolve("outside.yaml"), RULE);
        Path outsideDir = Files.createDirectories(temp.resolve("elsewhere"));
        Files.writeString(outsideDir.resolve("x.yaml"), RULE);
        Files.createSymbolicLink(dir.resolve("link.yaml"), outside);
        Files.createSymbolicLink(dir.resolve("linked"), outsideDir);
        for (String name : List.of("../outside.yaml", "/etc/passwd", outside.toString(), "sub/../../outside.yaml",
                "link.yaml", "linked/x.yaml", "./chat.yaml", "chat.yaml/..", "new.yaml", "..\\\\outside.yaml")) {
            HttpResponse<String> response = post("save", files(name, RULE.replace("no-passwords", "changed")));
            assertThat(response.statusCode()).as(name).isEqualTo(400);
            assertThat(response.body()).as(name).contains("is not a rule file of this directory");
        }
        assertThat(Files.readString(outside)).isEqualTo(RULE);
        assertThat(Files.readString(outsideDir.resolve("x.yaml"))).isEqualTo(RULE);
        assertThat(Files.exists(temp.resolve("new.yaml"))).isFalse();
        assertThat(post("state", "{}").body()).doesNotContain("link.yaml").doesNotContain("linked/x.yaml");
    }

    @Test
    void aSavedFileKeepsItsPermissions() throws Exception {
        var permissions = java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(dir.resolve("chat.yaml"), permissions);
        assertThat(post("save", files("chat.yaml", RULE.replace("[password]", "[secret]"))).statusCode()).isEqualTo(200);
        assertThat(Files.getPosixFilePermissions(dir.resolve("chat.yaml"))).isEqualTo(permissions);
    }

    @Test
    void aDirectoryWithMoreRuleFilesThanThePlaygroundTakesIsRefusedAtStart() throws IOException {
        Path big = Files.createDirectories(temp.resolve("big"));
        for (int i = 0; i <= Workspace.MAX_FILES; i++) {
            Files.writeString(big.resolve("r" + i + ".yaml"), RULE.replace("no-passwords", "r" + i));
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Playground.start(big, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("holds more than 200 rule files");
    }

    @Test
    void writingRefusesATargetThatBecameALink() throws IOException {
        Workspace workspace = new Workspace(dir);
        Path outside = Files.writeString(temp.resolve("outside.yaml"), RULE);
        Files.delete(dir.resolve("chat.yaml"));
        Files.createSymbolicLink(dir.resolve("chat.yaml"), outside);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> workspace.inside("chat.yaml"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
    }

    @Test
    void triesAMessageAgainstUnsavedRules() throws Exception {
        String body = "{\"files\": {}, \"message\": {\"content\": \"my PASSWORD\", \"attributes\": {\"team\": [\"a\", \"b\"]}}}";
        HttpResponse<String> response = post("try", body);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"outcome\":\"DENY\"", "Denied by rule no-passwords (no passwords)",
                "rule no-passwords (chat.yaml:3:5) matched", "\\\"DeleteResource\\\": true");
        HttpResponse<String> broken = post("try", files("chat.yaml", BROKEN).replace("}}", "}, \"message\": {\"content\": \"x\"}}"));
        assertThat(broken.body()).contains("The rules have errors; fix them to try a message.");
    }

    @Test
    void badRequestsGetAClearErrorAndTheServerKeepsServing() throws Exception {
        assertThat(post("check", "not json").body()).startsWith("{\"error\":\"the request is not valid JSON");
        assertThat(post("check", "{\"files\": {\"chat.yaml\": 1}}").body()).contains("only objects, arrays and strings are expected");
        assertThat(post("nope", "{}").statusCode()).isEqualTo(404);
        byte[] huge = new byte[Playground.MAX_BODY_BYTES + 10];
        java.util.Arrays.fill(huge, (byte) ' ');
        HttpResponse<String> tooLarge = http.send(HttpRequest.newBuilder(URI.create(playground.url() + "api/check"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(get(playground.url() + "api/state").statusCode()).isEqualTo(200);
    }

    @Test
    void offersEveryLexAnswerOfTheExamplesAsASample() throws Exception {
        try (Stream<Path> events = Files.list(Path.of("rules-examples/events"))) {
            List<String> lex = events.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("lex-") && !n.endsWith(".expected.json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
            assertThat(Samples.NAMES).isEqualTo(lex);
        }
        String state = get(playground.url() + "api/state").body();
        for (String name : Samples.NAMES) {
            assertThat(state).contains("\"name\":\"" + name + "\"");
        }
        assertThat(state).contains("application/amz-chime-lex-msgs", "CHIME.LEX.sessionState.intent.name");
    }
}
