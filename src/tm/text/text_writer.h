// Writing the memory out as canonical tm/*.tmx files, in bounded memory:
// the parts of each file are sorted through an ExternalSorter and written
// straight to the staging folder.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "edsync/result.h"
#include "edsync/tm.h"
#include "edsync/tm_text.h"
#include "text_staging.h"

namespace edsync::tm::detail {

// The index's record of the files' size, times and inode (text_stamps.h).
inline constexpr std::string_view kTextStampsKey = "text_stamps";

struct StagedText {
  std::vector<std::string> planned;  // the names written or deleted, sorted
  TextFingerprint after;             // tm/ once the stage has committed
};

// Stages new bytes for the files `only` (all when null) where they differ
// from `current` (what tm/ holds now), plans the deletion of those left
// without units, and records the fingerprint the files will have once
// `stage` commits.
Result<StagedText> stage_text(Store& store, const TextLayout& layout, const std::set<std::string>* only,
                              const TextFingerprint& current, TextStage& stage);

// The same rendering, into memory.
Result<std::map<std::string, std::string>> render_in_memory(Store& store, const TextLayout& layout);

// One file of tm/ holding `units` (parts as a file holds them), sorted under
// `header`: the bytes stage_text would write for them.
Result<std::string> render_units(const std::vector<tmx::Unit>& units, std::string_view source_lang,
                                 const tmx::Header& header);

}  // namespace edsync::tm::detail
