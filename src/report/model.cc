#include <algorithm>
#include <map>

#include "edsync/process.h"
#include "edsync/report.h"
#include "edition_memory.h"

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

// `memory`: the edition's, where the old English of a stale translation's changes is looked up.
ArticleStatus status_of(const Workspace& workspace, const Finding& finding, const EditionMemory* memory) {
  ArticleStatus row{.lang = finding.lang, .id = finding.id, .status = finding.status, .fails = finding.fails,
                    .detail = finding.detail, .path = finding.path};
  if (const Article* translation = workspace.find(finding.lang, finding.id)) row.title = translation->title;
  if (const Article* english = workspace.find(workspace.config.source_lang, finding.id)) row.english_title = english->title;
  for (const auto& change : finding.changes) {
    SentenceDiff& diff = row.changes.emplace_back(diff_words(change));
    if (memory && finding.recorded_revision && change.kind != SentenceChange::Kind::added)
      diff.old_translation = memory->translation_of(finding.id, *finding.recorded_revision, change.before);
  }
  return row;
}

EditionPage edition_page(const Workspace& workspace, const CheckReport& check, const EditionReport& edition) {
  EditionPage page{.lang = edition.lang};
  if (const EditionPolicy* policy = workspace.config.edition(edition.lang)) page.policy = *policy;
  const EditionMemory memory = EditionMemory::read(workspace, edition.lang);
  page.memory = memory.size();
  page.counts.english = check.source_articles;
  page.counts.required = edition.required;
  for (const auto& finding : edition.findings) {
    count(page.counts, finding.status);
    if (const Article* english = workspace.find(workspace.config.source_lang, finding.id); english && carries(page.policy, *english)) {
      page.counts.required_translated += finding.status == SyncStatus::ok || finding.status == SyncStatus::stale || finding.status == SyncStatus::untracked;
      page.counts.required_up_to_date += finding.status == SyncStatus::ok;
    }
    page.articles.push_back(status_of(workspace, finding, &memory));
  }
  return page;
}

// Failing findings first, then the rest that needs attention, each by edition and id.
std::vector<ArticleStatus> findings_of(const Report& report, const Workspace& workspace, const CheckReport& check) {
  std::vector<ArticleStatus> findings;
  for (const auto& problem : check.source_problems) findings.push_back(status_of(workspace, problem, nullptr));
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
  return run_for_line({"git", "rev-parse", "--short=12", "HEAD"}, workspace.root.string()).value_or("");
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
  // The editions' history, read once: the old English of stale translations and the coverage over time.
  const History history = options.history ? read_history(workspace, workspace.config.editions_dir, true) : History{};
  CheckOptions check_options;
  check_options.today = options.today;
  check_options.explain_stale = options.history;
  check_options.history = &history;
  const auto check = run_check(workspace, check_options);
  if (!check) return check.error();
  Report report = report_from_check(workspace, *check, options.today);
  if (options.history) report.history = read_coverage_history(workspace, history, options.max_points, options.on_progress);
  return report;
}

}  // namespace edsync
