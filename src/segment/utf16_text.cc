#include "utf16_text.h"

#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <cstring>

namespace edsync::segment_detail {

namespace {

// Copies the run of ASCII bytes at `index`, eight at a time while a whole
// word is ASCII (one test for eight bytes), then byte by byte.
void copy_ascii(const std::uint8_t* data, std::int32_t length, std::int32_t& index, char16_t* buffer,
                std::uint32_t* offsets, std::int32_t& units) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080U;
  while (index + 8 <= length) {
    std::uint64_t word = 0;
    std::memcpy(&word, data + index, sizeof word);
    if ((word & kHighBits) != 0) break;
    for (std::int32_t i = 0; i < 8; ++i) {
      offsets[units + i] = static_cast<std::uint32_t>(index + i);
      buffer[units + i] = data[index + i];
    }
    units += 8;
    index += 8;
  }
  while (index < length && data[index] < 0x80) {
    offsets[units] = static_cast<std::uint32_t>(index);
    buffer[units++] = data[index++];
  }
}

}  // namespace

Utf16Text decode_utf8(std::string_view bytes) {
  Utf16Text result;
  decode_utf8(bytes, result);
  return result;
}

void decode_utf8(std::string_view bytes, Utf16Text& result) {
  const auto length = static_cast<std::int32_t>(bytes.size());
  // Never more units than bytes; written by index, trimmed at the end.
  result.byte_offset.resize(bytes.size() + 1);
  std::uint32_t* offsets = result.byte_offset.data();
  char16_t* buffer = result.text.getBuffer(length + 1);
  std::int32_t units = 0;
  std::int32_t index = 0;
  const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
  while (index < length) {
    const auto start = static_cast<std::uint32_t>(index);
    if (data[index] < 0x80) {  // a run of ASCII, most of the text in many languages
      copy_ascii(data, length, index, buffer, offsets, units);
      continue;
    }
    if ((data[index] & 0xE0) == 0xC0 && data[index] >= 0xC2 && index + 1 < length && (data[index + 1] & 0xC0) == 0x80) {
      offsets[units] = start;  // a two-byte sequence: Arabic, Persian, Latin letters with marks
      buffer[units++] = static_cast<char16_t>(((data[index] & 0x1F) << 6) | (data[index + 1] & 0x3F));
      index += 2;
      continue;
    }
    UChar32 code_point = 0;
    U8_NEXT(data, index, length, code_point);
    if (code_point < 0) code_point = 0xFFFD;
    if (U16_LENGTH(code_point) == 2) {
      offsets[units] = start;
      buffer[units++] = U16_LEAD(code_point);
      offsets[units] = start;
      buffer[units++] = U16_TRAIL(code_point);
    } else {
      offsets[units] = start;
      buffer[units++] = static_cast<char16_t>(code_point);
    }
  }
  result.text.releaseBuffer(units);
  offsets[units] = static_cast<std::uint32_t>(length);
  result.byte_offset.resize(static_cast<std::size_t>(units) + 1);
}

}  // namespace edsync::segment_detail
