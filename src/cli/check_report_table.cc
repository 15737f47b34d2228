#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "check_report.h"
#include "edsync/text.h"

namespace edsync::cli {

namespace {

constexpr SyncStatus kDisplayOrder[] = {SyncStatus::invalid, SyncStatus::orphan, SyncStatus::missing,
                                        SyncStatus::stale, SyncStatus::untracked, SyncStatus::pending,
                                        SyncStatus::ok, SyncStatus::skipped};

std::string_view color_of(SyncStatus status) {
  switch (status) {
    case SyncStatus::ok: return "\033[32m";
    case SyncStatus::stale:
    case SyncStatus::untracked: return "\033[33m";
    case SyncStatus::missing:
    case SyncStatus::invalid: return "\033[31m";
    case SyncStatus::orphan: return "\033[35m";
    case SyncStatus::pending: return "\033[36m";
    case SyncStatus::skipped: return "\033[2m";
  }
  return "";
}

std::string painted(SyncStatus status, bool color) {
  const std::string name = fmt::format("{:<9}", to_string(status));
  return color ? std::string(color_of(status)) + name + "\033[0m" : name;
}

bool shown(const Finding& finding, const TableStyle& style) {
  return style.all_rows || (finding.status != SyncStatus::ok && finding.status != SyncStatus::skipped);
}

// An orphan is named by its file: with an `id:` in the front matter the id
// alone does not say which file to delete or restore.
std::string where(const Finding& finding) {
  if (finding.status == SyncStatus::orphan) return finding.path;
  if (finding.status != SyncStatus::invalid) return finding.id;
  std::string text = finding.path;
  if (finding.line > 0) text += ":" + std::to_string(finding.line);
  if (finding.column > 0) text += ":" + std::to_string(finding.column);
  return text;
}

void write_changes(std::ostream& out, const std::vector<SentenceChange>& changes, bool color) {
  const auto line = [&](const char* sign, const char* paint, const std::string& sentence) {
    out << "      " << (color ? paint : "") << sign << ' ' << sentence << (color ? "\033[0m" : "") << '\n';
  };
  for (const auto& change : changes) {
    if (!change.before.empty()) line("-", "\033[31m", change.before);
    if (!change.after.empty()) line("+", "\033[32m", change.after);
  }
}

void write_rows(std::ostream& out, const std::vector<Finding>& findings, const TableStyle& style) {
  std::size_t width = 7;
  for (const auto& finding : findings)
    if (shown(finding, style)) width = std::max(width, where(finding).size());
  for (const SyncStatus status : kDisplayOrder)
    for (const auto& finding : findings)
      if (finding.status == status && shown(finding, style))
      {
        out << "  " << painted(status, style.color) << ' ' << fmt::format("{:<{}}", where(finding), width) << "  " << finding.detail << '\n';
        write_changes(out, finding.changes, style.color);
      }
}

std::string edition_heading(const EditionReport& edition, int english_articles) {
  std::string counts = describe_counts(edition.counts);
  const int ok = edition.counts.count(SyncStatus::ok) ? edition.counts.at(SyncStatus::ok) : 0;
  return fmt::format("{} ({}): {} of {} articles required, {} {} up to date{}", edition.lang,
                     language_name(edition.lang), edition.required, english_articles, ok,
                     ok == 1 ? "translation" : "translations", counts.empty() ? "" : "; " + counts);
}

}  // namespace

std::string describe_counts(const std::map<SyncStatus, int>& counts) {
  std::string text;
  for (const SyncStatus status : kDisplayOrder) {
    if (status == SyncStatus::ok || status == SyncStatus::skipped) continue;
    const auto it = counts.find(status);
    if (it == counts.end() || it->second == 0) continue;
    text += (text.empty() ? "" : ", ") + std::to_string(it->second) + " " + std::string(to_string(status));
  }
  return text;
}

void write_check_table(std::ostream& out, const CheckReport& report, const TableStyle& style) {
  if (!report.source_problems.empty()) {
    out << "Workspace (" << language_name(report.source_lang) << " articles and edition folders): "
        << report.source_problems.size() << " invalid\n";
    write_rows(out, report.source_problems, style);
    out << '\n';
  }
  for (const auto& edition : report.editions) {
    out << edition_heading(edition, report.source_articles) << '\n';
    write_rows(out, edition.findings, style);
    out << '\n';
  }
  int failing = 0;
  std::map<SyncStatus, int> failing_counts;
  const auto count = [&](const Finding& finding) {
    if (!finding.fails) return;
    ++failing;
    ++failing_counts[finding.status];
  };
  for (const auto& finding : report.source_problems) count(finding);
  for (const auto& edition : report.editions)
    for (const auto& finding : edition.findings) count(finding);
  const std::string scope = fmt::format("{} English {}, {} {}", report.source_articles,
                                        report.source_articles == 1 ? "article" : "articles",
                                        report.editions.size(), report.editions.size() == 1 ? "edition" : "editions");
  if (failing == 0) out << "In step: " << scope << ", nothing fails the check.\n";
  else out << "Failed: " << scope << "; " << describe_counts(failing_counts) << ".\n";
}

}  // namespace edsync::cli
