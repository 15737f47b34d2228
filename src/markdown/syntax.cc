#include "syntax.h"

#include <array>
#include <utility>

namespace edsync::markdown::detail {

namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(char c) { return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_white(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The named references news text meets; any other is left as text (and
// then not escaped either, so reading and writing agree).
constexpr std::array<std::pair<std::string_view, char32_t>, 22> kNamedEntities{{
    {"amp", U'&'},      {"lt", U'<'},       {"gt", U'>'},        {"quot", U'"'},     {"apos", U'\''},
    {"nbsp", U'\u00A0'}, {"shy", U'\u00AD'}, {"copy", U'\u00A9'}, {"reg", U'\u00AE'}, {"deg", U'\u00B0'},
    {"laquo", U'\u00AB'}, {"raquo", U'\u00BB'}, {"ndash", U'\u2013'}, {"mdash", U'\u2014'}, {"lsquo", U'\u2018'},
    {"rsquo", U'\u2019'}, {"ldquo", U'\u201C'}, {"rdquo", U'\u201D'}, {"hellip", U'\u2026'}, {"euro", U'\u20AC'},
    {"zwnj", U'\u200C'}, {"zwj", U'\u200D'},
}};

std::optional<Entity> numeric_entity(std::string_view text, std::size_t at) {
  std::size_t i = at + 2;
  const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
  if (hex) ++i;
  const std::size_t digits = i;
  char32_t value = 0;
  while (i < text.size() && i - digits < (hex ? 6U : 7U) && (hex ? is_hex_digit(text[i]) : is_ascii_digit(text[i]))) {
    const char c = text[i++];
    const char32_t digit = is_ascii_digit(c) ? char32_t(c - '0') : char32_t((c | 0x20) - 'a' + 10);
    value = value * (hex ? 16 : 10) + digit;
  }
  if (i == digits || i >= text.size() || text[i] != ';') return std::nullopt;
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) value = 0xFFFD;
  Entity entity{i + 1 - at, {}};
  append_utf8(entity.text, value);
  return entity;
}

std::size_t skip_white(std::string_view text, std::size_t at, bool allow_line_break) {
  bool broke = false;
  while (at < text.size() && is_white(text[at])) {
    if (text[at] == '\n') {
      if (broke || !allow_line_break) break;
      broke = true;
    }
    ++at;
  }
  return at;
}

std::size_t match_quoted(std::string_view text, std::size_t at, char close) {
  for (std::size_t i = at + 1; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) ++i;
    else if (text[i] == close) return i + 1 - at;
    else if (text[i] == '\n' && i + 1 < text.size() && text[i + 1] == '\n') return 0;
  }
  return 0;
}

std::size_t match_attribute_value(std::string_view text, std::size_t at) {
  if (at >= text.size()) return 0;
  if (text[at] == '"' || text[at] == '\'') {
    const auto end = text.find(text[at], at + 1);
    if (end == std::string_view::npos || text.substr(at, end - at).find('\n') != std::string_view::npos) return 0;
    return end + 1 - at;
  }
  std::size_t i = at;
  while (i < text.size() && !is_white(text[i]) && std::string_view("\"'=<>`").find(text[i]) == std::string_view::npos) ++i;
  return i - at;
}

std::size_t match_open_tag(std::string_view text, std::size_t at) {
  std::size_t i = at + 1;
  if (i >= text.size() || !is_ascii_letter(text[i])) return 0;
  while (i < text.size() && (is_ascii_letter(text[i]) || is_ascii_digit(text[i]) || text[i] == '-')) ++i;
  for (;;) {
    const std::size_t spaced = skip_white(text, i, false);
    if (spaced < text.size() && text[spaced] == '>') return spaced + 1 - at;
    if (spaced + 1 < text.size() && text[spaced] == '/' && text[spaced + 1] == '>') return spaced + 2 - at;
    if (spaced == i || spaced >= text.size()) return 0;
    const char first = text[spaced];
    if (!is_ascii_letter(first) && first != '_' && first != ':') return 0;
    i = spaced;
    while (i < text.size() && (is_ascii_letter(text[i]) || is_ascii_digit(text[i]) ||
                               std::string_view("_.:-").find(text[i]) != std::string_view::npos))
      ++i;
    const std::size_t equals = skip_white(text, i, false);
    if (equals < text.size() && text[equals] == '=') {
      const std::size_t value = skip_white(text, equals + 1, false);
      const std::size_t length = match_attribute_value(text, value);
      if (length == 0) return 0;
      i = value + length;
    }
  }
}

}  // namespace

bool is_ascii_punctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

bool is_space_or_tab(char c) { return c == ' ' || c == '\t'; }

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::optional<Entity> match_entity(std::string_view text, std::size_t at) {
  if (at + 2 >= text.size() || text[at] != '&') return std::nullopt;
  if (text[at + 1] == '#') return numeric_entity(text, at);
  const auto semicolon = text.find(';', at + 1);
  if (semicolon == std::string_view::npos || semicolon - at > 8) return std::nullopt;
  const auto name = text.substr(at + 1, semicolon - at - 1);
  for (const auto& [known, code_point] : kNamedEntities) {
    if (name != known) continue;
    Entity entity{semicolon + 1 - at, {}};
    append_utf8(entity.text, code_point);
    return entity;
  }
  return std::nullopt;
}

std::size_t match_html_tag(std::string_view text, std::size_t at) {
  if (at + 2 >= text.size() || text[at] != '<') return 0;
  if (text.substr(at).starts_with("<!--")) {
    const auto end = text.find("-->", at + 4);
    if (end == std::string_view::npos || text.substr(at, end - at).find('\n') != std::string_view::npos) return 0;
    return end + 3 - at;
  }
  if (text[at + 1] != '/') return match_open_tag(text, at);
  std::size_t i = at + 2;
  if (i >= text.size() || !is_ascii_letter(text[i])) return 0;
  while (i < text.size() && (is_ascii_letter(text[i]) || is_ascii_digit(text[i]) || text[i] == '-')) ++i;
  i = skip_white(text, i, false);
  return i < text.size() && text[i] == '>' ? i + 1 - at : 0;
}

std::size_t match_autolink(std::string_view text, std::size_t at) {
  if (at + 1 >= text.size() || text[at] != '<') return 0;
  const auto end = text.find('>', at + 1);
  if (end == std::string_view::npos) return 0;
  const auto inside = text.substr(at + 1, end - at - 1);
  for (const char c : inside) {
    if (is_white(c) || c == '<' || static_cast<unsigned char>(c) < 0x20) return 0;
  }
  const auto colon = inside.find(':');
  if (colon != std::string_view::npos && colon >= 2 && colon <= 32 && is_ascii_letter(inside[0])) {
    bool scheme = true;
    for (const char c : inside.substr(0, colon))
      scheme = scheme && (is_ascii_letter(c) || is_ascii_digit(c) || c == '+' || c == '.' || c == '-');
    if (scheme) return end + 1 - at;
  }
  const auto at_sign = inside.find('@');
  if (at_sign == std::string_view::npos || at_sign == 0 || at_sign + 1 >= inside.size()) return 0;
  for (const char c : inside) {
    if (c == '\\' || c == '(' || c == ')' || c == ',' || c == ';' || c == '[' || c == ']') return 0;
  }
  return inside.find('.', at_sign) != std::string_view::npos ? end + 1 - at : 0;
}

std::size_t match_link_tail(std::string_view text, std::size_t at) {
  if (at >= text.size() || text[at] != '(') return 0;
  std::size_t i = skip_white(text, at + 1, true);
  if (i < text.size() && text[i] == '<') {
    const auto close = text.find_first_of(">\n", i + 1);
    if (close == std::string_view::npos || text[close] != '>') return 0;
    i = close + 1;
  } else {
    int depth = 0;
    while (i < text.size() && !is_white(text[i]) && static_cast<unsigned char>(text[i]) >= 0x20) {
      if (text[i] == '\\' && i + 1 < text.size() && is_ascii_punctuation(text[i + 1])) ++i;
      else if (text[i] == '(') ++depth;
      else if (text[i] == ')' && depth-- == 0) break;
      ++i;
    }
    if (depth > 0) return 0;
  }
  const std::size_t spaced = skip_white(text, i, true);
  if (spaced > i && spaced < text.size() && (text[spaced] == '"' || text[spaced] == '\'' || text[spaced] == '(')) {
    const std::size_t title = match_quoted(text, spaced, text[spaced] == '(' ? ')' : text[spaced]);
    if (title == 0) return 0;
    i = skip_white(text, spaced + title, true);
  } else {
    i = spaced;
  }
  return i < text.size() && text[i] == ')' ? i + 1 - at : 0;
}

std::size_t match_link_label(std::string_view text, std::size_t at, std::string* label) {
  if (at >= text.size() || text[at] != '[') return 0;
  for (std::size_t i = at + 1; i < text.size() && i - at <= 1000; ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) ++i;
    else if (text[i] == '[') return 0;
    else if (text[i] == ']') {
      if (label) *label = std::string(text.substr(at + 1, i - at - 1));
      return i + 1 - at;
    }
  }
  return 0;
}

