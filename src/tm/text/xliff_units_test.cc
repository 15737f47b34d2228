#include "xliff_units.h"

#include <doctest/doctest.h>

#include "edsync/file_io.h"
#include "edsync/memory.h"
#include "test_store.h"

namespace edsync::tm {
namespace {

namespace fs = std::filesystem;

xliff::Document read_xliff(const std::string& text) {
  auto document = xliff::read(text, "t.xlf");
  REQUIRE_MESSAGE(document.ok(), (document.ok() ? "" : document.error().message));
  return *document;
}

const std::string kXliff12 =
    "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">"
    "<file original=\"a.md\" source-language=\"en\" target-language=\"ar\" datatype=\"plaintext\"><body>\n"
    "<trans-unit id=\"1\"><source>The <g id=\"1\">camp</g> <ph id=\"2\">&lt;br/&gt;</ph><mrk mtype=\"term\">MKO</mrk>"
    "<bpt id=\"3\">&lt;a&gt;</bpt>x<ept id=\"3\">&lt;/a&gt;</ept></source>"
    "<target state=\"translated\"><bpt id=\"3\">&lt;a&gt;</bpt>س<ept id=\"3\">&lt;/a&gt;</ept> <g id=\"1\">المخيم</g><ph id=\"2\">&lt;br/&gt;</ph></target>"
    "<note>from the desk</note></trans-unit>\n"
    "<trans-unit id=\"2\"><source>Untranslated.</source></trans-unit>\n"
    "<trans-unit id=\"3\"><source>New.</source><target state=\"new\">New.</target></trans-unit>\n"
    "<trans-unit id=\"4\"><source>Blank.</source><target state=\"translated\"> </target></trans-unit>\n"
    "<trans-unit id=\"5\"><source>Review.</source><target state=\"needs-review-translation\">مراجعة.</target></trans-unit>\n"
    "</body></file></xliff>";

}  // namespace

TEST_CASE("translated segments become units; codes become TMX codes numbered alike in both variants") {
  const auto units = units_of_xliff(read_xliff(kXliff12));
  CHECK(units.untranslated == 3);
  REQUIRE(units.units.size() == 2);
  const tmx::Unit& unit = units.units[0];
  REQUIRE(unit.variants.size() == 2);
  CHECK(unit.variants[0].lang == "en");
  CHECK(unit.variants[0].content ==
        "The <bpt i=\"1\"/>camp<ept i=\"1\"/> <ph x=\"2\">&lt;br/&gt;</ph>MKO<bpt i=\"3\">&lt;a&gt;</bpt>x<ept i=\"3\">&lt;/a&gt;</ept>");
  CHECK(unit.variants[0].text == "The camp MKOx");
  CHECK(unit.variants[1].lang == "ar");
  CHECK(unit.variants[1].content ==
        "<bpt i=\"3\">&lt;a&gt;</bpt>س<ept i=\"3\">&lt;/a&gt;</ept> <bpt i=\"1\"/>المخيم<ept i=\"1\"/><ph x=\"2\">&lt;br/&gt;</ph>");
  CHECK(unit.notes == std::vector<tmx::Note>{{{}, "from the desk"}});
  CHECK(unit.line == 2);
  CHECK(units.units[1].variants[1].text == "مراجعة.");
}

TEST_CASE("a code whose partner is in another segment becomes an <it>") {
  const auto document = read_xliff(
      "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"fa\"><file id=\"f\">"
      "<unit id=\"u\"><originalData><data id=\"d1\">&lt;b&gt;</data></originalData>"
      "<segment><source>a <sc id=\"1\" dataRef=\"d1\"/>b</source><target>الف <sc id=\"1\" dataRef=\"d1\"/>ب</target></segment>"
      "<segment><source>c<ec startRef=\"1\"/></source><target>ج<ec startRef=\"1\"/></target></segment></unit></file></xliff>");
  const auto units = units_of_xliff(document);
  REQUIRE(units.units.size() == 2);
  CHECK(units.units[0].variants[0].content == "a <it pos=\"begin\" x=\"1\">&lt;b&gt;</it>b");
  CHECK(units.units[1].variants[1].content == "ج<it pos=\"end\" x=\"1\"/>");
}

TEST_CASE("an XLIFF file goes into the memory through tm/ like a TMX file, its codes kept") {
  const auto root = test::fresh_folder("xliff-import");
  const fs::path file = root / "in.xlf";
  REQUIRE(write_file_atomically(file, kXliff12).ok());
  WorkspaceConfig config;
  config.editions.push_back({"ar"});
  auto memory = Memory::open(root, config);
  REQUIRE(memory.ok());
  const auto report = memory->import_file(file);
  REQUIRE_MESSAGE(report.ok(), (report.ok() ? "" : report.error().message));
  CHECK(report->read == 2);
  CHECK(report->added == 2);
  CHECK(report->untranslated == 3);
  const auto text = read_file(root / "tm" / "ar.tmx");
  REQUIRE(text.ok());
  CHECK(text->find("<seg><bpt i=\"3\">&lt;a&gt;</bpt>س<ept i=\"3\">&lt;/a&gt;</ept> <bpt i=\"1\"/>المخيم<ept i=\"1\"/>") !=
        std::string::npos);
  // The same file again changes nothing; tm rebuild gives the same memory.
  const auto again = memory->import_file(file);
  REQUIRE(again.ok());
  CHECK(again->merged == 2);
  CHECK(*read_file(root / "tm" / "ar.tmx") == *text);
  const auto rebuilt = memory->rebuild();
  REQUIRE(rebuilt.ok());
  CHECK(*rebuilt == 2);
}

TEST_CASE("an XLIFF file without a target language is refused, and nothing is added") {
  const auto root = test::fresh_folder("xliff-no-target");
  const fs::path file = root / "in.xlf";
  REQUIRE(write_file_atomically(file, "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\">"
                                      "<file id=\"f\"><unit id=\"u\"><segment><source>a</source><target>b</target>"
                                      "</segment></unit></file></xliff>")
              .ok());
  auto memory = Memory::open(root, WorkspaceConfig{});
  REQUIRE(memory.ok());
  const auto report = memory->import_file(file);
  REQUIRE_FALSE(report.ok());
  CHECK(report.error().message == file.string() + ": the file names no target language (target-language on <file> in "
                                                  "XLIFF 1.2, trgLang on <xliff> in 2.0); add it, so the memory knows "
                                                  "the language of its translations");
  CHECK(*memory->unit_count() == 0);
}

}  // namespace edsync::tm
