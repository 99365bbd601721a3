#!/usr/bin/env bash
# Runs a command as a small autograder machine would: a CPU quota (default ½ CPU, Gradescope's default) and a
# memory limit (default 768 MB), in a cgroup of its own (v2 where the machine has it, else v1's cpu and memory
# controllers), as root. The JVM reads the quota, so availableProcessors() is 1 at ½ CPU and the machine-aware
# paths (lab04's free-CPU probe, the thread clock's checks) run for real.
#
#   usage: sudo scripts/small-box.sh [--cpus 0.5] [--memory-mb 768] -- COMMAND [ARGS...]
#   e.g.:  scripts/small-box.sh -- ./mvnw -pl lab03-strings -am verify
set -euo pipefail
cpus=0.5
mem=768
while [ $# -gt 0 ]; do
  case "$1" in
    --cpus) cpus=$2; shift 2 ;;
    --memory-mb) mem=$2; shift 2 ;;
    --) shift; break ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: scripts/small-box.sh [--cpus 0.5] [--memory-mb 768] -- COMMAND [ARGS...]" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "small-box: needs root, to make a cgroup" >&2; exit 2; }
period=100000
quota=$(awk -v c="$cpus" -v p="$period" 'BEGIN { printf "%d", c * p }')
bytes=$((mem * 1024 * 1024))
name="small-box-$$"
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  # cgroup v2: one group with both limits; its parent must hand it the cpu and memory controllers
  group=/sys/fs/cgroup/$name
  echo "+cpu +memory" > /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null || true
  mkdir "$group"
  trap 'sleep 0.2; rmdir "$group" 2>/dev/null || true' EXIT
  echo "$quota $period" > "$group/cpu.max"
  echo "$bytes" > "$group/memory.max"
  groups=("$group/cgroup.procs")
elif [ -d /sys/fs/cgroup/cpu ] && [ -d /sys/fs/cgroup/memory ]; then
  cpu=/sys/fs/cgroup/cpu/$name
  memory=/sys/fs/cgroup/memory/$name
  mkdir "$cpu" "$memory"
  trap 'sleep 0.2; rmdir "$cpu" "$memory" 2>/dev/null || true' EXIT
  echo "$period" > "$cpu/cpu.cfs_period_us"
  echo "$quota" > "$cpu/cpu.cfs_quota_us"
  echo "$bytes" > "$memory/memory.limit_in_bytes"
  groups=("$cpu/tasks" "$memory/tasks")
else
  echo "small-box: no cgroup v2, and no cgroup v1 cpu and memory controllers" >&2
  exit 2
fi
echo "small-box: $cpus CPU, $mem MB" >&2
# The child joins the group(s), then becomes the command; this script waits, then removes the group(s).
bash -c 'for g in "${@:2:$1}"; do echo $$ > "$g"; done; shift $(($1 + 1)); exec "$@"' _ "${#groups[@]}" "${groups[@]}" "$@"
