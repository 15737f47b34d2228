#include "decoder.h"

#include <unicode/ucnv.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string_view>
#include <vector>

namespace edsync::xml {
namespace {

constexpr std::size_t kChunk = 64 * 1024;

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

std::string hex_bytes(std::string_view bytes) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    if (!out.empty()) out += ' ';
    out += "0x";
    out += digits[byte >> 4];
    out += digits[byte & 0xF];
  }
  return out;
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool is_utf8_name(std::string_view name) {
  const std::string folded = lower(name);
  return folded == "utf-8" || folded == "utf8";
}

bool is_utf16_name(std::string_view name) {
  return lower(name).starts_with("utf-16") || lower(name).starts_with("utf16");
}

// The value of encoding="..." in an XML declaration at the start of `head`.
std::optional<std::string> declared_encoding(std::string_view head) {
  if (!head.starts_with("<?xml")) return std::nullopt;
  const auto end = head.find("?>");
  const std::string_view declaration = head.substr(0, end);
  const auto key = declaration.find("encoding");
  if (key == std::string_view::npos) return std::nullopt;
  auto quote = declaration.find_first_of("\"'", key);
  if (quote == std::string_view::npos) return std::nullopt;
  const auto close = declaration.find(declaration[quote], quote + 1);
  if (close == std::string_view::npos) return std::nullopt;
  return std::string(declaration.substr(quote + 1, close - quote - 1));
}

// UTF-16 without a byte order mark: the first '<' (after white space) is
// 3C 00 or 00 3C. A NUL byte is never XML, so UTF-8 text cannot look so.
std::optional<std::string> unmarked_utf16(std::string_view head) {
  const auto is_blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  for (std::size_t i = 0; i + 1 < head.size(); i += 2) {
    const char first = head[i], second = head[i + 1];
    if (first == '<' && second == '\0') return "UTF-16LE";
    if (first == '\0' && second == '<') return "UTF-16BE";
    if (!(second == '\0' && is_blank(first)) && !(first == '\0' && is_blank(second))) break;
  }
  return std::nullopt;
}

// How many bytes a UTF-8 sequence starting with `lead` claims (1 when invalid).
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
  if (lead >= 0xC2) return 2;
  return 1;
}

// Bytes at the end of `bytes` that start a UTF-8 sequence the next chunk completes.
std::size_t incomplete_tail(std::string_view bytes) {
  const std::size_t size = bytes.size();
  for (std::size_t back = 1; back <= 3 && back <= size; ++back) {
    const auto byte = static_cast<unsigned char>(bytes[size - back]);
    if ((byte & 0xC0) == 0x80) continue;  // continuation: look further back
    return sequence_length(byte) > back ? back : 0;
  }
  return 0;
}

// The first invalid UTF-8 sequence in `bytes`: where it starts and how long it is.
std::optional<std::pair<std::size_t, std::size_t>> first_invalid(std::string_view bytes) {
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  int32_t offset = 0;
  while (offset < length) {
    if (data[offset] < 0x80) {
      ++offset;
      continue;
    }
    const int32_t start = offset;
    UChar32 c;
    U8_NEXT(data, offset, length, c);
    if (c < 0) return std::pair<std::size_t, std::size_t>(start, offset - start);
  }
  return std::nullopt;
}

}  // namespace

struct Decoder::State {
  std::unique_ptr<std::istream> in;
  std::string encoding;
  Converter converter;      // null for UTF-8, which is checked and copied as is
  std::string pending;      // bytes read but not yet decoded
  bool input_done = false;
  std::vector<UChar> units = std::vector<UChar>(kChunk);

  bool fill_pending() {
    if (input_done) return false;
    const std::size_t old = pending.size();
    pending.resize(old + kChunk);
    in->read(pending.data() + old, static_cast<std::streamsize>(kChunk));
    pending.resize(old + static_cast<std::size_t>(in->gcount()));
    if (pending.size() == old) input_done = true;
    return pending.size() > old;
  }

  Error undecodable(std::string_view bytes) const {
    const bool one = bytes.size() == 1;
    return input_error((one ? "byte " : "bytes ") + hex_bytes(bytes) + (one ? " is" : " are") + " not valid " + encoding);
  }

