#include "xml_text.h"

#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <cstdio>

namespace edsync::xml {
namespace {

bool is_xml_char(UChar32 c) {
  if (c < 0x20) return c == 0x9 || c == 0xA || c == 0xD;
  if (c >= 0xD800 && c <= 0xDFFF) return false;
  return c != 0xFFFE && c != 0xFFFF && c <= 0x10FFFF;
}

std::string code_point_name(UChar32 c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
  return buffer;
}

bool is_digit(char c, bool hex) {
  if (c >= '0' && c <= '9') return true;
  return hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
}

// Checks the reference that starts with '&' at `at`; its length when it is fine.
std::optional<Located> check_reference(std::string_view markup, std::size_t at) {
  const auto semicolon = markup.find(';', at);
  const std::size_t limit = 40;
  if (semicolon == std::string_view::npos || semicolon - at > limit) {
    return Located{at, "\"&\" starts no entity or character reference; write &amp; for an ampersand"};
  }
  const std::string_view reference = markup.substr(at, semicolon - at + 1);
  const std::string_view body = reference.substr(1, reference.size() - 2);
  if (body.starts_with('#')) {
    const bool hex = body.size() > 1 && body[1] == 'x';
    const std::string_view digits = body.substr(hex ? 2 : 1);
    bool valid = !digits.empty() && digits.size() <= 8;
    for (const char c : digits) valid = valid && is_digit(c, hex);
    if (!valid) {
      return Located{at, std::string(reference) + " is not a valid character reference; write &#NNN; or &#xHHHH;"};
    }
    const auto code = static_cast<UChar32>(std::stoul(std::string(digits), nullptr, hex ? 16 : 10));
    if (!is_xml_char(code)) {
      return Located{at, std::string(reference) + " refers to " + code_point_name(code) +
                             ", which XML does not allow; remove it"};
    }
    return std::nullopt;
  }
  static constexpr std::array<std::string_view, 5> predefined = {"lt", "gt", "amp", "apos", "quot"};
  for (const auto name : predefined) {
    if (body == name) return std::nullopt;
  }
  return Located{at, std::string(reference) +
                         " is not a predefined entity; edsync reads only &lt; &gt; &amp; &apos; &quot; "
                         "and character references (edsync never expands declared entities)"};
}

}  // namespace

std::optional<Located> check_characters_and_references(std::string_view markup) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(markup.data());
  const auto length = static_cast<int32_t>(markup.size());
  int32_t offset = 0;
  std::string_view literal_until;  // inside a comment or CDATA: '&' is just a character
  while (offset < length) {
    const int32_t start = offset;
    const char byte = markup[static_cast<std::size_t>(offset)];
    const auto at = static_cast<std::size_t>(start);
    if (literal_until.empty() && byte == '<') {
      if (markup.substr(at).starts_with("<!--")) literal_until = "-->";
      if (markup.substr(at).starts_with("<![CDATA[")) literal_until = "]]>";
    } else if (!literal_until.empty() && markup.substr(at).starts_with(literal_until)) {
      offset += static_cast<int32_t>(literal_until.size());
      literal_until = {};
      continue;
    } else if (literal_until.empty() && byte == '&') {
      if (auto problem = check_reference(markup, at)) return problem;
    }
    UChar32 c;
    U8_NEXT(bytes, offset, length, c);
    if (c >= 0 && !is_xml_char(c)) {
      return Located{at, "character " + code_point_name(c) + " is not allowed in XML; remove it"};
    }
  }
  return std::nullopt;
}

std::optional<Located> check_doctype_subset(std::string_view doctype) {
  const auto entity = doctype.find("<!ENTITY");
  if (entity == std::string_view::npos) return std::nullopt;
  return Located{entity, "the DOCTYPE declares an entity; edsync never expands entity declarations "
                         "(they can blow up to gigabytes): remove the internal subset [...] from the DOCTYPE"};
}

std::string xml_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t offset = 0;
  while (offset < length) {
    const int32_t start = offset;
    UChar32 c;
    U8_NEXT(bytes, offset, length, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
    } else if (is_xml_char(c)) {
      out.append(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(offset - start)));
    }
  }
  return out;
}

namespace {

// Attribute values also escape what attribute-value normalisation would fold
// (tab, newline) and the quote that delimits them.
std::string escape(std::string_view text, bool in_attribute) {
  std::string out;
  for (const char c : xml_safe(text)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\r': out += "&#13;"; break;
      case '"': out += in_attribute ? "&quot;" : "\""; break;
      case '\t': out += in_attribute ? "&#9;" : "\t"; break;
      case '\n': out += in_attribute ? "&#10;" : "\n"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string escape_text(std::string_view text) { return escape(text, false); }

std::string escape_attribute(std::string_view text) { return escape(text, true); }

bool is_name_token(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool ok = byte >= 0x80 || (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                    (byte >= '0' && byte <= '9') || byte == '_' || byte == ':' || byte == '.' || byte == '-';
    if (!ok) return false;
  }
  return true;
}

bool is_xml_name(std::string_view name) {
  if (!is_name_token(name)) return false;
  const auto first = static_cast<unsigned char>(name.front());
  return !((first >= '0' && first <= '9') || first == '.' || first == '-');
}

}  // namespace edsync::xml
