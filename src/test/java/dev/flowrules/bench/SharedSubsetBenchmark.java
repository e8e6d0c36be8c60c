package dev.flowrules.bench;

import dev.flowrules.Engine;
import dev.flowrules.eval.Evaluator;
import dev.flowrules.event.EventParser;
import java.util.List;
import java.util.Map;
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
 * Microseconds per message on the rules every contender can express ({@link SharedSubset}), every one fed the
 * same event bytes. {@code ModerationAgreeTest} checks that they find the same rules. Results: docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Eight warm-ups: the first two or three iterations run while C2 compiles the evaluator (docs/performance.md).
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class SharedSubsetBenchmark {
    @Param({"10", "1000"})
    public int rules;

    private SharedSubset contenders;
    private List<byte[]> events;
    private OneScan scan;
    private int next;

    @Setup
    public void setUp() throws Exception {
        contenders = new SharedSubset(rules);
        events = Moderation.events(rules, 64, 42);
        scan = new OneScan(Moderation.listWords(0));
    }

    private byte[] nextEvent() {
        next = (next + 1) & 63;
        return events.get(next);
    }

    @Benchmark
    public Engine.Processed flowrules() {
        return contenders.engine.process(nextEvent());
    }

    @Benchmark
    public List<String> flowrulesMatchOnly() {
        return Evaluator.matchingRules(contenders.engine.rules(), EventParser.parse(nextEvent()).message());
    }

    @Benchmark
    public List<String> eventRuler() throws Exception {
        return contenders.ruler(nextEvent());
    }

    @Benchmark
    public Map<org.jeasy.rules.api.Rule, Boolean> easyRulesMvel() {
        return contenders.easyRules(nextEvent());
    }

    @Benchmark
    public int naiveLoop() {
        return contenders.naive(nextEvent());
    }

    @Benchmark
    public int oneScan() {
        return scan.count(nextEvent());
    }
}
