#!/usr/bin/env bash
# Times the command-line grader on each lab's reference: RUNS runs of
#   java -jar grader/target/grader-cli.jar grade LAB --submission LAB/src/solution/java
# one at a time, and prints each wall time and the median per lab. Run from the project's root after
# ./mvnw -B -ntp package -DskipTests (or from a worktree of an older commit, to compare engines).
#   usage: scripts/time-grading.sh [RUNS] [LAB...]       (default: 5 runs of every lab)
set -euo pipefail
runs=${1:-5}
shift || true
labs=("$@")
[ ${#labs[@]} -gt 0 ] || labs=(lab01-loops lab02-generators lab03-strings lab04-gil)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for lab in "${labs[@]}"; do
  times=()
  for i in $(seq "$runs"); do
    start=$(date +%s.%N)
    java -jar grader/target/grader-cli.jar grade "$lab" --submission "$lab/src/solution/java" --out "$out/$lab-$i" \
      > "$out/$lab-$i.log" 2>&1
    end=$(date +%s.%N)
    score=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d['score'], 'of', d['extra_data']['max_score'])" \
      "$out/$lab-$i/results.json" 2>/dev/null || echo "no results.json")
    t=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
    times+=("$t")
    echo "$lab run $i: $t s, $score"
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  echo "$lab median of $runs: $median s"
done
