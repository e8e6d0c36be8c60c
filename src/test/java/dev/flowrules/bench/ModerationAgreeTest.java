package dev.flowrules.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.eval.Evaluator;
import dev.flowrules.event.EventParser;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The benchmark contenders must answer the same question: the same rules match the same event bytes. */
class ModerationAgreeTest {
    @Test
    void everyContenderFindsTheSameRules() throws Exception {
        SharedSubset contenders = new SharedSubset(300);
        int matched = 0;
        for (byte[] event : Moderation.events(300, 64, 42)) {
            TreeSet<String> flowrules = new TreeSet<>(Evaluator.matchingRules(contenders.engine.rules(), EventParser.parse(event).message()));
            assertThat(new TreeSet<>(contenders.ruler(event))).isEqualTo(flowrules);
            TreeSet<String> easy = new TreeSet<>();
            for (Map.Entry<org.jeasy.rules.api.Rule, Boolean> result : contenders.easyRules(event).entrySet()) {
                if (result.getValue()) {
                    easy.add(result.getKey().getName());
                }
            }
            assertThat(easy).isEqualTo(flowrules);
            assertThat(contenders.naive(event)).isEqualTo(flowrules.size());
            matched += flowrules.size();
        }
        assertThat(matched).isGreaterThan(10);
    }

    @Test
    void theModerationMixLoadsAndEveryKindMatchesSomething() {
        var engine = dev.flowrules.Engine.fromRules(Moderation.writeRules(90, false));
        TreeSet<Integer> kinds = new TreeSet<>();
        for (byte[] event : Moderation.events(90, 256, 7)) {
            List<String> ids = Evaluator.matchingRules(engine.rules(), EventParser.parse(event).message());
            ids.forEach(id -> kinds.add(Integer.parseInt(id.substring(1)) % 9));
        }
        assertThat(kinds).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
    }
}
