#!/usr/bin/env bash
# Every file `edsync xliff export` writes validates against the official
# schemas with xmllint, offline: XLIFF 1.2 strict, XLIFF 2.0 core with every
# module. The todo-workspace fixture's work (a missing article, a stale one)
# plus an article with emphasis, a link and a code span, exported as 1.2 and
# 2.0, plain, with --copy-source, --fill-fuzzy and --unlock.
#   schema_test.sh EDSYNC REPO_ROOT SCHEMAS_DIR
# Exit 77 (skipped) without xmllint or the schemas.
set -uo pipefail
edsync=$(realpath "$1"); repo=$(realpath "$2"); schemas=$3
command -v xmllint >/dev/null || { echo "skipped: xmllint is not installed"; exit 77; }
[[ -f "$schemas/xliff-1.2/xliff-core-1.2-strict.xsd" ]] || { echo "skipped: no schemas in $schemas"; exit 77; }
schemas=$(realpath "$schemas")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp -r "$repo/tests/fixtures/todo-workspace" "$work/ws"
cd "$work/ws"
EDSYNC=$edsync bash "$repo/tests/support/todo_workspace.sh" || exit 1
cat > editions/en/briefing.md <<'MD'
---
title: "A briefing"
date: 2013-09-02
---

The police spoke on *Monday*. Read [the statement](https://example.org/s) and **the `curfew` order**.
MD
# The shared catalog.xml is not well-formed: map xml.xsd to the local copy.
cat > "$work/catalog.xml" <<XML
<?xml version="1.0"?>
<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
  <system systemId="http://www.w3.org/2001/xml.xsd" uri="file://$schemas/w3c/xml.xsd"/>
  <uri name="http://www.w3.org/2001/xml.xsd" uri="file://$schemas/w3c/xml.xsd"/>
</catalog>
XML
export XML_CATALOG_FILES="$work/catalog.xml"
failed=0; passed=0
for version in 1.2 2.0; do
  schema="$schemas/xliff-1.2/xliff-core-1.2-strict.xsd"
  [[ $version == 2.0 ]] && schema="$schemas/xliff-2.0/xliff_2.0_all_modules.xsd"
  for flags in "" "--copy-source" "--fill-fuzzy" "--copy-source --fill-fuzzy --unlock"; do
    out="$work/out/$version/${flags// /}"
    # shellcheck disable=SC2086
    "$edsync" xliff export ar --version "$version" $flags -o "$out" >/dev/null || { echo "export failed: $version $flags"; failed=$((failed + 1)); continue; }
    for file in "$out"/*.xlf; do
      if xmllint --nonet --noout --schema "$schema" "$file" >"$work/lint" 2>&1; then
        passed=$((passed + 1))
      else
        echo "INVALID ($version $flags): $file"; cat "$work/lint"; failed=$((failed + 1))
      fi
    done
  done
done
grep -q '<bpt id="1">\*</bpt>' "$work/out/1.2/briefing.ar.xlf" 2>/dev/null || grep -rq '<bpt id="1">\*</bpt>' "$work/out/1.2" || { echo "no emphasis code exported"; failed=$((failed + 1)); }
echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
