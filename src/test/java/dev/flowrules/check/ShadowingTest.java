package dev.flowrules.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.dsl.Action;
import dev.flowrules.dsl.Condition;
import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.dsl.DiagnosticCode;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.RuleDef;
import dev.flowrules.dsl.RuleLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The indexed FR020/FR021 checks give exactly the warnings, in the same order, of their definition: every
 * pair of rules compared, the earlier one covering the later when its condition is {@code always} or the same.
 */
class ShadowingTest {
    private static final List<String> CONDITIONS = List.of("always", "{content: a}", "{content: b}",
            "{content: {contains: a}}", "{sender.name: a}", "{any: [{content: a}, {content: b}]}");
    private static final List<String> ACTIONS = List.of("deny", "stop", "{set-metadata: m}", "{set-push: {title: t}}",
            "{set-push: {title: t, body: b}}", "{set-attributes: {k: v}}", "{replace-content: c}",
            "{set-content-type: text/plain}", "{bot-to-plain-text: x}", "{remove-attributes: k}");

    @Test
    void indexedChecksAgreeWithThePairwiseDefinition() {
        Random random = new Random(11);
        int warnings = 0;
        for (int round = 0; round < 300; round++) {
            StringBuilder yaml = new StringBuilder("version: 1\nrules:\n");
            int count = 1 + random.nextInt(25);
            for (int i = 0; i < count; i++) {
                yaml.append("  - id: r").append(i).append("\n    when: ")
                        .append(CONDITIONS.get(random.nextInt(CONDITIONS.size()))).append("\n    then: [");
                int actions = 1 + random.nextInt(3);
                for (int a = 0; a < actions; a++) {
                    yaml.append(a > 0 ? ", " : "").append(ACTIONS.get(random.nextInt(ACTIONS.size())));
                }
                yaml.append("]\n");
            }
            LoadResult loaded = RuleLoader.parse("r.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8), null);
            assertThat(loaded.hasErrors()).as(yaml.toString()).isFalse();
            List<RuleDef> rules = loaded.files().get(0).rules();
            Shadowing.Result indexed = Shadowing.check(rules);
            List<Diagnostic> actual = new ArrayList<>(indexed.unreachable());
            for (int i = 0; i < rules.size(); i++) {
                actual.addAll(indexed.overwrites(i));
            }
            List<Diagnostic> expected = pairwise(rules);
            assertThat(actual).as(yaml.toString()).containsExactlyElementsOf(expected);
            warnings += expected.size();
        }
        assertThat(warnings).as("the generated rules exercise both warnings").isGreaterThan(300);
    }

    /** The checks as first written: every pair, canonical forms rebuilt each time. */
    private static List<Diagnostic> pairwise(List<RuleDef> rules) {
        List<Diagnostic> found = new ArrayList<>();
        boolean[] unreachable = new boolean[rules.size()];
        for (int later = 0; later < rules.size(); later++) {
            for (int earlier = 0; earlier < later; earlier++) {
                RuleDef before = rules.get(earlier);
                if (Shadowing.endsEvaluation(before) && covers(before, rules.get(later))) {
                    found.add(reachFinding(rules.get(later), before));
                    unreachable[later] = true;
                    break;
                }
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            RuleDef rule = rules.get(i);
            if (unreachable[i] || Shadowing.endsEvaluation(rule)) {
                continue;
            }
            Map<String, Action> writes = writes(rule);
            for (int j = i + 1; j < rules.size(); j++) {
                RuleDef next = rules.get(j);
                if (unreachable[j] || !covers(next, rule) || Shadowing.denies(next)) {
                    continue;
                }
                Map<String, Action> nextWrites = writes(next);
                for (var entry : writes.entrySet()) {
                    if (nextWrites.containsKey(entry.getKey())) {
                        found.add(Diagnostic.warning(DiagnosticCode.FR021, entry.getValue().pos(), "the " + entry.getKey()
                                        + " set here is always replaced by rule '" + next.id() + "' (" + next.pos()
                                        + "), which runs later on the same messages",
                                "later rules win (docs/rules.md): remove one of the two, or give them different conditions"));
                    }
                }
                if (Shadowing.endsEvaluation(next)) {
                    break;
                }
            }
        }
        return found;
    }

    private static Diagnostic reachFinding(RuleDef rule, RuleDef before) {
        return Diagnostic.warning(DiagnosticCode.FR020, rule.pos(), "rule '" + rule.id()
                        + "' can never run: rule '" + before.id() + "' (" + before.pos() + ") matches every message it matches and then "
                        + (Shadowing.denies(before) ? "denies" : "stops"),
                "move '" + rule.id() + "' above '" + before.id() + "', or narrow the condition of '" + before.id() + "'");
    }

    private static boolean covers(RuleDef earlier, RuleDef later) {
        return earlier.when() instanceof Condition.Always || earlier.when().canonical().equals(later.when().canonical());
    }

    private static Map<String, Action> writes(RuleDef rule) {
        Map<String, Action> writes = new LinkedHashMap<>();
        for (Action action : rule.then()) {
            Shadowing.writes(action).forEach(what -> writes.put(what, action));
        }
        return writes;
    }
}
