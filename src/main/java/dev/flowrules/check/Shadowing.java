package dev.flowrules.check;

import dev.flowrules.dsl.Action;
import dev.flowrules.dsl.Condition;
import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.dsl.DiagnosticCode;
import dev.flowrules.dsl.RuleDef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The warnings between rules on the same messages: a rule that can never run because an earlier one on the
 * same condition (or {@code always}) denies or stops (FR020), and a write that a later such rule always
 * replaces (FR021). Rules "on the same messages" have the same canonical condition, computed once per rule;
 * rules are grouped by it in hash maps, so the work grows with the number of rules and of warnings, never
 * with the number of pairs.
 */
final class Shadowing {
    private static final String ALWAYS = new Condition.Always(null).canonical();

    private final List<RuleDef> rules;
    private final String[] condition;
    private final boolean[] unreachable;
    private final List<Diagnostic> unreachableWarnings = new ArrayList<>();
    private final Map<Integer, List<Diagnostic>> overwrites = new HashMap<>();

    /** FR020 warnings in rule order, and per rule position its FR021 warnings. */
    record Result(List<Diagnostic> unreachable, boolean[] unreachableAt, Map<Integer, List<Diagnostic>> overwritesAt) {
        boolean isUnreachable(int position) {
            return unreachableAt[position];
        }

        List<Diagnostic> overwrites(int position) {
            return overwritesAt.getOrDefault(position, List.of());
        }
    }

    private Shadowing(List<RuleDef> rules) {
        this.rules = rules;
        this.condition = new String[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            condition[i] = rules.get(i).when().canonical();
        }
        this.unreachable = new boolean[rules.size()];
    }

    /** {@code rules} are the enabled rules in evaluation order. */
    static Result check(List<RuleDef> rules) {
        Shadowing shadowing = new Shadowing(rules);
        shadowing.unreachable();
        shadowing.overwrites();
        return new Result(shadowing.unreachableWarnings, shadowing.unreachable, shadowing.overwrites);
    }

    /** A rule is unreachable when the first earlier rule that ends evaluation on its messages exists. */
    private void unreachable() {
        Map<String, Integer> firstEnding = new HashMap<>();
        int firstAlways = -1;
        for (int i = 0; i < rules.size(); i++) {
            RuleDef rule = rules.get(i);
            Integer sameCondition = firstEnding.get(condition[i]);
            int before = sameCondition == null ? firstAlways
                    : firstAlways < 0 ? sameCondition : Math.min(firstAlways, sameCondition);
            if (before >= 0) {
                RuleDef earlier = rules.get(before);
                unreachableWarnings.add(Diagnostic.warning(DiagnosticCode.FR020, rule.pos(), "rule '" + rule.id()
                                + "' can never run: rule '" + earlier.id() + "' (" + earlier.pos() + ") matches every message it matches and then "
                                + (denies(earlier) ? "denies" : "stops"),
                        "move '" + rule.id() + "' above '" + earlier.id() + "', or narrow the condition of '" + earlier.id() + "'"));
                unreachable[i] = true;
            }
            if (endsEvaluation(rule)) {
                firstEnding.putIfAbsent(condition[i], i);
                if (firstAlways < 0 && condition[i].equals(ALWAYS)) {
                    firstAlways = i;
                }
            }
        }
    }

    /**
     * For each reachable rule that does not end evaluation, the later rules on its messages (same condition, or
     * always) up to the first that stops, skipping unreachable and denying ones: each write of the rule that
     * such a later rule writes too is always replaced (docs/rules.md: later rules win).
     */
    private void overwrites() {
        // Per condition, the positions of the rules that may replace a write (reachable, not denying) and of
        // those among them that stop; "always" rules are looked up beside every condition.
        Map<String, Group> groups = new HashMap<>();
        for (int j = 0; j < rules.size(); j++) {
            RuleDef rule = rules.get(j);
            if (unreachable[j] || denies(rule)) {
                continue;
            }
            Group group = groups.computeIfAbsent(condition[j], k -> new Group());
            for (String what : writes(rule).keySet()) {
                group.writers.computeIfAbsent(what, k -> new ArrayList<>()).add(j);
            }
            if (endsEvaluation(rule)) {
                group.stops.add(j);
            }
        }
        Group always = groups.getOrDefault(ALWAYS, new Group());
        for (int i = 0; i < rules.size(); i++) {
            RuleDef rule = rules.get(i);
            if (unreachable[i] || endsEvaluation(rule)) {
                continue;
            }
            Group same = groups.getOrDefault(condition[i], new Group());
            boolean isAlways = same == always;
            int end = Math.min(same.nextStop(i), isAlways ? Integer.MAX_VALUE : always.nextStop(i));
            Map<String, Action> writes = writes(rule);
            List<int[]> hits = new ArrayList<>(); // {later rule, index of the write in written order}
            int index = 0;
            for (String what : writes.keySet()) {
                same.collect(what, i, end, index, hits);
                if (!isAlways) {
                    always.collect(what, i, end, index, hits);
                }
                index++;
            }
            hits.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
            List<Map.Entry<String, Action>> entries = new ArrayList<>(writes.entrySet());
            for (int[] hit : hits) {
                RuleDef next = rules.get(hit[0]);
                Map.Entry<String, Action> entry = entries.get(hit[1]);
                overwrites.computeIfAbsent(i, k -> new ArrayList<>()).add(Diagnostic.warning(DiagnosticCode.FR021, entry.getValue().pos(), "the " + entry.getKey()
                                + " set here is always replaced by rule '" + next.id() + "' (" + next.pos()
                                + "), which runs later on the same messages",
                        "later rules win (docs/rules.md): remove one of the two, or give them different conditions"));
            }
        }
    }

