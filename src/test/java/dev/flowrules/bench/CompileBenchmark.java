package dev.flowrules.bench;

import dev.flowrules.compile.RuleSet;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.RuleLoader;
import java.nio.charset.StandardCharsets;
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

/** Loading and compiling a rule file: cold (one shot in a fresh JVM) and warm. */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 5)
public class CompileBenchmark {
    @Param({"25", "1000"})
    public int rules;

    private byte[] yaml;

    @Setup
    public void setUp() {
        yaml = Workload.ruleFile(rules, "{set-metadata: r%d}").getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public RuleSet cold() {
        return compile();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 3, time = 1)
    @Fork(1)
    public RuleSet warm() {
        return compile();
    }

    private RuleSet compile() {
        LoadResult loaded = RuleLoader.parse("bench.yaml", yaml, null);
        return RuleSet.compile(loaded.files());
    }
}
