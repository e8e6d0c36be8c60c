package dev.flowrules.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.compile.Explain;
import org.junit.jupiter.api.Test;

/** {@code --explain} shortens long values in the middle, so the end of an ARN (where two differ) stays visible. */
class ExplainShorteningTest {

    @Test
    void longValuesKeepTheirStartAndEnd() {
        String arn = "arn:aws:chime:us-east-1:111122223333:app-instance/8a1b2c3d-0000-4000-8000-000000000001/user/mallory-jr";
        String shown = Explain.abbreviate(arn);
        assertThat(shown).hasSize(80).startsWith("arn:aws:chime:us-east-1:").endsWith("/user/mallory-jr").contains("...");
        assertThat(Explain.abbreviate("short\nvalue")).isEqualTo("short value");
    }

    @Test
    void surrogatePairsAreNeverCut() {
        String emoji = "😀".repeat(60);
        String shown = Explain.abbreviate(emoji);
        assertThat(shown.codePoints().filter(cp -> Character.isSurrogate((char) cp)).count()).isZero();
        assertThat(shown).contains("...");
    }
}
