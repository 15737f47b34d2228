#!/usr/bin/env bash
# The report's pages checked by other tools: well-formed XML (xmllint) and
# HTML5 without errors or warnings (HTML Tidy), on the fixture workspace and
# the sample workspace.    report_html_check.sh EDSYNC   exit 77 without the tools
set -uo pipefail
edsync=$(realpath "$1")
tests_dir=$(dirname "$(dirname "$(realpath "$0")")")
for tool in xmllint tidy; do
  command -v $tool >/dev/null || { echo "skipped: $tool is not installed (scripts/bootstrap.sh installs libxml2-utils and tidy)"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/ws" && cd "$work/ws" || exit 1
EDSYNC=$edsync bash "$tests_dir/support/report_workspace.sh" || exit 1
"$edsync" report --as-of 2013-09-20 -o "$work/fixture" >/dev/null || exit 1
"$edsync" --workspace "$tests_dir/.." report --as-of 2026-11-21 -o "$work/sample" >/dev/null || exit 1
"$edsync" --workspace "$tests_dir/.." check --format html --as-of 2026-11-21 -o "$work/check.html" >/dev/null
status=0
pages=0
while read -r page; do
  pages=$((pages + 1))
  xmllint --noout "$page" || status=1
  if ! report=$(tidy -q -e -utf8 "$page" 2>&1) || [[ -n "$report" ]]; then
    echo "${page#"$work"/}: $report"
    status=1
  fi
done < <(find "$work/fixture" "$work/sample" "$work/check.html" -name '*.html' | sort)
[[ $status -eq 0 ]] && echo "$pages pages: well-formed, no HTML errors or warnings"
exit $status
