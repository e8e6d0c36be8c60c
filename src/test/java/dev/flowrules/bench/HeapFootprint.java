package dev.flowrules.bench;

import dev.flowrules.compile.RuleSet;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.RuleLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Heap retained by a compiled rule set: used heap after full collections, with and without it reachable.
 * {@code java -cp ... dev.flowrules.bench.HeapFootprint RULES WORDS_PER_LIST} (10 lists).
 */
public final class HeapFootprint {
    private HeapFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int rules = Integer.parseInt(args[0]);
        int words = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory("flowrules-heap");
        List<List<String>> lists = Workload.wordLists(10, words, 7);
        for (int l = 0; l < lists.size(); l++) {
            Files.write(dir.resolve("list" + l + ".txt"), lists.get(l));
        }
        StringBuilder yaml = new StringBuilder(Workload.ruleFile(rules, "{set-metadata: r%d}"));
        for (int l = 0; l < lists.size(); l++) {
            yaml.append("  - {id: words").append(l).append(", when: {content: {contains-word: {file: list").append(l)
                    .append(".txt}}}, then: [deny]}\n");
        }
        Path file = Files.writeString(dir.resolve("rules.yaml"), yaml);
        long before = usedAfterGc();
        long start = System.nanoTime();
        LoadResult loaded = RuleLoader.load(file);
        RuleSet compiled = RuleSet.compile(loaded.files());
        long millis = (System.nanoTime() - start) / 1_000_000;
        long after = usedAfterGc();
        System.out.printf("rules=%d lists=10x%d words, load+compile %d ms (first, cold JVM), retained %.1f MB%n",
                compiled.ruleCount(), words, millis, (after - before) / 1_048_576.0);
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
