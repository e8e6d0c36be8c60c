package dev.flowrules.compile;

import dev.flowrules.dsl.FieldRef;
import java.util.List;

/**
 * A compiled condition. {@code test} adds to {@code evidence} only what made it hold; a branch that failed
 * leaves nothing behind.
 * <p>Internal: not exported by the module.
 */
public sealed interface Matcher {
    boolean test(MessageView view, List<Evidence> evidence);

    /** Drops the evidence added since {@code mark}, without the view object {@code subList} would make. */
    private static void truncate(List<Evidence> evidence, int mark) {
        for (int i = evidence.size() - 1; i >= mark; i--) {
            evidence.remove(i);
        }
    }

    record Always() implements Matcher {
        public boolean test(MessageView view, List<Evidence> evidence) {
            return true;
        }
    }

    record All(List<Matcher> parts) implements Matcher {
        public boolean test(MessageView view, List<Evidence> evidence) {
            // Cheap parts first, to skip the expensive ones (patterns) when the message already fails; the
            // evidence is then gathered in written order, results of shared work coming from the view's caches.
            int mark = evidence.size();
            for (int i = 0; i < parts.size(); i++) {
                Matcher part = parts.get(i);
                if (part instanceof FieldTests tests && tests.cheap()) {
                    boolean held = part.test(view, evidence);
                    truncate(evidence, mark);
                    if (!held) {
                        return false;
                    }
                }
            }
            for (int i = 0; i < parts.size(); i++) {
                if (!parts.get(i).test(view, evidence)) {
                    truncate(evidence, mark);
                    return false;
                }
            }
            return true;
        }
    }

    record Any(List<Matcher> parts) implements Matcher {
        public boolean test(MessageView view, List<Evidence> evidence) {
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).test(view, evidence)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Not(Matcher inner, String description) implements Matcher {
        public boolean test(MessageView view, List<Evidence> evidence) {
            int mark = evidence.size();
            boolean held = inner.test(view, evidence);
            truncate(evidence, mark);
            if (held) {
                return false;
            }
            evidence.add(new Evidence(description, "did not match", null, null));
            return true;
        }
    }

    /** Some message of a Lex bot answer is selected. */
    record BotMessage(CompiledSelector selector) implements Matcher {
        public boolean test(MessageView view, List<Evidence> evidence) {
            CompiledSelector.Selected selected = selector.first(view.botMessages(), view);
            if (selected == null) {
                return false;
            }
            evidence.add(new Evidence(("bot message " + selected.position() + " " + selected.part()).strip(),
                    selected.tests(), selected.value(), selected.matched()));
            return true;
        }
    }

    /**
     * Tests on one field. {@code exists} tests look at presence; the value tests must all hold on one value
     * (or, with {@code allValues}, on every value, of which there must be at least one). What evidence says and
     * whether the tests are cheap are worked out once, at compile time, not on each message.
     */
    record FieldTests(FieldRef field, Boolean mustExist, List<ValueTest> tests, boolean allValues, String display,
            String keywords, boolean cheap) implements Matcher {
        public FieldTests(FieldRef field, Boolean mustExist, List<ValueTest> tests, boolean allValues) {
            this(field, mustExist, tests, allValues, field.display(), keywords(tests, allValues),
                    tests.stream().allMatch(t -> t.cost() == ValueTest.LOOKUP));
        }

        public boolean test(MessageView view, List<Evidence> evidence) {
            if (mustExist != null && mustExist != view.exists(field)) {
                return false;
            }
            if (tests.isEmpty()) {
                evidence.add(new Evidence(display, mustExist ? "exists" : "is absent", null, null));
                return true;
            }
            String[] hit = ValueTests.firstMatch(view.values(field), tests, allValues, view);
            if (hit == null) {
                return false;
            }
            evidence.add(new Evidence(display, keywords, hit[0], hit[1]));
            return true;
        }

        private static String keywords(List<ValueTest> tests, boolean allValues) {
            StringBuilder text = new StringBuilder();
            for (ValueTest test : tests) {
                if (text.length() > 0) {
                    text.append(" & ");
                }
                text.append(test.keyword());
                if (test instanceof ValueTest.ContainsWord words) {
                    text.append(" (").append(words.source()).append(')');
                }
            }
            return allValues ? text.append(" (all values)").toString() : text.toString();
        }
    }
}
