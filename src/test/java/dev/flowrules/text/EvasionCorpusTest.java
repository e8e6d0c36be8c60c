package dev.flowrules.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Detection and false positives of {@code evasions: all} on the corpus in src/test/resources/dev/flowrules/text
 * (docs/rules.md quotes the figures this prints; src/test/perf/obscenity-compare.js measures the npm library
 * obscenity on the same list and lines).
 */
class EvasionCorpusTest {

    record Line(boolean disguised, String kind, String text) {
    }

    static List<String> list() throws IOException {
        return read("banned.txt").stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    static List<Line> corpus() throws IOException {
        List<Line> lines = new ArrayList<>();
        for (String line : read("evasion-corpus.tsv")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 3);
            lines.add(new Line(parts[0].equals("D"), parts[1], parts[2]));
        }
        return lines;
    }

    private static List<String> read(String name) throws IOException {
        try (InputStream in = EvasionCorpusTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** Per kind: {caught, total}; innocent lines under "ordinary" count the ones matched. */
    static Map<String, int[]> measure(Set<Evasion> evasions, List<String> missed) throws IOException {
        WordLists.Builder builder = WordLists.builder();
        int id = builder.add(list(), evasions);
        WordLists lists = builder.build();
        Map<String, int[]> byKind = new TreeMap<>();
        for (Line line : corpus()) {
            boolean found = lists.hits(line.text()).containsKey(id);
            int[] counts = byKind.computeIfAbsent(line.kind(), k -> new int[2]);
            counts[0] += found ? 1 : 0;
            counts[1]++;
            if (found != line.disguised()) {
                missed.add((line.disguised() ? "missed: " : "false positive: ") + line.text());
            }
        }
        return byKind;
    }

    @Test
    void noFalsePositivesAndTheDisguisesEachKindClaims() throws IOException {
        List<String> wrong = new ArrayList<>();
        Map<String, int[]> all = measure(Evasion.all(), wrong);
        Map<String, int[]> none = measure(Set.of(), new ArrayList<>());
        StringBuilder report = new StringBuilder("kind: caught/lines with evasions: all (without evasions)\n");
        int caught = 0;
        int total = 0;
        for (var entry : all.entrySet()) {
            int[] c = entry.getValue();
            report.append(String.format("  %-12s %3d/%3d (%3d)%n", entry.getKey(), c[0], c[1], none.get(entry.getKey())[0]));
            if (!entry.getKey().equals("ordinary")) {
                caught += c[0];
                total += c[1];
            }
        }
        report.append(String.format("disguised caught: %d/%d (%.1f%%); innocent matched: %d/%d%n", caught, total,
                100.0 * caught / total, all.get("ordinary")[0], all.get("ordinary")[1]));
        wrong.forEach(w -> report.append("  ").append(w).append('\n'));
        System.out.println(report);

        assertThat(all.get("ordinary")[0]).as(report.toString()).isZero();
        for (var entry : all.entrySet()) {
            if (!entry.getKey().equals("ordinary") && !entry.getKey().equals("other")) {
                assertThat(entry.getValue()[0]).as(entry.getKey() + "\n" + report).isEqualTo(entry.getValue()[1]);
            }
        }
    }
}
