// Unicode helpers shared by every module.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "edsync/result.h"

namespace edsync {

// Where the first invalid UTF-8 sequence starts, or nullopt when the text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// 1-based line and character column of a byte offset into valid UTF-8 text
// (bytes of an invalid sequence count as one column each).
struct TextPosition {
  int line = 1;
  int column = 1;
};
TextPosition position_of(std::string_view text, std::size_t byte_offset);

// The inverse for lines: the byte offset where 1-based line `line` starts
// (the text's size when it has fewer lines).
std::size_t offset_of_line(std::string_view text, int line);

// Bad input naming `file_name`, the line, column and byte of the first
// sequence that is not UTF-8, and what to do; success when the text is valid.
Status check_utf8(std::string_view text, const std::string& file_name);

// NFC, with every run of Unicode white space folded to one space and the ends
// trimmed: two texts that differ only in layout normalise to the same string.
// The input must be valid UTF-8.
std::string normalize_text(std::string_view utf8);

}  // namespace edsync

namespace edsync {

// The English name of a language tag ("ar" -> "Arabic"), or the tag itself.
std::string language_name(std::string_view tag);

}  // namespace edsync
