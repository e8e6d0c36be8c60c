package dev.flowrules.playground;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.flowrules.dsl.Diagnostic;
import java.io.IOException;

/**
 * One diagnostic as a JSON object, the same in {@code validate --format json} and the playground. Internal: not exported by the module.
 */
public final class DiagnosticJson {
    private DiagnosticJson() {
    }

    /** {@code file, line, column, severity, code, title, message} and {@code hint} when there is one. */
    public static void write(JsonGenerator json, Diagnostic d) throws IOException {
        json.writeStartObject();
        json.writeStringField("file", d.pos().file());
        json.writeNumberField("line", d.pos().line());
        json.writeNumberField("column", d.pos().column());
        json.writeStringField("severity", d.severity().label());
        json.writeStringField("code", d.code().id());
        json.writeStringField("title", d.code().title());
        json.writeStringField("message", d.message());
        if (d.hint() != null && !d.hint().isEmpty()) {
            json.writeStringField("hint", d.hint());
        }
        json.writeEndObject();
    }
}
