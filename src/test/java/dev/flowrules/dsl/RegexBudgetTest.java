package dev.flowrules.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The size estimate reads RE2 syntax as re2j does where it matters: what a repeat applies to, and how much. */
class RegexBudgetTest {
    static long size(String pattern) {
        return RegexBudget.estimate(pattern).size();
    }

    @Test
    void theExamplesPatternsAreFarBelowTheBudget() {
        for (String pattern : List.of("\\b(?:\\d[ -]?){12,15}\\d\\b", "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}",
                "([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})", "\\*\\*(.+?)\\*\\*",
                "\\b\\d{6,8}(\\d{4})\\b", "^[^a-z]*$", "[A-Z]{5}", "(?i)\\bfree (?:money|gift)\\b")) {
            assertThat(size(pattern)).as(pattern).isLessThan(100);
        }
    }

    @Test
    void nestedCountsMultiply() {
        assertThat(size("a{1000}")).isEqualTo(1001);
        assertThat(size("(?:a{100}){100}")).isGreaterThanOrEqualTo(10_000);
        assertThat(size("((a{1000}){1000}){1000}")).isGreaterThanOrEqualTo(1_000_000_000L);
        assertThat(RegexBudget.estimate("((a{1000}){1000}){1000}").repeatProduct()).isEqualTo(1_000_000_000L);
        // a repeat applies to the last atom only: a class, an escape, a group
        assertThat(size("abc{100}")).isEqualTo(size("ab") + size("c{100}"));
        assertThat(size("[abc]{100}")).isEqualTo(size("c{100}"));
        assertThat(size("\\d{100}")).isEqualTo(size("c{100}"));
        assertThat(size("(?:ab|cd){100}")).isGreaterThan(size("ab{100}"));
    }

    @Test
    void bracesThatAreNotRepeatsCountAsCharacters() {
        // re2j reads these braces literally (or refuses them), never as a count
        for (String pattern : List.of("a\\{1000}", "[{1000}]", "\\Q{1000}\\E", "a{,1000}", "a{x}", "{1000}", "a{1000")) {
            assertThat(size(pattern)).as(pattern).isLessThan(20);
        }
        assertThat(size("(?i)a{10}")).isEqualTo(size("a{10}"));
        assertThat(size("[]{}]{10}")).isEqualTo(size("a{10}"));
        assertThat(size("[^]a]{10}")).isEqualTo(size("a{10}"));
        assertThat(size("[[:alpha:]]{10}")).isEqualTo(size("a{10}"));
        assertThat(size("\\p{Greek}{10}")).isEqualTo(size("a{10}"));
        assertThat(size("\\x{41}{10}")).isEqualTo(size("a{10}"));
    }

    @Test
    void unboundedAndOpenCountsAndHugeNumbers() {
        assertThat(size("a{2,}")).isLessThan(10);
        assertThat(size("a{0,1000}")).isGreaterThanOrEqualTo(1000);
        assertThat(size("(?:a{99999999999999999999999}){99999999999999999999}")).isPositive(); // saturates, no overflow
        assertThat(RegexBudget.estimate("(?:a{99999999999999999999999}){99999999999999999999}").fits()).isFalse();
    }

    @Test
    void malformedPatternsAreEstimatedWithoutFailing() {
        for (String pattern : List.of("(", ")", "(((", ")))", "[", "[a", "\\", "a{", "a{1", "a{1,", "(?", "(?P<n", "\\Q", "\\p{",
                "*", "**", "a||b", "(|)", "(".repeat(5_000) + "a{1000}" + ")".repeat(5_000))) {
            assertThat(RegexBudget.estimate(pattern).size()).as(pattern).isNotNegative();
        }
    }

    @Test
    void whatFitsTheBudgetCompiles() {
        // the largest counts the budget lets through are ones re2j compiles quickly
        for (String pattern : List.of("a{999}", "(?:a{40}){40}", "[a-z]{1,999}", "(a|b){300}")) {
            assertThat(RegexBudget.estimate(pattern).fits()).as(pattern).isTrue();
            assertThat(Pattern.compile(pattern)).isNotNull();
        }
    }
}
