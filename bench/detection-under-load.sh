#!/usr/bin/env bash
# The test kit's detection experiment: every kind of bug the kit claims to catch, its buggy sample and
# its correct twin, RUNS times each (default 100), while other processes keep every core busy.
# Prints the result table and leaves it in src/testkit/target/detection-under-load.md.
#
#   bench/detection-under-load.sh            # 100 runs, all cores loaded
#   RUNS=10 LOAD=0 bench/detection-under-load.sh
#   CASES="opposite,signal" bench/detection-under-load.sh   # only the cases whose bug names contain a word
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-100}
load=${LOAD:-1}
cases=${CASES:-}

busy=()
stop_load() { for pid in "${busy[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done; }
trap stop_load EXIT
if [ "$load" = 1 ]; then
  for _ in $(seq "$(nproc)"); do
    ( while :; do :; done ) &
    busy+=("$!")
  done
  echo "Keeping $(nproc) cores busy with ${#busy[@]} spinning processes."
fi

status=0
./mvnw -q test -pl src/testkit -Dtestkit.skipOwnTests=false -Dtestkit.excludedGroups=none \
  -Dkata.fork.timeout=0 -Dtest="DetectionUnderLoad,FrayDetectionUnderLoad" -Ddetection.runs="$runs" -Ddetection.cases="$cases" -Dsurefire.failIfNoSpecifiedTests=false || status=$?
echo
# A part run with CASES= leaves only the tables of the cases it ran.
for table in src/testkit/target/detection-under-load.md src/testkit/target/detection-under-load-fray.md; do
  [ -f "$table" ] && cat "$table"
done
exit $status
