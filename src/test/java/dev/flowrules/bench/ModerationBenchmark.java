package dev.flowrules.bench;

import dev.flowrules.Engine;
import dev.flowrules.eval.Evaluator;
import dev.flowrules.event.EventParser;
import java.util.List;
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
 * Microseconds per message for a moderation rule set ({@link Moderation}) through the public API, from event bytes:
 * {@code Engine.fromRules} on the rule directory, then {@code engine.process(bytes)} (the whole decision and the
 * callback request) and match only (parse + which rules match). Beside them, in the same run, the floor: one
 * lower-cased pass over the same event bytes hashing its words ({@link OneScan}). Results: docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Eight warm-ups: the first two or three iterations run while C2 compiles the evaluator (docs/performance.md).
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class ModerationBenchmark {
    @Param({"10", "1000", "10000"})
    public int rules;

    private Engine engine;
    private List<byte[]> events;
    private OneScan scan;
    private int next;

    @Setup
    public void setUp() {
        engine = Engine.fromRules(Moderation.writeRules(rules, false));
        events = Moderation.events(rules, 64, 42);
        scan = new OneScan(Moderation.listWords(0));
    }

    private byte[] nextEvent() {
        next = (next + 1) & 63;
        return events.get(next);
    }

    @Benchmark
    public Engine.Processed flowrules() {
        return engine.process(nextEvent());
    }

    @Benchmark
    public List<String> flowrulesMatchOnly() {
        return Evaluator.matchingRules(engine.rules(), EventParser.parse(nextEvent()).message());
    }

    @Benchmark
    public int oneScan() {
        return scan.count(nextEvent());
    }
}
