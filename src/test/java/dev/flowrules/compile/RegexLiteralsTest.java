package dev.flowrules.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The literals read from a pattern must be necessary: no text matches the pattern without one of them. */
class RegexLiteralsTest {
    @Test
    void literalsOfCommonModerationPatterns() {
        assertThat(RegexLiterals.required("(?i)\\border[- ]?#?42\\b"))
                .containsExactlyInAnyOrder("order42", "order#42", "order-42", "order-#42", "order 42", "order #42");
        assertThat(RegexLiterals.required("colou?r")).containsExactlyInAnyOrder("colour", "color");
        assertThat(RegexLiterals.required("(?i)ab{0,1}c")).containsExactlyInAnyOrder("abc", "ac");
        assertThat(RegexLiterals.required("foo|bar")).containsExactlyInAnyOrder("foo", "bar");
        assertThat(RegexLiterals.required("(?i)\\b(free|cheap) (v1agra|viagra)\\b"))
                .containsExactlyInAnyOrder("free v1agra", "free viagra", "cheap v1agra", "cheap viagra");
        assertThat(RegexLiterals.required("[a-z]+@[a-z]+\\.com")).containsExactly(".com");
        assertThat(RegexLiterals.required("a*bcd")).containsExactly("bcd");
        assertThat(RegexLiterals.required("(ab)?c")).containsExactlyInAnyOrder("abc", "c");
        assertThat(RegexLiterals.required("[ab]cd")).containsExactlyInAnyOrder("acd", "bcd");
        assertThat(RegexLiterals.required("\\Qa.b\\E")).containsExactly("a.b");
        assertThat(RegexLiterals.required("https?://bit\\.ly/\\w+")).containsExactlyInAnyOrder("http://bit.ly/", "https://bit.ly/");
        assertThat(RegexLiterals.required("(?:x|yz)+q")).containsExactly("q");
        assertThat(RegexLiterals.required("(?:xy|yz)+q")).containsExactlyInAnyOrder("xy", "yz");
        assertThat(RegexLiterals.required("\\d{4}-\\d{4}-(?P<n>card)")).containsExactly("-card");
        assertThat(RegexLiterals.required("\\x{212A}elvin")).containsExactly("kelvin");
        assertThat(RegexLiterals.required("(?i)STRASSE|\u017Ft")).containsExactlyInAnyOrder("strasse", "st");
    }

    @Test
    void patternsWithoutARequiredLiteral() {
        for (String regex : new String[] {"\\d+", "a*", "x{0,3}", "(a|)", "[^a]", "a|\\w", ".", "", "(?i)", "a(?-i)*", "a\\Q\\E*",
                "\\pL", "\\1", "a{", "x]"}) {
            assertThat(RegexLiterals.required(regex)).as(regex).isNull();
        }
    }

    @Test
    void everyMatchContainsARequiredLiteral() {
        Random random = new Random(5);
        int checked = 0;
        int withLiterals = 0;
        for (int n = 0; n < 30_000; n++) {
            String regex = regex(random, 0);
            Pattern pattern;
            try {
                pattern = Pattern.compile(regex, random.nextInt(3) == 0 ? Pattern.CASE_INSENSITIVE : 0);
            } catch (PatternSyntaxException e) {
                continue;
            }
            Set<String> required = RegexLiterals.required(regex);
            if (required != null) {
                withLiterals++;
                assertThat(required).as(regex).doesNotContain("");
            }
            for (int m = 0; m < 10; m++) {
                String text = text(random);
                if (required != null && pattern.matcher(text).find()) {
                    String folded = TextFold.fold(text);
                    assertThat(required.stream().anyMatch(folded::contains)).as("%s on %s needs %s", pattern, text, required).isTrue();
                    checked++;
                }
            }
        }
        assertThat(withLiterals).isGreaterThan(5_000);
        assertThat(checked).isGreaterThan(5_000);
    }

    private static final String[] PIECES = {"a", "b", "ab", "K", "k", "\u212A", "s", "\u017F", "S", "\u0130", "i", "\u03A3", "\u03C2",
            "\\.", "\\b", "^", "$", "\\d", "\\w", ".", "[ab]", "[^a]", "[a-c]", "[sK]", "\\x{17F}", "\\Qa.\\E", "(?i)", "(?i:ab)", "(?-i)", "\\Q\\E",
            "\\s", " ", "-", "\\pL", "[[:alpha:]]", "\\x41", "{", "]", "\uD801\uDC00", "\uD801\uDC28", "\\n"};

    static String regex(Random random, int depth) {
        StringBuilder regex = new StringBuilder();
        for (int i = random.nextInt(4) + 1; i > 0; i--) {
            String piece = depth < 3 && random.nextInt(5) == 0
                    ? "(" + (random.nextBoolean() ? "?:" : "") + regex(random, depth + 1) + (random.nextBoolean() ? "|" + regex(random, depth + 1) : "") + ")"
                    : PIECES[random.nextInt(PIECES.length)];
            regex.append(piece);
            switch (random.nextInt(10)) {
                case 0 -> regex.append('*');
                case 1 -> regex.append('+');
                case 2 -> regex.append('?');
                case 3 -> regex.append(random.nextBoolean() ? "{2}" : random.nextBoolean() ? "{0,2}" : "{1,}");
                default -> {
                }
            }
        }
        if (random.nextInt(6) == 0) {
            regex.append('|').append(regex(random, depth + 1));
        }
        return regex.toString();
    }

    static String text(Random random) {
        StringBuilder text = new StringBuilder();
        String[] letters = {"a", "b", "A", "B", "k", "K", "\u212A", "s", "S", "\u017F", "i", "I", "\u0130", "\u0131", "\u03A3", "\u03C3",
                "\u03C2", ".", " ", "-", "1", "\n", "\uD801\uDC00", "\uD801\uDC28", "c", "\u0307"};
        for (int i = random.nextInt(12); i > 0; i--) {
            text.append(letters[random.nextInt(letters.length)]);
        }
        return text.toString();
    }
}
