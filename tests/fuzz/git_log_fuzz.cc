// libFuzzer target: any bytes as the `git log -p` stream the coverage history reads.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "edsync/report.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view log(reinterpret_cast<const char*>(data), size);
  edsync::Workspace workspace;
  workspace.config.editions = {{"ar", true, edsync::Date{2013, 9, 1}}, {"fa", true, std::nullopt}};
  const auto history = edsync::coverage_from_log(workspace, log, 5);
  for (const auto& edition : history.editions) {
    if (edition.points.size() > 5 || edition.points.size() > static_cast<std::size_t>(history.commits)) std::abort();
    for (const auto& point : edition.points)
      if (point.up_to_date > point.translated || point.translated > point.required || point.required < 0) std::abort();
  }
  return 0;
}
