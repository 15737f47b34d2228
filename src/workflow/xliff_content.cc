#include "xliff_content.h"

#include <charconv>
#include <map>

namespace edsync::workflow {
namespace {

using markdown::PartKind;

const markdown::Part* find_pair(const std::vector<markdown::Part>& parts, int id) {
  for (const auto& part : parts) {
    if (part.kind != PartKind::text && part.id == id) return &part;
  }
  return nullptr;
}

xliff::Code standalone_code(const markdown::Part& part, xliff::Version version) {
  xliff::Code code{.kind = xliff::CodeKind::standalone, .element = "ph", .id = std::to_string(part.id), .data = part.text};
  if (version == xliff::Version::v2_0 && !part.display.empty()) code.attributes.push_back({"disp", part.display});
  return code;
}

// 2.0 writes a pair as one <pc>, whose start and end displays sit on the opening code.
xliff::Code opening_code(const markdown::Part& part, const std::vector<markdown::Part>& parts, xliff::Version version) {
  const bool v12 = version == xliff::Version::v1_2;
  xliff::Code code{.kind = xliff::CodeKind::opening, .element = v12 ? "bpt" : "pc", .id = std::to_string(part.id), .data = part.text};
  if (!v12) {
    if (!part.display.empty()) code.attributes.push_back({"dispStart", part.display});
    const auto* closing = find_pair(parts, part.pair);
    if (closing && !closing->display.empty()) code.attributes.push_back({"dispEnd", closing->display});
  }
  return code;
}

xliff::Code closing_code(const markdown::Part& part, xliff::Version version) {
  const bool v12 = version == xliff::Version::v1_2;
  return xliff::Code{.kind = xliff::CodeKind::closing, .element = v12 ? "ept" : "pc", .id = std::to_string(part.pair), .data = part.text};
}

std::string_view kind_name(PartKind kind) {
  switch (kind) {
    case PartKind::opening: return "an opening";
    case PartKind::closing: return "a closing";
    case PartKind::standalone: return "a standalone";
    case PartKind::text: break;
  }
  return "a text";
}

PartKind part_kind(xliff::CodeKind kind) {
  switch (kind) {
    case xliff::CodeKind::opening: return PartKind::opening;
    case xliff::CodeKind::closing: return PartKind::closing;
    case xliff::CodeKind::standalone: break;
  }
  return PartKind::standalone;
}

// The English code a translated one stands for: a closing code carries its
// opening's id in XLIFF.
Result<markdown::Part> english_code(const xliff::Code& code, const std::vector<markdown::Part>& english) {
  int number = 0;
  const auto* end = code.id.data() + code.id.size();
  const auto parsed = std::from_chars(code.id.data(), end, number);
  const markdown::Part* named = parsed.ec == std::errc{} && parsed.ptr == end ? find_pair(english, number) : nullptr;
  if (named == nullptr || named->kind == PartKind::closing) {
    return input_error("code " + code.id + " (<" + code.element + ">) is not one of the English segment's codes");
  }
  const PartKind kind = part_kind(code.kind);
  const PartKind expected = named->kind == PartKind::opening && kind == PartKind::closing ? PartKind::closing : named->kind;
  if (kind != expected) {
    return input_error("code " + code.id + " (<" + code.element + ">) is " + std::string(kind_name(kind)) +
                       " code here and " + std::string(kind_name(named->kind)) + " one in the English");
  }
  if (kind == PartKind::closing) return *find_pair(english, named->pair);
  return *named;
}

void append_text(std::vector<markdown::Part>& parts, const std::string& text) {
  if (text.empty()) return;
  if (!parts.empty() && parts.back().kind == PartKind::text) {
    parts.back().text += text;
  } else {
    parts.push_back(markdown::Part{.kind = PartKind::text, .text = text});
  }
}

}  // namespace

std::string paragraph_group_id(std::size_t paragraph) { return "p" + std::to_string(paragraph); }

std::string exported_file_name(std::string_view article_id, std::string_view lang) {
  return std::string(article_id) + "." + std::string(lang) + ".xlf";
}

xliff::Content to_xliff_content(const std::vector<markdown::Part>& parts, xliff::Version version) {
  xliff::Content content;
  for (const auto& part : parts) {
    switch (part.kind) {
      case PartKind::text: content.push_back(xliff::text_part(part.text)); break;
      case PartKind::standalone: content.push_back(xliff::code_part(standalone_code(part, version))); break;
      case PartKind::opening: content.push_back(xliff::code_part(opening_code(part, parts, version))); break;
      case PartKind::closing: content.push_back(xliff::code_part(closing_code(part, version))); break;
    }
  }
  return content;
}

Result<std::vector<markdown::Part>> from_xliff_content(const xliff::Content& content,
                                                       const std::vector<markdown::Part>& english) {
  std::vector<markdown::Part> parts;
  for (const auto& part : content) {
    if (!part.code) {
      append_text(parts, part.text);
      continue;
    }
    if (part.code->is_marker()) continue;
    auto code = english_code(*part.code, english);
    if (!code) return code.error();
    parts.push_back(std::move(*code));
  }
  return parts;
}

}  // namespace edsync::workflow
