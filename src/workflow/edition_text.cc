#include "edition_text.h"

#include <cstdio>

#include "edsync/front_matter.h"
#include "edsync/sync.h"
#include "edsync/text.h"

namespace edsync::workflow {

namespace {

// What YAML would read as something other than the plain string: indicators,
// quotes, comments, a "key: value" inside, or a value of another type.
bool needs_quotes(const std::string& value) {
  if (value.empty() || value.front() == ' ' || value.back() == ' ') return true;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(value.front()) != std::string_view::npos) return true;
  if (value.find(": ") != std::string::npos || value.find(" #") != std::string::npos || value.back() == ':') return true;
  for (const unsigned char c : value)
    if (c < 0x20 || c == 0x7f) return true;
  static const char* const kOtherTypes[] = {"true", "false", "yes", "no", "on", "off", "null", "~", "True", "False",
                                             "Yes", "No", "On", "Off", "Null", "NULL", "TRUE", "FALSE"};
  for (const char* word : kOtherTypes)
    if (value == word) return true;
  return value.find_first_not_of("0123456789.+-eE") == std::string::npos;
}

std::string quoted(const std::string& value) {
  std::string out = "\"";
  for (const unsigned char c : value) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\x%02x", c);
      out += escape;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// The end of a front matter entry starting at `start`: its value may go on
// over lines that are indented.
std::size_t entry_end(const std::string& text, std::size_t start, std::size_t limit) {
  std::size_t end = text.find('\n', start);
  while (end != std::string::npos && end + 1 < limit && (text[end + 1] == ' ' || text[end + 1] == '\t'))
    end = text.find('\n', end + 1);
  return end == std::string::npos ? text.size() : end;
}

}  // namespace

std::string yaml_scalar(const std::string& value, bool always_quote) {
  return always_quote || needs_quotes(value) ? quoted(value) : value;
}

std::string new_edition_text(const Article& english, const std::string& title, const std::string& revision,
                             const std::string& body) {
  std::string out = "---\ntitle: " + yaml_scalar(title, true) + "\n";
  if (english.date) out += "date: " + english.date->to_string() + "\n";
  if (!english.category.empty()) out += "category: " + yaml_scalar(english.category) + "\n";
  if (!english.author.empty()) out += "author: " + yaml_scalar(english.author) + "\n";
  out += "source_revision: " + revision + "\n---\n";
  return out + body;
}

Result<std::string> updated_edition_text(const std::string& text, const Article& translation, const std::string& title,
                                         const std::string& revision, const std::string& body) {
  const std::string with_revision = with_source_revision(text, translation, revision);
  const auto parsed = parse_front_matter(with_revision);
  if (!parsed.ok) return input_error(translation.path + ": " + parsed.problem.message);
  const FrontMatter& front = parsed.front_matter;
  const std::string line_break = text.find("\r\n") != std::string::npos ? "\r\n" : "\n";
  std::string head = with_revision.substr(0, front.body_offset);
  const std::string title_line = "title: " + yaml_scalar(title, true);
  if (const auto* field = front.find("title")) {
    const std::size_t start = offset_of_line(head, field->line);
    std::size_t end = entry_end(head, start, head.size());
    if (end > start && head[end - 1] == '\r') --end;
    head = head.substr(0, start) + title_line + head.substr(end);
  } else {
    const std::size_t first = head.find('\n') + 1;
    head = head.substr(0, first) + title_line + line_break + head.substr(first);
  }
  return head + body;
}

}  // namespace edsync::workflow
