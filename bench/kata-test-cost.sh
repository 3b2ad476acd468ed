#!/usr/bin/env bash
# What one kata test costs with each kind of evidence (plain, Lincheck, Fray), as the median of RUNS
# runs (default 5) and its ratio to a plain test measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test -pl src/testkit -Dtestkit.skipOwnTests=false -Dtestkit.excludedGroups=none \
  -Dtest="KataTestCost,FrayKataTestCost" -Dcost.runs="${RUNS:-5}" -Dsurefire.failIfNoSpecifiedTests=false | grep '^\[cost\]' | sed 's/^\[cost\] //'
