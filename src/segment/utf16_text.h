// UTF-8 bytes as the UTF-16 text ICU works on, with the byte offset of every
// UTF-16 position so that breaks found in UTF-16 map back onto the input.
#pragma once

#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
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

// The same, telling `sink` of every unit as it is written, so that a caller
// can read the text in the decoder's own pass instead of a pass of its own:
//   sink.ascii8(unit, word): the eight ASCII bytes of `word` (in memory
//     order: ascii_byte(word, i)) became units unit .. unit + 7;
//   sink.code_point(unit, code_point, units): any other code point (U+FFFD
//     for an invalid sequence), one unit or a surrogate pair.
template <typename Sink>
void decode_utf8(std::string_view bytes, Utf16Text& out, Sink& sink);

// Byte i of eight read from memory into `word`.
inline char16_t ascii_byte(std::uint64_t word, int i) {
  const int shift = std::endian::native == std::endian::little ? 8 * i : 56 - 8 * i;
  return static_cast<char16_t>((word >> shift) & 0xFF);
}

// Calls step(0) .. step(7), each index a constant: the eight steps are
// written out, where -O2 would keep a loop of eight and shift by a variable.
template <typename Step, int... I>
void for_each_index(Step& step, std::integer_sequence<int, I...> /*indexes*/) {
  (step(I), ...);
}
template <typename Step>
void for_eight(Step&& step) {
  for_each_index(step, std::make_integer_sequence<int, 8>{});
}

// Implementation.

namespace utf16_detail {

// Eight ASCII bytes, read into `word` from byte `index`, as eight units and
// their offsets.
inline void copy_eight(std::uint64_t word, std::uint32_t index, char16_t* units, std::uint32_t* offsets) {
#if defined(__SSE2__)
  const __m128i zero = _mm_setzero_si128();
  _mm_storeu_si128(reinterpret_cast<__m128i*>(units),
                   _mm_unpacklo_epi8(_mm_cvtsi64_si128(static_cast<long long>(word)), zero));
  const __m128i first = _mm_add_epi32(_mm_set1_epi32(static_cast<int>(index)), _mm_setr_epi32(0, 1, 2, 3));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(offsets), first);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(offsets + 4), _mm_add_epi32(first, _mm_set1_epi32(4)));
#else
  // From the word, not the bytes: stores to the buffers could change those,
  // as far as the compiler knows, so it would read each again.
  for_eight([&](int i) {
    offsets[i] = index + static_cast<std::uint32_t>(i);
    units[i] = ascii_byte(word, i);
  });
#endif
}

// Copies the run of ASCII bytes at `index`, eight at a time while a whole
// word is ASCII (one test for eight bytes), then byte by byte.
template <typename Sink>
void copy_ascii(const std::uint8_t* data, std::int32_t length, std::int32_t& index, char16_t* buffer,
                std::uint32_t* offsets, std::int32_t& units, Sink& sink) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080U;
  while (index + 8 <= length) {
    std::uint64_t word = 0;
    std::memcpy(&word, data + index, sizeof word);
    if ((word & kHighBits) != 0) break;
    copy_eight(word, static_cast<std::uint32_t>(index), buffer + units, offsets + units);
    sink.ascii8(units, word);
    units += 8;
    index += 8;
  }
  while (index < length && data[index] < 0x80) {
    offsets[units] = static_cast<std::uint32_t>(index);
    buffer[units] = data[index];
    sink.code_point(units++, data[index++], 1);
  }
}

// A well-formed two-byte sequence at `index`: Arabic, Persian, Latin letters
// with marks.
inline bool two_bytes_at(const std::uint8_t* data, std::int32_t length, std::int32_t index) {
  return (data[index] & 0xE0) == 0xC0 && data[index] >= 0xC2 && index + 1 < length && (data[index + 1] & 0xC0) == 0x80;
}

// Decodes the sequence at `index` that is neither ASCII nor two bytes.
template <typename Sink>
void copy_code_point(const std::uint8_t* data, std::int32_t length, std::int32_t& index, char16_t* buffer,
                     std::uint32_t* offsets, std::int32_t& units, Sink& sink) {
  const auto start = static_cast<std::uint32_t>(index);
  UChar32 code_point = 0;
  U8_NEXT(data, index, length, code_point);
  if (code_point < 0) code_point = 0xFFFD;
  const std::int32_t first = units;
  if (U16_LENGTH(code_point) == 2) {
    offsets[units] = start;
    buffer[units++] = U16_LEAD(code_point);
    offsets[units] = start;
    buffer[units++] = U16_TRAIL(code_point);
  } else {
    offsets[units] = start;
    buffer[units++] = static_cast<char16_t>(code_point);
  }
  sink.code_point(first, code_point, units - first);
}

}  // namespace utf16_detail

template <typename Sink>
void decode_utf8(std::string_view bytes, Utf16Text& result, Sink& sink) {
  const auto length = static_cast<std::int32_t>(bytes.size());
  // Never more units than bytes; written by index, trimmed at the end.
  result.byte_offset.resize(bytes.size() + 1);
  std::uint32_t* offsets = result.byte_offset.data();
  char16_t* buffer = result.text.getBuffer(length + 1);
  std::int32_t units = 0;
  std::int32_t index = 0;
  const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
  while (index < length) {
    if (data[index] < 0x80) {  // a run of ASCII, most of the text in many languages
      utf16_detail::copy_ascii(data, length, index, buffer, offsets, units, sink);
    } else if (utf16_detail::two_bytes_at(data, length, index)) {
      offsets[units] = static_cast<std::uint32_t>(index);
      const auto unit = static_cast<char16_t>(((data[index] & 0x1F) << 6) | (data[index + 1] & 0x3F));
      buffer[units] = unit;
      sink.code_point(units++, unit, 1);
      index += 2;
    } else {
      utf16_detail::copy_code_point(data, length, index, buffer, offsets, units, sink);
    }
  }
  result.text.releaseBuffer(units);
  offsets[units] = static_cast<std::uint32_t>(length);
  result.byte_offset.resize(static_cast<std::size_t>(units) + 1);
}

}  // namespace edsync::segment_detail