std::string normalize_label(std::string_view label) {
  std::string out;
  bool space = false;
  for (const char c : label) {
    if (is_white(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return out;
}

namespace {

// "---", "* * *", "___", and (setext underlines) "===" or "---".
bool is_rule_line(std::string_view rest) {
  const char mark = rest[0];
  if (mark != '-' && mark != '*' && mark != '_' && mark != '=') return false;
  std::size_t count = 0;
  bool spaced = false, trailing = false;
  for (const char c : rest) {
    if (c == mark) {
      ++count;
      if (trailing) spaced = true;
    } else if (is_space_or_tab(c)) {
      trailing = true;
    } else {
      return false;
    }
  }
  if (mark == '=') return !spaced;
  return count >= 3 || (mark == '-' && !spaced);
}

}  // namespace

std::size_t block_start_escape(std::string_view line) {
  std::size_t indent = 0;
  while (indent < line.size() && indent < 4 && line[indent] == ' ') ++indent;
  const auto rest = line.substr(indent);
  if (rest.empty()) return std::string_view::npos;
  const auto space_at = [&](std::size_t n) { return n >= rest.size() || is_space_or_tab(rest[n]); };
  const char first = rest[0];
  if (first == '>' || is_rule_line(rest)) return indent;
  if ((first == '-' || first == '+' || first == '*') && space_at(1)) return indent;
  if (rest.starts_with("```") || rest.starts_with("~~~")) return indent;
  std::size_t run = 0;
  while (run < rest.size() && rest[run] == '#') ++run;
  if (run >= 1 && run <= 6 && space_at(run)) return indent;
  std::size_t digits = 0;
  while (digits < rest.size() && digits < 9 && is_ascii_digit(rest[digits])) ++digits;
  if (digits > 0 && digits < rest.size() && (rest[digits] == '.' || rest[digits] == ')') && space_at(digits + 1))
    return indent + digits;
  return std::string_view::npos;
}

}  // namespace edsync::markdown::detail