  Result<bool> read_utf8(std::string& out) {
    fill_pending();
    if (pending.empty()) return false;
    const std::size_t keep = input_done ? 0 : incomplete_tail(pending);
    const std::string_view ready(pending.data(), pending.size() - keep);
    if (const auto bad = first_invalid(ready)) {
      out.append(ready.substr(0, bad->first));
      return undecodable(ready.substr(bad->first, bad->second));
    }
    out.append(ready);
    pending.erase(0, ready.size());
    return true;
  }

  // Appends UTF-16 units as UTF-8; a lead surrogate at the very end is left
  // in `units` for the next round.
  std::size_t append_units(std::size_t count, std::string& out) const {
    std::size_t i = 0;
    while (i < count) {
      UChar32 c = units[i];
      if (U16_IS_LEAD(c) && i + 1 == count) break;
      U16_NEXT(units.data(), i, count, c);
      char bytes[4];
      std::size_t length = 0;
      U8_APPEND_UNSAFE(bytes, length, c);
      out.append(bytes, length);
    }
    return count - i;
  }

  Result<bool> read_converted(std::string& out) {
    fill_pending();
    if (pending.empty() && input_done) return false;
    const char* source = pending.data();
    const char* source_end = source + pending.size();
    std::size_t carried = 0;
    while (true) {
      UChar* target = units.data() + carried;
      UErrorCode status = U_ZERO_ERROR;
      ucnv_toUnicode(converter.get(), &target, units.data() + units.size(), &source, source_end,
                     nullptr, input_done, &status);
      const auto produced = static_cast<std::size_t>(target - units.data());
      carried = append_units(produced, out);
      if (carried > 0) units[0] = units[produced - 1];
      if (status == U_BUFFER_OVERFLOW_ERROR) continue;
      if (U_FAILURE(status)) {
        char invalid[32];
        int8_t length = sizeof invalid;
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(converter.get(), invalid, &length, &ignored);
        return undecodable(std::string_view(invalid, static_cast<std::size_t>(length)));
      }
      break;
    }
    if (carried > 0) return undecodable("");  // a lone lead surrogate at the end
    pending.clear();
    return true;
  }
};

Result<Decoder> Decoder::open(std::unique_ptr<std::istream> in) {
  auto state = std::make_unique<State>();
  state->in = std::move(in);
  while (state->pending.size() < 1024 && state->fill_pending()) {
  }
  std::string_view head = state->pending;
  std::string encoding = "UTF-8";
  std::size_t mark = 0;
  if (head.starts_with("\xEF\xBB\xBF")) {
    mark = 3;
  } else if (head.starts_with("\xFF\xFE")) {
    encoding = "UTF-16LE", mark = 2;
  } else if (head.starts_with("\xFE\xFF")) {
    encoding = "UTF-16BE", mark = 2;
  } else if (const auto utf16 = unmarked_utf16(head)) {
    encoding = *utf16;
  } else if (const auto declared = declared_encoding(head)) {
    if (is_utf16_name(*declared)) {
      return input_error("the XML declaration says encoding=\"" + *declared +
                         "\" but the file is not UTF-16 (it has no byte order mark and one byte "
                         "per character); fix the declaration or convert the file");
    }
    if (!is_utf8_name(*declared)) encoding = *declared;
  }
  state->pending.erase(0, mark);
  if (encoding != "UTF-8") {
    UErrorCode status = U_ZERO_ERROR;
    state->converter.reset(ucnv_open(encoding.c_str(), &status));
    if (U_FAILURE(status)) {
      return input_error("the XML declaration names encoding \"" + encoding +
                         "\", which edsync does not know; convert the file to UTF-8");
    }
    ucnv_setToUCallBack(state->converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                        &status);
  }
  state->encoding = encoding;
  return Decoder(std::move(state));
}

Decoder::Decoder(std::unique_ptr<State> state) : state_(std::move(state)) {}
Decoder::Decoder(Decoder&&) noexcept = default;
Decoder& Decoder::operator=(Decoder&&) noexcept = default;
Decoder::~Decoder() = default;

Result<bool> Decoder::read(std::string& out) {
  return state_->converter ? state_->read_converted(out) : state_->read_utf8(out);
}

const std::string& Decoder::encoding() const { return state_->encoding; }

}  // namespace edsync::xml
