#include "pages.h"

#include <fmt/format.h>

#include "charts.h"
#include "edsync/text.h"
#include "html.h"

namespace edsync::report_html {

namespace {

std::string edition_href(const std::string& root, const std::string& lang) { return root + "editions/" + url_segment(lang) + ".html"; }
std::string article_href(const std::string& root, const std::string& id) { return root + "articles/" + url_segment(article_file(id)); }

// A cell with the name of its column, which a phone shows beside it when the rows are stacked.
std::string cell(std::string_view label, std::string_view html, std::string_view css_class = "") {
  return "<td" + (css_class.empty() ? std::string() : " class=\"" + std::string(css_class) + "\"") + " data-label=\"" + escape(label) + "\">" +
         std::string(html) + "</td>";
}

std::string percent(int part, int whole) { return whole == 0 ? "–" : fmt::format("{:.0f}%", 100.0 * part / whole); }

std::string navigation(const Report& report, const Links& links, const std::string& root) {
  if (!links.pages) return "";
  std::string html = "<header><nav aria-label=\"Report\"><a href=\"" + root + "index.html\">Overview</a>";
  for (const auto& edition : report.editions)
    html += "<a href=\"" + edition_href(root, edition.lang) + "\">" + escape(language_name(edition.lang)) + "</a>";
  return html + "</nav></header>\n";
}

std::string footer(const Report& report) {
  return "<footer>Made by edsync report on " + report.generated.to_string() +
         (report.commit.empty() ? std::string(" (not in git)") : " from commit <code>" + escape(report.commit) + "</code>") + ".</footer>\n";
}

std::string article_cell(const ArticleStatus& row, const Links& links, const std::string& root) {
  if (row.id.empty()) return cell("Article", escape(row.path));
  const std::string name = "<code>" + escape(row.id) + "</code>";
  std::string html = links.pages ? "<a href=\"" + article_href(root, row.id) + "\">" + name + "</a>" : name;
  if (!row.english_title.empty()) html += "<br/>" + text_in("en", row.english_title);
  return cell("Article", html);
}

std::string file_link(const std::string& path, const Links& links, const std::string& root) {
  if (links.files_root.empty() || path.empty()) return "<code>" + escape(path) + "</code>";
  std::string href;
  for (std::size_t start = 0; start <= path.size();) {
    const std::size_t slash = std::min(path.find('/', start), path.size());
    href += (href.empty() ? "" : "/") + url_segment(path.substr(start, slash - start));
    start = slash + 1;
  }
  return "<a href=\"" + root + links.files_root + href + "\"><code>" + escape(path) + "</code></a>";
}

std::string coverage_table(const Report& report, const Links& links) {
  std::string html =
      "<div class=\"scroll\"><table class=\"stack\">\n<caption class=\"visually-hidden\">Coverage per edition</caption>\n<thead><tr><th scope=\"col\">Edition</th>"
      "<th scope=\"col\" class=\"num\">Required</th><th scope=\"col\" class=\"num\">Translated</th><th scope=\"col\" class=\"num\">Up to date</th>"
      "<th scope=\"col\" class=\"num\">Stale</th><th scope=\"col\" class=\"num\">Untracked</th><th scope=\"col\" class=\"num\">Missing</th>"
      "<th scope=\"col\" class=\"num\">Pending</th><th scope=\"col\" class=\"num\">Skipped</th><th scope=\"col\">Required articles up to date</th></tr></thead>\n<tbody>\n";
  for (const auto& edition : report.editions) {
    const CoverageCounts& c = edition.counts;
    const std::string name = edition_name(edition.lang);
    html += "<tr><th scope=\"row\">" + (links.pages ? "<a href=\"" + edition_href("", edition.lang) + "\">" + name + "</a>" : name) + "</th>";
    const std::pair<const char*, int> numbers[] = {{"Required", c.required},   {"Translated", c.translated}, {"Up to date", c.up_to_date},
                                                   {"Stale", c.stale},         {"Untracked", c.untracked},   {"Missing", c.missing},
                                                   {"Pending", c.pending},     {"Skipped", c.skipped}};
    for (const auto& [label, count] : numbers) html += cell(label, std::to_string(count), "num");
    const std::string summary = fmt::format("{} of {} up to date ({})", c.required_up_to_date, c.required, percent(c.required_up_to_date, c.required));
    html += cell("Required articles up to date", coverage_bar(c, language_name(edition.lang) + ": " + summary) + "<br/>" + summary) + "</tr>\n";
  }
  return html + "</tbody>\n</table></div>\n";
}

std::string findings_table(const Report& report, const Links& links) {
  if (report.findings.empty()) return "<p>Nothing to do: every required article is translated and up to date.</p>\n";
  std::string html = "<div class=\"scroll\"><table class=\"stack\">\n<thead><tr><th scope=\"col\">Status</th><th scope=\"col\">Edition</th><th scope=\"col\">Article</th>"
                     "<th scope=\"col\">What to do</th></tr></thead>\n<tbody>\n";
  for (const auto& row : report.findings)
    html += "<tr>" + cell("Status", status_badge(row.status, row.fails)) + cell("Edition", escape(row.lang)) + article_cell(row, links, "") +
            cell("What to do", escape(row.detail)) + "</tr>\n";
  return html + "</tbody>\n</table></div>\n";
}

std::string history_points_table(const EditionHistory& edition) {
  std::string html = "<details><summary>The points of the chart</summary><div class=\"scroll\"><table class=\"points\">\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Commit</th>"
                     "<th scope=\"col\" class=\"num\">Required</th><th scope=\"col\" class=\"num\">Translated</th><th scope=\"col\" class=\"num\">Up to date</th>"
                     "<th scope=\"col\" class=\"num\">Share up to date</th></tr></thead>\n<tbody>\n";
  for (const auto& point : edition.points)
    html += fmt::format("<tr><td>{}</td><td><code>{}</code></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                        point.date.to_string(), escape(point.commit), point.required, point.translated, point.up_to_date,
                        percent(point.up_to_date, point.required));
  return html + "</tbody>\n</table></div></details>\n";
}

std::string lag_section(const EditionHistory& edition) {
  const auto buckets = lag_buckets(edition.lag_days);
  std::string html = "<h4>Translation lag</h4>\n<p>Days from the English article's date (or its first commit) to its translation's first commit.</p>\n" +
                     lag_chart(buckets, language_name(edition.lang) + ": days from the English article to its translation") +
                     "\n<details><summary>The numbers</summary><table class=\"lag\">\n<thead><tr><th scope=\"col\">Translated</th><th scope=\"col\" class=\"num\">Articles</th></tr></thead>\n<tbody>\n";
  for (const auto& bucket : buckets) html += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td></tr>\n", bucket.label, bucket.count);
  return html + "</tbody>\n</table></details>\n";
}

std::string history_section(const Report& report) {
  const CoverageHistory& history = report.history;
  if (!history.available) return "";
  std::string html = "<h2>Coverage over time</h2>\n<p>The share of required articles up to date (solid line) and translated (dashed) at " +
                     fmt::format("{} of the {} commits that changed the editions.", history.editions.empty() ? 0 : history.editions.front().points.size(),
                                 history.commits) +
                     "</p>\n<div class=\"cards\">\n";
  for (const auto& edition : history.editions) {
    std::string summary = language_name(edition.lang) + ": share of required articles up to date per commit";
    if (!edition.points.empty()) summary += ", now " + percent(edition.points.back().up_to_date, edition.points.back().required);
    html += "<section class=\"card\"><h3>" + edition_name(edition.lang) + "</h3>\n" + history_chart(edition, summary) + "\n" +
            history_points_table(edition) + lag_section(edition) + "</section>\n";
  }
  return html + "</div>\n";
}

std::string policy_section(const Report& report) {
  std::string fail_on;
  for (const auto status : report.policy.fail_on) fail_on += (fail_on.empty() ? "" : ", ") + std::string(to_string(status));
  std::string html = "<h2>Policy</h2>\n<p>A new English article may wait " + fmt::format("{} day{}", report.policy.grace_days, report.policy.grace_days == 1 ? "" : "s") +
                     " before it counts as missing. These statuses fail the check: " + escape(fail_on) + ".</p>\n<ul>\n";
  for (const auto& edition : report.editions) {
    html += "<li>" + edition_name(edition.lang) + ": ";
    if (!edition.policy.required) html += "not required";
    else if (edition.policy.since) html += "carries every English article dated " + edition.policy.since->to_string() + " or later";
    else html += "carries every English article";
    html += "</li>\n";
  }
  return html + "</ul>\n";
}

std::string memory_line(const MemorySize& memory) {
  std::string html = "\n<p>Translation memory: ";
  if (!memory.present) html += "no <code>" + escape(memory.file) + "</code> yet.";
  else html += fmt::format("{} unit{} in <code>{}</code>.", memory.units, memory.units == 1 ? "" : "s", escape(memory.file));
  if (!memory.problem.empty()) html += " <strong>Could not read all of it:</strong> " + escape(memory.problem);
  return html + "</p>";
}

}  // namespace

std::string front_page(const Report& report, const Links& links) {
  std::string body = navigation(report, links, "") + "<main>\n<h1>Translation coverage</h1>\n<p class=\"meta\">" +
                     (report.failed ? std::string("<strong>The check fails.</strong> ") : std::string("The check passes. ")) + "Made on " +
                     report.generated.to_string() + (report.commit.empty() ? "" : " from commit <code>" + escape(report.commit) + "</code>") +
                     ", with the policy below.</p>\n<h2>Editions</h2>\n" + coverage_table(report, links) + "<h2>Findings</h2>\n" +
                     findings_table(report, links) + history_section(report) + policy_section(report) + "</main>\n" + footer(report);
  return page({"Translation coverage", "", false}, body);
}

std::string edition_page(const Report& report, const EditionPage& edition, const Links& links) {
  const std::string root = "../";
  const CoverageCounts& c = edition.counts;
  std::string body = navigation(report, links, root) + "<main>\n<h1>" + edition_name(edition.lang) + "</h1>\n<p class=\"meta\">" +
                     fmt::format("{} of {} required articles up to date ({}); {} translated, {} stale, {} missing, {} pending.", c.required_up_to_date, c.required,
                                 percent(c.required_up_to_date, c.required), c.translated, c.stale + c.untracked, c.missing, c.pending) +
                     "</p>\n" + coverage_bar(c, language_name(edition.lang) + " coverage") + memory_line(edition.memory) +
                     "\n<h2>Articles</h2>\n<div class=\"scroll\"><table id=\"articles\" class=\"stack\">\n<thead><tr><th scope=\"col\">Article</th>"
                     "<th scope=\"col\">Status</th><th scope=\"col\">Translated title</th><th scope=\"col\">Detail</th><th scope=\"col\">File</th></tr></thead>\n<tbody>\n";
  for (const auto& row : edition.articles) {
    body += "<tr data-status=\"" + std::string(to_string(row.status)) + "\">" + article_cell(row, links, root) + cell("Status", status_badge(row.status, row.fails)) +
            cell("Translated title", row.title.empty() ? "" : text_in(edition.lang, row.title)) + cell("Detail", escape(row.detail)) +
            cell("File", file_link(row.path, links, root)) + "</tr>\n";
  }
  body += "</tbody>\n</table></div>\n</main>\n" + footer(report);
  return page({language_name(edition.lang) + " edition – translation coverage", root, true}, body);
}

namespace {

std::string words(const std::vector<WordRun>& runs, const char* wrapper) {
  std::string html;
  for (const auto& run : runs)
    html += (html.empty() ? "" : " ") + (run.changed ? "<" + std::string(wrapper) + "><mark class=\"changed\">" + escape(run.text) + "</mark></" + wrapper + ">" : escape(run.text));
  return html;
}

// The edition's translation of the old English beside it, or why there is none.
std::string old_translation_cell(const SentenceDiff& change, const ArticleStatus& row) {
  const std::string label = " data-label=\"The " + escape(language_name(row.lang)) + " made from it\"";
  if (change.kind == SentenceChange::Kind::added) return "<td class=\"none\"" + label + "><em>(a new sentence: nothing translated yet)</em></td>";
  const OldTranslation& old = change.old_translation;
  if (old.source == OldTranslation::Source::none)
    return "<td class=\"none\"" + label + "><em>No translation of this sentence is known: the memory holds no pair with this English.</em></td>";
  const std::string from = old.source == OldTranslation::Source::aligned ? "aligned from this article" : "an exact match in the memory";
  return "<td class=\"translation\"" + lang_attributes(row.lang) + label + ">" + text_in(row.lang, old.text) + "<br/><small class=\"muted\"" +
         lang_attributes("en") + ">" + from + "</small></td>";
}

std::string changes_section(const ArticleStatus& row, const std::string& source_lang) {
  if (row.status != SyncStatus::stale) return "";
  const std::string language = escape(language_name(row.lang));
  std::string html = "<h3>What changed in the English since the " + language + " translation</h3>\n";
  if (row.changes.empty()) return html + "<p>" + escape(row.detail) + "</p>\n";
  html += "<div class=\"scroll\"><table class=\"sentences\">\n<thead><tr><th scope=\"col\">The English it was translated from</th>"
          "<th scope=\"col\">The English now</th><th scope=\"col\">The " + language + " made from it</th></tr></thead>\n<tbody>\n";
  const std::string english = report_html::lang_attributes(source_lang);
  for (const auto& change : row.changes) {
    html += "<tr class=\"" + std::string(to_string(change.kind)) + "\"><td" + english + " data-label=\"The English it was translated from\">" +
            (change.before.empty() ? "<em>(added)</em>" : words(change.before, "del")) + "</td><td" + english + " data-label=\"The English now\">" +
            (change.after.empty() ? "<em>(removed)</em>" : words(change.after, "ins")) + "</td>" + old_translation_cell(change, row) + "</tr>\n";
  }
  return html + "</tbody>\n</table></div>\n";
}

}  // namespace

std::string article_page(const Report& report, const ArticlePage& article, const Links& links) {
  const std::string root = "../";
  std::string body = navigation(report, links, root) + "<main>\n<h1>" + (article.title.empty() ? "<code>" + escape(article.id) + "</code>" : text_in(report.source_lang, article.title)) +
                     "</h1>\n<p class=\"meta\"><code>" + escape(article.id) + "</code>" + (article.date ? ", dated " + article.date->to_string() : "") +
                     (article.path.empty() ? std::string(", no English article") : ", " + file_link(article.path, links, root)) +
                     "</p>\n<h2>Editions</h2>\n<div class=\"scroll\"><table class=\"stack\">\n<thead><tr><th scope=\"col\">Edition</th><th scope=\"col\">Status</th>"
                     "<th scope=\"col\">Title</th><th scope=\"col\">Detail</th><th scope=\"col\">File</th></tr></thead>\n<tbody>\n";
  std::string changes;
  for (const auto& row : article.editions) {
    body += "<tr><th scope=\"row\">" + edition_name(row.lang) + "</th>" + cell("Status", status_badge(row.status, row.fails)) +
            cell("Title", row.title.empty() ? "" : text_in(row.lang, row.title)) + cell("Detail", escape(row.detail)) + cell("File", file_link(row.path, links, root)) +
            "</tr>\n";
    changes += changes_section(row, report.source_lang);
  }
  body += "</tbody>\n</table></div>\n" + (changes.empty() ? "" : "<h2>Changes to translate</h2>\n" + changes) + "</main>\n" + footer(report);
  return page({(article.title.empty() ? article.id : article.title) + " – translation coverage", root, false}, body);
}

}  // namespace edsync::report_html
