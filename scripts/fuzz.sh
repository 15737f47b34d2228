#!/usr/bin/env bash
# Builds the libFuzzer targets with clang 14 into build-fuzz/ and runs each
# for a while from its seed corpus.   scripts/fuzz.sh [SECONDS_PER_TARGET]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
scripts/bootstrap.sh --clang
EDSYNC_BUILD_DIR=build-fuzz CC=clang-14 CXX=clang++-14 \
  EDSYNC_CMAKE_ARGS="-DEDSYNC_BUILD_TESTS=OFF -DEDSYNC_BUILD_FUZZERS=ON -DEDSYNC_BUILD_BENCH=OFF" scripts/build.sh
for fuzzer in build-fuzz/tests/fuzz/fuzz_*; do
  name=${fuzzer##*/fuzz_}
  work=$(mktemp -d)
  cp -r "tests/fuzz/corpus/$name/." "$work/"
  echo "fuzz: $name for ${seconds}s"
  "$fuzzer" "$work" -max_total_time="$seconds" -max_len=65536 -print_final_stats=0 2>"$work.log" \
    || { tail -50 "$work.log" >&2; exit 1; }
  rm -rf "$work" "$work.log"
done
