package dev.flowrules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.TestRules;
import dev.flowrules.compile.RuleSet;
import dev.flowrules.dsl.Words;
import dev.flowrules.eval.Evaluator;
import dev.flowrules.eval.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exactly which forms whole-word matching folds (docs/rules.md "Whole words" and docs/security.md): NFKC,
 * removal of format characters, then locale-independent lower case. Each test pins one documented behaviour,
 * including the ones that are deliberately not folded.
 */
class WordNormalisationTest {

    private static boolean matches(String entry, String content) {
        RuleSet rules = TestRules.compile("""
                - id: w
                  when: {content: {contains-word: [%s]}}
                  then: [deny]
                """.formatted(HostileMessagesTest.json(entry)));
        return Evaluator.evaluate(rules, TestRules.message(content)).outcome() == Outcome.DENY;
    }

    @Test
    void caseIsIgnoredWithoutLocale() {
        assertThat(matches("scam", "A SCAM!")).isTrue();
        assertThat(matches("SCAM", "a scam")).isTrue();
        assertThat(matches("scam", "scampi")).isFalse();
        // Java's lower case knows the Greek final-sigma rule; no locale is involved.
        assertThat(Words.normalize("ΣΟΦΙΑ")).isEqualTo("σοφια");
    }

    @Test
    void compatibilityFormsFoldUnderNfkc() {
        assertThat(matches("scam", "ｓｃａｍ")).isTrue();       // full-width
        assertThat(matches("fine", "ﬁne")).isTrue();           // ligature fi
        assertThat(matches("scam2", "scam²")).isTrue();        // superscript two
        assertThat(matches("scam", "𝐬𝐜𝐚𝐦")).isTrue();          // mathematical bold
        assertThat(matches("café", "cafe\u0301")).isTrue();     // combining accent composes
        assertThat(matches("cafe\u0301", "café")).isTrue();
    }

    @Test
    void invisibleFormatCharactersAreRemoved() {
        for (String hidden : List.of("\u200B", "\u200C", "\u200D", "\u2060", "\u00AD", "\uFEFF", "\u202E", "\u2066")) {
            assertThat(matches("scam", "sc" + hidden + "am")).as("U+%04X", (int) hidden.charAt(0)).isTrue();
        }
        // Removing a zero-width space joins what it separated: it is not a word separator.
        assertThat(matches("free money", "free\u200Bmoney")).isFalse();
        assertThat(matches("freemoney", "free\u200Bmoney")).isTrue();
    }

    @Test
    void accentsAreKept() {
        assertThat(matches("cafe", "café")).isFalse();
        assertThat(matches("café", "cafe")).isFalse();
        assertThat(matches("resume", "résumé")).isFalse();
    }

    @Test
    void germanSharpSIsNotFoldedToSs() {
        // Lower-casing is not full case folding: ß stays ß, and "STRASSE" lower-cases to "strasse".
        assertThat(matches("straße", "STRAßE")).isTrue();
        assertThat(matches("straße", "Strasse")).isFalse();
        assertThat(matches("strasse", "straße")).isFalse();
        // Capital sharp s (U+1E9E) lower-cases to ß.
        assertThat(matches("straße", "STRA\u1E9EE")).isTrue();
    }

    @Test
    void turkishDotlessIIsLocaleIndependent() {
        // Root-locale lower case: İ becomes i + combining dot above (kept, so not plain "istanbul"); I becomes i;
        // dotless ı stays ı. The result does not depend on the server's default locale.
        assertThat(matches("istanbul", "ISTANBUL")).isTrue();
        assertThat(matches("istanbul", "İstanbul")).isFalse();
        assertThat(matches("i\u0307stanbul", "İSTANBUL")).isTrue();
        assertThat(matches("ıstanbul", "ISTANBUL")).isFalse();
        assertThat(matches("ıstanbul", "ıSTANBUL")).isTrue();
    }

    @Test
    void combiningMarksBelongToTheirWord() {
        assertThat(matches("scam", "s\u0301cam")).isFalse(); // a mark makes it another word
        assertThat(Words.entryWords("n\u0303o\u0308")).hasSize(1);
        assertThat(Words.entryWords("\u0301\u0301")).hasSize(1); // marks alone still form a word (never empty)
    }

    @Test
    void separatorsIncludePunctuationEmojiAndOtherSpaces() {
        assertThat(matches("free money", "free\u00A0money")).isTrue();
        assertThat(matches("free money", "free...money")).isTrue();
        assertThat(matches("free money", "free😀money")).isTrue();
        assertThat(matches("free money", "free\u3000money")).isTrue();
        assertThat(matches("scam", "SCAM\u202Eevil")).isFalse(); // a removed bidi control joins, like U+200B
    }

    @Test
    void otherScriptsAndDigitsAreWords() {
        assertThat(matches("мошенник", "Это МОШЕННИК!")).isTrue();
        assertThat(matches("詐欺", "これは 詐欺 です")).isTrue();
        assertThat(matches("12", "\u0661\u0662")).isFalse(); // Arabic-Indic digits are not folded to ASCII by NFKC
        assertThat(matches("12", "１２")).isTrue();           // full-width digits are
    }
}
