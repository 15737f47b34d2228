#include <doctest/doctest.h>

#include "edsync/xliff.h"
#include "test_documents.h"

using namespace edsync::xliff;
using edsync::xliff::testing::full_document;
using edsync::xliff::testing::make_unit;

namespace {

std::string written(const Document& document, Version version) {
  auto text = write(document, version);
  return text ? *text : text.error().message;
}

Document minimal(Content source, std::optional<Content> target) {
  Document document;
  document.version = Version::v1_2;
  document.source_lang = "en";
  document.target_lang = "fa";
  File file;
  file.original = "a.md";
  file.groups.push_back(Group{"", {}, {make_unit("u1", std::move(source), std::move(target), State::translated)}});
  document.files.push_back(file);
  return document;
}

}  // namespace

TEST_CASE("reading what was written gives the same document, in both versions") {
  for (const Version version : {Version::v1_2, Version::v2_0}) {
    CAPTURE(version == Version::v1_2 ? "1.2" : "2.0");
    const Document document = full_document(version);
    const auto text = write(document, version);
    REQUIRE(text.ok());
    const auto again = read(*text, "w.xlf");
    REQUIRE_MESSAGE(again.ok(), (again.ok() ? "" : again.error().message));
    CHECK(*again == document);
    CHECK(written(*again, version) == *text);  // the same bytes
  }
}

TEST_CASE("the writer's bytes: 1.2") {
  Document document = minimal({text_part("a "), code_part(testing::make_code(CodeKind::standalone, "ph", "1", "<br/>"))},
                              Content{text_part("ب")});
  document.files[0].groups[0].units[0].state_qualifier = "leveraged-tm";
  CHECK(written(document, Version::v1_2) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
        "  <file original=\"a.md\" source-language=\"en\" target-language=\"fa\" datatype=\"plaintext\">\n"
        "    <body>\n"
        "      <trans-unit id=\"u1\">\n"
        "        <source>a <ph id=\"1\">&lt;br/&gt;</ph></source>\n"
        "        <target state=\"translated\" state-qualifier=\"leveraged-tm\">ب</target>\n"
        "      </trans-unit>\n"
        "    </body>\n"
        "  </file>\n"
        "</xliff>\n");
}

TEST_CASE("the writer's bytes: 2.0, codes of 1.2 written by kind, their data in <originalData>") {
  const Document document = minimal({text_part("a "), code_part(testing::make_code(CodeKind::opening, "bpt", "1", "<b>")),
                                     text_part("b"), code_part(testing::make_code(CodeKind::closing, "ept", "1", "</b>"))},
                                    std::nullopt);
  CHECK(written(document, Version::v2_0) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" xmlns:mda=\"urn:oasis:names:tc:xliff:metadata:2.0\" "
        "xmlns:mtc=\"urn:oasis:names:tc:xliff:matches:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"fa\">\n"
        "  <file id=\"f1\" original=\"a.md\">\n"
        "    <unit id=\"u1\">\n"
        "      <originalData>\n"
        "        <data id=\"d1\">&lt;b&gt;</data>\n"
        "        <data id=\"d2\">&lt;/b&gt;</data>\n"
        "      </originalData>\n"
        "      <segment id=\"u1\" state=\"translated\">\n"
        "        <source>a <sc id=\"1\" dataRef=\"d1\"/>b<ec startRef=\"1\" dataRef=\"d2\"/></source>\n"
        "      </segment>\n"
        "    </unit>\n"
        "  </file>\n"
        "</xliff>\n");
}

TEST_CASE("the other version's document is written with that version's words") {
  const auto text = write(full_document(Version::v2_0), Version::v1_2);
  REQUIRE(text.ok());
  const auto again = read(*text, "w.xlf");
  REQUIRE_MESSAGE(again.ok(), (again.ok() ? "" : again.error().message));
  const auto units = again->units();
  REQUIRE(units.size() == 8);
  CHECK(units[2]->state == State::signed_off);  // 2.0 reviewed
  CHECK(plain_text(units[1]->source) == plain_text(full_document(Version::v2_0).units()[1]->source));
  CHECK(again->files[0].metadata == full_document(Version::v2_0).files[0].metadata);
}

TEST_CASE("what a version cannot hold is refused, naming the unit") {
  Document document = minimal({text_part("a")}, std::nullopt);
  document.files[0].groups[0].units[0].id = "a b";
  CHECK(written(document, Version::v2_0) ==
        "unit id \"a b\" cannot be an XLIFF 2.0 id (an XML name token: letters, digits, . - _ :); use another");
  CHECK(written(document, Version::v1_2).starts_with("<?xml"));
  document = minimal({code_part(testing::make_code(CodeKind::closing, "g", "1")), text_part("a")}, std::nullopt);
  CHECK(written(document, Version::v1_2) == "unit \"u1\": </g> (id \"1\") closes no open <g>");
  document = minimal({code_part(testing::make_code(CodeKind::opening, "g", "1")), text_part("a")}, std::nullopt);
  CHECK(written(document, Version::v1_2) ==
        "unit \"u1\": <g id=\"1\"> is not closed where it should be; the codes are out of order");
}

TEST_CASE("characters XML cannot hold are dropped from what is written") {
  const Document document = minimal({text_part("a\x01" "b")}, std::nullopt);
  CHECK(written(document, Version::v1_2).find("<source>ab</source>") != std::string::npos);
}
