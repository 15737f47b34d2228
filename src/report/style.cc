#include "style.h"

namespace edsync::report_html {

namespace {

const std::vector<StatusLook> kLooks = {
    {SyncStatus::ok, "✓", "up to date", "#1a7f37", "#3fb950"},
    {SyncStatus::stale, "↻", "stale", "#8a5c00", "#d29922"},
    {SyncStatus::untracked, "?", "untracked", "#8250df", "#b692f6"},
    {SyncStatus::missing, "✗", "missing", "#c21f2b", "#ff7b72"},
    {SyncStatus::pending, "…", "pending", "#0860ca", "#58a6ff"},
    {SyncStatus::skipped, "–", "skipped", "#59636e", "#9198a1"},
    {SyncStatus::orphan, "⚠", "orphan", "#a84300", "#f0883e"},
    {SyncStatus::invalid, "⚠", "invalid", "#a40e26", "#ffa198"},
};

const Scheme kLight = {"#ffffff", "#f3f5f7", "#1f2328", "#59636e", "#0860ca", "#c9d1d9", "#fff1a8"};
const Scheme kDark = {"#0d1117", "#161b22", "#e6edf3", "#9198a1", "#58a6ff", "#3d444d", "#5a4a00"};

std::string variables(const Scheme& scheme, bool dark) {
  std::string css = "--bg:" + std::string(scheme.background) + ";--surface:" + std::string(scheme.surface) +
                    ";--text:" + std::string(scheme.text) + ";--muted:" + std::string(scheme.muted) +
                    ";--link:" + std::string(scheme.link) + ";--border:" + std::string(scheme.border) +
                    ";--mark:" + std::string(scheme.mark_background) + ";";
  for (const auto& look : kLooks) css += "--" + std::string(to_string(look.status)) + ":" + std::string(dark ? look.dark : look.light) + ";";
  return css;
}

constexpr std::string_view kRules = R"css(
*{box-sizing:border-box}
body{margin:0 auto;max-width:72rem;padding:1rem;background:var(--bg);color:var(--text);
 font:16px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Naskh Arabic","Vazirmatn",sans-serif}
a{color:var(--link)}
header nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem;border-bottom:1px solid var(--border);padding-bottom:.5rem}
h1{font-size:1.6rem;margin:.75rem 0;overflow-wrap:anywhere}
code{overflow-wrap:anywhere}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
h3{font-size:1.05rem;margin:1rem 0 .25rem}
.meta,.tag,.muted{color:var(--muted)}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border-bottom:1px solid var(--border);padding:.35rem .5rem;text-align:start;vertical-align:top}
th{background:var(--surface)}
td.num,th.num{text-align:end;font-variant-numeric:tabular-nums}
.badge{white-space:nowrap;font-weight:600}
.fails{font-size:.85em;text-transform:uppercase;letter-spacing:.03em}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(24rem,100%),1fr));gap:1rem}
.card{border:1px solid var(--border);border-radius:.5rem;padding:.75rem 1rem;background:var(--bg)}
.card h3{margin-top:0}
.chart{width:100%;height:auto;max-width:40rem}
.chart text{fill:var(--text);font-size:15px}
.chart .grid{stroke:var(--border);stroke-width:1}
.chart .line{fill:none;stroke:var(--link);stroke-width:2.5}
.chart .dot{fill:var(--link)}
.chart .translated{fill:none;stroke:var(--muted);stroke-width:1.5;stroke-dasharray:5 4}
.bar rect.frame{fill:none;stroke:var(--border)}
mark.changed{background:var(--mark);color:inherit;text-decoration:underline;text-decoration-thickness:2px}
del mark.changed{text-decoration:line-through}
.sentences td{width:33%}
.sentences td.none{color:var(--muted)}
footer{margin-top:2rem;border-top:1px solid var(--border);padding-top:.5rem;color:var(--muted);font-size:.9rem}
.controls{display:flex;flex-wrap:wrap;gap:.5rem 1rem;margin:.5rem 0}
.controls input,.controls select{font:inherit;color:var(--text);background:var(--bg);border:1px solid var(--border);padding:.2rem .4rem}
th button{font:inherit;font-weight:700;color:inherit;background:none;border:0;padding:0;cursor:pointer}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
/* A phone: each row of a table becomes a block, every cell under the name of its column. */
@media (max-width:40rem){
 body{padding:.75rem}
 h1{font-size:1.35rem}
 table.stack thead,table.sentences thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
 table.stack tr,table.sentences tr{display:flex;flex-wrap:wrap;border:1px solid var(--border);border-radius:.4rem;margin:0 0 .75rem;padding:.3rem 0}
 table.stack td,table.stack tbody th,table.sentences td{display:block;flex:1 1 100%;width:auto;border:0;padding:.2rem .6rem}
 table.stack tbody th{background:none;font-size:1.05rem}
 table.stack td.num{flex:1 1 40%;display:flex;justify-content:space-between;gap:.5rem;text-align:end}
 td[data-label]::before{content:attr(data-label);display:block;font-size:.8rem;font-weight:600;color:var(--muted)}
 td.num[data-label]::before{display:inline;font-size:inherit;font-weight:400}
 .bar{height:1.5rem}
 .card{padding:.5rem}
 table.stack td:empty{display:none}
 table.points th,table.points td{padding:.2rem .25rem;font-size:.85rem}
}
@media print{body{max-width:none;background:#fff;color:#000;font-size:11pt}header nav,.controls{display:none}
 .scroll{overflow:visible}table{font-size:9.5pt}th,td{padding:.2rem .3rem}
 tr,.card,figure,svg{break-inside:avoid}h1,h2,h3,h4{break-after:avoid}
 a{color:#000}main a[href]:not([href^="#"])::after{content:" (" attr(href) ")";font-size:.85em;overflow-wrap:anywhere}
 td[data-label]::before{content:none}}
)css";

constexpr std::string_view kStatusRule = ".s-";

}  // namespace

