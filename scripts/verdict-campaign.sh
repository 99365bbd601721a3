#!/usr/bin/env bash
# A campaign of timing verdicts (issue 12 §6): grades each lab's reference and pristine starter again and again,
# each run in a fresh JVM, the repeats timing checks only, and appends every timing verdict to
# docs/campaign/verdicts.jsonl, one JSON line each. After each lab the tally (docs/campaign/tally.md) is rewritten
# from the whole record, so a campaign can stop anywhere and go on in another session.
#
#   usage: scripts/verdict-campaign.sh idle|busy|memory|box RUNS [LAB...]     (default: every lab)
#     idle    nothing else on the machine
#     busy    `yes > /dev/null` keeps one core busy beside the grading
#     memory  `dd if=/dev/zero of=/dev/null bs=64M` streams memory on one core beside the grading (a neighbour
#             that takes the memory bandwidth and the shared cache, not only a core)
#     box   inside scripts/small-box.sh (1/2 CPU, 768 MB)
#   scripts/verdict-campaign.sh tally                                   only rewrite the tally
#
# Run from the project's root after ./mvnw -B -ntp install -DskipTests; one campaign at a time, nothing else timed
# beside it.
set -euo pipefail
record=docs/campaign/verdicts.jsonl
tally=docs/campaign/tally.md
mode=${1:?usage: scripts/verdict-campaign.sh idle\|busy\|memory\|box RUNS [LAB...] or tally}
if [ "$mode" != tally ]; then
  runs=${2:?how many runs per lab}
  shift 2
  labs=("$@")
  [ ${#labs[@]} -gt 0 ] || labs=(lab01-loops lab02-generators lab03-strings lab04-gil)
  case "$mode" in idle|busy|memory|box) ;; *) echo "the load must be idle, busy, memory or box, not $mode" >&2; exit 2 ;; esac
  mkdir -p "$(dirname "$record")"
  burner=
  if [ "$mode" = busy ] || [ "$mode" = memory ]; then
    if [ "$mode" = busy ]; then yes > /dev/null & else dd if=/dev/zero of=/dev/null bs=64M count=1000000000 2>/dev/null & fi
    burner=$!
    trap 'kill $burner 2>/dev/null || true' EXIT
  fi
  prefix=()
  [ "$mode" = box ] && prefix=(scripts/small-box.sh --)
  for lab in "${labs[@]}"; do
    echo "== $lab: $runs run(s), $mode"
    log=$(mktemp)
    "${prefix[@]}" java -jar grader/target/grader-cli.jar self-check --repeat "$runs" --timing-only \
      --record "$record" --label "$mode" "$lab" > "$log" 2>&1 || true
    grep -E "wrong verdicts|PROVEN" "$log" | tail -2
    rm -f "$log"
    "$0" tally
  done
  exit 0
fi
python3 - "$record" "$tally" <<'PY'
import collections, json, statistics, sys
record, out = sys.argv[1], sys.argv[2]
rows = [json.loads(line) for line in open(record) if line.strip()]
for r in rows:
    r.setdefault('engine', '2.0.0')  # the first rows predate the field: engine 2.0.0, at several commits
def q(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))] if values else float('nan')
lines = ["# Timing verdicts: the campaign's tally", "",
         "Written by `scripts/verdict-campaign.sh tally` from `docs/campaign/verdicts.jsonl` (one line per verdict);",
         "grow it with `scripts/verdict-campaign.sh idle|busy|memory|box RUNS`. A verdict is wrong when it contradicts the",
         "check's declared outcome (the reference FAIL or PARTIAL where PASS is declared, the starter PASS where FAIL",
         "is), over every timing check; inconclusive ones are counted apart, machine-dependent ones (lab04's, where",
         "two CPUs are not free) apart again. Checks decided by another measure than a speed-up (lab04's p99 wait, or",
         "a check the free-CPU probe stopped before it measured) are the last columns. Each engine version is counted",
         "apart, newest first: a verdict of one says nothing of the next (`Engine.VERSION`; rows before the field are",
         "2.0.0).", ""]
for engine in sorted({r['engine'] for r in rows}, reverse=True):
    rs_engine = [r for r in rows if r['engine'] == engine]
    lines += [f"## Engine {engine}", "",
              "| load | JDK | timing verdicts | wrong | inconclusive | inconclusive, machine-dependent | seconds per verdict (median / p99) | other timing checks | wrong among them |",
              "|---|---|---|---|---|---|---|---|---|"]
    groups = collections.OrderedDict()
    for r in rs_engine:
        groups.setdefault((r['label'], r['java'].split('.')[0]), []).append(r)
    total = collections.Counter()
    for (label, java), rs in groups.items():
        v = [r for r in rs if r['verdict']]
        wrong = sum(r['wrong'] for r in v)
        other_wrong = sum(r['wrong'] for r in rs if not r['verdict'])
        inc = [r for r in rs if r['outcome'] == 'INCONCLUSIVE']
        incm = sum(1 for r in inc if r['machine_dependent'])
        secs = [r['seconds'] for r in v]
        lines.append(f"| {label} | {java} | {len(v)} | {wrong} | {len(inc) - incm} | {incm} | "
                     f"{statistics.median(secs) if secs else float('nan'):.2f} / {q(secs, 0.99):.2f} | {len(rs) - len(v)} | {other_wrong} |")
        total['verdicts'] += len(v)
        total['wrong'] += wrong + other_wrong
        total['checks'] += len(rs)
    lines += ["", f"All loads: {total['verdicts']} timing verdicts ({total['checks']} timing checks), {total['wrong']} wrong.", "",
              "| lab | verdicts | seconds (median / p99) | lowest reference median / target | highest starter median / target |",
              "|---|---|---|---|---|"]
    labs = collections.OrderedDict()
    for r in rs_engine:
        if r['verdict']:
            labs.setdefault(r['lab'], []).append(r)
    for lab, rs in sorted(labs.items()):
        secs = [r['seconds'] for r in rs]
        ref = [r['median'] / r['target'] for r in rs if r['edition'] == 'reference']
        sta = [r['median'] / r['target'] for r in rs if r['edition'] == 'starter']
        lines.append(f"| {lab} | {len(rs)} | {statistics.median(secs):.2f} / {q(secs, 0.99):.2f} | "
                     f"{min(ref) if ref else float('nan'):.2f} | {max(sta) if sta else float('nan'):.2f} |")
    wrongs = [r for r in rs_engine if r['wrong']]
    if wrongs:
        lines += ["", "Wrong verdicts:", ""] + [f"- {r['at']} {r['label']} JDK {r['java']} {r['lab']} {r['edition']}"
                                                f" {r['check']}: {r['outcome']} (expected {r['expected']})" for r in wrongs]
    lines.append("")
    print(f"engine {engine}: {total['verdicts']} timing verdicts ({total['checks']} timing checks), {total['wrong']} wrong")
open(out, 'w').write('\n'.join(lines).rstrip() + '\n')
PY
