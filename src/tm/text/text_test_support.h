// Helpers shared by the tests of the memory as text.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "edsync/file_io.h"
#include "edsync/tm_text.h"

namespace edsync::tm::test {

inline const std::filesystem::path kData = std::filesystem::path(EDSYNC_TEST_DATA_DIR) / "tm";

inline TextLayout layout_in(const std::filesystem::path& folder) { return {folder / "tm", "en", {"ar", "fa", "sq"}}; }

// The files of tm/ (not the staging folder of an unfinished import).
inline std::map<std::string, std::string> files_in(const std::filesystem::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.is_regular_file()) files[entry.path().filename().string()] = *read_file(entry.path());
  return files;
}

}  // namespace edsync::tm::test
