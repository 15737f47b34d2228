#!/usr/bin/env bash
# The translator's path through Translate Toolkit on the sample workspace:
# an Arabic article exported with --copy-source (roundtrip_workspace.sh),
# turned into PO by xliff2po, the PO filled from the memory exported as TMX
# (read by the toolkit's own TMX reader), merged back by pomerge, and
# imported: the edition is then the article the memory was aligned from,
# word for word below the front matter, and check finds it in step.
#   ttk_roundtrip_test.sh EDSYNC SAMPLE_ROOT     exit 77 (skipped) without Translate Toolkit
set -uo pipefail
here=$(dirname "$(realpath "$0")")
edsync=$(realpath "$1") sample=$(realpath "$2")
for tool in xliff2po pomerge; do
  if ! command -v "$tool" >/dev/null; then
    echo "skipped: Translate Toolkit is not installed ($tool; scripts/bootstrap.sh --cat-tools installs Debian's translate-toolkit)"
    exit 77
  fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
id=unami-urges-all-parties-to-act-responsibly
EDSYNC=$edsync SAMPLE=$sample bash "$here/roundtrip_workspace.sh" "$id" || { echo "FAIL: setting up the workspace"; exit 1; }
failures=0
fail() { echo "FAIL: $*"; failures=1; }
xlf=export/$id.ar.xlf
units=$(grep -c '<trans-unit ' "$xlf")
python=$(head -1 "$(command -v xliff2po)" | sed 's/^#! *//; s/ .*//')
"$python" - memory.tmx >mapping.tsv <<'PY' || exit 1
import sys
from translate.storage import tmx
with open(sys.argv[1], "rb") as memory:
    store = tmx.tmxfile(memory, sourcelanguage="en", targetlanguage="ar")
for unit in store.units:
    print(f"{unit.source}\t{unit.target}")
PY
bash "$here/ttk_roundtrip.sh" "$xlf" mapping.tsv translated.xlf translated.po || exit 1
[[ $(grep -c 'state="translated"' translated.xlf) == "$units" ]] || fail "pomerge did not fill all $units units: $(grep -c 'state="translated"' translated.xlf)"
if ! "$edsync" xliff import translated.xlf >import.out 2>&1; then fail "xliff import: $(cat import.out)"; fi
body() { sed '1,/^---$/{/^---$/!d}' "$1" | sed '1,/^---$/d'; }
diff -u <(body original.md) <(body "editions/ar/$id.md") || fail "the edition's body is not the translation the memory was aligned from"
"$edsync" check --lang ar --article "$id" --format json >check.json
grep -q '"status": "ok"' check.json || fail "check: $(cat check.json)"
[[ $(grep -c '<tu>' tm/ar.tmx) == "$units" ]] || fail "tm/ar.tmx holds $(grep -c '<tu>' tm/ar.tmx) units, not $units"
[[ $failures == 0 ]] && echo "Translate Toolkit: xliff2po, the PO filled from the exported memory, pomerge; all $units units imported back and check is ok"
exit $failures
