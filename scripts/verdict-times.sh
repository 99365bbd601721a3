#!/usr/bin/env bash
# Where a timing verdict's wall time goes, per lab: grades each lab's reference RUNS times with the command-line
# grader (timing mode, one grading at a time) and tabulates every speed-up verdict's phases from results.json:
# total, warm-up, timed batches, building inputs, checking answers, fork start, and lab04's free-CPU probe.
# Deterministic checks (allocation, counted operations) have no phases and are counted apart.
# Run from the project's root after ./mvnw -B -ntp package -DskipTests.
#   usage: scripts/verdict-times.sh [RUNS] [LAB...]        (default: 3 runs of every lab)
set -euo pipefail
runs=${1:-3}
shift || true
labs=("$@")
[ ${#labs[@]} -gt 0 ] || labs=(lab01-loops lab02-generators lab03-strings lab04-gil)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for lab in "${labs[@]}"; do
  for i in $(seq "$runs"); do
    start=$(date +%s.%N)
    java -jar grader/target/grader-cli.jar grade "$lab" --submission "$lab/src/solution/java" \
      --out "$out/$lab-$i" > "$out/$lab-$i.log" 2>&1 || true
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f\n", b - a }' > "$out/$lab-$i/wall"
  done
done
python3 - "$out" "$runs" "${labs[@]}" <<'PY'
import json, os, statistics, sys
out, runs, labs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else float('nan')
cols = ['total', 'warmup', 'timed', 'inputs', 'checking', 'fork']
print(f"{'lab':18} {'verdicts':>8} {'median s':>9} {'p99 s':>6} {'in-JVM s':>9} " + ' '.join(f"{c + ' s':>10}" for c in cols[1:])
      + f" {'checked':>10} {'probe s':>8} {'other':>6} {'grading s':>10} {'score':>9}")
for lab in labs:
    phases, probes, others, walls, scores = [], [], [], [], []
    for i in range(1, runs + 1):
        path = os.path.join(out, f"{lab}-{i}", "results.json")
        walls.append(float(open(os.path.join(out, f"{lab}-{i}", "wall")).read()))
        if not os.path.exists(path):
            scores.append('none')
            continue
        doc = json.load(open(path))
        scores.append(f"{doc['score']:g}/{doc['extra_data']['max_score']:g}")
        for t in doc['tests']:
            extra = t.get('extra_data', {})
            if extra.get('kind') != 'TIMING':
                continue
            if 'verdict' in extra:
                p = extra['verdict']['phases']
                phases.append({c: p[c + '_ns'] / 1e9 for c in cols})
            else:
                others.append(extra.get('elapsed_ms', 0) / 1e3)
            if 'free_cpu_probe_ns' in extra:
                probes.append(extra['free_cpu_probe_ns'] / 1e9)
    totals = [p['total'] for p in phases]
    inside = [p['total'] for p in phases if p['fork'] == 0]
    med = lambda c: statistics.median([p[c] for p in phases]) if phases else float('nan')
    forks = [p['fork'] for p in phases if p['fork'] > 0]
    fork = f"{statistics.median(forks):>10.3f}" if forks else f"{'-':>10}"
    print(f"{lab:18} {len(phases) // runs:>8} {statistics.median(totals) if totals else float('nan'):>9.2f}"
          f" {pct(totals, 0.99):>6.2f} {statistics.median(inside) if inside else float('nan'):>9.2f} "
          + ' '.join(f"{med(c):>10.3f}" for c in cols[1:-1]) + ' ' + fork
          + f" {statistics.median([p['checking'] / p['total'] for p in phases]) * 100 if phases else float('nan'):>9.0f}%"
          + f" {statistics.median(probes) if probes else 0:>8.2f} {len(others) // runs:>6}"
          f" {statistics.median(walls):>10.1f} {' '.join(scores)}")
print(f"(medians over {runs} gradings of each lab's reference: 'in-JVM' over the verdicts measured in the test JVM,"
      " 'fork' over those measured in a child JVM; 'checked' is the share of a verdict's time spent checking answers; 'other' counts the timing checks decided by another measure, per"
      " grading; 'grading s' is the wall time of a whole grading)")
PY
