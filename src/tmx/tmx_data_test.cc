// Every TMX file in ../shared/data/tmx/ reads with its expected unit count,
// or is refused with its exact error; and every file that reads survives a
// write and a second read unchanged.
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "edsync/tmx.h"
#include "shared_data.h"

using namespace edsync::tmx;

namespace {

struct Expected {
  const char* path;  // under tmx/
  int units;
  std::size_t most_variants;  // the largest number of <tuv> in one <tu>
  const char* error;          // the one error reading reports, or ""
};

// Counts and languages as the collection manifest lists them.
const std::vector<Expected> kFiles = {
    {"maxprograms/TMXEditor_HTML.tmx", 224, 2, ""},
    {"maxprograms/tmxvalidator_es.tmx", 35, 2, ""},
    {"okapi/Paragraph_TM.tmx", 7, 2, ""},
    {"okapi/alignfactory-issue277.tmx", 2, 2, ""},
    {"okapi/header_with_prop_and_note.tmx", 1, 2, ""},
    {"okapi/html_test.tmx", 11, 2, ""},
    {"okapi/lds-workbench-smallParagraph.tmx", 2, 2, ""},
    {"okapi/olifant-attributes.tmx", 9, 2, ""},
    {"okapi/olifant-windows-1252.tmx", 9, 2, ""},
    {"okapi/omegat-2.0.4-mytm.tmx", 25, 2, ""},
    {"okapi/sampleTMX2.tmx", 2, 3, ""},
    {"okapi/sdlxliff2tmx-okapi-confusion.tmx", 1, 1, ""},
    {"okapi/trados-wb8-test01.tmx", 4, 2, ""},
    {"omegat/ExportTest2A.tmx", 6, 2, ""},
    {"omegat/ImportTest1A.tmx", 2, 2, ""},
    {"omegat/ImportTest1B.tmx", 1, 2, ""},
    {"omegat/ImportTest1C.tmx", 3, 5, ""},
    {"omegat/ImportTest1G.tmx", 3, 2, ""},
    {"omegat/ImportTest1H.tmx", 3, 2, ""},
    {"omegat/ImportTest1L.tmx", 1, 3, ""},
    {"omegat/ImportTest2A.tmx", 7, 2, ""},
    {"omegat/ImportTest2C.tmx", 1, 3, ""},
    {"omegat/empty.tmx", 0, 0, ""},
    {"omegat/en-US_en-GB_fr_sr.tmx", 1, 4, ""},
    {"omegat/invalid.tmx", 0, 0,
     "invalid.tmx:12:6: <ept i=\"1\"> has no <bpt i=\"1\"> before it; pair it or make it an <it pos=\"end\">"},
    {"omegat/project_save.tmx", 5, 2, ""},
    {"omegat/test-SMP.tmx", 1, 2, ""},
    {"omegat/test-level2.tmx", 4, 2, ""},
    {"omegat/test-match-stat-en-ca.tmx", 259, 2, ""},
    {"omegat/test-missingSource.tmx", 4, 3, ""},
    {"omegat/test-multiple-tuv.tmx", 3, 8, ""},
    {"omegat/test-omegat-invalid.tmx", 4, 3, ""},
    {"omegat/test-omegat.tmx", 4, 3, ""},
};

std::filesystem::path tmx_dir() { return *edsync::test::shared_data_dir() / "tmx"; }

struct Read {
  Header header;
  std::vector<Unit> units;
  std::vector<std::string> errors;
};

Read read_all(edsync::Result<Reader> reader) {
  Read out;
  if (!reader) {
    out.errors.push_back(reader.error().message);
    return out;
  }
  out.header = reader->header();
  Unit unit;
  while (true) {
    auto more = reader->next(unit);
    if (!more) {
      out.errors.push_back(more.error().message);
      continue;
    }
    if (!*more) break;
    out.units.push_back(unit);
  }
  return out;
}

// The error with the folder part of the path taken off, as the table writes it.
std::string without_folder(const std::string& message) {
  const auto dir = tmx_dir().string();
  std::string out = message;
  const auto at = out.find(dir);
  if (at != std::string::npos) out.erase(at, dir.size() + 1);
  const auto slash = out.find('/');
  if (slash != std::string::npos && slash < out.find(':')) out.erase(0, slash + 1);
  return out;
}

}  // namespace

