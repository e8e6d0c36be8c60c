#!/usr/bin/env bash
# Engine.fromRules on the moderation mix in fresh JVMs: whole-process time and peak RSS (/usr/bin/time), the first
# call's time, then a warm figure (10 calls in one JVM, the last one's time). Offline; run after bench.sh compiled.
#   bash src/test/perf/fromrules.sh 25 1000 10000
# FROMRULES_JAVA_OPTS passes JVM options to the timed JVMs, e.g. -XX:TieredStopAtLevel=1 (what AWS suggests for a
# Lambda's cold start) to see the same calls with the JIT's first tier only.
set -euo pipefail
cd "$(dirname "$0")/../../.."
[ -f target/bench.classpath ] || bash src/test/perf/bench.sh -l >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
echo "load: $(uptime)"
opts=${FROMRULES_JAVA_OPTS:-}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(25 1000 10000)
for n in "${sizes[@]}"; do
  dir="target/fromrules-$n"
  rm -rf "$dir" && java -cp "$CP" dev.flowrules.bench.FromRulesTiming write "$n" "$dir"
  /usr/bin/time -f "  cold, whole process: %e s wall, %U s user + %S s system CPU, peak RSS %M KB" java $opts -cp "$CP" dev.flowrules.bench.FromRulesTiming load "$dir"
  java $opts -cp "$CP" dev.flowrules.bench.FromRulesTiming load "$dir" 10 | sed 's/^/  warm: /'
done
