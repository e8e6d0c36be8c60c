#!/usr/bin/env bash
# Engine.fromRules on the moderation mix in fresh JVMs: whole-process time and peak RSS (/usr/bin/time), the first
# call's time, then a warm figure (10 calls in one JVM, the last one's time). Offline; run after bench.sh compiled.
#   bash src/test/perf/fromrules.sh 25 1000 10000
set -euo pipefail
cd "$(dirname "$0")/../../.."
[ -f target/bench.classpath ] || bash src/test/perf/bench.sh -l >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
echo "load: $(uptime)"
for n in "${@:-25 1000 10000}"; do
  dir="target/fromrules-$n"
  rm -rf "$dir" && java -cp "$CP" dev.flowrules.bench.FromRulesTiming write "$n" "$dir"
  /usr/bin/time -f "  cold, whole process: %e s wall, peak RSS %M KB" java -cp "$CP" dev.flowrules.bench.FromRulesTiming load "$dir"
  java -cp "$CP" dev.flowrules.bench.FromRulesTiming load "$dir" 10 | sed 's/^/  warm: /'
done
