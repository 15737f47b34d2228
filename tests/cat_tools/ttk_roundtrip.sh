#!/usr/bin/env bash
# Takes an XLIFF file through Translate Toolkit (Debian's translate-toolkit)
# as a PO-based translator would: xliff2po, the PO filled, and the
# translations merged back into the XLIFF.
#   ttk_roundtrip.sh XLIFF MAPPING OUT [PO_OUT]
# MAPPING: a file of "English<TAB>translation" lines; units whose English is
# not in it stay as they are (fuzzy when xliff2po made them so). PO_OUT keeps
# the filled PO.
# Exit: 0 done; 77 Translate Toolkit is not installed (a ctest skips:
# SKIP_RETURN_CODE 77, scripts/bootstrap.sh --cat-tools installs it);
# 2 usage; 1 a tool failed.
#
# Facts (Translate Toolkit 3.8.4, docs/cat-tools.md):
# - xliff2po reads XLIFF 1.2 only (an XLIFF 2.0 file gives no PO); inline
#   codes are flattened (<g> and <x/> dropped, the native code inside <bpt>,
#   <ept> and <ph> kept as plain text); state="new" and any unit not approved
#   become "#, fuzzy"; the unit id becomes the "#:" location; notes, groups
#   and <alt-trans> are not carried; translate="no" units are exported too.
# - po2xliff -t TEMPLATE does not put the translations into the template's
#   units: it appends a second <file> with new units (in the XLIFF 1.1
#   namespace). pomerge -t TEMPLATE does: it matches units by id and fills
#   <target>, state="translated" approved="yes" (or needs-translation and
#   approved="no" when fuzzy), keeping ids, notes, groups, <alt-trans> and
#   other attributes; the targets hold plain text, without the inline codes.
set -uo pipefail
if [[ $# -lt 3 ]]; then
  echo "usage: ttk_roundtrip.sh XLIFF MAPPING OUT [PO_OUT]" >&2
  exit 2
fi
xliff=$1 mapping=$2 out=$3 po_out=${4:-}
for tool in xliff2po pomerge; do
  if ! command -v "$tool" >/dev/null; then
    echo "skipped: Translate Toolkit is not installed ($tool; scripts/bootstrap.sh --cat-tools installs Debian's translate-toolkit)"
    exit 77
  fi
done
for file in "$xliff" "$mapping"; do
  [[ -f "$file" ]] || { echo "ttk_roundtrip.sh: $file: no such file" >&2; exit 2; }
done
# The toolkit's own Python (its scripts' interpreter) reads and writes the PO.
python=$(head -1 "$(command -v xliff2po)" | sed 's/^#! *//; s/ .*//')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
xliff2po --progress=none "$xliff" "$work/units.po" >"$work/log" 2>&1 || { cat "$work/log" >&2; exit 1; }
[[ -f "$work/units.po" ]] || { echo "ttk_roundtrip.sh: xliff2po found no unit in $xliff (it reads XLIFF 1.2 only)" >&2; exit 1; }
"$python" - "$work/units.po" "$mapping" "$work/filled.po" <<'PY' || exit 1
import sys
from translate.storage import po
store = po.pofile.parsefile(sys.argv[1])
mapping = {}
with open(sys.argv[2], encoding="utf-8") as lines:
    for line in lines:
        if "\t" in line:
            english, translation = line.rstrip("\n").split("\t", 1)
            mapping[english] = translation
for unit in store.units:
    if not unit.isheader() and unit.source in mapping:
        unit.target = mapping[unit.source]
        unit.markfuzzy(False)
store.savefile(sys.argv[3])
PY
[[ -n "$po_out" ]] && cp "$work/filled.po" "$po_out"
pomerge --progress=none -t "$xliff" -i "$work/filled.po" -o "$out" >"$work/log" 2>&1 || { cat "$work/log" >&2; exit 1; }
