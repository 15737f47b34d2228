// A block's inline Markdown as a flat run of elements in source order: text,
// white space, line breaks and codes, with the openings and closings of
// emphasis and links matched as CommonMark matches them.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "edsync/markdown.h"

namespace edsync::markdown::detail {

enum class ElementKind { text, space, soft_break, code };

struct Element {
  ElementKind kind = ElementKind::text;
  std::size_t begin = 0;  // bytes of the body
  std::size_t end = 0;
  std::string text;  // text and space: the characters (escapes resolved); code: its Markdown
  PartKind code = PartKind::standalone;
  int match = -1;  // opening/closing: the same number at both ends
  bool line_break = false;  // a hard line break (a standalone code)
  std::string display;
};

// Labels of the link reference definitions, normalised (normalize_label).
using LinkLabels = std::set<std::string>;

std::vector<Element> parse_inline(std::string_view body, std::size_t begin, std::size_t end, const LinkLabels& labels);

// A short form of a code's Markdown for CAT tools.
std::string display_of(std::string_view markdown);

// Whether a code point starting at `at` is Unicode white space or punctuation
// (for the flanking rules of emphasis). At the ends of the text: white space.
bool is_space_at(std::string_view text, std::size_t at);
bool is_punctuation_at(std::string_view text, std::size_t at);
// The start of the code point that ends before `at`.
std::size_t previous_code_point(std::string_view text, std::size_t at);

}  // namespace edsync::markdown::detail
