package dev.flowrules.bench;

import dev.flowrules.compile.RuleSet;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.RuleLoader;
import dev.flowrules.eval.Decision;
import dev.flowrules.eval.Evaluator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.mvel.MVELRule;
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
import software.amazon.event.ruler.Machine;

/**
 * Messages per second for the same rules and messages: this engine (a whole decision per message), event-ruler
 * and Easy Rules + MVEL (which only say which rules match), and a hand-written loop (java.util.regex and
 * String methods). One operation is one message, cycling through 64. Results: docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineBenchmark {
    @Param({"10", "100", "1000"})
    public int rules;

    /** mixed: all seven kinds; selective: without anything-but, so matches per message do not grow with rules. */
    @Param({"mixed", "selective"})
    public String workload;

    private RuleSet flowrules;
    private Machine ruler;
    private Rules easyRules;
    private final DefaultRulesEngine easyEngine = new DefaultRulesEngine();
    private final List<Workload.Rule> naive = new ArrayList<>();
    private List<Workload.Msg> messages;
    private Facts[] facts;
    private int next;

    @Setup
    public void setUp() throws Exception {
        boolean selective = workload.equals("selective");
        String yaml = Workload.ruleFile(rules, "{set-metadata: r%d}", selective);
        LoadResult loaded = RuleLoader.parse("bench.yaml", yaml.getBytes(StandardCharsets.UTF_8), null);
        if (loaded.hasErrors()) {
            throw new IllegalStateException(loaded.errors().toString());
        }
        flowrules = RuleSet.compile(loaded.files());
        ruler = new Machine();
        easyRules = new Rules();
        for (int i = 0; i < rules; i++) {
            Workload.Rule rule = Workload.rule(i, selective);
            ruler.addRule("r" + i, rule.rulerJson());
            easyRules.register(new MVELRule().name("r" + i).priority(i).when(rule.mvel()).then("true;"));
            naive.add(rule);
        }
        messages = Workload.messages(rules, 64, 42);
        facts = new Facts[messages.size()];
        for (int i = 0; i < messages.size(); i++) {
            facts[i] = new Facts();
            for (Map.Entry<String, Object> fact : messages.get(i).facts().entrySet()) {
                facts[i].put(fact.getKey(), fact.getValue());
            }
        }
    }

    private int nextMessage() {
        next = (next + 1) & 63;
        return next;
    }

    @Benchmark
    public Decision flowrules() {
        return Evaluator.evaluate(flowrules, messages.get(nextMessage()).message());
    }

    /** Which rules match, as the peers answer: the like-for-like comparison. */
    @Benchmark
    public List<String> flowrulesMatchOnly() {
        return Evaluator.matchingRules(flowrules, messages.get(nextMessage()).message());
    }

    @Benchmark
    public List<String> eventRuler() throws Exception {
        return ruler.rulesForJSONEvent(messages.get(nextMessage()).json());
    }

    @Benchmark
    public Map<org.jeasy.rules.api.Rule, Boolean> easyRulesMvel() {
        return easyEngine.check(easyRules, facts[nextMessage()]);
    }

    @Benchmark
    public int naiveLoop() {
        Workload.Msg message = messages.get(nextMessage());
        int matched = 0;
        for (Workload.Rule rule : naive) {
            if (rule.naive().test(message)) {
                matched++;
            }
        }
        return matched;
    }
}
