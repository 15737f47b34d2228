#!/usr/bin/env bash
# Configures and builds into build/ (or $EDSYNC_BUILD_DIR), quietly unless something fails.
#   scripts/build.sh [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${EDSYNC_BUILD_DIR:-build}
mkdir -p "$build_dir"
# Worktrees and clean clones share compiled objects through ccache when it is there.
launcher=()
if command -v ccache >/dev/null && [[ -z "${EDSYNC_NO_CCACHE:-}" ]]; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$(cd .. && pwd)}" CCACHE_NOHASHDIR=1
fi
if [[ ! -f "$build_dir/build.ninja" ]]; then
  if ! cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEDSYNC_BUILD_BENCH=ON "${launcher[@]}" ${EDSYNC_CMAKE_ARGS:-} \
       >"$build_dir/configure.log" 2>&1; then
    cat "$build_dir/configure.log" >&2
    exit 1
  fi
fi
targets=()
for target in "$@"; do targets+=(--target "$target"); done
if ! cmake --build "$build_dir" "${targets[@]}" >"$build_dir/build.log" 2>&1; then
  cat "$build_dir/build.log" >&2
  exit 1
fi
