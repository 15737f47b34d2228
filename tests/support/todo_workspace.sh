#!/usr/bin/env bash
# Gives the todo-workspace fixture (the current folder) its memory and a git
# history: the Arabic quiet-day translated and marked in step, then its
# English edited (a sentence changed, one added, one removed), so it is stale.
#   EDSYNC=path/to/edsync todo_workspace.sh
set -euo pipefail
: "${EDSYNC:?set EDSYNC to the edsync binary}"
export GIT_AUTHOR_NAME=Desk GIT_AUTHOR_EMAIL=desk@example.org GIT_COMMITTER_NAME=Desk GIT_COMMITTER_EMAIL=desk@example.org
"$EDSYNC" tm import memory.tmx >/dev/null 2>&1
rm memory.tmx
git init -q -b main
echo .edsync/ >>.git/info/exclude
"$EDSYNC" mark-synced ar quiet-day >/dev/null
git add -A && git commit -qm "quiet-day translated"
sed -i -e 's/quiet on Monday\. Reporters were kept out\./quiet on Monday morning. Reporters were kept out. Two officers stayed behind./' \
  -e '/^Shops opened again\.$/d' editions/en/quiet-day.md
git add -A && git commit -qm "quiet-day: the English edited"
