#include "markdown_blocks.h"

#include <doctest/doctest.h>

#include <string>

namespace {

using edsync::SegmentFormat;
using edsync::segment_detail::split_blocks;

std::vector<std::string> block_texts(std::string_view text, SegmentFormat format) {
  std::vector<std::string> texts;
  for (const auto& block : split_blocks(text, format)) texts.emplace_back(text.substr(block.begin, block.end - block.begin));
  return texts;
}

}  // namespace

TEST_CASE("plain text: blank lines separate blocks") {
  CHECK(block_texts("a\nb\n\n \nc\r\n", SegmentFormat::plain) == std::vector<std::string>{"a\nb", "c"});
}

TEST_CASE("markdown: markers and front matter stay out of the blocks") {
  const std::string text = "---\ntitle: x\n---\n## Head ##\npara\nlazy\n* item one\n  goes on\n1) item two\n> quote\n> more\n\n---\n~~~\ncode\n~~~\nlast";
  CHECK(block_texts(text, SegmentFormat::markdown) ==
        std::vector<std::string>{"Head", "para\nlazy", "item one\n  goes on", "item two", "quote\n> more", "last"});
}

TEST_CASE("markdown: an unclosed front matter is text") {
  CHECK(block_texts("---\ntitle: x\n", SegmentFormat::markdown) == std::vector<std::string>{"title: x"});
}
