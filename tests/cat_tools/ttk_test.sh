#!/usr/bin/env bash
# Translate Toolkit on a hand-written XLIFF 1.2 file (what an export may
# hold): xliff2po, the PO filled from a mapping, pomerge back into the file.
# The result must be exactly data/article.ar.ttk.xlf: targets filled and
# approved, ids, notes, groups, alt-trans and our attributes kept, the inline
# codes gone from the targets. XLIFF 2.0 is refused.
#   ttk_test.sh        exit 77 (skipped) without Translate Toolkit
set -uo pipefail
here=$(dirname "$(realpath "$0")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bash "$here/ttk_roundtrip.sh" "$here/data/article.ar.xlf" "$here/data/ttk-mapping.tsv" "$work/out.xlf" "$work/out.po"
status=$?
[[ $status -eq 0 ]] || exit $status
failures=0
diff -u "$here/data/article.ar.ttk.xlf" "$work/out.xlf" || { echo "FAIL: pomerge's XLIFF differs"; failures=1; }
grep -q '^msgid "Iraqi forces entered the camp."' "$work/out.po" || { echo "FAIL: xliff2po kept the codes of s1"; failures=1; }
if bash "$here/ttk_roundtrip.sh" "$here/data/article.ar.2.0.xlf" "$here/data/ttk-mapping.tsv" "$work/out2.xlf" 2>"$work/err"; then
  echo "FAIL: XLIFF 2.0 went through"; failures=1
fi
grep -q "xliff2po found no unit" "$work/err" || { echo "FAIL: XLIFF 2.0: $(cat "$work/err")"; failures=1; }
[[ $failures -eq 0 ]] && echo "Translate Toolkit round trip as expected (XLIFF 1.2; codes flattened; 2.0 not read)"
exit $failures
