#!/usr/bin/env bash
# Runs a lab's Gradescope autograder as Gradescope would, in a simulated /autograder tree, and prints the wall time
# and the score. With a box command (scripts/small-box.sh --), the whole grading process tree runs
# inside it: ½ CPU and 768 MB by default, Gradescope's default machine.
#   usage: scripts/gradescope-in-box.sh LAB reference|starter [BOX COMMAND...]
#   e.g.:  scripts/gradescope-in-box.sh lab03-strings reference scripts/small-box.sh --
# Needs ./mvnw -B -ntp package -DskipTests first (grader/target/grader-cli.jar and the lab's compiled tests).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: scripts/gradescope-in-box.sh LAB reference|starter [BOX COMMAND...]" >&2; exit 2; }
lab=$1; edition=$2; shift 2
case "$edition" in reference|starter) ;; *) echo "edition must be reference or starter, not $edition" >&2; exit 2 ;; esac
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
java -jar grader/target/grader-cli.jar gradescope "$lab" --out "$tree/autograder.zip" >/dev/null
mkdir -p "$tree/autograder/source" "$tree/autograder/submission"
(cd "$tree/autograder/source" && unzip -q "$tree/autograder.zip")
if [ "$edition" = reference ]; then
  # loose files, as a student uploads them; the starter's edition is an empty submission (graded as the starter)
  find "$lab/src/solution/java" -name '*.java' -exec cp {} "$tree/autograder/submission/" \;
fi
AUTOGRADER="$tree/autograder" bash "$tree/autograder/source/setup.sh" >/dev/null
start=$(date +%s.%N)
AUTOGRADER="$tree/autograder" "$@" bash "$tree/autograder/source/run_autograder" > "$tree/run.log" 2>&1
end=$(date +%s.%N)
results="$tree/autograder/results/results.json"
field() { grep -m1 "\"$1\" :" "$results" | sed -E 's/.*: *"?([^",]*)"?,?$/\1/'; }
printf '%s %s: %.1f s wall, score %s of %s, %s test JVM(s), %s processor(s) seen\n' "$lab" "$edition" \
  "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" "$(field score)" "$(field max_score)" "$(field test_jvms)" "$(field processors)"
grep -o '"outcome" : "[A-Z ]*"' "$results" | sort | uniq -c | sed 's/^/  /'
