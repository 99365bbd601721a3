#!/usr/bin/env bash
# Grades chosen checks of a lab's reference solution again and again, each run in a fresh JVM, and counts the runs
# that earned every point, and those that fell short only by INCONCLUSIVE verdicts (a machine-aware check on a
# machine that cannot decide it): the way to hunt a flaky check (lab02's Generator checks: 100 runs in a row).
#
#   scripts/repeat-checks.sh LAB RUNS CLASS#METHOD[,CLASS#METHOD...]
#   scripts/repeat-checks.sh lab02-generators 100 \
#       org.vmaware.lab02.grading.Task2GeneratorTest#order,org.vmaware.lab02.grading.Task2GeneratorTest#close
#
# JAVA_HOME picks the JDK. The JVM flags are the graded runs' (grade.jvmFlags in pom.xml, as the build wrote them
# into the lab's target/grading/grading.json). A failed run's output is kept in target/repeat-checks/run-N.log.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ne 3 ] || [ ! -d "$1/src/solution/java" ] || ! [[ "$2" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/repeat-checks.sh LAB RUNS CLASS#METHOD[,CLASS#METHOD...]   (LAB: a folder with src/solution/java)" >&2
  exit 2
fi
lab=$1; runs=$2; only=$3
out="$lab/target/repeat-checks"
./mvnw -B -ntp -q -pl "$lab" -am clean test-compile -Psolution \
    org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
    -Dmdep.outputFile="$PWD/$lab/target/test-classpath.txt" -Dmdep.includeScope=test
mkdir -p "$out"
flags=$(sed -n 's/.*"jvmFlags" *: *"\([^"]*\)".*/\1/p' "$lab/target/grading/grading.json")
[ -n "$flags" ] || { echo "no jvmFlags in $lab/target/grading/grading.json" >&2; exit 1; }
classpath="$lab/target/test-classes:$lab/target/classes:$(cat "$lab/target/test-classpath.txt")"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
checks=$(tr ',' '\n' <<< "$only" | grep -c .)
passed=0
inconclusive=0
for run in $(seq 1 "$runs"); do
  rm -rf "$out/report"
  # shellcheck disable=SC2086 # the flags are words
  "$java" $flags -Dgrade.jvmFlags="$flags" -Dgrade.reportDir="$out/report" \
      -Dgrade.edition=reference -Dgrade.lab="$lab" -cp "$classpath" org.vmaware.grader.runtime.GradedRun \
      --tests "$lab/target/test-classes" --only "$only" > "$out/run.log" 2>&1 || true
  verdict=$("$java" -cp "$classpath" scripts/FullScore.java "$out/report/results.json" "$checks")
  if [ "$verdict" = "full" ]; then
    passed=$((passed + 1))
  elif ! grep -qvE '^.*: INCONCLUSIVE [0-9.]+/[0-9.]+$' < <(tr ';' '\n' <<< "$verdict" | sed 's/^ *//'); then
    # every shortfall is an INCONCLUSIVE (a machine-aware check on a machine that cannot decide it): not a wrong verdict
    inconclusive=$((inconclusive + 1))
    cp "$out/run.log" "$out/run-$run.log"
    echo "run $run: $verdict (output: $out/run-$run.log)"
  else
    cp "$out/run.log" "$out/run-$run.log"
    echo "run $run: $verdict (output: $out/run-$run.log)"
  fi
done
echo "$("$java" -version 2>&1 | head -1): $passed of $runs runs earned every point on the $checks checks;" \
    "$inconclusive more fell short only by INCONCLUSIVE verdicts; $((runs - passed - inconclusive)) had a FAIL"
[ $((passed + inconclusive)) -eq "$runs" ]
