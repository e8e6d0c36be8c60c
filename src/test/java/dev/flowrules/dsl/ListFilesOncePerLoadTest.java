package dev.flowrules.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.patterns.Patterns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list file named by many rule files (read in parallel) is read and normalised once per load, and each rule file
 * still gets the diagnostics it gets when it is loaded alone: the list's problems at their line in the list, and
 * the problems worded with the name the rule file wrote, at the place it wrote it.
 */
class ListFilesOncePerLoadTest {
    private static final int RULE_FILES = 12;

    @TempDir
    Path dir;

    private LoadResult counted(ListFiles lists, Path... inputs) {
        return RuleLoader.load(List.of(inputs), new OneLoad(Patterns.current(), lists));
    }

    /** The diagnostics as each file gives them alone, as loading did before list files were shared. */
    private List<String> eachAlone(Path... files) {
        List<String> all = new ArrayList<>();
        for (Path file : files) {
            RuleLoader.loadFile(file).diagnostics().forEach(d -> all.add(d.format()));
        }
        return all;
    }

    private static List<String> formatted(LoadResult result) {
        return result.diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void aListNamedByEveryRuleFileIsReadOnceAndWarnsInEachAsBefore() throws IOException {
        Files.createDirectories(dir.resolve("lists"));
        // a duplicate (FR026) and an entry without letters (FR027): warnings every rule file reports
        Files.writeString(dir.resolve("lists/banned.txt"), "# words\nspam\nscam\nSPAM\n!!!\n");
        Files.writeString(dir.resolve("lists/arns.txt"), "arn:aws:chime:us-east-1:111122223333:app-instance/a/user/bot\n");
        Path[] files = new Path[RULE_FILES];
        for (int i = 0; i < RULE_FILES; i++) {
            files[i] = Files.writeString(dir.resolve("rules-" + (char) ('a' + i) + ".yaml"), """
                    version: 1
                    rules:
                      - id: words-%1$d
                        when: {content: {contains-word: {file: lists/banned.txt}}}
                        then: [deny]
                      - id: again-%1$d
                        when: {content: {contains-word: {file: lists/banned.txt, evasions: all}}}
                        then: [deny]
                      - id: senders-%1$d
                        when: {sender.arn: {one-of: {file: lists/arns.txt}}}
                        then: [deny]
                      - id: senders-again-%1$d
                        when: {sender.arn: {one-of: {file: lists/arns.txt}}}
                        then: [deny]
                    """.formatted(i));
        }
        ListFiles lists = new ListFiles();
        LoadResult result = counted(lists, dir);
        assertThat(lists.reads()).isEqualTo(2);
        assertThat(result.files()).hasSize(RULE_FILES);
        assertThat(result.files()).allSatisfy(file -> assertThat(file.rules()).hasSize(4));
        assertThat(formatted(result)).hasSize(2 * RULE_FILES).containsExactlyInAnyOrderElementsOf(eachAlone(files));
        assertThat(formatted(result)).filteredOn(d -> d.contains("FR026")).hasSize(RULE_FILES).allSatisfy(d -> assertThat(d)
                .isEqualTo(RuleLoader.displayName(dir.resolve("lists/banned.txt")) + ":4:1: warning: the entry 'SPAM' is the"
                        + " same word as line 2 once case and width are folded [FR026]\n  hint: remove one of them"));
        // every rule file shares the one reading
        Operator.ContainsWord first = (Operator.ContainsWord) ((Condition.FieldTests) result.files().get(0).rules().get(0)
                .when()).tests().get(0);
        Operator.ContainsWord last = (Operator.ContainsWord) ((Condition.FieldTests) result.files().get(RULE_FILES - 1)
                .rules().get(0).when()).tests().get(0);
        assertThat(first.words()).containsExactly("spam", "scam").isSameAs(last.words());
    }

    @Test
    void anErrorInAListIsReportedForEveryRuleFileThatNamesItAtItsLine() throws IOException {
        Files.writeString(dir.resolve("bad.txt"), "fine\nbroken\u0007here\n");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            files.add(Files.writeString(dir.resolve("r" + i + ".yaml"), """
                    version: 1
                    rules:
                      - id: r%d
                        when: {content: {contains-word: {file: bad.txt}}}
                        then: [deny]
                    """.formatted(i)));
        }
        ListFiles lists = new ListFiles();
        LoadResult result = counted(lists, dir);
        assertThat(lists.reads()).isEqualTo(1);
        assertThat(result.files()).allSatisfy(file -> assertThat(file.rules()).isEmpty());
        assertThat(formatted(result)).containsExactlyInAnyOrderElementsOf(eachAlone(files.toArray(Path[]::new)))
                .hasSize(3).allSatisfy(d -> assertThat(d).isEqualTo(RuleLoader.displayName(dir.resolve("bad.txt"))
                        + ":2:1: error: list file 'bad.txt' line 2 holds a control character; it does not look like a text"
                        + " file [FR009]\n  hint: a list file is plain UTF-8 text, one word or phrase per line"));
    }

