#include <doctest/doctest.h>

#include "edsync/align.h"

using edsync::AlignText;

TEST_CASE("presegmented: one sentence a line, every line counted, markers end paragraphs") {
  const auto text = edsync::read_presegmented("One.\n  Two.  \r\n<p>\n\n Three.\n <p> \nFour.", "en.txt");
  REQUIRE(text.ok());
  CHECK(text->name == "en.txt");
  CHECK(text->sentences == std::vector<std::string>{"One.", "Two.", "Three.", "Four."});
  CHECK(text->line_of == std::vector<std::size_t>{0, 1, 4, 6});
  // Two markers in a row make one boundary: no empty paragraph.
  CHECK(text->paragraph_of == std::vector<std::size_t>{0, 0, 1, 2});
}

TEST_CASE("presegmented: markers only, or nothing, give no sentence") {
  CHECK(edsync::read_presegmented("<p>\n\n<p>\n", "x.txt")->sentences.empty());
  CHECK(edsync::read_presegmented("", "x.txt")->sentences.empty());
}

TEST_CASE("presegmented: bytes that are not UTF-8 are named by line and column") {
  const auto text = edsync::read_presegmented("Fine.\nCaf\xe9 au lait.\n", "fr.txt");
  REQUIRE_FALSE(text.ok());
  CHECK(text.error().kind == edsync::ErrorKind::bad_input);
  CHECK(text.error().message == "fr.txt:2:4: not UTF-8 (byte 0xe9); convert the file to UTF-8 first");
}

TEST_CASE("segmented text: the segmenter's sentences, each Markdown block a paragraph") {
  edsync::SegmentOptions options;
  options.format = edsync::SegmentFormat::markdown;
  const auto text = edsync::segment_for_alignment(
      "---\ntitle: x\n---\n\n# A title\nFirst one. Second\none.\n\n- An item.\n", "a.md", options);
  REQUIRE(text.ok());
  CHECK(text->sentences == std::vector<std::string>{"A title", "First one.", "Second one.", "An item."});
  CHECK(text->paragraph_of == std::vector<std::size_t>{0, 1, 1, 2});
  CHECK(text->line_of == std::vector<std::size_t>{4, 5, 5, 8});
}
