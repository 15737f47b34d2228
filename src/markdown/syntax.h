// Scanners for the inline constructs of CommonMark, shared by the parser and
// by the escaping of translated text, so that what one reads as markup the
// other escapes and nothing else.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace edsync::markdown::detail {

bool is_ascii_punctuation(char c);
bool is_space_or_tab(char c);

// A numeric or known named character reference at `at` ("&amp;", "&#x2014;"):
// its length and the UTF-8 it stands for.
struct Entity {
  std::size_t length = 0;
  std::string text;
};
std::optional<Entity> match_entity(std::string_view text, std::size_t at);

// The length of an inline HTML tag (open, closing or comment) at `at`, on one line.
std::size_t match_html_tag(std::string_view text, std::size_t at);
// The length of an autolink ("<https://x>", "<a@b.c>") at `at`.
std::size_t match_autolink(std::string_view text, std::size_t at);
// After "]": the length of "(destination "title")" at `at`.
std::size_t match_link_tail(std::string_view text, std::size_t at);
// After "]": the length of "[label]" at `at` and the label.
std::size_t match_link_label(std::string_view text, std::size_t at, std::string* label);

// Link labels compare case-insensitively with runs of white space as one space.
std::string normalize_label(std::string_view label);

// Whether a line (without its line break) starts a block or would be read as
// one: an ATX heading, a quote, a list item, a thematic break, a fence, a
// setext underline. Then escaping its first character makes it text.
std::size_t block_start_escape(std::string_view line);

void append_utf8(std::string& out, char32_t code_point);

}  // namespace edsync::markdown::detail
