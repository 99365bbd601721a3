#!/usr/bin/env bash
# Validates the two grade-batch examples offline and runs each one's command here, for every shard:
#   docs/examples/grade-batch-github-actions.yml   against GitHub's workflow schema (@action-validator/cli)
#   docs/examples/grade-batch-kubernetes-job.yaml  against Kubernetes' batch/v1 Job schema (kubernetes-models)
# then grades a small folder (lab03-strings: its reference and its starter) with each example's shard commands,
# one shard after another, merges the shards as each example does, and checks that the merged gradebook equals
# one unsharded grade-batch run. The examples grade in full mode; here MODE=correctness keeps it to a minute.
# Needs the build (./mvnw -B -ntp package -DskipTests), node and npm. The validators' versions are pinned.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAVA=${JAVA:-java}
TOOLS=${VALIDATORS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/vmaware-batch-validators}
mkdir -p "$TOOLS"
if [ ! -x "$TOOLS/node_modules/.bin/action-validator" ] || [ ! -d "$TOOLS/node_modules/kubernetes-models" ]; then
  npm install --prefix "$TOOLS" --no-audit --no-fund --silent \
    @action-validator/cli@0.6.0 @action-validator/core@0.6.0 kubernetes-models@5.1.0 js-yaml@4.1.0
fi
WORKFLOW=docs/examples/grade-batch-github-actions.yml
JOB=docs/examples/grade-batch-kubernetes-job.yaml

echo "== action-validator $WORKFLOW"
"$TOOLS/node_modules/.bin/action-validator" "$WORKFLOW"
echo "== kubernetes-models: $JOB is a valid batch/v1 Job"
cp scripts/batch-examples.mjs "$TOOLS/batch-examples.mjs"
plan=$(node "$TOOLS/batch-examples.mjs" "$WORKFLOW" "$JOB")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/submissions/reference" "$work/submissions/starter"
cp lab03-strings/src/solution/java/org/vmaware/lab03/*.java "$work/submissions/reference/"
export LAB=lab03-strings SUBMISSIONS="$work/submissions" MODE=correctness SEED=20261203 REPO="$ROOT"

echo "== one unsharded run"
"$JAVA" -jar grader/target/grader-cli.jar grade-batch "$LAB" "$SUBMISSIONS" --out "$work/whole" --seed "$SEED" \
  --mode "$MODE" >/dev/null

echo "== the GitHub Actions matrix, shard by shard, then its merge job"
export OUT="$work/github" SHARDS
SHARDS=$(node -e 'const p=JSON.parse(process.argv[1]); console.log(p.github.env.SHARDS)' "$plan")
count=$(node -e 'console.log(JSON.parse(process.argv[1]).github.shards.length)' "$plan")
for i in $(seq 0 $((count - 1))); do
  command=$(node -e 'console.log(JSON.parse(process.argv[1]).github.shards[process.argv[2]])' "$plan" "$i")
  echo "   shard $((i + 1)) of $count"
  bash -c "$command" >/dev/null
done
bash -c "$(node -e 'console.log(JSON.parse(process.argv[1]).github.merge)' "$plan")"
cmp "$work/whole/gradebook.csv" "$OUT/merged/gradebook.csv"

echo "== the Kubernetes Indexed Job, JOB_COMPLETION_INDEX by index, then the merge it names"
export OUT="$work/kubernetes"
SHARDS=$(node -e 'console.log(JSON.parse(process.argv[1]).kubernetes.env.SHARDS)' "$plan")
mapfile -t shell < <(node -e 'JSON.parse(process.argv[1]).kubernetes.shell.forEach(s => console.log(s))' "$plan")
for index in $(node -e 'console.log(JSON.parse(process.argv[1]).kubernetes.indexes.join(" "))' "$plan"); do
  echo "   JOB_COMPLETION_INDEX=$index"
  JOB_COMPLETION_INDEX=$index "${shell[@]}" >/dev/null
done
"$JAVA" -jar "$REPO/grader/target/grader-cli.jar" merge --out "$OUT/merged" "$OUT"/shard-*
cmp "$work/whole/gradebook.csv" "$OUT/merged/gradebook.csv"
echo "== both examples are valid, and their shards merged equal one unsharded run"
