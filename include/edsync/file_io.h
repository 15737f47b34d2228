// File reading and atomic writing.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "edsync/result.h"

namespace edsync {

Result<std::string> read_file(const std::filesystem::path& path);

// Writes through a temporary file in the same folder, flushed to disk and then
// renamed over the target: readers see the old or the new file, never half of
// one, and a crash leaves the old file intact. Keeps the target's permissions.
Status write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace edsync
