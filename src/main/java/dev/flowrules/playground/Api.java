package dev.flowrules.playground;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.flowrules.Engine;
import dev.flowrules.callback.RequestJson;
import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.event.InvalidEventException;
import dev.flowrules.ruletest.RuleTests;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The playground's JSON endpoints: {@code state} (files and samples), {@code check} (problems and rule tests of
 * unsaved texts), {@code try} (one message through the engine) and {@code save}. Requests carry the edited texts
 * as {@code {"files": {"name": "text"}}}; a name that is not one of the directory's rule files is refused (400).
 */
final class Api {
    private static final JsonFactory JSON = new JsonFactory();

    private final Workspace workspace;

    Api(Workspace workspace) {
        this.workspace = workspace;
    }

    record Response(int status, String json) {
    }

    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    Response handle(String endpoint, byte[] body) {
        try {
            Map<String, Object> request = body.length == 0 ? Map.of() : object(body);
            Map<String, String> files = strings(request.get("files"), "files");
            return switch (endpoint) {
                case "state" -> ok(this::state);
                case "check" -> ok(json -> {
                    json.writeStartObject();
                    check(json, workspace.check(files));
                    json.writeEndObject();
                });
                case "try" -> tryMessage(files, request.get("message"));
                case "save" -> save(files);
                default -> new Response(404, error("no endpoint '" + endpoint + "'"));
            };
        } catch (IllegalArgumentException e) {
            return new Response(400, error(e.getMessage()));
        }
    }

    private void state(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("dir", workspace.root().toString());
        json.writeObjectFieldStart("files");
        for (Map.Entry<String, String> file : workspace.files().entrySet()) {
            json.writeStringField(file.getKey(), file.getValue());
        }
        json.writeEndObject();
        json.writeArrayFieldStart("samples");
        for (Samples.Sample sample : Samples.all()) {
            json.writeStartObject();
            json.writeStringField("name", sample.name());
            json.writeStringField("content", sample.message().content());
            json.writeStringField("contentType", sample.message().contentType());
            json.writeStringField("sender", sample.message().senderArn());
            json.writeObjectFieldStart("attributes");
            for (Map.Entry<String, List<String>> attribute : sample.message().attributes().entrySet()) {
                json.writeArrayFieldStart(attribute.getKey());
                for (String value : attribute.getValue()) {
                    json.writeString(value);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private Response tryMessage(Map<String, String> files, Object message) {
        Map<String, Object> fields = message instanceof Map<?, ?> ? cast(message) : Map.of();
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        Object given = fields.get("attributes");
        if (given instanceof Map<?, ?> map) {
            map.forEach((name, values) -> attributes.put((String) name, strings(values)));
        }
        Trial trial = new Trial(text(fields, "content"), attributes, text(fields, "sender"),
                text(fields, "contentType"), text(fields, "subChannel"), text(fields, "metadata"));
        Workspace.Check check = workspace.check(files);
        Engine engine = workspace.engine(check);
        return ok(json -> {
            json.writeStartObject();
            check(json, check);
            if (engine == null) {
                json.writeStringField("verdict", "The rules have errors; fix them to try a message.");
            } else {
                try {
                    Engine.Processed processed = trial.run(engine);
                    json.writeStringField("verdict", Trial.verdict(processed.decision()));
                    json.writeStringField("outcome", processed.decision().outcome().name());
                    json.writeArrayFieldStart("delivered");
                    for (String line : Trial.resultLines(processed.decision())) {
                        json.writeString(line);
                    }
                    json.writeEndArray();
                    json.writeStringField("explanation", processed.decision().explain());
                    json.writeStringField("request", RequestJson.write(processed.request()));
                } catch (InvalidEventException e) {
                    json.writeStringField("verdict", "The message cannot be sent as given: " + e.getMessage());
                }
            }
            json.writeEndObject();
        });
    }

    private Response save(Map<String, String> files) {
        Workspace.Check check = workspace.save(files);
        return new Response(check.loads() ? 200 : 409, document(json -> {
            json.writeStartObject();
            json.writeBooleanField("saved", check.loads());
            check(json, check);
            json.writeEndObject();
        }));
    }

    private static void check(JsonGenerator json, Workspace.Check check) throws IOException {
        json.writeBooleanField("loads", check.loads());
        json.writeArrayFieldStart("diagnostics");
        for (Diagnostic d : check.diagnostics()) {
            DiagnosticJson.write(json, d);
        }
        json.writeEndArray();
        RuleTests.Report tests = check.tests();
        if (tests != null) {
            json.writeObjectFieldStart("tests");
            json.writeNumberField("passed", tests.passed());
            json.writeNumberField("failed", tests.failed());
            json.writeEndObject();
        }
    }

    private static Response ok(Body body) {
        return new Response(200, document(body));
    }

    static String error(String message) {
        return document(json -> {
            json.writeStartObject();
            json.writeStringField("error", message);
            json.writeEndObject();
        });
    }

    private static String document(Body body) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return text.toString();
    }

    // Reading: requests are small documents of objects, arrays and strings.

    private static Map<String, Object> object(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("the request must be a JSON object");
            }
            return cast(value(parser));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the request is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Object> map = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                map.put(name, value(parser));
            }
            return map;
        }
        if (token == JsonToken.START_ARRAY) {
            List<Object> list = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                list.add(value(parser));
            }
            return list;
        }
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new IllegalArgumentException("only objects, arrays and strings are expected, not " + token);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }

    private static Map<String, String> strings(Object value, String what) {
        Map<String, String> map = new LinkedHashMap<>();
        if (value == null) {
            return map;
        }
        if (!(value instanceof Map<?, ?> given)) {
            throw new IllegalArgumentException("'" + what + "' must be an object of strings");
        }
        given.forEach((k, v) -> {
            if (!(v instanceof String s)) {
                throw new IllegalArgumentException("'" + what + "." + k + "' must be a string");
            }
            map.put((String) k, s);
        });
        return map;
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new IllegalArgumentException("attribute values must be a list of strings");
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static String text(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException("'" + name + "' must be a string");
        }
        String text = (String) value;
        return text == null || text.isEmpty() ? null : text;
    }
}
