package dev.flowrules.bench;

import dev.flowrules.Engine;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code Engine.fromRules} on the moderation mix ({@link Moderation}), timed in a fresh JVM:
 * {@code FromRulesTiming write N DIR} writes N rules and their list files; {@code FromRulesTiming load DIR [CALLS]}
 * calls {@code fromRules} CALLS times (default 1) and prints the first call's and the last call's time and the
 * peak heap. Run the load under {@code /usr/bin/time} for the whole process (src/test/perf/fromrules.sh).
 */
public final class FromRulesTiming {
    private FromRulesTiming() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("write")) {
            Path written = Moderation.writeRules(Integer.parseInt(args[1]), false);
            Path target = Path.of(args[2]);
            Files.createDirectories(target.resolve("lists"));
            try (var files = Files.walk(written)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, target.resolve(written.relativize(file).toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return;
        }
        Path dir = Path.of(args[1]);
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        long first = 0;
        long firstCpu = 0;
        long last = 0;
        int rules = 0;
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int call = 0; call < calls; call++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            Engine engine = Engine.fromRules(dir);
            last = (System.nanoTime() - start) / 1_000_000;
            if (call == 0) {
                first = last;
                firstCpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
            }
            rules = engine.rules().ruleCount();
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        // CPU time of the calling thread: less inflated than wall time on a busy machine (the JIT's threads and, with
        // several files, the parallel readers are not in it; the whole process's CPU time is in /usr/bin/time's).
        System.out.printf("rules=%d first call %d ms (%d ms CPU on the calling thread), call %d %d ms, peak heap %.0f MB%n",
                rules, first, firstCpu, calls, last, peak / 1_048_576.0);
    }
}
