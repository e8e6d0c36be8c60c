package dev.flowrules.compile;

import java.util.List;

/** How a list of value tests applies to a field's values: any value (or every value) passing them all. */
final class ValueTests {
    private ValueTests() {
    }

    /**
     * The first value passing every test and what the first test matched in it, as {@code {value, matched}};
     * with {@code allValues}, only when every value passes (and there is at least one). Null otherwise.
     */
    static String[] firstMatch(List<String> values, List<ValueTest> tests, boolean allValues, MessageView view) {
        if (values.isEmpty()) {
            return null;
        }
        String[] first = null;
        for (String value : values) {
            String matched = all(value, tests, view);
            if (matched == null && allValues) {
                return null;
            }
            if (matched != null && first == null) {
                first = new String[] {value, matched};
                if (!allValues) {
                    break;
                }
            }
        }
        return first;
    }

    /**
     * Every test must pass; the cheap ones run first so that a regex is not run when a literal test already
     * failed. What is reported as matched is still the first written test's match.
     */
    private static String all(String value, List<ValueTest> tests, MessageView view) {
        if (tests.size() == 1) {
            return tests.get(0).match(value, view);
        }
        String first = null;
        for (int cost = ValueTest.LOOKUP; cost <= ValueTest.PATTERN; cost++) {
            for (int i = 0; i < tests.size(); i++) {
                ValueTest test = tests.get(i);
                if (test.cost() != cost) {
                    continue;
                }
                String matched = test.match(value, view);
                if (matched == null) {
                    return null;
                }
                if (i == 0) {
                    first = matched;
                }
            }
        }
        return first;
    }
}
