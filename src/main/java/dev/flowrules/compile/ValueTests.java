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

    private static String all(String value, List<ValueTest> tests, MessageView view) {
        String first = null;
        for (ValueTest test : tests) {
            String matched = test.match(value, view);
            if (matched == null) {
                return null;
            }
            if (first == null) {
                first = matched;
            }
        }
        return first;
    }
}
