// Replacing several files of tm/ as one step.
//
// Each file is renamed into place atomically, but an import changes several
// (tm/ar.tmx, tm/fa.tmx, ...), and a crash between two renames would leave
// half an import in the text. So the new files are first written to a staging
// folder, then a plan naming every change is written there (the commit
// point), and only then are the files renamed into tm/. Whatever an
// interrupted run leaves is settled by the next one: without a plan the
// staging folder is thrown away (tm/ was never touched), with a plan the
// remaining renames are done.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "edsync/result.h"

namespace edsync::tm::detail {

// The staging folder of `dir`; text_files() ignores it (it is not a *.tmx file).
std::filesystem::path staging_folder(const std::filesystem::path& dir);

// File name -> its new bytes, or nullopt to delete the file.
using TextChanges = std::map<std::string, std::optional<std::string>>;

// Makes the changes in `dir` all or, after a crash, not at all until
// settle_staged_changes() finishes them. `after_each` runs after each file is
// renamed or deleted (tests crash there).
Status apply_text_changes(const std::filesystem::path& dir, const TextChanges& changes,
                          const std::function<void(const std::string&)>& after_each = {});

// Finishes or throws away what an interrupted apply_text_changes() left.
// Returns true when it found something to settle. Call it only while no other
// process can be applying changes to `dir` (inside the memory's write
// transaction).
Result<bool> settle_staged_changes(const std::filesystem::path& dir);

}  // namespace edsync::tm::detail
