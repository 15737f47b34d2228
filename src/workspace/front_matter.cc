#include "edsync/front_matter.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "yaml_util.h"

namespace edsync {

const FrontMatterField* FrontMatter::find(std::string_view key) const {
  const auto it = fields.find(key);
  return it == fields.end() ? nullptr : &it->second;
}

namespace {

// The line starting at `offset`, without its line break.
std::string_view line_at(std::string_view text, std::size_t offset, std::size_t* next) {
  const std::size_t end = text.find('\n', offset);
  *next = end == std::string_view::npos ? text.size() : end + 1;
  std::string_view line = text.substr(offset, (end == std::string_view::npos ? text.size() : end) - offset);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool is_fence(std::string_view line, std::string_view fence) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == fence;
}

FrontMatterResult problem(int line, int column, std::string message) {
  FrontMatterResult result;
  result.problem = {"", line, column, std::move(message)};
  return result;
}

struct Split {
  std::string_view yaml;
  int closing_line = 0;
  std::size_t body_offset = 0;
};

// Finds the '---' fences; returns false with `error` set when they are not there.
bool split_front_matter(std::string_view text, Split* split, FrontMatterResult* error) {
  std::size_t offset = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") offset = 3;  // a BOM some editors add
  std::size_t next = 0;
  if (!is_fence(line_at(text, offset, &next), "---")) {
    *error = problem(1, 1, "expected '---' to open the front matter, got " +
                               std::string(text.empty() ? "an empty file" : "article text") +
                               "; start the file with a '---' line, the fields, then '---'");
    return false;
  }
  const std::size_t yaml_begin = next;
  int line_number = 2;
  for (offset = next; offset < text.size(); offset = next, ++line_number) {
    const std::string_view line = line_at(text, offset, &next);
    if (is_fence(line, "---") || is_fence(line, "...")) {
      split->yaml = text.substr(yaml_begin, offset - yaml_begin);
      split->closing_line = line_number;
      split->body_offset = next;
      return true;
    }
  }
  *error = problem(1, 1, "front matter is not closed: add a '---' line after its last field");
  return false;
}

bool is_key(std::string_view key) {
  if (key.empty() || !(std::isalpha(static_cast<unsigned char>(key[0])) || key[0] == '_')) return false;
  return std::all_of(key.begin(), key.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; });
}

// Bytes that make a line more than plain text to YAML: control characters,
// tabs, and the line breaks YAML 1.1 knows besides LF (NEL, LS, PS), a BOM.
bool has_special_bytes(std::string_view line) {
  for (const char c : line)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return true;
  for (const std::string_view special : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF"})
    if (line.find(special) != std::string_view::npos) return true;
  return false;
}

// A one-line value as YAML reads it, when it is plainly text: quoted without
// escapes or inner quotes, or plain without anything YAML gives a meaning.
std::optional<std::string_view> simple_value(std::string_view value) {
  const char first = value.front();
  if (first == '"' || first == '\'') {
    const std::string_view inner = value.substr(1, value.size() - 2);
    if (value.size() < 2 || value.back() != first || inner.find(first) != std::string_view::npos ||
        (first == '"' && inner.find('\\') != std::string_view::npos))
      return std::nullopt;
    return inner;
  }
  if (std::string_view("-?:,[]{}#&*!|>%@`").find(first) != std::string_view::npos) return std::nullopt;
  if (value.find_first_of(":#") != std::string_view::npos) return std::nullopt;
  for (const std::string_view null : {"~", "null", "Null", "NULL"})
    if (value == null) return std::nullopt;
  return value;
}

// Reads `key: value` on line `line_number`; false when the line needs YAML.
bool read_simple_line(std::string_view line, int line_number, FrontMatter& front_matter) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || !is_key(line.substr(0, colon)) || has_special_bytes(line)) return false;
  std::string_view rest = line.substr(colon + 1);
  while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
  // An empty value is YAML's null, which yaml-cpp places at the next token.
  if (rest.empty()) return false;
  const std::size_t start = rest.find_first_not_of(' ');
  if (start == 0) return false;  // "key:value" is one plain scalar to YAML
  const auto value = simple_value(rest.substr(start));
  if (!value) return false;
  FrontMatterField field{.value = std::string(*value), .line = line_number, .column = static_cast<int>(colon + start) + 2};
  return front_matter.fields.emplace(std::string(line.substr(0, colon)), std::move(field)).second;
}

// Most front matter is `key: value` lines of plain text: read without
// building yaml-cpp's node tree. False when any line is more than that (a
// list, a comment, a continued or escaped value, a repeated key), which
// yaml-cpp then reads, giving the same fields or the error.
bool read_simple_front_matter(std::string_view yaml, FrontMatter& front_matter) {
  constexpr int kFirstYamlLine = 2;
  int line_number = kFirstYamlLine;
  for (std::size_t offset = 0, next = 0; offset < yaml.size(); offset = next, ++line_number)
    if (!read_simple_line(line_at(yaml, offset, &next), line_number, front_matter)) return false;
  return !front_matter.fields.empty();
}

}  // namespace

FrontMatterResult parse_front_matter(std::string_view text) {
  Split split;
  FrontMatterResult result;
  if (!split_front_matter(text, &split, &result)) return result;
  if (read_simple_front_matter(split.yaml, result.front_matter)) {
    result.ok = true;
    result.front_matter.closing_line = split.closing_line;
    result.front_matter.body_offset = split.body_offset;
    return result;
  }
  result.front_matter.fields.clear();

  constexpr int kFirstYamlLine = 2;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(split.yaml));
  } catch (const YAML::Exception& error) {
    return problem(yaml_util::line_of(error.mark, kFirstYamlLine),
                   yaml_util::column_of(error.mark),
                   "front matter is not valid YAML: " + yaml_util::describe(error));
  }
  if (root.IsNull()) root = YAML::Node(YAML::NodeType::Map);
  if (!root.IsMap()) {
    return problem(yaml_util::line_of(root.Mark(), kFirstYamlLine), yaml_util::column_of(root.Mark()),
                   "front matter must be 'key: value' lines");
  }
  for (const auto& entry : root) {
    const YAML::Mark key_mark = entry.first.Mark();
    const int line = yaml_util::line_of(key_mark, kFirstYamlLine);
    if (!entry.first.IsScalar()) return problem(line, yaml_util::column_of(key_mark), "a front matter key must be plain text");
    const std::string key = entry.first.Scalar();
    if (const auto* earlier = result.front_matter.find(key)) {
      return problem(line, yaml_util::column_of(key_mark),
                     "duplicate key '" + key + "' (first given on line " +
                         std::to_string(earlier->line) + ")");
    }
    FrontMatterField field;
    field.line = yaml_util::line_of(entry.second.Mark(), kFirstYamlLine);
    field.column = yaml_util::column_of(entry.second.Mark());
    if (entry.second.Mark().line < 0) {  // an empty value has no position of its own
      field.line = line;
      field.column = yaml_util::column_of(key_mark);
    }
    field.is_scalar = entry.second.IsScalar() || entry.second.IsNull();
    if (entry.second.IsScalar()) field.value = entry.second.Scalar();
    result.front_matter.fields.emplace(key, std::move(field));
  }
  result.ok = true;
  result.front_matter.closing_line = split.closing_line;
  result.front_matter.body_offset = split.body_offset;
  return result;
}

}  // namespace edsync
