#!/usr/bin/env bash
# Grading throughput: grades SOLVED solved and UNSOLVED unsolved copies of this course (each a student copy as
# `kata export --student` writes it, the solved ones with the reference solutions in their lessons) with
# `kata grade`, and prints submissions per minute with the cost of a submission (compile, tests, the rest),
# against a baseline measured in the same run: Maven running the tests of one solved copy
# (`./mvnw -o test` in it, every test once), as an instructor would grade without the grader.
#
#   bench/grade-throughput.sh                 # 50 + 50, the course's default settings, 2 at a time
#   SOLVED=5 UNSOLVED=5 RUNS=1 bench/grade-throughput.sh
#   LESSONS="01-threads 04-locks" bench/grade-throughput.sh      # only these lessons (grader and baseline)
#   BASELINE_RUNS=0 bench/grade-throughput.sh                    # no Maven baseline (no ratio)
#   IDENTICAL=1 bench/grade-throughput.sh     # identical copies: shows what the grader's reuse of results saves
#
# Every copy differs from every other (and the unsolved ones from the starters): a comment naming the copy is
# appended to each of its source files. The grader grades identical lesson code once and skips lessons still
# as handed out, so identical copies would measure that reuse, not grading. IDENTICAL=1 leaves them identical.
# Needs: a JDK 25, and the course installed once (./mvnw install -DskipTests) for the baseline's offline Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
SOLVED=${SOLVED:-50}
UNSOLVED=${UNSOLVED:-50}
RUNS=${RUNS:-3}
PARALLEL=${PARALLEL:-2}
BASELINE_RUNS=${BASELINE_RUNS:-1}
LESSONS=${LESSONS:-}
if [ -z "${JAVA_HOME:-}" ]; then
  for candidate in /usr/lib/jvm/*25*; do [ -x "$candidate/bin/javac" ] && JAVA_HOME=$candidate && break; done
fi
export JAVA_HOME

echo "Building the grader ..." >&2
./mvnw -q -B ${MAVEN_FLAGS:-} package -DskipTests -pl src/grader -am >&2
classpath="$root/src/grader/target/classes:$(cat "$root/src/grader/target/grader.classpath")"
grade() { "$JAVA_HOME/bin/java" -XX:+UseSerialGC -cp "$classpath" katas.grader.GradeMain "$@"; }

work=$(mktemp -d "${TMPDIR:-/tmp}/grade-throughput-XXXXXX")
[ -z "${KEEP:-}" ] && trap 'rm -rf "$work"' EXIT
echo "Working in $work (KEEP=1 keeps it)" >&2
grade export --course "$root" --student "$work/handout" >/dev/null

lesson_args=()
modules=()
for lesson in $LESSONS; do
  lesson_args+=(--lesson "$lesson")
  modules+=("lessons/$lesson")
done

solve() { # solve DIR: the reference solutions laid over DIR/lessons
  for solution in "$root"/solutions/*/src/main/java; do
    lesson=$(basename "$(dirname "$(dirname "$(dirname "$solution")")")")
    [ -d "$1/lessons/$lesson" ] && cp -r "$solution/." "$1/lessons/$lesson/src/main/java/"
  done
  return 0
}
make_unique() { # make_unique DIR NAME: a comment naming the copy at the end of each of its source files
  [ -n "${IDENTICAL:-}" ] && return 0
  find "$1/lessons" -path '*/src/main/java/*' -name '*.java' -print0 \
    | while IFS= read -r -d '' file; do printf '\n// submission %s\n' "$2" >>"$file"; done
}

submissions=()
for i in $(seq 1 "$SOLVED"); do
  copy="$work/submissions/solved-$i"
  mkdir -p "$copy"
  cp -r "$work/handout/lessons" "$copy/"
  solve "$copy"
  make_unique "$copy" "solved-$i"
  submissions+=("$copy")
done
for i in $(seq 1 "$UNSOLVED"); do
  copy="$work/submissions/unsolved-$i"
  mkdir -p "$copy"
  cp -r "$work/handout/lessons" "$copy/"
  make_unique "$copy" "unsolved-$i"
  submissions+=("$copy")
done

maven_seconds=""
if [ "$BASELINE_RUNS" -gt 0 ]; then
  # A whole solved copy, built as a student's clone would be; without .mvn/maven.config's --also-make, so that
  # only the lessons' tests run (the test kit and core come from the local repository, as installed).
  baseline="$work/baseline"
  cp -r "$work/handout" "$baseline"
  solve "$baseline"
  rm -f "$baseline/.mvn/maven.config"
  pl=()
  if [ "${#modules[@]}" -gt 0 ]; then pl=(-pl "$(IFS=,; echo "${modules[*]}")"); fi
  echo "Baseline: $BASELINE_RUNS Maven run(s) of a solved copy's tests: ./mvnw -o -q test ${pl[*]} ..." >&2
  : >"$work/maven.s"
  for n in $(seq 1 "$BASELINE_RUNS"); do
    start=$(date +%s.%N)
    if ! (cd "$baseline" && ./mvnw -o -q -B test "${pl[@]}" -Dmaven.test.failure.ignore=true) >"$work/maven.log" 2>&1; then
      echo "Maven could not run the baseline (is the course installed? ./mvnw install -DskipTests); its output:" >&2
      tail -n 30 "$work/maven.log" >&2
      exit 1
    fi
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f\n", e - s }' >>"$work/maven.s"
    echo "  maven $n: $(tail -n 1 "$work/maven.s") s" >&2
  done
  maven_seconds=$(sort -n "$work/maven.s" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
fi

cache=()
[ -n "${NO_CACHE:-}" ] && cache=(--no-cache)
echo "Grading ${#submissions[@]} submissions (runs=$RUNS, parallel=$PARALLEL${LESSONS:+, lessons: $LESSONS}) on $(nproc) cores ..." >&2
started=$(date +%s.%N)
grade grade --course "$root" --runs "$RUNS" --parallel "$PARALLEL" "${cache[@]}" "${lesson_args[@]}" --out "$work/grades" \
  "${submissions[@]}" >"$work/grade.log" 2>"$work/progress.log" || true
ended=$(date +%s.%N)
grep -E "^Graded " "$work/grade.log" || { tail -n 30 "$work/progress.log" "$work/grade.log" >&2; exit 1; }
awk -v s="$started" -v e="$ended" -v n="${#submissions[@]}" \
  'BEGIN { t = e - s; printf "Wall clock including JVM start and setup: %.1f s, %.1f submissions per minute.\n", t, n / t * 60 }'
solved_score=$(grep -E "^solved-1 " "$work/grade.log" || true)
unsolved_score=$(grep -E "^unsolved-1 " "$work/grade.log" || true)
echo "A solved copy:   ${solved_score:-?}"
echo "An unsolved one: ${unsolved_score:-?}"
if [ -n "$maven_seconds" ]; then
  awk -v s="$started" -v e="$ended" -v n="${#submissions[@]}" -v m="$maven_seconds" -v runs="$RUNS" 'BEGIN {
    grader = n / (e - s) * 60; maven = 60 / m
    printf "Baseline, Maven on one solved copy (every test once): %.1f s, %.2f submissions per minute.\n", m, maven
    printf "The grader (each kata up to %d runs) graded %.1fx as many submissions per minute as Maven.\n", runs, grader / maven
  }'
fi
printf "Load average now: "
cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime
