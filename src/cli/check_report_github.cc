#include <fmt/format.h>

#include <ostream>

#include "check_report.h"
#include "edsync/text.h"

namespace edsync::cli {

namespace {

// GitHub's workflow-command escaping: data escapes %, CR, LF; properties also ':' and ','.
std::string escape_data(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string escape_property(const std::string& text) {
  std::string out;
  for (const char c : escape_data(text)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::string changes_text(const Finding& finding) {
  std::string text;
  for (const auto& change : finding.changes) {
    if (!change.before.empty()) text += "\n- " + change.before;
    if (!change.after.empty()) text += "\n+ " + change.after;
  }
  return text;
}

void annotate(std::ostream& out, const std::string& lang, const Finding& finding) {
  if (finding.status == SyncStatus::ok || finding.status == SyncStatus::skipped) return;
  out << (finding.fails ? "::error " : "::warning ") << "file=" << escape_property(finding.path);
  if (finding.line > 0) out << ",line=" << finding.line;
  if (finding.column > 0) out << ",col=" << finding.column;
  out << ",title=" << escape_property(fmt::format("edsync {} {}", lang, to_string(finding.status)))
      << "::" << escape_data((finding.id.empty() ? "" : finding.id + ": ") + finding.detail + changes_text(finding)) << '\n';
}

std::string markdown_cell(const std::string& text) {
  std::string out;
  for (const char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

void markdown_rows(std::string& text, const std::string& lang, const std::vector<Finding>& findings) {
  for (const auto& finding : findings) {
    if (finding.status == SyncStatus::ok || finding.status == SyncStatus::skipped) continue;
    text += fmt::format("| {} | {} | `{}` | {} |\n", lang, to_string(finding.status),
                        markdown_cell(finding.id.empty() ? finding.path : finding.id), markdown_cell(finding.detail));
  }
}

}  // namespace

void write_check_github(std::ostream& out, const CheckReport& report) {
  for (const auto& finding : report.source_problems) annotate(out, report.source_lang, finding);
  for (const auto& edition : report.editions)
    for (const auto& finding : edition.findings) annotate(out, edition.lang, finding);
  const std::string counts = describe_counts(report.counts);
  out << (report.failed ? "edsync check failed: " : "edsync check passed: ")
      << (counts.empty() ? "every edition is in step" : counts) << '\n';
}

std::string check_summary_markdown(const CheckReport& report) {
  std::string text = fmt::format("## edsync check: {}\n\n", report.failed ? "failed" : "passed");
  text += "| Edition | Required | Up to date | Problems |\n|---|---:|---:|---|\n";
  for (const auto& edition : report.editions) {
    const int ok = edition.counts.count(SyncStatus::ok) ? edition.counts.at(SyncStatus::ok) : 0;
    const std::string problems = describe_counts(edition.counts);
    text += fmt::format("| {} ({}) | {} | {} | {} |\n", edition.lang, language_name(edition.lang), edition.required,
                        ok, problems.empty() ? "none" : problems);
  }
  std::string rows;
  markdown_rows(rows, report.source_lang, report.source_problems);
  for (const auto& edition : report.editions) markdown_rows(rows, edition.lang, edition.findings);
  if (!rows.empty()) text += "\n| Edition | Status | Article | Detail |\n|---|---|---|---|\n" + rows;
  return text;
}

}  // namespace edsync::cli
