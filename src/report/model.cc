#include <algorithm>
#include <map>

#include "edsync/process.h"
#include "edsync/report.h"
#include "memory_size.h"

namespace edsync {

namespace {

void count(CoverageCounts& counts, SyncStatus status) {
  switch (status) {
    case SyncStatus::ok: ++counts.up_to_date; ++counts.translated; break;
    case SyncStatus::stale: ++counts.stale; ++counts.translated; break;
    case SyncStatus::untracked: ++counts.untracked; ++counts.translated; break;
    case SyncStatus::missing: ++counts.missing; break;
    case SyncStatus::pending: ++counts.pending; break;
    case SyncStatus::skipped: ++counts.skipped; break;
    case SyncStatus::orphan: ++counts.orphan; break;
    case SyncStatus::invalid: ++counts.invalid; break;
  }
}

// The check's rule: the edition must carry this English article.
bool carries(const EditionPolicy& policy, const Article& english) {
  return policy.required && !(policy.since && english.date && *english.date < *policy.since);
}

ArticleStatus status_of(const Workspace& workspace, const Finding& finding) {
  ArticleStatus row{.lang = finding.lang, .id = finding.id, .status = finding.status, .fails = finding.fails,
                    .detail = finding.detail, .path = finding.path};
  if (const Article* translation = workspace.find(finding.lang, finding.id)) row.title = translation->title;
  if (const Article* english = workspace.find(workspace.config.source_lang, finding.id)) row.english_title = english->title;
  for (const auto& change : finding.changes) row.changes.push_back(diff_words(change));
  return row;
}

EditionPage edition_page(const Workspace& workspace, const CheckReport& check, const EditionReport& edition) {
  EditionPage page{.lang = edition.lang};
  if (const EditionPolicy* policy = workspace.config.edition(edition.lang)) page.policy = *policy;
  page.memory = memory_size(workspace, edition.lang);
  page.counts.english = check.source_articles;
  page.counts.required = edition.required;
  for (const auto& finding : edition.findings) {
    count(page.counts, finding.status);
    if (const Article* english = workspace.find(workspace.config.source_lang, finding.id); english && carries(page.policy, *english)) {
      page.counts.required_translated += finding.status == SyncStatus::ok || finding.status == SyncStatus::stale || finding.status == SyncStatus::untracked;
      page.counts.required_up_to_date += finding.status == SyncStatus::ok;
    }
    page.articles.push_back(status_of(workspace, finding));
  }
  return page;
}

// Failing findings first, then the rest that needs attention, each by edition and id.
std::vector<ArticleStatus> findings_of(const Report& report, const Workspace& workspace, const CheckReport& check) {
  std::vector<ArticleStatus> findings;
  for (const auto& problem : check.source_problems) findings.push_back(status_of(workspace, problem));
  for (const auto& edition : report.editions)
    for (const auto& row : edition.articles)
      if (row.status != SyncStatus::ok && row.status != SyncStatus::skipped) findings.push_back(row);
  std::stable_sort(findings.begin(), findings.end(),
                   [](const ArticleStatus& a, const ArticleStatus& b) { return a.fails > b.fails; });
  return findings;
}

// The page of an id, made on first sight; `index` maps ids to positions in `pages`.
ArticlePage& page_for(std::vector<ArticlePage>& pages, std::map<std::string, std::size_t>& index, const Workspace& workspace,
                      const std::string& id) {
  const auto [at, added] = index.emplace(id, pages.size());
  if (!added) return pages[at->second];
  ArticlePage& page = pages.emplace_back(ArticlePage{.id = id});
  if (const Article* english = workspace.find(workspace.config.source_lang, id)) {
    page.title = english->title;
    page.path = english->path;
    page.date = english->date;
  }
  return page;
}

std::vector<ArticlePage> article_pages(const Workspace& workspace, const std::vector<EditionPage>& editions) {
  std::vector<ArticlePage> pages;
  std::map<std::string, std::size_t> index;
  const auto english = workspace.articles.find(workspace.config.source_lang);
  if (english != workspace.articles.end())
    for (const auto& [id, article] : english->second) page_for(pages, index, workspace, id);
  for (const auto& edition : editions)
    for (const auto& row : edition.articles)
      if (!row.id.empty()) page_for(pages, index, workspace, row.id).editions.push_back(row);
  return pages;
}

std::string head_commit(const Workspace& workspace) {
  const auto head = run_process({"git", "rev-parse", "--short=12", "HEAD"}, workspace.root.string());
  if (!head || head->exit_code != 0) return "";
  std::string text = head->out;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

}  // namespace

Report report_from_check(const Workspace& workspace, const CheckReport& check, Date generated) {
  Report report{.source_lang = check.source_lang, .generated = generated, .commit = head_commit(workspace),
                .policy = workspace.config.check, .failed = check.failed};
  for (const auto& edition : check.editions) report.editions.push_back(edition_page(workspace, check, edition));
  report.findings = findings_of(report, workspace, check);
  report.articles = article_pages(workspace, report.editions);
  return report;
}

Result<Report> build_report(const Workspace& workspace, const ReportOptions& options) {
  CheckOptions check_options;
  check_options.today = options.today;
  check_options.explain_stale = options.history;
  const auto check = run_check(workspace, check_options);
  if (!check) return check.error();
  Report report = report_from_check(workspace, *check, options.today);
  if (options.history) report.history = read_coverage_history(workspace, options.max_points);
  return report;
}

}  // namespace edsync
