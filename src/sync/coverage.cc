#include "edsync/sync.h"

namespace edsync {

std::vector<EditionCoverage> coverage(const Workspace& workspace) {
  CheckOptions everything;
  everything.grace_days = 0;  // coverage counts what is translated, not what is due
  everything.explain_stale = false;  // counts only: no history
  const auto report = run_check(workspace, everything);
  std::vector<EditionCoverage> result;
  if (!report) return result;
  for (const auto& edition : report->editions) {
    EditionCoverage line{.lang = edition.lang, .english = report->source_articles, .required = edition.required};
    for (const auto& finding : edition.findings) {
      const bool translated = finding.status == SyncStatus::ok || finding.status == SyncStatus::stale ||
                              finding.status == SyncStatus::untracked;
      line.translated += translated ? 1 : 0;
      line.up_to_date += finding.status == SyncStatus::ok ? 1 : 0;
    }
    result.push_back(line);
  }
  return result;
}

}  // namespace edsync
