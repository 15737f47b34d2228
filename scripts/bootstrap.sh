#!/usr/bin/env bash
# Installs the Debian 12 packages edsync needs that are not installed yet.
# Idempotent, and silent when everything is there.
#   scripts/bootstrap.sh          build and test with g++
#   scripts/bootstrap.sh --clang  also clang 14 and libFuzzer
#   scripts/bootstrap.sh --browser  also Chromium, for the report's browser test
#   scripts/bootstrap.sh --cat-tools  also OmegaT and Translate Toolkit, for the CAT tool tests (tests/cat_tools/)
#   scripts/bootstrap.sh --dictionaries  also FreeDict's English-Arabic dictionary, for the aligner's --dictionary test
set -euo pipefail

packages=(g++ cmake ninja-build libicu-dev libssl-dev libsqlite3-dev libyaml-cpp-dev
          nlohmann-json3-dev libpugixml-dev libfmt-dev libcli11-dev doctest-dev libbenchmark-dev libxml2-utils tidy
          zlib1g-dev)  # xmllint and tidy check what edsync writes; zlib reads FreeDict .dict.dz
for option in "$@"; do
  case "$option" in
    --clang) packages+=(clang-14 libclang-rt-14-dev) ;;
    --browser) packages+=(chromium) ;;
    --cat-tools) packages+=(omegat translate-toolkit) ;;  # omegat brings a Java runtime (headless use needs no display)
    --dictionaries) packages+=(dict-freedict-eng-ara) ;;
  esac
done

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

as_root=()
[[ $(id -u) -ne 0 ]] && as_root=(sudo)
echo "bootstrap: installing ${missing[*]}" >&2
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
