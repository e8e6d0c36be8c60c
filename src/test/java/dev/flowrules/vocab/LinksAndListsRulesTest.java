package dev.flowrules.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.TestRules;
import dev.flowrules.compile.RuleSet;
import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.RuleLoader;
import dev.flowrules.eval.Evaluator;
import dev.flowrules.eval.Outcome;
import dev.flowrules.event.Message;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code links.host} with {@code within}/{@code outside}, and {@code one-of: {file: ...}} (docs/rules.md). */
class LinksAndListsRulesTest {

    private static final RuleSet OUTSIDE = TestRules.compile("""
            - id: foreign-links
              when: {links.host: {outside: [example.com]}}
              then: [{deny: links to other sites}]
            """);

    private static Outcome outside(String content) {
        return Evaluator.evaluate(OUTSIDE, TestRules.message(content)).outcome();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.org", "example.com.evil.org", "https://example.com@evil.org/", "www.evil.org",
        "evilexample.com", "exаmple.com", "xn--exmple-4nf.com", "http://203.0.113.7/login", "see docs.example.com and evil.org"})
    void linksElsewhereAreDenied(String content) {
        assertThat(outside(content)).as(content).isEqualTo(Outcome.DENY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://docs.example.com/a", "HTTPS://WWW.EXAMPLE.COM", "our site is example.com.",
        "version 1.2.3 is out", "open report.pdf and notes.md", "no link here"})
    void ownLinksAndNonLinksPass(String content) {
        assertThat(outside(content)).as(content).isEqualTo(Outcome.NO_CHANGE);
    }

    @Test
    void withinHoldsForTheDomainAndItsSubdomainsAndAllValuesMeansEveryLink() {
        RuleSet rules = TestRules.compile("""
                - id: ours
                  when: {links.host: {within: [example.com, example.org], values: all}}
                  then: [{set-attributes: {links: ours}}]
                """);
        assertThat(Evaluator.evaluate(rules, TestRules.message("a.example.com and example.org")).outcome()).isEqualTo(Outcome.UPDATE);
        assertThat(Evaluator.evaluate(rules, TestRules.message("a.example.com and evil.org")).outcome()).isEqualTo(Outcome.NO_CHANGE);
        assertThat(Evaluator.evaluate(rules, TestRules.message("no links")).outcome()).isEqualTo(Outcome.NO_CHANGE);
    }

    @Test
    void domainsAreCheckedWhenLoaded() {
        String text = "version: 1\nrules:\n  - id: w\n    when: {links.host: {outside: ['https://example.com/x']}}\n    then: [deny]\n";
        List<Diagnostic> diagnostics = RuleLoader.parse("t.yaml", text.getBytes(StandardCharsets.UTF_8), null).diagnostics();
        assertThat(diagnostics).singleElement().satisfies(d -> {
            assertThat(d.message()).contains("'https://example.com/x' is not a domain");
            assertThat(d.hint()).contains("example.com");
        });
    }

    private static Message from(String senderArn) {
        Message m = TestRules.message("hello");
        return new Message(m.messageId(), m.channelArn(), m.content(), m.contentType(), m.metadata(), senderArn, m.senderName(),
                m.subChannelId(), m.type(), m.persistence(), m.push(), m.attributes());
    }

    @Test
    void oneOfAFileIsExactAndCaseSensitive(@TempDir Path dir) throws Exception {
        String user = "arn:aws:chime:us-east-1:111122223333:app-instance/app-1/user/";
        Files.createDirectories(dir.resolve("lists"));
        Files.writeString(dir.resolve("lists/muted.txt"), "# muted senders\n" + user + "mallory\n\n" + user + "trudy  \n");
        Files.writeString(dir.resolve("rules.yaml"), """
                version: 1
                rules:
                  - id: muted
                    when: {sender.arn: {one-of: {file: lists/muted.txt}}}
                    then: [deny]
                  - id: muted-any-case
                    when: {sender.arn: {one-of: {file: lists/muted.txt}, ignore-case: true}}
                    then: [{set-attributes: {flag: case}}]
                """);
        LoadResult result = RuleLoader.load(dir);
        assertThat(result.diagnostics()).isEmpty();
        RuleSet rules = RuleSet.compile(result.files());
        assertThat(Evaluator.evaluate(rules, from(user + "mallory")).outcome()).isEqualTo(Outcome.DENY);
        assertThat(Evaluator.evaluate(rules, from(user + "trudy")).outcome()).isEqualTo(Outcome.DENY);
        assertThat(Evaluator.evaluate(rules, from(user + "mallory-jr")).outcome()).isEqualTo(Outcome.NO_CHANGE);
        assertThat(Evaluator.evaluate(rules, from(user + "MALLORY")).outcome()).isEqualTo(Outcome.UPDATE);
    }

    @Test
    void listFilesForValuesKeepThePathRules(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("rules.yaml"), """
                version: 1
                rules:
                  - id: w
                    when: {links.host: {within: {file: ../domains.txt}}}
                    then: [deny]
                """);
        LoadResult result = RuleLoader.load(dir);
        assertThat(result.diagnostics()).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("is outside the rule file's directory"));
    }

    @Test
    void domainsFromAFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("allowed.txt"), "example.com\nBücher.de\n");
        Files.writeString(dir.resolve("rules.yaml"), """
                version: 1
                rules:
                  - id: w
                    when: {links.host: {outside: {file: allowed.txt}}}
                    then: [deny]
                """);
        LoadResult result = RuleLoader.load(dir);
        assertThat(result.diagnostics()).isEmpty();
        RuleSet rules = RuleSet.compile(result.files());
        assertThat(Evaluator.evaluate(rules, TestRules.message("https://shop.bücher.de/x")).outcome()).isEqualTo(Outcome.NO_CHANGE);
        assertThat(Evaluator.evaluate(rules, TestRules.message("https://evil.org")).outcome()).isEqualTo(Outcome.DENY);
    }
}
