// Renderers for `edsync check`: one per --format.
#pragma once

#include <iosfwd>
#include <string>

#include "edsync/sync.h"
#include "edsync/workspace.h"

namespace edsync::cli {

struct TableStyle {
  bool all_rows = false;  // also list ok and skipped articles
  bool color = false;
};

void write_check_table(std::ostream& out, const CheckReport& report, const TableStyle& style);
void write_check_json(std::ostream& out, const CheckReport& report);
void write_check_junit(std::ostream& out, const CheckReport& report);
// Workflow commands on `out`; the Markdown summary as the step summary text.
void write_check_github(std::ostream& out, const CheckReport& report);
std::string check_summary_markdown(const CheckReport& report);
// The report's front page alone (edsync report writes the whole site).
void write_check_html(std::ostream& out, const CheckReport& report, const Workspace& workspace, Date generated);

// "2 missing, 1 stale" over the statuses that are not ok or skipped.
std::string describe_counts(const std::map<SyncStatus, int>& counts);

}  // namespace edsync::cli
