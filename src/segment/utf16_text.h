// UTF-8 bytes as the UTF-16 text ICU works on, with the byte offset of every
// UTF-16 position so that breaks found in UTF-16 map back onto the input.
#pragma once

#include <unicode/unistr.h>

#include <cstdint>
#include <string_view>
#include <vector>

namespace edsync::segment_detail {

struct Utf16Text {
  icu::UnicodeString text;
  // byte_offset[i] is the input byte where UTF-16 unit i starts (relative to
  // the start of the decoded bytes); byte_offset[length] is the byte length.
  std::vector<std::uint32_t> byte_offset;
};

// Decodes bytes; each maximal invalid UTF-8 sequence becomes one U+FFFD.
Utf16Text decode_utf8(std::string_view bytes);
// The same into `out`, reusing its buffers.
void decode_utf8(std::string_view bytes, Utf16Text& out);

}  // namespace edsync::segment_detail
