// Every XLIFF sample in ../shared/data/xliff/: read with its segment count,
// and the translated ones the memory would take, counted independently with
// xmllint --xpath (count(//segment) for 2.0, count(//trans-unit) for 1.2,
// targets not empty and not state="initial"); or refused with the exact
// message where the sample is broken on purpose.
#include <doctest/doctest.h>

#include <map>

#include "edsync/xliff.h"
#include "shared_data.h"

namespace edsync::xliff {
namespace {

namespace fs = std::filesystem;

struct Expected {
  std::size_t units = 0;
  std::size_t translated = 0;
  std::string error;  // for a sample broken on purpose
};

const std::map<std::string, Expected> kSamples = {
    {"1.2/okapi-htmltest.html.xlf", {8, 8, ""}},
    {"1.2/okapi-alttrans.xlf", {1, 0, ""}},
    {"1.2/okapi-segmented.xlf",
     {0, 0,
      "1.2/okapi-segmented.xlf:2:1: <xliff> declares no namespace; XLIFF 1.2 is in "
      "xmlns=\"urn:oasis:names:tc:xliff:document:1.2\", 2.0 in xmlns=\"urn:oasis:names:tc:xliff:document:2.0\""}},
    // A raw U+0003 in a note (line 8) comes before the &#x03; reference (line 10).
    {"1.2/okapi-invalid_xml_entity.xlf",
     {0, 0, "1.2/okapi-invalid_xml_entity.xlf:8:29: character U+0003 is not allowed in XML; remove it"}},
    {"2.0/okapi-lib-xliff2-example.xlf", {6, 0, ""}},
    {"2.0/okapi-xliff2-test01.xlf", {5, 2, ""}},
    {"2.0/okapi-comprehensive_data_input.xlf", {5, 4, ""}},
    {"2.0/okapi-Project_Playground_09-11-2020.xlf2", {1, 0, ""}},
    {"2.0/okapi-invalid-bad_DataIdNotUnique.xlf",
     {0, 0,
      "2.0/okapi-invalid-bad_DataIdNotUnique.xlf:7:5: <data id=\"d1twice\"> repeats an id of this unit's "
      "<originalData>; give each <data> its own id"}},
};

fs::path samples() { return *edsync::test::shared_data_dir() / "xliff"; }

}  // namespace

TEST_CASE("every shared XLIFF sample is known to this test") {
  std::size_t found = 0;
  for (const auto& entry : fs::recursive_directory_iterator(samples())) {
    if (!entry.is_regular_file()) continue;
    const std::string name = fs::relative(entry.path(), samples()).generic_string();
    CAPTURE(name);
    CHECK(kSamples.contains(name));
    ++found;
  }
  CHECK(found == kSamples.size());
}

TEST_CASE("each sample reads with its unit count, or is refused exactly") {
  for (const auto& sample : kSamples) {
    const std::string& name = sample.first;  // a plain reference: clang 14's CAPTURE cannot take a structured binding
    const Expected& expected = sample.second;
    CAPTURE(name);
    const auto document = read_file(samples() / name, name);
    if (!expected.error.empty()) {
      REQUIRE_FALSE(document.ok());
      CHECK(document.error().message == expected.error);
      continue;
    }
    REQUIRE_MESSAGE(document.ok(), (document.ok() ? "" : document.error().message));
    const auto units = document->units();
    CHECK(units.size() == expected.units);
    std::size_t translated = 0;
    for (const Unit* unit : units) translated += has_translation(*unit) ? 1 : 0;
    CHECK(translated == expected.translated);
  }
}

TEST_CASE("what the samples say comes through: languages, codes, candidates, states") {
  const auto html = read_file(samples() / "1.2/okapi-htmltest.html.xlf", "h.xlf");
  REQUIRE(html.ok());
  CHECK(html->source_lang == "en");
  CHECK(html->target_lang == "fr");
  CHECK(plain_text(html->units()[1]->source) == "Text in bold.");
  const auto alt = read_file(samples() / "1.2/okapi-alttrans.xlf", "a.xlf");
  REQUIRE(alt.ok());
  REQUIRE(alt->units()[0]->candidates.size() == 3);
  CHECK(plain_text(alt->units()[0]->candidates[1].target) == "target3");
  CHECK(alt->units()[0]->candidates[1].type == "accepted");
  const auto data = read_file(samples() / "2.0/okapi-comprehensive_data_input.xlf", "c.xlf");
  REQUIRE(data.ok());
  const Unit& first = *data->units()[0];
  CHECK(first.state == State::reviewed);
  CHECK(plain_text(*first.target) == "Certaines sources informations.");
  REQUIRE(first.source.size() == 5);
  CHECK(first.source[1].code->data == "<b>");
  CHECK(first.source[3].code->data == "</b>");
}

// Whatever reads also writes, in both versions, and reads back the same.
TEST_CASE("each sample that reads is written and read back unchanged") {
  for (const auto& sample : kSamples) {
    const std::string& name = sample.first;  // a plain reference: clang 14's CAPTURE cannot take a structured binding
    const Expected& expected = sample.second;
    if (!expected.error.empty()) continue;
    CAPTURE(name);
    const auto document = read_file(samples() / name, name);
    REQUIRE(document.ok());
    const auto text = write(*document, document->version);
    REQUIRE_MESSAGE(text.ok(), (text.ok() ? "" : text.error().message));
    const auto again = read(*text, name);
    REQUIRE_MESSAGE(again.ok(), (again.ok() ? "" : again.error().message));
    CHECK(again->units().size() == document->units().size());
    for (std::size_t i = 0; i < again->units().size(); ++i) {
      Unit original = *document->units()[i];
      // A segment without an id among several gets one from its place.
      if (original.segment_id.empty()) original.segment_id = again->units()[i]->segment_id;
      CHECK(*again->units()[i] == original);
    }
  }
}

}  // namespace edsync::xliff
