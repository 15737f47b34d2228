// Dictionaries that seed the word-translation table.
#pragma once

#include <filesystem>
#include <vector>

#include "edsync/align.h"

namespace edsync::align_detail {

// NAME.index, NAME.dict or NAME.dict.dz: a FreeDict dictionary in dictd form.
bool is_freedict(const std::filesystem::path& path);
Result<std::vector<WordPair>> read_freedict(const std::filesystem::path& path);

}  // namespace edsync::align_detail
