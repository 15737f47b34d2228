#include "xliff_content.h"

#include <doctest/doctest.h>

namespace edsync::workflow {
namespace {

const markdown::Segment& only_segment(const markdown::Article& article) {
  REQUIRE(article.blocks.size() == 1);
  REQUIRE(article.blocks[0].segments.size() == 1);
  return article.blocks[0].segments[0];
}

// A one-unit document holding `target`, written as `version` and read back.
xliff::Content through_xliff(const xliff::Content& target, xliff::Version version, std::string* written = nullptr) {
  xliff::Unit unit{.id = "s1", .source = target, .target = target, .state = xliff::State::translated};
  xliff::File file{.original = "editions/en/a.md", .datatype = std::string(kDatatype)};
  file.groups.push_back(xliff::Group{.id = paragraph_group_id(1), .units = {unit}});
  xliff::Document document{.version = version, .source_lang = "en", .target_lang = "ar", .files = {file}};
  auto text = xliff::write(document, version);
  REQUIRE_MESSAGE(text.ok(), (text.ok() ? "" : text.error().message));
  if (written) *written = *text;
  auto read = xliff::read(*text, "a.xlf");
  REQUIRE_MESSAGE(read.ok(), (read.ok() ? "" : read.error().message));
  return *read->units().front()->target;
}

std::string element_markup(const std::string& xliff_text) {
  const auto begin = xliff_text.find("<target");
  const auto end = xliff_text.find("</target>");
  return xliff_text.substr(begin, end + 9 - begin);
}

}  // namespace

TEST_CASE("the layout's names") {
  CHECK(paragraph_group_id(3) == "p3");
  CHECK(exported_file_name("camp-ashraf", "fa") == "camp-ashraf.fa.xlf");
}

TEST_CASE("Markdown codes become 1.2 <ph> and <bpt>/<ept> holding the Markdown, a pair sharing one id") {
  const auto article = markdown::segment_article("T", "Read **the [report](https://x.org)** and `code`.");
  std::string written;
  through_xliff(to_xliff_content(only_segment(article).content, xliff::Version::v1_2), xliff::Version::v1_2, &written);
  CHECK(element_markup(written) ==
        "<target state=\"translated\">Read <bpt id=\"1\">**</bpt>the <bpt id=\"2\">[</bpt>report<ept id=\"2\">](https://x.org)</ept>"
        "<ept id=\"1\">**</ept> and <ph id=\"5\">`code`</ph>.</target>");
}

TEST_CASE("2.0 gives a pair one <pc> with its displays, a standalone code a <ph/>, the Markdown in <originalData>") {
  const auto article = markdown::segment_article("T", "Read **the report** and `code`.");
  std::string written;
  through_xliff(to_xliff_content(only_segment(article).content, xliff::Version::v2_0), xliff::Version::v2_0, &written);
  CHECK(element_markup(written).find("<pc id=\"1\"") != std::string::npos);
  CHECK(element_markup(written).find("dispStart=\"**\"") != std::string::npos);
  CHECK(element_markup(written).find("<ph id=\"3\"") != std::string::npos);
  CHECK(written.find("<data id=\"") != std::string::npos);
  CHECK(written.find(">`code`</data>") != std::string::npos);
}

TEST_CASE("a translation read back from either version rebuilds the English Markdown around it") {
  const std::string body = "Read **the [report](https://x.org \"T\")** and `code`.";
  const auto article = markdown::segment_article("T", body);
  const auto& english = only_segment(article).content;
  for (const auto version : {xliff::Version::v1_2, xliff::Version::v2_0}) {
    CAPTURE(version == xliff::Version::v1_2 ? "1.2" : "2.0");
    const auto parts = from_xliff_content(through_xliff(to_xliff_content(english, version), version), english);
    REQUIRE(parts.ok());
    const auto rebuilt = markdown::rebuild_body(article, {*parts});
    REQUIRE(rebuilt.ok());
    CHECK(*rebuilt == body);
  }
}

TEST_CASE("codes a CAT tool moved, and in another tool's elements, are matched by kind and id") {
  const auto article = markdown::segment_article("T", "The **camp** is closed.");
  const auto& english = only_segment(article).content;
  const xliff::Content translated = {
      xliff::code_part({.kind = xliff::CodeKind::opening, .element = "g", .id = "1"}),
      xliff::text_part("المخيم"),
      xliff::code_part({.kind = xliff::CodeKind::closing, .element = "g", .id = "1"}),
      xliff::code_part({.kind = xliff::CodeKind::opening, .element = "mrk", .id = "m"}),
      xliff::text_part(" مغلق."),
      xliff::code_part({.kind = xliff::CodeKind::closing, .element = "mrk", .id = "m"}),
  };
  const auto parts = from_xliff_content(translated, english);
  REQUIRE(parts.ok());
  const auto rebuilt = markdown::rebuild_body(article, {*parts});
  REQUIRE(rebuilt.ok());
  CHECK(*rebuilt == "**المخيم** مغلق.");
}

TEST_CASE("a code the English segment lacks, or of another kind, is named") {
  const auto article = markdown::segment_article("T", "The **camp** is `closed`.");
  const auto& english = only_segment(article).content;
  const auto unknown = from_xliff_content({xliff::code_part({.kind = xliff::CodeKind::standalone, .element = "ph", .id = "9"})}, english);
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().message == "code 9 (<ph>) is not one of the English segment's codes");
  const auto closing_number = from_xliff_content({xliff::code_part({.kind = xliff::CodeKind::closing, .element = "ept", .id = "2"})}, english);
  REQUIRE_FALSE(closing_number.ok());
  CHECK(closing_number.error().message == "code 2 (<ept>) is not one of the English segment's codes");
  const auto other_kind = from_xliff_content({xliff::code_part({.kind = xliff::CodeKind::standalone, .element = "x", .id = "1"})}, english);
  REQUIRE_FALSE(other_kind.ok());
  CHECK(other_kind.error().message == "code 1 (<x>) is a standalone code here and an opening one in the English");
}

}  // namespace edsync::workflow
