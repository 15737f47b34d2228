// What edsync init sets up for git: the lines it adds to .gitignore and
// .gitattributes, and the merge driver for tm/*.tmx in the repository's
// config. Private to the workspace module.
#pragma once

#include <filesystem>
#include <string_view>

#include "edsync/result.h"

namespace edsync::detail {

// Adds `line` to the text file `path` (created when absent) unless a line of
// it is `line` already; the file's other lines stay as they are.
Status add_line(const std::filesystem::path& path, std::string_view line);

// When `root` is inside a git work tree, sets merge.edsync-tm.name and
// merge.edsync-tm.driver in its config; returns whether it was one.
Result<bool> configure_tm_merge_driver(const std::filesystem::path& root);

}  // namespace edsync::detail
