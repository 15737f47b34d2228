// libFuzzer target: any bytes as the `git log --raw -z` stream the history
// readers parse, and as the text of every version it names.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unordered_map>

#include "edsync/report.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view log(reinterpret_cast<const char*>(data), size);
  edsync::Workspace workspace;
  workspace.config.editions = {{"ar", true, edsync::Date{2013, 9, 1}}, {"fa", true, std::nullopt}};
  const edsync::History parsed = edsync::parse_history(log);
  std::unordered_map<std::string, std::string> blobs;
  for (const auto& commit : parsed.commits)
    for (const auto& change : commit.changes) blobs.emplace(change.blob, std::string(log));
  const auto history = edsync::coverage_from_history(workspace, parsed, blobs, 5);
  for (const auto& edition : history.editions) {
    if (edition.points.size() > 5 || edition.points.size() > static_cast<std::size_t>(history.commits)) std::abort();
    for (const auto& point : edition.points)
      if (point.up_to_date > point.translated || point.translated > point.required || point.required < 0) std::abort();
  }
  return 0;
}