    @Test
    void oneFileNamedDifferentlyFromTwoDirectoriesIsReadOnceAndWordedAsEachNamesIt() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/words.txt"), "# nothing yet\n");
        Path top = Files.writeString(dir.resolve("top.yaml"), """
                version: 1
                rules:
                  - id: top
                    when: {content: {contains-word: {file: sub/words.txt}}}
                    then: [deny]
                """);
        Path below = Files.writeString(dir.resolve("sub/below.yaml"), """
                version: 1
                rules:
                  - id: below
                    when: {content: {contains-word: {file: words.txt}}}
                    then: [deny]
                """);
        ListFiles lists = new ListFiles();
        LoadResult result = counted(lists, top, below);
        assertThat(lists.reads()).isEqualTo(1);
        assertThat(formatted(result)).containsExactlyInAnyOrderElementsOf(eachAlone(top, below));
        assertThat(result.diagnostics()).extracting(Diagnostic::message).containsExactlyInAnyOrder(
                "list file 'sub/words.txt' has no entries, so this test never matches",
                "list file 'words.txt' has no entries, so this test never matches");
    }

    @Test
    void aListTooLongOrEmptyIsReportedWhereEachRuleFileNamesIt() throws IOException {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i <= LoaderLimits.MAX_LIST_ENTRIES; i++) {
            big.append('w').append(i).append('\n');
        }
        Files.writeString(dir.resolve("big.txt"), big);
        Files.writeString(dir.resolve("empty.txt"), "# to be filled\n");
        Path[] files = new Path[2];
        for (int i = 0; i < files.length; i++) {
            files[i] = Files.writeString(dir.resolve("r" + i + ".yaml"), """
                    version: 1
                    rules:
                      - id: words-%1$d
                        when: {content: {contains-word: {file: big.txt}}}
                        then: [deny]
                      - id: values-%1$d
                        when: {sender.name: {one-of: {file: big.txt}}}
                        then: [deny]
                      - id: none-%1$d
                        when: {sender.name: {one-of: {file: empty.txt}}}
                        then: [deny]
                    """.formatted(i));
        }
        ListFiles lists = new ListFiles();
        LoadResult result = counted(lists, dir);
        assertThat(lists.reads()).isEqualTo(2);
        assertThat(formatted(result)).containsExactlyInAnyOrderElementsOf(eachAlone(files));
        String tooMany = "list file 'big.txt' has more than " + LoaderLimits.MAX_LIST_ENTRIES + " entries";
        assertThat(result.diagnostics()).extracting(d -> d.pos().line() + ":" + d.pos().column() + " " + d.message())
                .containsExactlyInAnyOrder("4:44 " + tooMany, "7:41 " + tooMany, "10:41 list file 'empty.txt' has no"
                        + " entries, so this test never matches", "4:44 " + tooMany, "7:41 " + tooMany, "10:41 list file"
                        + " 'empty.txt' has no entries, so this test never matches");
    }
}
