package dev.flowrules.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WordListsTest {

    private static final List<String> LIST = List.of("scam", "creampie", "free money", "ass", "cock", "rapist", "hell",
            "shit", "kill", "god", "ab", "bc");

    private static String hit(String text, Set<Evasion> evasions) {
        WordLists.Builder builder = WordLists.builder();
        int id = builder.add(LIST, evasions);
        return builder.build().hits(text).get(id);
    }

    private static boolean all(String text) {
        return hit(text, Evasion.all()) != null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sc4m", "sсam", "ѕсаm", "SCAM", "scâm", "s c a m", "s.c.a.m", "s-c-a-m", "s_c_a_m",
        "scaaaam", "sc\u200Bam", "ｓｃａｍ", "s\u034Fcam", "$cam", "5c4m", "sc@m", "$ c @ m", "s c 4 m", "what a s c a m",
        "this is a ѕсаm!", "S.C.A.M.", "🅢🅒🅐🅜", "🇸🇨🇦🇲", "s̷c̷a̷m̷", "scam!!!", "(scam)", "ѕс@m", "s  c  a  m",
        "scaam", "f r e e m o n e y", "fr33 m0ney", "sh1t", "he11", "k1ll", "kiiill", "ǝ scam", "sсаааm", "@ss", "a$$", "$ c 4 m", "S-C-Â-M", "it is ЅСАМ", "ѕс@m"})
    void catchesDisguises(String text) {
        assertThat(all(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Scunthorpe", "assassin", "classic", "cocktail", "therapist", "scampi", "cream pie",
        "meet at 5 or 6", "room 101", "a b c", "I am a b", "as", "cook", "good", "shell", "skill", "hello", "scams",
        "passing", "a cocky answer", "the bass player", "class of 2024", "Это сор", "cop", "Mississippi", "scammer",
        "sc am", "s c", "version 1.2.3", "file scam.txt is", "kiln", "b 4 u", "1 2 3 4", "e-mail", "Ｗｉｆｉ",
        "I.T. department", "U.S.A.", "at 5pm"})
    void leavesOrdinaryTextAlone(String text) {
        // "scam.txt" splits into the words scam and txt: a listed word in a file name is still the word.
        boolean expected = text.equals("file scam.txt is");
        assertThat(all(text)).as(text).isEqualTo(expected);
    }

    @Test
    void symbolsAtTheEdgeMayBePunctuation() {
        WordLists.Builder builder = WordLists.builder();
        int id = builder.add(List.of("john", "ass"), Evasion.all());
        WordLists lists = builder.build();
        assertThat(lists.hits("@john hi").get(id)).isEqualTo("john");
        assertThat(lists.hits("455").get(id)).isNull();
        assertThat(lists.hits("4ss").get(id)).isEqualTo("ass");
    }

    @Test
    void withoutEvasionsNothingChangesFromPlainWholeWords() {
        Set<Evasion> none = Set.of();
        assertThat(hit("a SCAM!", none)).isEqualTo("scam");
        assertThat(hit("ｓｃａｍ", none)).isEqualTo("scam");
        assertThat(hit("sc\u200Bam", none)).isEqualTo("scam");
        for (String disguised : List.of("sc4m", "sсam", "scâm", "s c a m", "scaaam", "$cam", "🅢🅒🅐🅜")) {
            assertThat(hit(disguised, none)).as(disguised).isNull();
        }
    }

    @Test
    void eachKindCatchesOnlyItsOwnDisguise() {
        assertThat(hit("sc4m", EnumSet.of(Evasion.LEET))).isEqualTo("scam");
        assertThat(hit("sc4m", EnumSet.of(Evasion.REPEATS))).isNull();
        assertThat(hit("sсam", EnumSet.of(Evasion.LOOK_ALIKES))).isEqualTo("scam");
        assertThat(hit("scâm", EnumSet.of(Evasion.ACCENTS))).isEqualTo("scam");
        assertThat(hit("scâm", EnumSet.of(Evasion.LOOK_ALIKES))).isNull();
        assertThat(hit("s c a m", EnumSet.of(Evasion.SPACING))).isEqualTo("scam");
        assertThat(hit("scaaam", EnumSet.of(Evasion.REPEATS))).isEqualTo("scam");
        assertThat(hit("s\u034Fcam", EnumSet.of(Evasion.INVISIBLE))).isEqualTo("scam");
        assertThat(hit("s\u034Fcam", EnumSet.of(Evasion.WIDTH))).isNull();
        assertThat(hit("🅢🅒🅐🅜", EnumSet.of(Evasion.WIDTH))).isEqualTo("scam");
    }

    @Test
    void repeatsKeepOrdinaryDoubles() {
        Set<Evasion> repeats = EnumSet.of(Evasion.REPEATS);
        assertThat(hit("good", repeats)).isNull();      // 'god' is listed; a double o is ordinary English
        assertThat(hit("goood", repeats)).isEqualTo("god");
        assertThat(hit("as", repeats)).isNull();        // 'ass' needs two s at least
        assertThat(hit("asssss", repeats)).isEqualTo("ass");
        assertThat(hit("scaam", repeats)).isEqualTo("scam"); // a is rarely doubled in English
    }

    @Test
    void scriptsWithoutSpacesMatchInsideARun() {
        WordLists.Builder builder = WordLists.builder();
        int id = builder.add(List.of("诈骗", "scam", "詐欺", "โกง", "free money"), Set.of());
        WordLists lists = builder.build();
        assertThat(lists.hits("这是诈骗信息").get(id)).isEqualTo("诈骗");
        assertThat(lists.hits("完全是scam啊").get(id)).isEqualTo("scam");
        assertThat(lists.hits("完全是诈骗scam啊").get(id)).isEqualTo("诈骗");
        assertThat(lists.hits("これは詐欺です").get(id)).isEqualTo("詐欺");
        assertThat(lists.hits("นี่คือการโกงเงิน").get(id)).isEqualTo("โกง");
        assertThat(lists.hits("完全是scammer啊").get(id)).isNull(); // Latin words stay whole
        assertThat(lists.hits("诈").get(id)).isNull();
        assertThat(lists.hits("free钱money").get(id)).isNull();
    }

    @Test
    void phrasesSpanWordsWhateverSeparatesThem() {
        assertThat(hit("get FREE...money now", Set.of())).isEqualTo("free money");
        assertThat(hit("freemoney", Set.of())).isNull();
        assertThat(hit("free monkey", Set.of())).isNull();
    }

    @Test
    void looksAlikesInAnotherScriptsSentenceStayThatScript() {
        WordLists.Builder builder = WordLists.builder();
        int id = builder.add(List.of("cop", "сор"), Evasion.all());
        WordLists lists = builder.build();
        assertThat(lists.hits("Это сор на полу").get(id)).isEqualTo("сор"); // Russian word, Russian entry
        assertThat(lists.hits("call the сор now").get(id)).isEqualTo("cop");  // Cyrillic letters in English
    }

    @Test
    void listsWithDifferentEvasionsAreAnsweredTogether() {
        WordLists.Builder builder = WordLists.builder();
        int plain = builder.add(List.of("scam"), Set.of());
        int disguised = builder.add(List.of("scam"), Evasion.all());
        int other = builder.add(List.of("fraud"), Evasion.all());
        int again = builder.add(List.of("scam"), Set.of());
        WordLists lists = builder.build();
        assertThat(again).isEqualTo(plain);
        assertThat(lists.size()).isEqualTo(3);
        assertThat(lists.hits("sc4m and fr4ud")).containsOnlyKeys(disguised, other);
        assertThat(lists.hits("scam")).containsOnlyKeys(plain, disguised);
    }

    @Test
    void readingShowsWhatAnEntryMeans() {
        assertThat(WordLists.readingOf("$cam", Set.of())).isEqualTo("cam");
        assertThat(WordLists.readingOf("$cam", EnumSet.of(Evasion.LEET))).isEqualTo("scam");
        assertThat(WordLists.readingOf("Free  Money", Set.of())).isEqualTo("free money");
    }
}
