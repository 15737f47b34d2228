#!/usr/bin/env bash
# Times edsync on a large workspace against baselines run on the same tree in
# the same run, with peak resident memory (see README.md, "Scale").
#
#   bench/scale.sh [--repeat N] [--skip-history] [--timeout SECONDS] WORKSPACE [EDSYNC]
#
# WORKSPACE comes from bench/make_workspace.py (it is only read: everything
# that writes runs in a clone under $TMPDIR). EDSYNC defaults to build/edsync.
# Each figure is the fastest of N runs (default 3) and the largest peak
# resident set; ratios are edsync's time over its baseline's, by CPU time
# (user + system, of every process and thread a command starts: wall time on
# a shared machine mostly measures the queue) and by wall time. A command that
# runs past --timeout is stopped and shown as "> SECONDS" (an old build's
# history walk on 100,000 articles takes a quarter of an hour).
set -euo pipefail
repeat=3
skip_history=0
limit=0
while [[ $# -gt 0 && $1 == --* ]]; do
  case $1 in
    --repeat) repeat=$2; shift 2 ;;
    --skip-history) skip_history=1; shift ;;
    --timeout) limit=$2; shift 2 ;;
    *) echo "scale.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ $# -ge 1 ]] || { sed -n '2,10p' "$0" >&2; exit 2; }
workspace=$(realpath "$1")
edsync=$(realpath "${2:-$(dirname "$0")/../build/edsync}")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# measure NAME COMMAND...: runs it $repeat times in the current folder; sets
# $seconds (fastest wall time), $cpu (fastest CPU time) and $peak_kb
# (largest); output goes to $scratch/out.
# A command may exit 1 (the check found problems); anything above is an error.
measure() {
  local name=$1 run best="" best_cpu="" peak=0
  shift
  for ((run = 0; run < repeat; run++)); do
    [[ -n ${before_each:-} ]] && eval "$before_each"
    local code=0
    if ((limit > 0)); then
      /usr/bin/time -f "%e %M %U %S" -o "$scratch/time" timeout "$limit" "$@" >"$scratch/out" 2>"$scratch/err" || code=$?
    else
      /usr/bin/time -f "%e %M %U %S" -o "$scratch/time" "$@" >"$scratch/out" 2>"$scratch/err" || code=$?
    fi
    if ((code == 124)); then
      seconds=">$limit" cpu=">$limit" peak_kb=0
      return
    fi
    if ((code > 1)); then
      echo "scale.sh: $name exited $code:" >&2
      tail -5 "$scratch/err" >&2
      exit 1
    fi
    read -r elapsed kb user system < <(tail -1 "$scratch/time")
    local used
    used=$(echo "$user + $system" | bc)
    if [[ -z $best ]] || (($(echo "$elapsed < $best" | bc))); then best=$elapsed; fi
    if [[ -z $best_cpu ]] || (($(echo "$used < $best_cpu" | bc))); then best_cpu=$used; fi
    ((kb > peak)) && peak=$kb
  done
  seconds=$best
  cpu=$best_cpu
  peak_kb=$peak
}

ratio() { if (($(echo "$2 == 0" | bc))); then echo "-"; else echo "scale=2; $1 / $2" | bc; fi; }

row() {  # what edsync-cpu edsync-seconds edsync-kb baseline-name baseline-cpu baseline-seconds
  if [[ $3 == ">"* ]]; then
    printf '| %s | - | %s s | - | %s | %.2f s | %.2f s | - | %sx |\n' "$1" "$3" "$5" "$6" "$7" ">$(ratio "${3#>}" "$7")"
  else
    printf '| %s | %.2f s | %.2f s | %d MB | %s | %.2f s | %.2f s | %sx | %sx |\n' "$1" "$2" "$3" $(($4 / 1024)) "$5" "$6" "$7" \
      "$(ratio "$2" "$6")" "$(ratio "$3" "$7")"
  fi
}

hash_every_article() { find editions -name '*.md' -print0 | xargs -0 cat | sha256sum >/dev/null; }
export -f hash_every_article

articles=$(find "$workspace/editions/en" -name '*.md' | wc -l)
files=$(find "$workspace/editions" -name '*.md' | wc -l)
echo "workspace: $workspace ($articles English articles, $files files); edsync: $edsync"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
echo
echo "| command | edsync CPU | edsync wall | peak | baseline | baseline CPU | baseline wall | ratio (CPU) | ratio (wall) |"
echo "|---|---|---|---|---|---|---|---|---|"

# A fresh clone: no .edsync/ yet; the files were just written by the checkout.
clone=$scratch/clone
git clone -q "$workspace" "$clone"
cd "$clone"
before_each="rm -rf .edsync"
measure "cat | sha256sum" bash -c hash_every_article
hash_seconds=$seconds hash_cpu=$cpu
measure "first check" "$edsync" check --no-history
row "first \`check --no-history\` on a fresh clone" "$cpu" "$seconds" "$peak_kb" "cat + sha256sum of every article" "$hash_cpu" "$hash_seconds"
before_each=""

"$edsync" check --no-history >/dev/null || true
measure "git status" git status --porcelain
git_seconds=$seconds git_cpu=$cpu
measure "warm check" "$edsync" check --no-history
warm_seconds=$seconds warm_cpu=$cpu
row "warm \`check --no-history\`" "$cpu" "$seconds" "$peak_kb" "\`git status\`" "$git_cpu" "$git_seconds"

one_id=$(find editions/en -name '*.md' | sort | sed -n '2p' | xargs basename -s .md)
measure "check --article" "$edsync" check --no-history --article "$one_id"
row "\`check --no-history --article $one_id\`" "$cpu" "$seconds" "$peak_kb" "\`git status\`" "$git_cpu" "$git_seconds"
measure "check --lang" "$edsync" check --no-history --lang ar
row "\`check --no-history --lang ar\`" "$cpu" "$seconds" "$peak_kb" "warm \`check --no-history\`" "$warm_cpu" "$warm_seconds"

if ((skip_history == 0)); then
  measure "check" "$edsync" check
  row "\`check\` (sentence history of $(grep -c '^  stale' "$scratch/out" || true) stale)" "$cpu" "$seconds" "$peak_kb" "warm \`check --no-history\`" "$warm_cpu" "$warm_seconds"
fi

measure "status" "$edsync" status
row "\`status\`" "$cpu" "$seconds" "$peak_kb" "\`git status\`" "$git_cpu" "$git_seconds"

# mark-synced of every translation, one process per edition (the ids on its
# standard input), on a copy reset before each run.
ids_of() { find "editions/$1" -name '*.md' | xargs -n 1000 basename -s .md; }
mark_all() {
  local lang
  for lang in ar fa sq; do
    ids_of "$lang" | "$edsync" mark-synced "$lang" --ids-from-file - >/dev/null 2>&1 || true
  done
}
export -f mark_all ids_of
export edsync
before_each="git checkout -q -- . && git status --porcelain >/dev/null"
measure "mark-synced" bash -c mark_all
row "\`mark-synced\` of every translation ($(find editions -path editions/en -prune -o -name '*.md' -print | wc -l) ids)" "$cpu" "$seconds" "$peak_kb" "warm \`check --no-history\`" "$warm_cpu" "$warm_seconds"
before_each=""
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
