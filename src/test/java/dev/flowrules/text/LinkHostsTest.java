package dev.flowrules.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 12's examples for {@code links.host: {outside: [example.com]}}, each one a case. */
class LinkHostsTest {

    /** What {@code outside: [example.com]} decides: some link's host is neither example.com nor below it. */
    private static boolean outsideExample(String text) {
        return LinkHosts.of(text).stream().anyMatch(host -> !LinkHosts.within(host, "example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"see https://evil.org", "example.com.evil.org", "https://example.com@evil.org/",
        "www.evil.org", "evilexample.com", "go to exаmple.com now", "xn--exmple-4nf.com", "http://192.168.0.1/admin",
        "http://[::1]:8080/", "https://127.0.0.1", "HTTP://EVIL.ORG/x", "hxxp://evil.org", "https://docs.example.com/a and evil.org",
        "mail bob@evil.org", "https:\\\\evil.org", "evil.org/path", "example。com。evil。org", "ｅｖｉｌ．ｏｒｇ",
        "https://user:pw@evil.org:443/x", "visit www.evil.zip", "<https://evil.org>"})
    void linksOutsideTheDomain(String text) {
        assertThat(outsideExample(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://docs.example.com/a", "HTTPS://WWW.EXAMPLE.COM", "our site is example.com.",
        "version 1.2.3 is out", "open report.pdf and main.py", "see notes.md", "e.g. this, i.e. that", "at 5.30 p.m.",
        "did.It work?", "no links at all", "EXAMPLE.COM", "https://example.com:8443/x?y=https://example.com",
        "node.js and vue.js", "file setup.exe", "https://example.com/path/evil.org", "3.14159", "v2.0.1-beta",
        "example.com/evil.org"})
    void textWithoutOutsideLinks(String text) {
        assertThat(outsideExample(text)).as(text).isFalse();
    }

    @Test
    void hostsAreNormalised() {
        assertThat(LinkHosts.of("HTTPS://WWW.EXAMPLE.COM./x")).containsExactly("www.example.com");
        assertThat(LinkHosts.of("https://example.com@evil.org/")).containsExactly("evil.org");
        assertThat(LinkHosts.of("exаmple.com")).containsExactly("xn--exmple-4nf.com");
        assertThat(LinkHosts.of("bücher.de")).containsExactly("xn--bcher-kva.de");
        assertThat(LinkHosts.of("https://[2001:db8::1]:443/")).containsExactly("2001:db8::1");
        assertThat(LinkHosts.of("a.com b.org a.com")).containsExactly("a.com", "b.org");
        assertThat(LinkHosts.of("version 1.2.3, photo.jpg, archive.tar.gz")).isEmpty();
    }

    @Test
    void withinMeansTheDomainOrASubdomain() {
        assertThat(LinkHosts.within("example.com", "example.com")).isTrue();
        assertThat(LinkHosts.within("a.b.example.com", "example.com")).isTrue();
        assertThat(LinkHosts.within("evilexample.com", "example.com")).isFalse();
        assertThat(LinkHosts.within("example.com.evil.org", "example.com")).isFalse();
        assertThat(LinkHosts.within("com", "example.com")).isFalse();
        assertThat(LinkHosts.normalize("Bücher.DE.")).isEqualTo("xn--bcher-kva.de");
    }

    @Test
    void manyLinksAreBounded() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            many.append("h").append(i).append(".com ");
        }
        assertThat(LinkHosts.of(many.toString())).hasSize(LinkHosts.MAX_HOSTS);
    }
}
