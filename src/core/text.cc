#include "edsync/text.h"

#include "edsync/diagnostic.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>

namespace edsync {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t offset = 0;
  while (offset < length) {
    // Most text is ASCII: skip it eight bytes at a time.
    std::uint64_t eight = 0;
    if (length - offset >= 8 && (std::memcpy(&eight, bytes + offset, 8), (eight & 0x8080808080808080ULL) == 0)) {
      offset += 8;
      continue;
    }
    const int32_t start = offset;
    UChar32 c;
    U8_NEXT(bytes, offset, length, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::nullopt;
}

std::size_t offset_of_line(std::string_view text, int line) {
  std::size_t offset = 0;
  for (int current = 1; current < line && offset != std::string_view::npos; ++current) {
    offset = text.find('\n', offset);
    if (offset != std::string_view::npos) ++offset;
  }
  return offset == std::string_view::npos ? text.size() : offset;
}

TextPosition position_of(std::string_view text, std::size_t byte_offset) {
  TextPosition pos;
  const std::size_t end = byte_offset < text.size() ? byte_offset : text.size();
  for (std::size_t i = 0; i < end; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((byte & 0xC0) != 0x80) {  // count lead bytes only: one per character
      ++pos.column;
    }
  }
  return pos;
}

Status check_utf8(std::string_view text, const std::string& file_name) {
  const auto invalid = find_invalid_utf8(text);
  if (!invalid) return success();
  const auto position = position_of(text, *invalid);
  char byte[3];
  std::snprintf(byte, sizeof byte, "%02x", static_cast<unsigned char>(text[*invalid]));
  return input_error(Diagnostic{file_name, position.line, position.column,
                                std::string("not UTF-8 (byte 0x") + byte + "); convert the file to UTF-8 first"}
                         .to_string());
}

namespace {

std::string fold_white_space(const icu::UnicodeString& text) {
  icu::UnicodeString folded;
  bool pending_space = false;
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c)) {
      pending_space = !folded.isEmpty();
      continue;
    }
    if (pending_space) folded.append(u' ');
    pending_space = false;
    folded.append(c);
  }
  std::string out;
  folded.toUTF8String(out);
  return out;
}

// The same for valid UTF-8, without leaving it.
std::string fold_white_space(std::string_view text) {
  std::string folded;
  folded.reserve(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  bool pending_space = false;
  for (int32_t offset = 0; offset < length;) {
    if (bytes[offset] < 0x80) {  // ASCII, byte by byte without decoding
      const char c = static_cast<char>(bytes[offset++]);
      if (c == ' ' || (c >= 0x09 && c <= 0x0D)) {
        pending_space = !folded.empty();
        continue;
      }
      if (pending_space) folded += ' ';
      pending_space = false;
      folded += c;
      continue;
    }
    const int32_t start = offset;
    UChar32 c;
    U8_NEXT(bytes, offset, length, c);
    if (u_isUWhiteSpace(c)) {
      pending_space = !folded.empty();
      continue;
    }
    if (pending_space) folded += ' ';
    pending_space = false;
    folded.append(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(offset - start)));
  }
  return folded;
}

}  // namespace

std::string normalize_text(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
  // Most segments are NFC already: checking is cheaper than converting to
  // UTF-16 and back. Invalid UTF-8 keeps the UTF-16 path, which replaces it.
  if (U_SUCCESS(status) && !find_invalid_utf8(utf8)) {
    if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return fold_white_space(utf8);
    std::string composed;
    icu::StringByteSink<std::string> sink(&composed);
    status = U_ZERO_ERROR;
    nfc->normalizeUTF8(0, piece, sink, nullptr, status);
    if (U_SUCCESS(status)) return fold_white_space(composed);
    status = U_ZERO_ERROR;
  }
  const auto source = icu::UnicodeString::fromUTF8(piece);
  icu::UnicodeString composed = U_SUCCESS(status) ? nfc->normalize(source, status) : source;
  if (U_FAILURE(status)) composed = source;
  return fold_white_space(composed);
}

}  // namespace edsync

#include <unicode/locid.h>

namespace edsync {

std::string language_name(std::string_view tag) {
  const std::string tag_string(tag);
  const icu::Locale locale = icu::Locale::forLanguageTag(tag_string, *std::make_unique<UErrorCode>(U_ZERO_ERROR));
  icu::UnicodeString name;
  locale.getDisplayLanguage(icu::Locale::getEnglish(), name);
  std::string out;
  name.toUTF8String(out);
  return out.empty() || out == tag_string ? tag_string : out;
}

}  // namespace edsync
