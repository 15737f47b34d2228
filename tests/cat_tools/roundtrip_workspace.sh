#!/usr/bin/env bash
# Sets up, in the current folder, a copy of the sample workspace in which a
# translator starts an Arabic article afresh: its translation removed, the
# memory exported as TMX (memory.tmx, as a translator's CAT tool gets it),
# then moved away (away-tm/) so that the export pretranslates nothing, and
# the article exported for a CAT tool with --copy-source (export/<id>.ar.xlf).
# The removed translation is kept as original.md.
#   EDSYNC=path/to/edsync SAMPLE=path/to/repository roundtrip_workspace.sh ID
set -euo pipefail
: "${EDSYNC:?set EDSYNC to the edsync binary}" "${SAMPLE:?set SAMPLE to the sample workspace}"
id=$1
export GIT_AUTHOR_NAME=Desk GIT_AUTHOR_EMAIL=desk@example.org GIT_COMMITTER_NAME=Desk GIT_COMMITTER_EMAIL=desk@example.org
cp -r "$SAMPLE/editions" "$SAMPLE/edsync.yaml" "$SAMPLE/tm" .
git init -q -b main
echo .edsync/ >>.git/info/exclude
git add -A && git commit -qm "the sample"
"$EDSYNC" tm export --lang ar -o memory.tmx 2>/dev/null
mv "editions/ar/$id.md" original.md
mv tm away-tm && mkdir tm && rm -rf .edsync
git add -A && git commit -qm "$id: to be translated again"
"$EDSYNC" xliff export ar "$id" --copy-source -o export >/dev/null