TEST_CASE("every shared TMX file reads, or is refused with its exact error") {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(tmx_dir())) {
    if (entry.path().extension() == ".tmx") ++files;
  }
  CHECK(files == kFiles.size());
  for (const auto& expected : kFiles) {
    CAPTURE(expected.path);
    const Read result = read_all(Reader::open(tmx_dir() / expected.path));
    CHECK(static_cast<int>(result.units.size()) == expected.units);
    std::size_t most = 0;
    for (const auto& unit : result.units) most = std::max(most, unit.variants.size());
    CHECK(most == expected.most_variants);
    if (*expected.error) {
      REQUIRE(result.errors.size() == 1);
      CHECK(without_folder(result.errors[0]) == expected.error);
    } else {
      CHECK(result.errors.empty());
      CHECK_FALSE(result.header.version.empty());
    }
  }
}

TEST_CASE("details the files are known for") {
  const Read omegat = read_all(Reader::open(tmx_dir() / "omegat/test-omegat.tmx"));
  REQUIRE(omegat.units.size() == 4);
  CHECK(omegat.header.version == "1.1");
  CHECK(omegat.units[0].variants[0].lang == "en");  // TMX 1.1 lang=
  CHECK(omegat.units[0].variants[0].attributes.empty());

  // The same memory in windows-1252 and in UTF-8 with a BOM reads the same.
  const Read cp1252 = read_all(Reader::open(tmx_dir() / "okapi/olifant-windows-1252.tmx"));
  const Read utf8 = read_all(Reader::open(tmx_dir() / "okapi/olifant-attributes.tmx"));
  CHECK(cp1252.units == utf8.units);
  CHECK(cp1252.units.at(0).variants.at(1).text == "Test charact\u00e8res: &=amp, <=lt, '=apos, \"=quot");

  const Read ascii = read_all(Reader::open(tmx_dir() / "omegat/ImportTest1H.tmx"));
  CHECK(ascii.units.at(1).variants.at(0).text == "\u00ff=U+00FF, \u2122=U+2122, \u2019=U+2019");

  const Read kit = read_all(Reader::open(tmx_dir() / "omegat/ImportTest1L.tmx"));
  REQUIRE(kit.units.size() == 1);
  CHECK(kit.header.notes.size() == 2);
  CHECK(kit.header.props.size() == 1);
  REQUIRE(kit.header.udes.size() == 1);
  CHECK(kit.header.udes[0].maps == std::vector<std::vector<Attribute>>{
                                       {{"unicode", "#xF8FF"}, {"code", "#xF0"}, {"ent", "AppleLogo"}, {"subst", "[Apple]"}}});
  CHECK(kit.units[0].notes.size() == 2);
  CHECK(kit.units[0].variants.at(1).props.size() == 2);
  CHECK(kit.units[0].variants.at(1).notes.at(0).attributes ==
        std::vector<Attribute>{{"o-encoding", "iso-8859-1"}, {"xml:lang", "en-us"}});

  const Read nested = read_all(Reader::open(tmx_dir() / "omegat/ImportTest2C.tmx"));
  CHECK(nested.units.at(0).variants.at(0).text == "Click  to start.");
  CHECK(nested.units.at(0).variants.at(0).content.find("ALT=\"<sub>Start Here!</sub>\"") != std::string::npos);
}

TEST_CASE("read(write(x)) keeps every unit of every shared file that reads cleanly") {
  int files = 0;
  for (const auto& expected : kFiles) {
    if (*expected.error) continue;
    CAPTURE(expected.path);
    const Read first = read_all(Reader::open(tmx_dir() / expected.path));
    REQUIRE(first.errors.empty());
    std::ostringstream out;
    Writer writer(out);
    REQUIRE(writer.write_header(first.header));
    for (const auto& unit : first.units) REQUIRE(writer.write(unit));
    REQUIRE(writer.finish());
    const Read second = read_all(Reader::from_bytes(out.str(), "written.tmx"));
    CHECK(second.errors.empty());
    REQUIRE(second.units.size() == first.units.size());
    for (std::size_t i = 0; i < first.units.size(); ++i) {
      CAPTURE(i);
      CHECK(second.units[i] == first.units[i]);
    }
    CHECK(second.header.props == first.header.props);
    CHECK(second.header.notes == first.header.notes);
    CHECK(second.header.udes == first.header.udes);
    for (const auto& attribute : first.header.attributes) {
      CHECK(edsync::tmx::attribute(second.header.attributes, attribute.name) == attribute.value);
    }
    // Writing what was read back gives the same bytes again.
    std::ostringstream again;
    Writer rewriter(again);
    REQUIRE(rewriter.write_header(second.header));
    for (const auto& unit : second.units) REQUIRE(rewriter.write(unit));
    REQUIRE(rewriter.finish());
    CHECK(again.str() == out.str());
    ++files;
  }
  CHECK(files == 32);
}
