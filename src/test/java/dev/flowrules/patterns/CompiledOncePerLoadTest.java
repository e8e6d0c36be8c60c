package dev.flowrules.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.flowrules.Engine;
import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.RuleLoader;
import dev.flowrules.eval.Decision;
import dev.flowrules.event.EventParser;
import dev.flowrules.ruletest.RuleTests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each distinct (pattern, flags) is compiled once per load: the loader compiles a pattern to validate it, and the
 * checker, the rule tests and the compiler take that same instance. Counted on the cache the load runs with.
 */
class CompiledOncePerLoadTest {
    @TempDir
    Path dir;

    /**
     * Two files (read in parallel), each repeating the same patterns in conditions and rewrites. Distinct: the
     * condition's pattern with and without ignore-case, the rewrite's pattern, and the wildcard's generated regex.
     */
    private static final int DISTINCT = 4;

    private void writeRules() throws IOException {
        for (String name : List.of("a.yaml", "b.yaml")) {
            Files.writeString(dir.resolve(name), """
                    version: 1
                    rules:
                      - id: %1$s-plain
                        when: {content: {regex: "order-\\\\d+"}}
                        then: [{redact: "order-\\\\d+"}]
                      - id: %1$s-any-case
                        when: {content: {regex: "order-\\\\d+", ignore-case: true}}
                        then: [{rewrite: {regex: "x(\\\\d)", with: "#$1"}}]
                      - id: %1$s-again
                        when:
                          all:
                            - content: {regex: "order-\\\\d+"}
                            - sender.name: {matches: "bot-*"}
                        then: [{rewrite: {regex: "x(\\\\d)", with: "#$1"}}]
                      - id: %1$s-glob
                        when: {sender.name: {matches: "bot-*"}}
                        then: [{deny: bots}]
                    """.formatted(name.substring(0, 1)));
        }
    }

    @Test
    void fromRulesCompilesEachPatternOnceForTheLoaderAndTheCompiler() throws IOException {
        writeRules();
        Patterns counted = new Patterns();
        Engine engine = counted.use(() -> Engine.fromRules(dir));
        assertThat(engine.ruleCount()).isEqualTo(8);
        assertThat(counted.compilations()).isEqualTo(DISTINCT);
        // the shared instances do what each rule's own did
        Decision decision = engine.evaluate(EventParser.parse("""
                {"EventType":"Pending.CREATE_CHANNEL_MESSAGE","CallbackId":"%s","ChannelMessage":{"MessageId":"m1",
                "ChannelArn":"arn:aws:chime:us-east-1:111122223333:app-instance/a/channel/c","Content":"see ORDER-12 x5",
                "Type":"STANDARD","Persistence":"PERSISTENT","Sender":{"Arn":"arn:aws:chime:us-east-1:111122223333:app-instance/a/user/u","Name":"ann"}}}
                """.formatted("c".repeat(32)).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(decision.matchedRuleIds()).containsExactly("a-any-case", "b-any-case");
        assertThat(decision.result().content()).isEqualTo("see ORDER-12 #5");
    }

    @Test
    void validateCompilesEachPatternOnceForTheLoaderTheCheckerAndTheRuleTests() throws IOException {
        writeRules();
        Files.writeString(dir.resolve("a.test.yaml"), """
                tests:
                  - name: a bot is denied
                    message: {content: hi, sender.name: bot-7}
                    expect: {outcome: DENY}
                """);
        Patterns counted = new Patterns();
        LoadResult result = counted.use(() -> RuleTests.validate(List.of(dir)));
        assertThat(result.errors()).extracting(Diagnostic::format).isEmpty();
        assertThat(counted.compilations()).isEqualTo(DISTINCT);
    }

    @Test
    void aRefusedPatternIsReportedWhereverItIsWrittenAsBefore() throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), """
                version: 1
                rules:
                  - id: one
                    when: {content: {regex: "a(b"}}
                    then: [deny]
                  - id: two
                    when: {content: {regex: "a(b"}}
                    then: [deny]
                """);
        LoadResult result = RuleLoader.load(dir);
        assertThat(result.errors()).extracting(Diagnostic::format).hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("invalid regular expression"));
        assertThat(result.errors().get(0).pos().line()).isEqualTo(4);
        assertThat(result.errors().get(1).pos().line()).isEqualTo(7);
    }

    @Test
    void theCacheIsTheLoadsAndGoneAfterIt() {
        Patterns counted = new Patterns();
        Pattern first = counted.use(() -> {
            assertThat(Patterns.current()).isSameAs(counted);
            // a load inside a load keeps the outer cache
            assertThat(Patterns.oneLoad(Patterns::current)).isSameAs(counted);
            return Patterns.current().compile("a+b", Pattern.CASE_INSENSITIVE);
        });
        assertThat(counted.compile("a+b", Pattern.CASE_INSENSITIVE)).isSameAs(first);
        assertThat(counted.compile("a+b", 0)).isNotSameAs(first);
        assertThat(counted.compilations()).isEqualTo(2);
        // outside a load nothing is open: each caller gets a cache of its own
        assertThat(Patterns.current()).isNotSameAs(counted).isNotSameAs(Patterns.current());
        assertThatThrownBy(() -> counted.compile("a(b", 0)).isInstanceOf(PatternSyntaxException.class);
        assertThatThrownBy(() -> counted.compile("a(b", 0)).isInstanceOf(PatternSyntaxException.class);
        assertThat(counted.compilations()).isEqualTo(4);
    }
}
