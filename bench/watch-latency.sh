#!/usr/bin/env bash
# Save-to-verdict latency of `./kata watch` against a Maven run of the same kata's tests, in the same run.
#
#   bench/watch-latency.sh                 # RUNS=11 saves in watch mode, MAVEN_RUNS=3 Maven runs
#
# The kata is locks-reentrant-lock (lesson 04, plain tests: no Fray, no Lincheck). Each save writes the
# kata's file once, alternating between the reference solution and the starter (so verdicts alternate
# PASSED / FAILED), and the latency is from just before the write to the moment watch mode has the verdict
# (it writes a line to $KATA_TRACE then, just before redrawing the screen; the line also splits the time
# from the moment its file watcher saw the save: waited-ms, settling and then waiting for the run thread,
# compile-ms, tests-ms, and total-ms). Maven runs
#   ./mvnw -o -q test -pl lessons/04-locks -Dtest=LockCounterTest
# on the same file. Your LockCounter.java is copied aside first and put back at the end, whatever happens.
# Needs: a JDK 25 (as ./kata), the course built once (./mvnw install -DskipTests, for Maven's offline run).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${RUNS:-11}
maven_runs=${MAVEN_RUNS:-3}
kata=locks-reentrant-lock
file=lessons/04-locks/src/main/java/katas/locks/LockCounter.java
solution=solutions/04-locks/src/main/java/katas/locks/LockCounter.java
test_class=LockCounterTest

work=$(mktemp -d)
cp "$file" "$work/yours.java"
starter="$work/starter.java"
if git show "HEAD:./$file" >"$starter" 2>/dev/null; then :; else cp "$file" "$starter"; fi
watch_pid=""
cleanup() {
  if [ -n "$watch_pid" ]; then kill "$watch_pid" 2>/dev/null || true; wait "$watch_pid" 2>/dev/null || true; fi
  cp "$work/yours.java" "$file"
  rm -rf "$work"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
content() { # content N: the solution (odd N) or the starter (even N), made unique by a comment
  if [ $(($1 % 2)) = 1 ]; then cat "$solution"; else cat "$starter"; fi
  echo "// save $1"
}
verdicts() { grep -c '^verdict ' "$work/trace" 2>/dev/null || true; }
wait_for_verdict() { # wait_for_verdict COUNT SECONDS: until the trace has more than COUNT verdicts
  local deadline=$(( $(date +%s) + $2 ))
  while [ "$(verdicts)" -le "$1" ]; do
    if [ -n "$watch_pid" ] && ! kill -0 "$watch_pid" 2>/dev/null; then
      echo "./kata watch ended; its output:" >&2
      tail -n 30 "$work/watch.log" >&2
      exit 1
    fi
    if [ "$(date +%s)" -gt "$deadline" ]; then
      echo "no verdict within $2 s; the runner's output:" >&2
      tail -n 30 "$work/watch.log" >&2
      exit 1
    fi
    sleep 0.01
  done
}

echo "Starting ./kata watch $kata (building the runner first if needed) ..."
content 0 >"$file"
: >"$work/trace"
launched=$(now_ms)
KATA_TRACE="$work/trace" ./kata watch "$kata" </dev/null >"$work/watch.log" 2>&1 &
watch_pid=$!
wait_for_verdict 0 600
first=$(grep '^verdict ' "$work/trace" | head -n 1 | cut -d' ' -f2)
echo "Warm: the first verdict came $((first - launched)) ms after starting ./kata watch. Measuring $runs saves ..."
: >"$work/watch.ms"
for n in $(seq 1 "$runs"); do
  content "$n" >"$work/next.java"
  before=$(verdicts)
  start=$(now_ms)
  cp "$work/next.java" "$file"
  wait_for_verdict "$before" 120
  line=$(grep '^verdict ' "$work/trace" | tail -n 1)
  end=$(echo "$line" | cut -d' ' -f2)
  echo "  save $n: $((end - start)) ms  (${line#verdict * })"
  echo $((end - start)) >>"$work/watch.ms"
done
kill "$watch_pid" 2>/dev/null || true
wait "$watch_pid" 2>/dev/null || true
watch_pid=""

echo "Measuring $maven_runs Maven runs: ./mvnw -o -q test -pl lessons/04-locks -Dtest=$test_class ..."
: >"$work/maven.ms"
for n in $(seq 1 "$maven_runs"); do
  content "$n" >"$file"
  start=$(now_ms)
  ./mvnw -o -q test -pl lessons/04-locks -Dtest="$test_class" >"$work/maven.log" 2>&1 || true
  end=$(now_ms)
  if ! grep -q "Tests run" "$work/maven.log" && ! grep -q "LockCounter" "$work/maven.log" && [ $((n % 2)) = 0 ]; then
    echo "Maven did not run the tests; its output:" >&2; tail -n 30 "$work/maven.log" >&2; exit 1
  fi
  echo "  maven $n: $((end - start)) ms"
  echo $((end - start)) >>"$work/maven.ms"
done

watch_median=$(median <"$work/watch.ms")
maven_median=$(median <"$work/maven.ms")
echo
echo "median save-to-verdict in watch mode: ${watch_median} ms over $runs saves"
echo "median Maven run of the same tests:   ${maven_median} ms over $maven_runs runs"
awk -v w="$watch_median" -v m="$maven_median" 'BEGIN { printf "watch mode is %.1fx faster; load average now: ", m / w }'
cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime
