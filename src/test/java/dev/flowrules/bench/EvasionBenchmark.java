package dev.flowrules.bench;

import dev.flowrules.compile.RuleSet;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.RuleLoader;
import dev.flowrules.eval.Decision;
import dev.flowrules.eval.Evaluator;
import dev.flowrules.event.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Word lists with evasions (issue 12, "Speed"): 10 rules, each testing the content against its own list file of
 * 10,000 letter-only words, with {@code evasions: all} or none, on messages of {@code bytes} bytes (ordinary
 * words, one message in eight holding a disguised listed word). Beside it, in the same run, a plain one-pass scan
 * of the same bytes (lower-casing each character into a hash): MB/s = ops/s x bytes / 1e6.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Ten warm-ups: with fewer, the word lists were still speeding up during the measurement (docs/performance.md).
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EvasionBenchmark {
    static final int LISTS = 10;
    static final int WORDS = 10_000;

    @Param({"1024", "4096"})
    public int bytes;

    @Param({"all", "none"})
    public String evasions;

    private RuleSet rules;
    private final List<Message> messages = new ArrayList<>();
    private final List<String> contents = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() throws IOException {
        Random random = new Random(12);
        Path dir = Files.createTempDirectory("flowrules-evasion-bench");
        StringBuilder yaml = new StringBuilder("version: 1\nrules:\n");
        List<String> listed = new ArrayList<>();
        for (int l = 0; l < LISTS; l++) {
            List<String> words = new ArrayList<>();
            for (int w = 0; w < WORDS; w++) {
                words.add(word(random, 5 + random.nextInt(5)));
            }
            listed.add(words.get(l));
            Files.write(dir.resolve("list" + l + ".txt"), words);
            String source = evasions.equals("all") ? "{file: list" + l + ".txt, evasions: all}" : "{file: list" + l + ".txt}";
            yaml.append("  - {id: w").append(l).append(", when: {content: {contains-word: ").append(source)
                    .append("}}, then: [{set-metadata: w").append(l).append("}]}\n");
        }
        LoadResult loaded = RuleLoader.load(Files.writeString(dir.resolve("words.yaml"), yaml));
        if (loaded.hasErrors()) {
            throw new IllegalStateException(loaded.errors().toString());
        }
        rules = RuleSet.compile(loaded.files());
        for (int m = 0; m < 64; m++) {
            StringBuilder text = new StringBuilder();
            while (text.toString().getBytes(StandardCharsets.UTF_8).length < bytes - 16) {
                text.append(Workload.sentence(random, 8)).append(random.nextInt(4) == 0 ? ", " : ". ");
            }
            if (m % 8 == 3) {
                String word = listed.get(m % LISTS);
                text.append(' ').append(word.charAt(0)).append(' ').append(word.substring(1).replace('a', '4').replace('e', '3'));
            }
            String content = text.substring(0, Math.min(text.length(), bytes));
            contents.add(content);
            messages.add(Workload.messages(1, 1, m).get(0).message().withContent(content).withContentType("text/plain"));
        }
    }

    private static String word(Random random, int length) {
        String consonants = "bcdfghjklmnprstvz";
        String vowels = "aeiou";
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            String from = i % 2 == 0 ? consonants : vowels;
            word.append(from.charAt(random.nextInt(from.length())));
        }
        return word.toString();
    }

    @Benchmark
    public Decision wordLists() {
        next = (next + 1) & 63;
        return Evaluator.evaluate(rules, messages.get(next));
    }

    /** The floor: one pass over the same characters, lower-cased, nothing matched. */
    @Benchmark
    public int plainScan() {
        next = (next + 1) & 63;
        String content = contents.get(next);
        int hash = 0;
        for (int i = 0; i < content.length(); i++) {
            hash = hash * 31 + Character.toLowerCase(content.charAt(i));
        }
        return hash;
    }

}