const std::vector<StatusLook>& status_looks() { return kLooks; }

const StatusLook& look_of(SyncStatus status) {
  for (const auto& look : kLooks)
    if (look.status == status) return look;
  return kLooks.front();
}

const Scheme& light_scheme() { return kLight; }
const Scheme& dark_scheme() { return kDark; }

std::string stylesheet() {
  std::string css = ":root{color-scheme:light dark;" + variables(kLight, false) + "}\n" +
                    "@media (prefers-color-scheme:dark){:root{" + variables(kDark, true) + "}}\n" +
                    "@media print{:root{" + variables(kLight, false) + "}}\n";
  css += kRules;
  for (const auto& look : kLooks) {
    const std::string name(to_string(look.status));
    css += std::string(kStatusRule) + name + "{color:var(--" + name + ")}\n";
    css += ".bar ." + name + "{fill:var(--" + name + ")}\n";
  }
  return css;
}

// Progressive: the table is whole without it; it adds a filter box, a status
// menu and sortable headers. It sits in a CDATA section so that the page stays
// well-formed XML for xmllint; it must never hold "]]>".
std::string_view table_script() {
  return R"js((function () {
  var table = document.getElementById('articles');
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var controls = document.createElement('div');
  controls.className = 'controls';
  controls.innerHTML = '<label>Filter <input type="search" id="filter"/></label>' +
    '<label>Status <select id="status"><option value="">any</option></select></label>';
  table.parentNode.parentNode.insertBefore(controls, table.parentNode);
  var select = controls.querySelector('#status');
  var seen = {};
  rows.forEach(function (row) {
    var status = row.getAttribute('data-status');
    if (seen[status]) return;
    seen[status] = true;
    var option = document.createElement('option');
    option.value = status;
    option.textContent = status;
    select.appendChild(option);
  });
  var input = controls.querySelector('#filter');
  function apply() {
    var text = input.value.toLowerCase();
    rows.forEach(function (row) {
      var shown = (!select.value || row.getAttribute('data-status') === select.value) ?
        row.textContent.toLowerCase().indexOf(text) !== -1 : false;
      row.hidden = !shown;
    });
  }
  input.addEventListener('input', apply);
  select.addEventListener('change', apply);
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell, column) {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = cell.textContent;
    cell.textContent = '';
    cell.appendChild(button);
    button.addEventListener('click', function () {
      var ascending = cell.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.removeAttribute('aria-sort'); });
      cell.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      rows.sort(function (a, b) {
        var order = a.cells[column].textContent.localeCompare(b.cells[column].textContent);
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
})();
)js";
}

}  // namespace edsync::report_html
