#!/usr/bin/env bash
# Runs a lesson's demonstration: the class named by `demo:` in course.yaml, built from the lesson's
# sources (your own code, so a demonstration that uses a kata shows your solution at work).
#
#   bench/demo.sh 02-io-vs-cpu [arguments for the demonstration]
set -euo pipefail
cd "$(dirname "$0")/.."
lesson=${1:?"usage: bench/demo.sh NN-topic [arguments]  (lessons with a demonstration: $(grep -B3 '^    demo:' course.yaml | grep -o '[0-9][0-9]-[a-z0-9-]*' | tr '\n' ' '))"}
shift
demo=$(awk -v id="$lesson" '
  /^  - id: / { current = $3 }
  current == id && /^    demo: / { print $2; exit }' course.yaml)
if [ -z "$demo" ]; then
  echo "Lesson '$lesson' has no demonstration in course.yaml." >&2
  exit 2
fi
./mvnw -q compile -pl "lessons/$lesson" >&2
java_cmd=java
[ -n "${JAVA_HOME:-}" ] && java_cmd="$JAVA_HOME/bin/java"
exec "$java_cmd" -cp "lessons/$lesson/target/classes" "$demo" "$@"
