#!/usr/bin/env bash
# What an endless loop costs a grading: lab03's starter with a `while` that never ends in presizedStringBuilder
# (one method), then in presizedStringBuilder and stringJoin (two), graded by the command-line grader. Prints each
# run's wall time, its score and the check lines that say TIMED OUT or NOT RUN. Run from the project's root after
# ./mvnw -B -ntp package -DskipTests, one timing run at a time (the loops hold a core while they spin).
#   usage: scripts/endless-loop-times.sh
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
loop='int i = 0;\n        while (i < pieces.size()) {\n            i += 0;\n        }\n        '
for methods in "presizedStringBuilder" "presizedStringBuilder stringJoin"; do
  sub=$work/sub
  rm -rf "$sub" && mkdir -p "$sub/org/vmaware/lab03"
  cp lab03-strings/src/main/java/org/vmaware/lab03/*.java "$sub/org/vmaware/lab03/"
  for m in $methods; do
    # the loop goes at the start of the method's body: it never ends for a non-empty list
    perl -0pi -e "s/(public static String $m\(List<String> pieces\) \{\n        )/\$1$loop/" \
      "$sub/org/vmaware/lab03/Concatenations.java"
  done
  start=$(date +%s.%N)
  java -jar grader/target/grader-cli.jar grade lab03-strings --submission "$sub" --out "$work/out" > "$work/log" 2>&1 || true
  end=$(date +%s.%N)
  score=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d['score'], 'of', d['extra_data']['max_score'])" \
    "$work/out/results.json" 2>/dev/null || echo "no results.json")
  echo "looping: $methods: $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }') s, $score"
  grep -E "TIMED OUT|NOT RUN" "$work/log" | sed 's/^/    /' || true
done
