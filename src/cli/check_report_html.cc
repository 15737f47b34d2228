#include <ostream>

#include "check_report.h"
#include "edsync/report.h"

namespace edsync::cli {

void write_check_html(std::ostream& out, const CheckReport& report, const Workspace& workspace, Date generated) {
  out << front_page_html(report_from_check(workspace, report, generated));
}

}  // namespace edsync::cli
