#!/usr/bin/env bash
# What profiles cost a grading (docs/profiles.md): grades RUNS times each of
#   lab01-loops, its pristine starter                  (1d to 5b fail: seven profiles)
#   lab03-strings, a 2a that calls toString() in its loop (end-to-end/src/test/submissions/profile-l03-tostring-in-loop)
# with profiles on, and prints the grader's own "[grade] profiles: N check(s) in S s" line and the seconds per
# profiled check. Run from the project's root after ./mvnw -B -ntp package -DskipTests; nothing else timed beside it.
#   usage: scripts/profile-times.sh [RUNS]      (default 3)
set -euo pipefail
runs=${1:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
grade() {
  local name=$1 lab=$2
  shift 2
  for i in $(seq "$runs"); do
    java -jar grader/target/grader-cli.jar grade "$lab" "$@" --out "$out/$name-$i" > "$out/$name-$i.log" 2>&1 || true
    line=$(grep -h '^\[grade\] profiles:' "$out/$name-$i.log" || echo "[grade] profiles: none")
    per=$(echo "$line" | awk '$3 ~ /^[0-9]+$/ && $3 > 0 { printf ", %.1f s per profiled check", $(NF - 1) / $3 }')
    echo "$name run $i: ${line#\[grade\] }$per"
  done
}
grade lab01-starter lab01-loops
grade lab03-tostring lab03-strings --submission end-to-end/src/test/submissions/profile-l03-tostring-in-loop
