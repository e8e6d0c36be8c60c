#!/usr/bin/env bash
# Runs JMH benchmarks from src/test/java/dev/flowrules/bench; arguments go to JMH (a name filter, -f, -wi, -i, -p).
#   bash src/test/perf/bench.sh ModerationBenchmark -prof gc
#   bash src/test/perf/bench.sh SharedSubsetBenchmark -f 1 -wi 8 -i 5   (fewer warm-ups measure the JIT at work)
# BENCH_JAVA_OPTS passes JVM options (e.g. -Djmh.ignoreLock=true when another JMH run holds the lock).
# Offline (-o): the dependency plugin's version is pinned so that Maven never looks for a newer one.
set -euo pipefail
cd "$(dirname "$0")/../../.."
mvn -B -q -o test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
echo "machine load before the run: $(uptime)" >&2
exec java ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main "$@"
