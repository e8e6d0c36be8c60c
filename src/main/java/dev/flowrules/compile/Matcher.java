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
            for (Matcher part : parts) {
                if (part instanceof FieldTests tests && tests.isCheap()) {
                    boolean held = part.test(view, evidence);
                    evidence.subList(mark, evidence.size()).clear();
                    if (!held) {
                        return false;
                    }
                }
            }
            for (Matcher part : parts) {
                if (!part.test(view, evidence)) {
                    evidence.subList(mark, evidence.size()).clear();
                    return false;
                }
            }
            return true;
        }
    }

    record Any(List<Matcher> parts) implements Matcher {
        public boolean test(MessageView view, List<Evidence> evidence) {
            for (Matcher part : parts) {
                if (part.test(view, evidence)) {
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
            evidence.subList(mark, evidence.size()).clear();
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
     * (or, with {@code allValues}, on every value, of which there must be at least one).
     */
    record FieldTests(FieldRef field, Boolean mustExist, List<ValueTest> tests, boolean allValues) implements Matcher {
        public boolean test(MessageView view, List<Evidence> evidence) {
            if (mustExist != null && mustExist != view.exists(field)) {
                return false;
            }
            if (tests.isEmpty()) {
                evidence.add(new Evidence(field.display(), mustExist ? "exists" : "is absent", null, null));
                return true;
            }
            String[] hit = ValueTests.firstMatch(view.values(field), tests, allValues, view);
            if (hit == null) {
                return false;
            }
            evidence.add(new Evidence(field.display(), keywords(), hit[0], hit[1]));
            return true;
        }

        boolean isCheap() {
            return tests.stream().allMatch(t -> t.cost() == ValueTest.LOOKUP);
        }

        private String keywords() {
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
