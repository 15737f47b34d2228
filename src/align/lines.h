// Reading text a line at a time, for the aligner's line-based inputs.
#pragma once

#include <string>
#include <string_view>

#include "edsync/result.h"

namespace edsync::align_detail {

// An error naming the line, column and byte of the first bytes of `text`
// that are not UTF-8, with what to do; success when all are.
Status check_utf8(std::string_view text, const std::string& file_name);

// The first line of `rest` (without its '\n'), which is then dropped from `rest`.
inline std::string_view take_line(std::string_view& rest) {
  const auto end = rest.find('\n');
  const std::string_view line = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
  return line;
}

// Without the ASCII blanks (space, tab, CR, FF, VT) at either end.
inline std::string_view trimmed(std::string_view text) {
  const auto is_blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; };
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace edsync::align_detail
