#!/usr/bin/env bash
# Installs what is missing, builds everything, and runs the whole test suite through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/build.sh
cd "${EDSYNC_BUILD_DIR:-build}"
ctest --output-on-failure -j "$(nproc)"
