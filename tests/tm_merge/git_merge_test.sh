#!/usr/bin/env bash
# Translators on branches: git itself merges tm/*.tmx through the driver that
# `edsync init` sets up. Two branches that each import a different TMX merge
# without a conflict into exactly what importing both files gives; two that
# change the same unit two ways keep both translations as alternatives, which
# `edsync lookup` finds once the index has caught up by itself. The same
# merge without the driver conflicts, so the test shows the driver's work.
#   git_merge_test.sh EDSYNC        exit 77 (skipped) without git
set -uo pipefail
edsync=$(realpath "$1")
command -v git >/dev/null || { echo "skipped: git is not installed"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# git runs the driver by name, as it would for a translator.
export PATH="$(dirname "$edsync"):$PATH" GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

tmx() {  # FILE, then "EN|AR" pairs
  local file=$1; shift
  { echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo '<tmx version="1.4"><header creationtool="Desk" creationtoolversion="1" segtype="sentence" o-tmf="desk" adminlang="en" srclang="en" datatype="plaintext"/><body>'
    for pair in "$@"; do echo "<tu><tuv xml:lang=\"en\"><seg>${pair%%|*}</seg></tuv><tuv xml:lang=\"ar\"><seg>${pair#*|}</seg></tuv></tu>"; done
    echo '</body></tmx>'; } >"$file"
}
tmx "$work/base.tmx" "The camp was attacked.|هوجم المخيم." "Nobody was hurt.|لم يصب أحد."
tmx "$work/desk-a.tmx" "Iraqi forces entered the camp.|دخلت القوات العراقية المخيم." "The residents were moved.|نقل السكان."
tmx "$work/desk-b.tmx" "Police said nothing.|لم تقل الشرطة شيئا." "The meeting was held on Monday.|عقد الاجتماع يوم الاثنين."

mkdir "$work/ws" && cd "$work/ws" || exit 1
git init -q -b main .
init_out=$(edsync init . --editions ar,fa) || fail "edsync init failed"
[[ "$init_out" == *"git merges tm/*.tmx with \`edsync tm merge-driver %O %A %B %P\`"* ]] || fail "init did not say it set up git: $init_out"
[[ "$(cat .gitattributes)" == "tm/*.tmx merge=edsync-tm" ]] || fail ".gitattributes: $(cat .gitattributes)"
[[ "$(git config merge.edsync-tm.driver)" == "edsync tm merge-driver %O %A %B %P" ]] || fail "merge.edsync-tm.driver not set"
[[ -n "$(git config merge.edsync-tm.name)" ]] || fail "merge.edsync-tm.name not set"
commit() { git add -A && git commit -qm "$1"; }
edsync tm import "$work/base.tmx" >/dev/null && commit "memory: base"
git checkout -qb desk-a && edsync tm import "$work/desk-a.tmx" >/dev/null && commit "memory: desk a"
git checkout -q main && git checkout -qb desk-b && edsync tm import "$work/desk-b.tmx" >/dev/null && commit "memory: desk b"

# Without the driver the two imports conflict (both add units at the same place).
git clone -q . "$work/plain" && (cd "$work/plain" && git checkout -q desk-a && git checkout -q desk-b && git checkout -q desk-a &&
  echo "tm/*.tmx merge=text" >.git/info/attributes && ! git merge -q --no-edit desk-b >/dev/null 2>&1) ||
  fail "without the driver the merge should conflict"

git checkout -q desk-a
git merge -q --no-edit desk-b >"$work/merge.out" 2>&1 || { fail "git merge desk-b conflicted"; cat "$work/merge.out"; }
grep -rl '^<<<<<<<\|^>>>>>>>' tm/ && fail "conflict markers in tm/"
git status --porcelain | grep . && fail "the merge left changes: $(git status --porcelain)"

# What importing both files in sequence gives, byte for byte.
mkdir "$work/reference" && (cd "$work/reference" && edsync init . --editions ar,fa >/dev/null &&
  edsync tm import "$work/base.tmx" "$work/desk-a.tmx" "$work/desk-b.tmx" >/dev/null) || fail "reference import failed"
for file in "$work"/reference/tm/*.tmx; do
  cmp "$file" "tm/$(basename "$file")" || fail "tm/$(basename "$file") differs from importing base, desk-a and desk-b"
done
[[ "$(ls tm)" == "$(ls "$work/reference/tm")" ]] || fail "tm/ holds $(ls tm), expected $(ls "$work/reference/tm")"

# The index catches up on the next command, by itself.
lookup=$(edsync lookup --lang ar "Police said nothing." 2>"$work/lookup.err") || fail "lookup failed"
[[ "$(cat "$work/lookup.err")" == "edsync: rebuilding the translation memory index from tm/ (6 units)" ]] ||
  fail "lookup said: $(cat "$work/lookup.err")"
[[ "$lookup" == *"لم تقل الشرطة شيئا."* ]] || fail "lookup after the merge: $lookup"

# The same unit changed two ways (a translator corrects the Arabic on each branch).
git checkout -q main
git checkout -qb fix-1 && sed -i 's|هوجم المخيم.|تعرض المخيم لهجوم.|' tm/ar.tmx && commit "memory: fix 1"
git checkout -q main && git checkout -qb fix-2 && sed -i 's|هوجم المخيم.|وقع هجوم على المخيم.|' tm/ar.tmx && commit "memory: fix 2"
git merge -q --no-edit fix-1 >"$work/merge2.out" 2>&1 || { fail "git merge fix-1 conflicted"; cat "$work/merge2.out"; }
grep -rl '^<<<<<<<\|^>>>>>>>' tm/ && fail "conflict markers in tm/"
[[ "$(grep -c '<seg>تعرض المخيم لهجوم.</seg>\|<seg>وقع هجوم على المخيم.</seg>' tm/ar.tmx)" == 2 ]] || fail "both fixes are not kept"
grep -q 'هوجم المخيم.' tm/ar.tmx && fail "the translation both branches replaced is still there"
lookup=$(edsync lookup --lang ar "The camp was attacked." 2>/dev/null) || fail "lookup failed"
[[ "$(grep -c '^100 exact' <<<"$lookup")" == 2 && "$lookup" == *"تعرض المخيم لهجوم."* && "$lookup" == *"وقع هجوم على المخيم."* ]] ||
  fail "lookup does not find both alternatives: $lookup"

[[ $failures -eq 0 ]] && echo "git merged tm/ through edsync tm merge-driver: no conflict, same bytes as the imports, both alternatives kept"
exit $((failures > 0))
