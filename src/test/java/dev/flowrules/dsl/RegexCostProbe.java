package dev.flowrules.dsl;

import com.google.re2j.Pattern;
import java.util.List;

/**
 * Not a test: prints what patterns of a given estimated size cost re2j per message, for docs/security.md ("Why
 * 2,000 steps for a pattern"). Run after {@code mvn -B -q test-compile}:
 * {@code java -cp target/classes:target/test-classes:$HOME/.m2/repository/com/google/re2j/re2j/1.8/re2j-1.8.jar
 * dev.flowrules.dsl.RegexCostProbe}
 */
public final class RegexCostProbe {
    private RegexCostProbe() {
    }

    public static void main(String[] args) {
        List<String> texts = List.of("a".repeat(4000), "ab ".repeat(1333));
        List<String> patterns = List.of("\\b(?:\\d[ -]?){12,15}\\d\\b", "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}",
                "[a-z]{1,1000}b", "a?".repeat(999) + "b", "(?:a{99}){99}b", "[a-z]{1,1000}".repeat(5) + "b",
                "(?:a{1000}){1000}");
        for (String pattern : patterns) {
            Pattern compiled = Pattern.compile(pattern);
            long best = Long.MAX_VALUE;
            for (int round = 0; round < 15; round++) {
                long start = System.nanoTime();
                for (String text : texts) {
                    compiled.matcher(text).find();
                }
                best = Math.min(best, System.nanoTime() - start);
            }
            String shown = pattern.length() > 40 ? pattern.substring(0, 37) + "..." : pattern;
            System.out.printf("%-40s %,12d steps  %8.2f ms for two 4 KB texts%n", shown,
                    RegexBudget.estimate(pattern).size(), best / 1e6);
        }
    }
}
