#include <nlohmann/json.hpp>
#include <ostream>

#include "check_report.h"
#include "edsync/text.h"

namespace edsync::cli {

namespace {

nlohmann::ordered_json counts_json(const std::map<SyncStatus, int>& counts) {
  nlohmann::ordered_json json = nlohmann::ordered_json::object();
  for (const auto status : {SyncStatus::ok, SyncStatus::stale, SyncStatus::untracked, SyncStatus::missing,
                            SyncStatus::pending, SyncStatus::skipped, SyncStatus::orphan, SyncStatus::invalid}) {
    const auto it = counts.find(status);
    json[std::string(to_string(status))] = it == counts.end() ? 0 : it->second;
  }
  return json;
}

nlohmann::ordered_json finding_json(const Finding& finding) {
  nlohmann::ordered_json json = {{"id", finding.id},       {"status", to_string(finding.status)},
                         {"fails", finding.fails}, {"path", finding.path},
                         {"detail", finding.detail}};
  if (finding.line > 0) json["line"] = finding.line;
  if (finding.column > 0) json["column"] = finding.column;
  if (finding.recorded_revision) json["recorded_revision"] = *finding.recorded_revision;
  if (finding.current_revision) json["current_revision"] = *finding.current_revision;
  if (!finding.changes.empty()) {
    nlohmann::ordered_json changes = nlohmann::ordered_json::array();
    for (const auto& change : finding.changes) {
      nlohmann::ordered_json item = {{"kind", to_string(change.kind)}};
      if (!change.before.empty()) item["before"] = change.before;
      if (!change.after.empty()) item["after"] = change.after;
      changes.push_back(item);
    }
    json["changes"] = changes;
  }
  return json;
}

}  // namespace

void write_check_json(std::ostream& out, const CheckReport& report) {
  nlohmann::ordered_json editions = nlohmann::ordered_json::array();
  for (const auto& edition : report.editions) {
    nlohmann::ordered_json findings = nlohmann::ordered_json::array();
    for (const auto& finding : edition.findings) findings.push_back(finding_json(finding));
    editions.push_back({{"lang", edition.lang},
                        {"name", language_name(edition.lang)},
                        {"required", edition.required},
                        {"counts", counts_json(edition.counts)},
                        {"articles", findings}});
  }
  nlohmann::ordered_json source_problems = nlohmann::ordered_json::array();
  for (const auto& finding : report.source_problems) source_problems.push_back(finding_json(finding));
  const nlohmann::ordered_json json = {{"source", report.source_lang},
                               {"english_articles", report.source_articles},
                               {"failed", report.failed},
                               {"counts", counts_json(report.counts)},
                               {"source_problems", source_problems},
                               {"editions", editions}};
  out << json.dump(2) << '\n';
}

}  // namespace edsync::cli
