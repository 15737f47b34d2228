#!/usr/bin/env bash
# Runs one end-to-end CLI case and compares it with its golden files.
#
#   run_cli_case.sh EDSYNC CASE_DIR
#
# CASE_DIR holds:
#   cmd        bash lines to run; `edsync` calls the binary under test
#   fixture    optional: name of a workspace under tests/fixtures/ to copy and run in
#   stdout, stderr, exit   what the run must print and return (missing: empty, empty, 0)
#   files/     optional: files the run must leave in its folder, byte for byte
# With UPDATE_GOLDEN=1 the golden files are rewritten from the run instead.
set -u
edsync_binary=$(realpath "$1")
case_dir=$(realpath "$2")
tests_dir=$(dirname "$(realpath "$0")")
export SAMPLE_ROOT=$(dirname "$tests_dir")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run_dir="$work/run"
if [[ -f "$case_dir/fixture" ]]; then
  cp -r "$tests_dir/fixtures/$(cat "$case_dir/fixture")" "$run_dir"
else
  mkdir "$run_dir"
fi

edsync() { "$edsync_binary" "$@"; }
export -f edsync 2>/dev/null
export edsync_binary
unset NO_COLOR GITHUB_STEP_SUMMARY
(cd "$run_dir" && source "$case_dir/cmd") >"$work/stdout" 2>"$work/stderr"
echo $? >"$work/exit"

if [[ "${UPDATE_GOLDEN:-}" == 1 ]]; then
  for name in stdout stderr; do
    if [[ -s "$work/$name" ]]; then cp "$work/$name" "$case_dir/$name"; else rm -f "$case_dir/$name"; fi
  done
  if [[ "$(cat "$work/exit")" == 0 ]]; then rm -f "$case_dir/exit"; else cp "$work/exit" "$case_dir/exit"; fi
  if [[ -d "$case_dir/files" ]]; then
    (cd "$case_dir/files" && find . -type f) | while read -r file; do cp "$run_dir/$file" "$case_dir/files/$file"; done
  fi
  echo "updated $(basename "$case_dir")"
  exit 0
fi

status=0
compare() {  # expected-file actual-file label
  local expected=$1 actual=$2 label=$3
  if [[ ! -f "$expected" ]]; then expected=/dev/null; fi
  if ! diff -u --label "expected $label" --label "actual $label" "$expected" "$actual"; then status=1; fi
}
compare "$case_dir/stdout" "$work/stdout" stdout
compare "$case_dir/stderr" "$work/stderr" stderr
expected_exit=0
[[ -f "$case_dir/exit" ]] && expected_exit=$(cat "$case_dir/exit")
if [[ "$(cat "$work/exit")" != "$expected_exit" ]]; then
  echo "exit code: expected $expected_exit, got $(cat "$work/exit")"
  status=1
fi
if [[ -d "$case_dir/files" ]]; then
  while read -r file; do
    compare "$case_dir/files/$file" "$run_dir/$file" "$file"
  done < <(cd "$case_dir/files" && find . -type f | sort)
fi
exit $status