    /** The rules of one condition that write each thing, and those that stop, by position in rule order. */
    private static final class Group {
        final Map<String, List<Integer>> writers = new HashMap<>();
        final List<Integer> stops = new ArrayList<>();

        /** The first stopping rule after {@code position}, or MAX_VALUE. */
        int nextStop(int position) {
            int at = after(stops, position);
            return at < stops.size() ? stops.get(at) : Integer.MAX_VALUE;
        }

        /** Adds {@code {j, index}} for each rule j in (from, to] that writes {@code what}. */
        void collect(String what, int from, int to, int index, List<int[]> hits) {
            List<Integer> positions = writers.get(what);
            if (positions == null) {
                return;
            }
            for (int at = after(positions, from); at < positions.size() && positions.get(at) <= to; at++) {
                hits.add(new int[] {positions.get(at), index});
            }
        }

        /** The index of the first position greater than {@code position} in a sorted list. */
        private static int after(List<Integer> sorted, int position) {
            int at = Collections.binarySearch(sorted, position + 1);
            return at >= 0 ? at : -at - 1;
        }
    }

    static boolean denies(RuleDef rule) {
        return rule.then().stream().anyMatch(a -> a instanceof Action.Deny);
    }

    static boolean endsEvaluation(RuleDef rule) {
        return rule.then().stream().anyMatch(a -> a instanceof Action.Deny || a instanceof Action.Stop);
    }

    private static Map<String, Action> writes(RuleDef rule) {
        Map<String, Action> writes = new LinkedHashMap<>();
        for (Action action : rule.then()) {
            writes(action).forEach(what -> writes.put(what, action));
        }
        return writes;
    }

    /** What the action sets outright, e.g. "metadata", "push title", "attribute 'k'". */
    static List<String> writes(Action action) {
        return action.accept(WRITES);
    }

    /**
     * What each action sets outright, so that a later write replaces it. Rewrites and bot-answer edits work
     * on the current content and deny or stop set nothing.
     */
    private static final Action.Visitor<List<String>> WRITES = new Action.Visitor<>() {
        public List<String> visitDeny(Action.Deny action) {
            return List.of();
        }

        public List<String> visitReplaceContent(Action.ReplaceContent action) {
            return List.of("content");
        }

        public List<String> visitRewriteContent(Action.RewriteContent action) {
            return List.of();
        }

        public List<String> visitSetMetadata(Action.SetMetadata action) {
            return List.of("metadata");
        }

        public List<String> visitSetMetadataKeys(Action.SetMetadataKeys action) {
            return action.keys().keySet().stream().map(key -> "metadata key '" + key + "'").toList();
        }

        public List<String> visitSetAttributes(Action.SetAttributes action) {
            return action.attributes().keySet().stream().map(name -> "attribute '" + name + "'").toList();
        }

        public List<String> visitRemoveAttributes(Action.RemoveAttributes action) {
            return List.of();
        }

        public List<String> visitSetPush(Action.SetPush push) {
            List<String> parts = new ArrayList<>();
            if (push.title() != null) {
                parts.add("push title");
            }
            if (push.body() != null) {
                parts.add("push body");
            }
            if (push.type() != null) {
                parts.add("push type");
            }
            return parts;
        }

        public List<String> visitSetContentType(Action.SetContentType action) {
            return List.of("content type");
        }

        public List<String> visitBotReplaceAnswer(Action.BotReplaceAnswer action) {
            return List.of("content");
        }

        public List<String> visitBotReplaceMessage(Action.BotReplaceMessage action) {
            return List.of();
        }

        public List<String> visitBotDropMessages(Action.BotDropMessages action) {
            return List.of();
        }

        public List<String> visitBotAppendMessage(Action.BotAppendMessage action) {
            return List.of();
        }

        public List<String> visitBotToPlainText(Action.BotToPlainText action) {
            return List.of("content");
        }

        public List<String> visitStop(Action.Stop action) {
            return List.of();
        }
    };
}
