#include "utf16_text.h"

#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace edsync::segment_detail {

Utf16Text decode_utf8(std::string_view bytes) {
  Utf16Text result;
  decode_utf8(bytes, result);
  return result;
}

void decode_utf8(std::string_view bytes, Utf16Text& result) {
  result.byte_offset.clear();
  const auto length = static_cast<std::int32_t>(bytes.size());
  result.byte_offset.reserve(bytes.size() + 1);
  char16_t* buffer = result.text.getBuffer(length + 1);
  std::int32_t units = 0;
  std::int32_t index = 0;
  const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
  while (index < length) {
    const auto start = static_cast<std::uint32_t>(index);
    UChar32 code_point = 0;
    U8_NEXT(data, index, length, code_point);
    if (code_point < 0) code_point = 0xFFFD;
    if (U16_LENGTH(code_point) == 2) {
      buffer[units++] = U16_LEAD(code_point);
      buffer[units++] = U16_TRAIL(code_point);
      result.byte_offset.push_back(start);
      result.byte_offset.push_back(start);
    } else {
      buffer[units++] = static_cast<char16_t>(code_point);
      result.byte_offset.push_back(start);
    }
  }
  result.text.releaseBuffer(units);
  result.byte_offset.push_back(static_cast<std::uint32_t>(length));
}

}  // namespace edsync::segment_detail
