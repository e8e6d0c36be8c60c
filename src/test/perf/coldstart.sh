#!/usr/bin/env bash
# Whole-process cold start: a fresh JVM per run, as a new Lambda container starts, timed from launch to exit.
#   bash src/test/perf/coldstart.sh [RUNS]      (after mvn -B package -DskipTests)
# Prints the median wall time of: the packaged handler (load + compile rules-examples, evaluate one event,
# call back over HTTP to a loopback stand-in) and, for scale, a JVM that builds and sends the same kind of
# request by hand with the SDK (no rules).
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-11}
port=18777
python3 src/test/perf/stub_chime.py $port & stub=$!
trap 'kill $stub' EXIT
sleep 0.5
export AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=AKIDLOCAL AWS_SECRET_ACCESS_KEY=local AWS_ENDPOINT_URL=http://127.0.0.1:$port
export FLOWRULES_RULES=rules-examples
event=rules-examples/events/redaction-card.json
jar=target/flowrules.jar
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_runs() {
  for _ in $(seq "$runs"); do
    s=$(date +%s%N); "$@" > /dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 ))
  done | median
}
handler=$(time_runs java -cp "$jar" dev.flowrules.lambda.LocalInvoke "$event")
echo "handler (rules + evaluate + callback): median ${handler} ms over $runs runs"
if [ -d target/test-classes ]; then
  bare=$(time_runs java -cp "$jar:target/test-classes" dev.flowrules.perf.HandBuiltCallback)
  echo "hand-built SDK callback (no rules):    median ${bare} ms over $runs runs"
  awk -v a="$handler" -v b="$bare" 'BEGIN {printf "ratio: %.2f\n", a / b}'
fi
