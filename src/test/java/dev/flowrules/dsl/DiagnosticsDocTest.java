package dev.flowrules.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DiagnosticsDocTest {
    @Test
    void everyCodeIsDocumentedWithItsTitle() throws IOException {
        String doc = Files.readString(Path.of("docs/diagnostics.md"));
        for (DiagnosticCode code : DiagnosticCode.values()) {
            assertThat(doc).as(code.id()).contains("## " + code.id() + " " + code.title() + " (");
        }
    }
}
