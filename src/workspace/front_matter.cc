#include "edsync/front_matter.h"

#include <yaml-cpp/yaml.h>

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

}  // namespace

FrontMatterResult parse_front_matter(std::string_view text) {
  Split split;
  FrontMatterResult result;
  if (!split_front_matter(text, &split, &result)) return result;

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
