#!/usr/bin/env bash
# The main job: installs what is missing, builds edsync, and runs the sync
# check on this repository's sample workspace. Extra arguments go to
# `edsync check` (e.g. --format json). Exits as edsync check does.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/build.sh edsync
exec "${EDSYNC_BUILD_DIR:-build}/edsync" check "$@"
