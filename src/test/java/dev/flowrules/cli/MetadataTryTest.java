package dev.flowrules.cli;

import static dev.flowrules.cli.ExamplesEndToEndTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowrules try --metadata} with rules on {@code metadata.KEY} and {@code set-metadata-keys} (docs/rules.md). */
class MetadataTryTest {
    @TempDir
    Path dir;

    @Test
    void tryTakesTheMetadataOnTheCommandLine() throws IOException {
        Files.writeString(dir.resolve("r.yaml"), """
                version: 1
                rules:
                  - id: vip
                    when: {metadata.tier: vip}
                    then: [{set-push: {title: "VIP"}}]
                """);
        ExamplesEndToEndTest.Run run = cli("try", "--rules", dir.toString(), "--message", "hi", "--metadata", "{\"tier\":\"vip\"}");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("on metadata.tier equals matched \"vip\"");
        ExamplesEndToEndTest.Run plain = cli("try", "--rules", dir.toString(), "--message", "hi", "--metadata", "vip");
        assertThat(plain.out()).contains("Delivered as it was sent")
                .contains("note: the metadata is not a JSON object (it is not valid JSON): the metadata.KEY fields are absent");
    }
}
