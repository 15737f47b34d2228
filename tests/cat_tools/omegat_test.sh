#!/usr/bin/env bash
# OmegaT 3.6 headless on a hand-written XLIFF 1.2 file (what an export may
# hold) with a TMX in tm/auto/: the result must be exactly
# data/article.ar.omegat.xlf: the targets of exact matches filled (inline
# codes restored from OmegaT's shortcuts), states, ids, notes, groups,
# alt-trans and our attributes untouched, units without a target, with an
# empty one or translate="no" left alone, the fuzzy match not applied. An
# XLIFF 2.0 file comes back untranslated.
#   omegat_test.sh        exit 77 (skipped) without OmegaT
set -uo pipefail
here=$(dirname "$(realpath "$0")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bash "$here/omegat_translate.sh" "$here/data/article.ar.xlf" "$here/data/memory.omegat.tmx" ar "$work/out.xlf"
status=$?
[[ $status -eq 0 ]] || exit $status
failures=0
diff -u "$here/data/article.ar.omegat.xlf" "$work/out.xlf" || { echo "FAIL: OmegaT's XLIFF 1.2 differs"; failures=1; }
bash "$here/omegat_translate.sh" "$here/data/article.ar.2.0.xlf" "$here/data/memory.omegat.tmx" ar "$work/out2.xlf" || exit 1
diff -u "$here/data/article.ar.2.0.omegat.xlf" "$work/out2.xlf" || { echo "FAIL: OmegaT's XLIFF 2.0 differs"; failures=1; }
[[ $failures -eq 0 ]] && echo "OmegaT filled the XLIFF 1.2 targets from tm/auto as expected and left XLIFF 2.0 untranslated"
exit $failures
