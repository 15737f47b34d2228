#!/usr/bin/env bash
# What a process pays before it segments: `edsync segment` on one line
# against `edsync --version` (the same binary, loaded and linked, doing
# nothing), run alternately in the same loop so that both see the same
# machine. Prints the median of each and their difference.
#   bench/startup.sh [EDSYNC] [RUNS]
set -euo pipefail
edsync=${1:-build/edsync}
runs=${2:-101}
line=$(mktemp)
trap 'rm -f "$line"' EXIT
echo "Hello there. How are you?" >"$line"

elapsed_us() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  echo $(((end - start) / 1000))
}

version=() segment=()
for ((i = 0; i < runs; i++)); do
  version+=("$(elapsed_us "$edsync" --version)")
  segment+=("$(elapsed_us "$edsync" segment "$line")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
v=$(median "${version[@]}")
s=$(median "${segment[@]}")
echo "runs $runs, load average $(cut -d' ' -f1 /proc/loadavg)"
echo "edsync --version            median ${v} us"
echo "edsync segment (one line)   median ${s} us"
echo "set-up and segmenting       $((s - v)) us over --version ($(awk -v s="$s" -v v="$v" 'BEGIN {printf "%.1f", s / v}')x)"
