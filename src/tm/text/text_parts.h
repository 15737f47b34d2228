// How the memory is cut into tm/*.tmx files: which file holds which part of
// a unit, in what order, under what header. Shared by the writer and the
// loader of the text.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "edsync/result.h"
#include "edsync/tm.h"
#include "edsync/tm_text.h"
#include "edsync/tmx.h"

namespace edsync::tm::detail {

// One file's share of a unit.
struct Part {
  std::string file;
  tmx::Unit unit;
  std::string sort_key;
};

bool in_language(const tmx::Variant& variant, std::string_view lang);
bool is_part_label(const tmx::Prop& prop);
// The x-edsync-unit label of a part, "" when the unit is whole.
std::string part_label(const tmx::Unit& unit);
// Where a part goes in its file: English text, then the other texts, then
// everything, a total order that does not depend on database ids.
std::string sort_key_of(const tmx::Unit& unit, std::string_view source_lang);
// A stored unit as the files hold it: one part per file, labelled when split.
std::vector<Part> parts_of(const StoredUnit& stored, const TextLayout& layout);
// The fixed header of every file.
tmx::Header text_header(const TextLayout& layout);
// The *.tmx files directly in `dir`, by name.
Result<std::vector<std::string>> text_files(const std::filesystem::path& dir);
// The files a unit taken in by an import lands in.
std::set<std::string> files_of(const tmx::Unit& unit, const AddOptions& options, const TextLayout& layout);

}  // namespace edsync::tm::detail
