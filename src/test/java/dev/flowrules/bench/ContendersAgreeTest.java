package dev.flowrules.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.compile.RuleSet;
import dev.flowrules.dsl.RuleLoader;
import dev.flowrules.eval.Evaluator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.mvel.MVELRule;
import org.junit.jupiter.api.Test;
import software.amazon.event.ruler.Machine;

/** The benchmark compares like with like only if every contender finds the same rules on every message. */
class ContendersAgreeTest {
    @Test
    void everyContenderMatchesTheSameRules() throws Exception {
        int count = 140;
        RuleSet flowrules = RuleSet.compile(RuleLoader.parse("bench.yaml",
                Workload.ruleFile(count, "{set-metadata: r%d}").getBytes(StandardCharsets.UTF_8), null).files());
        Machine ruler = new Machine();
        Rules easy = new Rules();
        for (int i = 0; i < count; i++) {
            ruler.addRule("r" + i, Workload.rule(i).rulerJson());
            easy.register(new MVELRule().name("r" + i).priority(i).when(Workload.rule(i).mvel()).then("true;"));
        }
        DefaultRulesEngine engine = new DefaultRulesEngine();
        int matches = 0;
        for (Workload.Msg message : Workload.messages(count, 64, 42)) {
            List<String> ours = Evaluator.matchingRules(flowrules, message.message());
            List<String> naive = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                if (Workload.rule(i).naive().test(message)) {
                    naive.add("r" + i);
                }
            }
            Facts facts = new Facts();
            message.facts().forEach(facts::put);
            List<String> mvel = new ArrayList<>();
            engine.check(easy, facts).forEach((rule, held) -> {
                if (held) {
                    mvel.add(rule.getName());
                }
            });
            assertThat(ours).as(message.json()).isEqualTo(naive);
            assertThat(ruler.rulesForJSONEvent(message.json())).as(message.json()).containsExactlyInAnyOrderElementsOf(ours);
            assertThat(mvel).as(message.json()).containsExactlyInAnyOrderElementsOf(ours);
            matches += ours.size();
        }
        assertThat(matches).isGreaterThan(20);
    }
}
