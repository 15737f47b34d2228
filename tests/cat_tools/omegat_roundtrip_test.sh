#!/usr/bin/env bash
# The translator's path through OmegaT on the sample workspace: an Arabic
# article exported with --copy-source (roundtrip_workspace.sh), translated
# by OmegaT 3.6 headless from the memory exported as TMX into its tm/auto/,
# and imported back. OmegaT fills every unit from the memory's pairs and
# leaves state="new" as it was; the import takes the changed targets as
# translations, writes the edition, which is then the article it was
# aligned from, word for word below the front matter, grows the memory, and
# check finds the article in step.
#   omegat_roundtrip_test.sh EDSYNC SAMPLE_ROOT     exit 77 (skipped) without OmegaT
set -uo pipefail
here=$(dirname "$(realpath "$0")")
edsync=$(realpath "$1") sample=$(realpath "$2")
if ! command -v omegat >/dev/null; then
  echo "skipped: OmegaT is not installed (scripts/bootstrap.sh --cat-tools installs Debian's omegat)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
id=mek-iraqi-troops-attacked-camp-ashraf
EDSYNC=$edsync SAMPLE=$sample bash "$here/roundtrip_workspace.sh" "$id" || { echo "FAIL: setting up the workspace"; exit 1; }
failures=0
fail() { echo "FAIL: $*"; failures=1; }
xlf=export/$id.ar.xlf
units=$(grep -c '<trans-unit ' "$xlf")
[[ $(grep -c '<target state="new">' "$xlf") == "$units" ]] || fail "the export is not all source copies"
bash "$here/omegat_translate.sh" "$xlf" memory.tmx ar translated.xlf || exit 1
# Every unit's English has its pair in the memory: OmegaT changed every target.
untouched=$(perl -0ne 'while (/<source>(.*?)<\/source>\s*<target state="new">(.*?)<\/target>/gs) { $n++ if $1 eq $2 } print $n+0' translated.xlf)
[[ $untouched == 0 ]] || fail "OmegaT left $untouched of $units units as the English"
if ! "$edsync" xliff import translated.xlf >import.out 2>&1; then fail "xliff import: $(cat import.out)"; fi
grep -q "imported  editions/ar/$id.md (new)  $units added" import.out || fail "import report: $(cat import.out)"
body() { sed '1,/^---$/{/^---$/!d}' "$1" | sed '1,/^---$/d'; }
diff -u <(body original.md) <(body "editions/ar/$id.md") || fail "the edition's body is not the translation the memory was aligned from"
revision=$(grep -o 'english-revision">[0-9a-f]*' "$xlf" | cut -d'>' -f2)
grep -q "^source_revision: $revision\$" "editions/ar/$id.md" ||
  fail "source_revision is not the English revision of the export"
"$edsync" check --lang ar --article "$id" --format json >check.json
grep -q '"status": "ok"' check.json || fail "check: $(cat check.json)"
todo=$("$edsync" todo --lang ar --article "$id" --format json)
grep -q '"articles": \[\]' <<<"$todo" || fail "todo still lists $id: $todo"
[[ $(grep -c '<tu>' tm/ar.tmx) == "$units" ]] || fail "tm/ar.tmx holds $(grep -c '<tu>' tm/ar.tmx) units, not $units"
[[ $failures == 0 ]] && echo "OmegaT translated all $units units of $id from the exported memory; imported back, the edition is the aligned translation and check is ok"
exit $failures
