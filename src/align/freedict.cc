// FreeDict dictionaries as dictd serves them (Debian's dict-freedict-*):
// NAME.index lists each headword with the base-64 offset and length of its
// entry in NAME.dict.dz (dictzip, which gzip reads). An entry is the
// headword and its pronunciation on one line, then translations, one a line
// or separated by commas.
#include <zlib.h>

#include <algorithm>
#include <optional>

#include "dictionary.h"
#include "edsync/file_io.h"
#include "lines.h"

namespace edsync::align_detail {

namespace {

Result<std::string> read_gzip(const std::filesystem::path& path) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (!file) return io_error(path.string() + ": cannot open");
  std::string text;
  char buffer[1 << 16];
  int read = 0;
  while ((read = gzread(file, buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<std::size_t>(read));
  const bool failed = read < 0;
  gzclose(file);
  if (failed) return input_error(path.string() + ": not a gzip or dictzip file");
  return text;
}

std::optional<std::size_t> base64_number(std::string_view digits) {
  static constexpr std::string_view kDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::size_t value = 0;
  for (const char c : digits) {
    const auto digit = kDigits.find(c);
    if (digit == std::string_view::npos || value > (std::size_t(1) << 50)) return std::nullopt;
    value = value * 64 + digit;
  }
  return value;
}

// The translations of one entry: the lines after the first, cut at commas.
void add_entry(std::string_view headword, std::string_view entry, std::vector<WordPair>& pairs) {
  const auto first_line = entry.find('\n');
  if (first_line == std::string_view::npos) return;
  std::string_view rest = entry.substr(first_line + 1);
  std::string translations(rest);
  for (const std::string_view comma : {",", "\xD8\x8C", ";"}) {  // , ، ;
    for (auto at = translations.find(comma); at != std::string::npos; at = translations.find(comma)) {
      translations.replace(at, comma.size(), "\n");
    }
  }
  std::string_view list = translations;
  while (!list.empty()) {
    const std::string_view translation = trimmed(take_line(list));
    if (!translation.empty()) pairs.push_back({std::string(headword), std::string(translation)});
  }
}

}  // namespace

bool is_freedict(const std::filesystem::path& path) {
  const std::string name = path.string();
  return name.ends_with(".index") || name.ends_with(".dict.dz") || name.ends_with(".dict");
}

Result<std::vector<WordPair>> read_freedict(const std::filesystem::path& path) {
  std::string base = path.string();
  for (const std::string_view suffix : {".index", ".dict.dz", ".dict"}) {
    if (base.ends_with(suffix)) base.resize(base.size() - suffix.size());
  }
  const auto index = read_file(base + ".index");
  if (!index) return index.error();
  auto dict = read_gzip(std::filesystem::exists(base + ".dict.dz") ? base + ".dict.dz" : base + ".dict");
  if (!dict) return dict.error();
  std::vector<WordPair> pairs;
  std::string_view lines = *index;
  int line_number = 0;
  while (!lines.empty()) {
    ++line_number;
    const std::string_view line = take_line(lines);
    const auto tab1 = line.find('\t'), tab2 = line.rfind('\t');
    if (line.empty() || line.starts_with("00database")) continue;
    std::optional<std::size_t> offset, length;
    if (tab1 != tab2) {
      offset = base64_number(line.substr(tab1 + 1, tab2 - tab1 - 1));
      length = base64_number(line.substr(tab2 + 1));
    }
    if (!offset || !length || *offset > dict->size() || *length > dict->size() - *offset) {
      return input_error(base + ".index:" + std::to_string(line_number) + ":1: expected a headword, a tab, the "
                         "entry's offset, a tab and its length (base 64) within the .dict file");
    }
    add_entry(line.substr(0, tab1), std::string_view(*dict).substr(*offset, *length), pairs);
  }
  return pairs;
}

}  // namespace edsync::align_detail
