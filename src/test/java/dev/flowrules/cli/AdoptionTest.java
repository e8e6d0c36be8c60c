package dev.flowrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What someone adopting the library looks for: license, POM metadata, release jars, install docs. */
class AdoptionTest {
    @Test
    void pomCarriesTheMetadataARepositoryRequires() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).contains("<name>", "<description>", "<url>https://", "<licenses>", "<name>Apache-2.0</name>",
                "<scm>", "<connection>scm:git:", "<developers>");
        String release = pom.substring(pom.indexOf("<id>release</id>"));
        assertThat(release).contains("maven-source-plugin", "maven-javadoc-plugin", "attach-javadocs");
        // the default build checks the Javadoc (javadoc-no-fork) but attaches no javadoc or sources jar
        String build = pom.substring(0, pom.indexOf("<profiles>"));
        assertThat(build).contains("<goal>javadoc-no-fork</goal>").doesNotContain("attach-javadocs", "maven-source-plugin");
    }

    @Test
    void theLicenseIsApacheAndShipsInTheJar() throws IOException {
        String license = Files.readString(Path.of("docs/LICENSE"));
        assertThat(license).contains("Apache License", "Version 2.0, January 2004");
        try (InputStream shipped = AdoptionTest.class.getResourceAsStream("/META-INF/LICENSE")) {
            assertThat(shipped).isNotNull();
            assertThat(new String(shipped.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(license);
        }
    }

    @Test
    void installDocsCoverMavenAndGradleWithThisVersion() throws IOException {
        String install = Files.readString(Path.of("docs/install.md"));
        String coordinates = "dev.flowrules:chime-flow-rules:" + BuildInfo.version();
        assertThat(install).contains("## Maven", "## Gradle", "<artifactId>chime-flow-rules</artifactId>",
                "<version>" + BuildInfo.version() + "</version>", "implementation(\"" + coordinates + "\")");
        assertThat(Files.readString(Path.of("docs/CHANGELOG.md"))).contains("## [Unreleased]");
    }
}
