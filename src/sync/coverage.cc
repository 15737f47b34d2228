#include "edsync/sync.h"

namespace edsync {

std::vector<EditionCoverage> coverage(const Workspace& workspace) {
  CheckOptions everything;
  everything.grace_days = 0;  // coverage counts what is translated, not what is due
  const auto report = run_check(workspace, everything);
  std::vector<EditionCoverage> result;
  if (!report) return result;
  for (const auto& edition : report->editions) {
    EditionCoverage line{.lang = edition.lang};
    for (const auto& finding : edition.findings) {
      switch (finding.status) {
        case SyncStatus::ok: ++line.up_to_date; [[fallthrough]];
        case SyncStatus::stale:
        case SyncStatus::untracked: ++line.translated; ++line.english; ++line.required; break;
        case SyncStatus::missing:
        case SyncStatus::pending: ++line.english; ++line.required; break;
        case SyncStatus::skipped: ++line.english; break;
        case SyncStatus::orphan:
        case SyncStatus::invalid: break;
      }
    }
    result.push_back(line);
  }
  return result;
}

}  // namespace edsync
