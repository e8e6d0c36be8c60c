package dev.flowrules.bench;

import dev.flowrules.TestRules;
import dev.flowrules.compile.RuleSet;
import dev.flowrules.eval.Decision;
import dev.flowrules.eval.Evaluator;
import dev.flowrules.event.Message;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Patterns that take exponential time in backtracking engines, on 10 to 100 KB of text that almost matches:
 * with re2j the time per message grows in proportion to the text. Results: docs/security.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RegexLinearityBenchmark {
    @Param({"(a+)+$", "(x+x+)+y", "(a|aa)+$"})
    public String pattern;

    @Param({"10000", "50000", "100000"})
    public int size;

    private RuleSet rules;
    private Message message;

    @Setup
    public void setUp() {
        rules = TestRules.compile("""
                - id: hostile
                  when: {content: {regex: '%s'}}
                  then: [{redact: '%s'}]
                """.formatted(pattern, pattern));
        char filler = pattern.contains("x") ? 'x' : 'a';
        message = TestRules.message(String.valueOf(filler).repeat(size) + "!");
    }

    @Benchmark
    public Decision evaluate() {
        return Evaluator.evaluate(rules, message);
    }
}
