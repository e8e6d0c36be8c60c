package dev.flowrules.bench;

import dev.flowrules.compile.RuleSet;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.RuleLoader;
import dev.flowrules.eval.Decision;
import dev.flowrules.eval.Evaluator;
import dev.flowrules.event.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
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
 * Whole-word lists: {@code rules} rules, each testing the content against one of 10 list files of
 * {@code words} words; one message in ten holds a listed word. Against the naive way: one case-insensitive
 * {@code \b(w1|w2|...)\b} java.util.regex per rule.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(1)
public class WordListBenchmark {
    static final int LISTS = 10;

    @Param({"10", "100", "1000"})
    public int rules;

    @Param({"100", "2000", "10000"})
    public int words;

    private RuleSet flowrules;
    private final List<Pattern> naive = new ArrayList<>();
    private final List<Message> messages = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() throws IOException {
        Path dir = Files.createTempDirectory("flowrules-bench");
        List<List<String>> lists = Workload.wordLists(LISTS, words, 7);
        for (int l = 0; l < LISTS; l++) {
            Files.write(dir.resolve("list" + l + ".txt"), lists.get(l));
        }
        StringBuilder yaml = new StringBuilder("version: 1\nrules:\n");
        List<Pattern> perList = new ArrayList<>();
        for (List<String> list : lists) {
            perList.add(Pattern.compile("\\b(?:" + String.join("|", list) + ")\\b", Pattern.CASE_INSENSITIVE));
        }
        for (int i = 0; i < rules; i++) {
            yaml.append("  - {id: w").append(i).append(", when: {content: {contains-word: {file: list").append(i % LISTS)
                    .append(".txt}}}, then: [{set-metadata: w").append(i).append("}]}\n");
            naive.add(perList.get(i % LISTS)); // shared: compiling 1,000 copies would only cost memory
        }
        Path file = Files.writeString(dir.resolve("words.yaml"), yaml);
        LoadResult loaded = RuleLoader.load(file);
        if (loaded.hasErrors()) {
            throw new IllegalStateException(loaded.errors().toString());
        }
        flowrules = RuleSet.compile(loaded.files());
        List<Workload.Msg> mix = Workload.messages(rules, 64, 43);
        for (int i = 0; i < mix.size(); i++) {
            Message message = mix.get(i).message();
            if (i % 10 == 3) {
                String word = lists.get(i % LISTS).get(i % words).toUpperCase(java.util.Locale.ROOT);
                message = message.withContent(message.content() + " " + word + "!");
            }
            messages.add(message);
        }
    }

    private Message nextMessage() {
        next = (next + 1) & 63;
        return messages.get(next);
    }

    @Benchmark
    public Decision flowrules() {
        return Evaluator.evaluate(flowrules, nextMessage());
    }

    @Benchmark
    public int naiveRegexPerRule() {
        String content = nextMessage().content();
        int matched = 0;
        for (Pattern pattern : naive) {
            if (pattern.matcher(content).find()) {
                matched++;
            }
        }
        return matched;
    }
}
