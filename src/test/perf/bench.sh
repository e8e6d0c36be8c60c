#!/usr/bin/env bash
# Runs JMH benchmarks from src/test/java/dev/flowrules/bench; arguments go to JMH (a name filter, -f, -wi, -i, -p).
#   bash src/test/perf/bench.sh RegexLinearity
#   bash src/test/perf/bench.sh EngineBenchmark -f 1 -wi 3 -i 5
# BENCH_JAVA_OPTS passes JVM options (e.g. -Djmh.ignoreLock=true when another JMH run holds the lock).
set -euo pipefail
cd "$(dirname "$0")/../../.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main "$@"
