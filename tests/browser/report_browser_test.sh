#!/usr/bin/env bash
# The report in a real browser: headless Chromium opens the generated pages
# from files and the test reads the DOM it renders (--dump-dom): coverage
# numbers, right-to-left attributes, an escaped title staying text, the edition
# page's script running, and no request leaving the page (Chromium's net log
# must hold no request made for a file: page; a control page with remote
# resources shows that such requests are seen).
#   report_browser_test.sh EDSYNC        exit 77 (skipped) without Chromium
set -uo pipefail
edsync=$(realpath "$1")
tests_dir=$(dirname "$(dirname "$(realpath "$0")")")
browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$browser" ]]; then
  echo "skipped: Chromium is not installed (scripts/bootstrap.sh --browser installs Debian's chromium)"
  exit 77
fi
command -v xmllint >/dev/null || { echo "skipped: xmllint is not installed (libxml2-utils)"; exit 77; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/ws" && cd "$work/ws" || exit 1
EDSYNC=$edsync bash "$tests_dir/support/report_workspace.sh" || { echo "could not make the workspace"; exit 1; }
"$edsync" report --as-of 2013-09-20 >/dev/null || { echo "edsync report failed"; exit 1; }
site="$work/ws/.edsync/report"

flags=(--headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" --no-first-run --disable-extensions
       --disable-background-networking --disable-component-update --disable-sync --disable-default-apps)
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# dump PAGE NAME: the rendered DOM in $work/NAME.html, the net log in $work/NAME.netlog
dump() {
  timeout 60 "$browser" "${flags[@]}" --log-net-log="$work/$2.netlog" --dump-dom "file://$1" >"$work/$2.html" 2>/dev/null
  [[ -s "$work/$2.html" ]] || fail "$2: Chromium rendered nothing"
}
xpath() { xmllint --html --xpath "$2" "$work/$1.html" 2>/dev/null; }
expect() {  # NAME XPATH EXPECTED
  local got
  got=$(xpath "$1" "$2" | tr -s '[:space:]' ' ' | sed 's/^ //; s/ $//')
  [[ "$got" == "$3" ]] || fail "$1: $2 is '$got', expected '$3'"
}
# URLs requested for a file: page, from the net log (file: itself never reaches the network stack).
requests() { grep '"network_isolation_key":"file://' "$work/$1.netlog" | grep -o '"url":"[^"]*"' | sort -u; }

dump "$site/index.html" index
dump "$site/editions/ar.html" ar
dump "$site/editions/fa.html" fa
dump "$site/articles/raid.html" raid
dump "$site/articles/escaped.html" escaped

expect index 'string(//tbody/tr[1]/th)' 'Arabic العربية (ar)'
expect index 'string(//tbody/tr[1]/td[last()]/text())' '3 of 3 up to date (100%)'
expect index 'string(//tbody/tr[2]/td[last()]/text())' '0 of 3 up to date (0%)'
expect index 'string(//tbody/tr[2]/td[6])' '2'  # Persian: missing
expect index 'string((//table[@class="points"])[1]//tbody/tr[3]/td[2])' '5fd0293fddc0'
expect index 'string((//table[@class="points"])[1]//tbody/tr[3]/td[6])' '33%'
expect index 'count(//svg[@class="chart"]//circle)' '12'
for page in index ar fa raid escaped; do
  # Every piece of Arabic-script text sits in an element marked right-to-left, with its language.
  expect "$page" 'count(//text()[contains(., "ا") or contains(., "ی")][not(ancestor::*[@dir="rtl"][@lang="ar" or @lang="fa"])])' '0'
  expect "$page" 'count(//*[@src or @href][starts-with(@src, "http") or starts-with(@href, "http") or starts-with(@href, "//") or starts-with(@src, "//")])' '0'
  [[ -z "$(requests "$page")" ]] || fail "$page requested $(requests "$page")"
done
expect ar 'count(//bdi[@lang="ar"][@dir="rtl"])' '4'  # the edition's name and three titles
expect ar 'count(//input[@id="filter"])' '1'   # the progressive script ran
expect ar 'count(//table[@id="articles"]/tbody/tr)' '4'
expect fa 'string(//h1/bdi/@dir)' 'rtl'
expect raid 'string(//table[@class="sentences"]//ins/mark)' 'Five'
# Beside the old English, the Persian made from it (the aligned pair), right to left; the added sentence has none.
expect raid 'string(//table[@class="sentences"]/tbody/tr[1]/td[3]/bdi)' 'سه نفر زخمی شدند.'
expect raid 'string(//table[@class="sentences"]/tbody/tr[1]/td[3]/@dir)' 'rtl'
expect raid 'string(//table[@class="sentences"]/tbody/tr[1]/td[3]/@lang)' 'fa'
expect raid 'string(//table[@class="sentences"]/tbody/tr[2]/td[3])' '(a new sentence: nothing translated yet)'
expect escaped 'string(//h1)' 'A <script>alert("x")</script> title'
expect escaped 'count(//script)' '0'

# The sample workspace (this repository): its planted findings, its history
# charts and its right-to-left editions.
if git -C "$tests_dir/.." rev-parse --git-dir >/dev/null 2>&1; then
  "$edsync" --workspace "$tests_dir/.." report --as-of 2026-11-21 -o "$work/sample" >/dev/null || fail "edsync report on the sample workspace failed"
  failing=$("$edsync" --workspace "$tests_dir/.." check --as-of 2026-11-21 --no-history --format json | grep -c '"fails": true')
  dump "$work/sample/index.html" sample
  dump "$work/sample/editions/fa.html" sample-fa
  dump "$work/sample/articles/does-she-still-want-to-return-to-ashraf.html" sample-article
  expect sample 'count(//main/div[2]/table/tbody/tr[.//strong[@class="fails"]])' "$failing"
  expect sample 'count(//svg[@class="chart"][polyline])' '3'
  expect sample-article 'count(//table[@class="sentences"]//mark)' '2'
  # The Arabic the stale translation was made from, from the pairs edsync align put in tm/ar.tmx.
  expect sample-article 'count(//table[@class="sentences"]/tbody/tr[@class="changed"]/td[@class="translation"][@lang="ar"][@dir="rtl"]/bdi)' '1'
  for page in sample sample-fa sample-article; do
    expect "$page" 'count(//text()[contains(., "ا") or contains(., "ی")][not(ancestor::*[@dir="rtl"][@lang="ar" or @lang="fa"])])' '0'
    [[ -z "$(requests "$page")" ]] || fail "$page requested $(requests "$page")"
  done
else
  echo "note: the sample workspace is not in git here; its report is not checked"
fi

# On a phone nothing is wider than the screen: neither the page nor any
# table's scroll box. A copy of each page gets a script that writes what the
# layout measured into the DOM. (--dump-dom lays out no narrower than 500 px,
# asked for 390: the phone rules, up to 40rem, apply all the same.)
measure() {  # PAGE NAME
  sed 's#</body>#<script>var wide = Array.prototype.filter.call(document.querySelectorAll(".scroll, main, body"), function (e) { return e.scrollWidth > e.clientWidth + 1; });document.body.setAttribute("data-phone", String(matchMedia("(max-width:40rem)").matches));document.body.setAttribute("data-too-wide", String(wide.length + (document.documentElement.scrollWidth > innerWidth ? 1 : 0)));</script></body>#' "$1" >"$(dirname "$1")/measured-$2.html"
  timeout 60 "$browser" "${flags[@]}" --window-size=390,844 --dump-dom "file://$(dirname "$1")/measured-$2.html" >"$work/$2.html" 2>/dev/null
  expect "$2" 'string(//body/@data-phone)' 'true'
  expect "$2" 'string(//body/@data-too-wide)' '0'
}
measure "$site/index.html" phone-index
measure "$site/editions/ar.html" phone-ar
measure "$site/articles/raid.html" phone-raid
if [[ -d "$work/sample" ]]; then
  measure "$work/sample/index.html" phone-sample
  measure "$work/sample/articles/does-she-still-want-to-return-to-ashraf.html" phone-sample-article
fi

# The control: a page that fetches from the network is caught by the same check.
printf '<!DOCTYPE html><html><body><img src="http://example.invalid/x.png"></body></html>' >"$work/control-page.html"
dump "$work/control-page.html" control
[[ "$(requests control)" == '"url":"http://example.invalid/x.png"' ]] || fail "the net log check does not see a page's request: '$(requests control)'"

if [[ $failures -gt 0 ]]; then
  echo "$failures browser check(s) failed"
  exit 1
fi
echo "all browser checks passed"
