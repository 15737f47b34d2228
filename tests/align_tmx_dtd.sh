#!/usr/bin/env bash
# The TMX that `edsync align --format tmx` writes, from both input forms, and
# the tm/*.tmx that `edsync align` in a workspace writes (a fixture's, and the
# sample's as committed), validated by xmllint against the TMX 1.4b DTD in
# ../shared/data/schemas.
#   align_tmx_dtd.sh EDSYNC FIXTURE_DIR SCHEMA_DIR [SOURCE_DIR]   (exit 77: skipped)
set -u
edsync=$1 fixture=$2 schemas=$3 source=${4:-}
if ! command -v xmllint >/dev/null; then echo "skipped: xmllint not installed (scripts/bootstrap.sh installs libxml2-utils)"; exit 77; fi
if [[ ! -f "$schemas/tmx/tmx14.dtd" ]]; then echo "skipped: $schemas/tmx/tmx14.dtd not found"; exit 77; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for form in "--presegmented en.txt ar.txt" "en.md ar.md"; do
  # shellcheck disable=SC2086
  (cd "$fixture" && "$edsync" align --to ar --format tmx $form) >"$work/out.tmx" || { echo "edsync failed: $form"; status=1; continue; }
  if ! xmllint --nonet --noout --path "$schemas/tmx" --dtdvalid "$schemas/tmx/tmx14.dtd" "$work/out.tmx"; then
    echo "not valid TMX 1.4b: edsync align --format tmx $form"
    status=1
  fi
  echo "$(grep -c '<tu>' "$work/out.tmx") units from $form: valid"
done
valid_tmx() {  # FILE...
  for file in "$@"; do
    if xmllint --nonet --noout --path "$schemas/tmx" --dtdvalid "$schemas/tmx/tmx14.dtd" "$file"; then
      echo "$(grep -c '<tu>' "$file") units in $(basename "$(dirname "$(dirname "$file")")")/tm/$(basename "$file"): valid"
    else
      echo "not valid TMX 1.4b: $file"
      status=1
    fi
  done
}
if [[ -n "$source" ]]; then
  cp -r "$source/tests/fixtures/align-workspace" "$work/align-workspace"
  (cd "$work/align-workspace" && "$edsync" align >/dev/null) || { echo "edsync align failed in a workspace"; status=1; }
  valid_tmx "$work/align-workspace/tm/"*.tmx "$source/tm/"*.tmx
fi
exit $status
