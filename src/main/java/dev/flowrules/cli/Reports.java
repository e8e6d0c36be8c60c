package dev.flowrules.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.flowrules.ruletest.RuleTests;
import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.dsl.DiagnosticCode;
import dev.flowrules.dsl.SourcePos;
import dev.flowrules.playground.DiagnosticJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * {@code validate --format json} and {@code --format sarif}. SARIF 2.1.0 is the format GitHub code scanning,
 * GitLab and editors (VS Code's SARIF viewer) read; every diagnostic code is one of its "rules".
 */
final class Reports {
    private static final JsonFactory JSON = new JsonFactory();
    static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String DOCS = "docs/diagnostics.md";

    private Reports() {
    }

    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static String document(Body body) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.useDefaultPrettyPrinter();
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return text.toString();
    }

    static String json(Validate.Result result) {
        return document(json -> {
            json.writeStartObject();
            json.writeBooleanField("ok", result.errors() == 0);
            json.writeNumberField("files", result.files());
            json.writeNumberField("rules", result.rules());
            json.writeNumberField("errors", result.errors());
            json.writeNumberField("warnings", result.warnings());
            RuleTests.Report tests = result.tests();
            json.writeObjectFieldStart("tests");
            json.writeBooleanField("ran", tests != null);
            json.writeNumberField("passed", tests == null ? 0 : tests.passed());
            json.writeNumberField("failed", tests == null ? 0 : tests.failed());
            json.writeEndObject();
            json.writeArrayFieldStart("diagnostics");
            for (Diagnostic d : result.diagnostics()) {
                DiagnosticJson.write(json, d);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    static String sarif(Validate.Result result) {
        return document(json -> {
            json.writeStartObject();
            json.writeStringField("$schema", SARIF_SCHEMA);
            json.writeStringField("version", "2.1.0");
            json.writeArrayFieldStart("runs");
            json.writeStartObject();
            json.writeObjectFieldStart("tool");
            json.writeObjectFieldStart("driver");
            json.writeStringField("name", "flowrules");
            json.writeStringField("version", BuildInfo.version());
            json.writeStringField("informationUri", BuildInfo.url());
            json.writeArrayFieldStart("rules");
            for (DiagnosticCode code : DiagnosticCode.values()) {
                json.writeStartObject();
                json.writeStringField("id", code.id());
                json.writeStringField("name", code.title());
                json.writeObjectFieldStart("shortDescription");
                json.writeStringField("text", code.title().replace('-', ' '));
                json.writeEndObject();
                json.writeStringField("helpUri", BuildInfo.url() + "/blob/main/" + DOCS);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
            json.writeArrayFieldStart("results");
            for (Diagnostic d : result.diagnostics()) {
                result(json, d);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void result(JsonGenerator json, Diagnostic d) throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", d.code().id());
        json.writeNumberField("ruleIndex", d.code().ordinal());
        json.writeStringField("level", level(d));
        json.writeObjectFieldStart("message");
        json.writeStringField("text", d.hint() == null || d.hint().isEmpty() ? d.message() : d.message() + "\nhint: " + d.hint());
        json.writeEndObject();
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        json.writeObjectFieldStart("physicalLocation");
        json.writeObjectFieldStart("artifactLocation");
        json.writeStringField("uri", uri(d.pos()));
        json.writeEndObject();
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", d.pos().line());
        json.writeNumberField("startColumn", d.pos().column());
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
    }

    private static String level(Diagnostic d) {
        return switch (d.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
        };
    }

    /** Relative paths stay relative (CI resolves them against the checkout); absolute ones become file URIs. */
    static String uri(SourcePos pos) {
        Path path = Path.of(pos.file());
        if (path.isAbsolute()) {
            return path.toUri().toString();
        }
        try {
            return new URI(null, null, pos.file().replace('\\', '/'), null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + pos.file(), e);
        }
    }
}
