#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "edsync/tmx.h"

using namespace edsync::tmx;

namespace {

Unit sample_unit() {
  Unit unit;
  unit.attributes = {{"tuid", "n-1"}, {"srclang", "en"}, {"creationdate", "2024-03-05T08:09:10Z"}};
  unit.notes = {{{{"xml:lang", "en"}}, "a \"note\" & more"}};
  unit.props = {{{{"type", "x-article"}}, "flood-2024"}};
  Variant en;
  en.lang = "en";
  en.content = "Water <ph x=\"1\">&lt;br/&gt;</ph>rose";
  Variant ar;
  ar.lang = "ar";
  ar.attributes = {{"changeid", "amal"}};
  ar.props = {{{{"type", "x-status"}}, "reviewed"}};
  ar.content = "ارتفع الماء";
  unit.variants = {en, ar};
  return unit;
}

std::string write(const Header& header, const std::vector<Unit>& units) {
  std::ostringstream out;
  Writer writer(out);
  REQUIRE(writer.write_header(header));
  for (const auto& unit : units) REQUIRE(writer.write(unit));
  REQUIRE(writer.finish());
  return out.str();
}

std::string write_error(const Unit& unit) {
  std::ostringstream out;
  Writer writer(out);
  REQUIRE(writer.write_header({}));
  auto status = writer.write(unit);
  return status ? std::string("(written)") : status.error().message;
}

}  // namespace

TEST_CASE("the writer's layout, byte for byte") {
  Header header;
  header.attributes = {{"srclang", "en"}, {"creationdate", "20240101T000000Z"}};
  header.notes = {{{}, "edsync sample"}};
  CHECK(write(header, {sample_unit()}) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<tmx version=\"1.4\">\n"
        "  <header creationtool=\"edsync\" creationtoolversion=\"" EDSYNC_VERSION "\" segtype=\"sentence\" "
        "o-tmf=\"edsync\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\" creationdate=\"20240101T000000Z\">\n"
        "    <note>edsync sample</note>\n"
        "  </header>\n"
        "  <body>\n"
        "    <tu tuid=\"n-1\" srclang=\"en\" creationdate=\"20240305T080910Z\">\n"
        "      <note xml:lang=\"en\">a \"note\" &amp; more</note>\n"
        "      <prop type=\"x-article\">flood-2024</prop>\n"
        "      <tuv xml:lang=\"en\">\n"
        "        <seg>Water <ph x=\"1\">&lt;br/&gt;</ph>rose</seg>\n"
        "      </tuv>\n"
        "      <tuv xml:lang=\"ar\" changeid=\"amal\">\n"
        "        <prop type=\"x-status\">reviewed</prop>\n"
        "        <seg>ارتفع الماء</seg>\n"
        "      </tuv>\n"
        "    </tu>\n"
        "  </body>\n"
        "</tmx>\n");
}

TEST_CASE("a header without attributes gets the full TMX 1.4b set") {
  const std::string out = write({}, {});
  CHECK(out ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"
        "  <header creationtool=\"edsync\" creationtoolversion=\"" EDSYNC_VERSION "\" segtype=\"sentence\" "
        "o-tmf=\"edsync\" adminlang=\"en\" srclang=\"*all*\" datatype=\"plaintext\"/>\n"
        "  <body>\n  </body>\n</tmx>\n");
  Header olifant;
  olifant.attributes = {{"o-tmf", "Olifant"}, {"creationtool", "Olifant"}, {"x-custom", "1"}};
  CHECK(write(olifant, {}).find("<header creationtool=\"Olifant\" creationtoolversion=\"" EDSYNC_VERSION
                                "\" segtype=\"sentence\" o-tmf=\"Olifant\" adminlang=\"en\" srclang=\"*all*\" "
                                "datatype=\"plaintext\" x-custom=\"1\"/>") != std::string::npos);
}

TEST_CASE("the header's <ude> is written after its notes and props, each <map> in order") {
  Header header;
  header.attributes = {{"datatype", "html"}};
  header.udes = {{{{"name", "MacRoman"}, {"base", "Macintosh"}}, {{{"unicode", "#xF8FF"}, {"code", "#xF0"}}}}};
  header.props = {{{{"type", "x-a"}}, "b"}};
  const std::string text = write(header, {});
  CHECK(text.find("datatype=\"html\">\n    <prop type=\"x-a\">b</prop>\n"
                  "    <ude name=\"MacRoman\" base=\"Macintosh\">\n      <map unicode=\"#xF8FF\" code=\"#xF0\"/>\n"
                  "    </ude>\n  </header>\n") != std::string::npos);
  auto reader = Reader::from_bytes(text, "w.tmx");
  REQUIRE(reader);
  CHECK(reader->header().udes == header.udes);
}

TEST_CASE("the same header and units give the same bytes") {
  Header header;
  header.attributes = {{"srclang", "en"}};
  const std::vector<Unit> units = {sample_unit(), sample_unit()};
  CHECK(write(header, units) == write(header, units));
}

TEST_CASE("escaping: markup characters, white space in attributes, CR in text") {
  Unit unit;
  unit.attributes = {{"x-a", "a\"b<c>&d\te\nf\rg'"}};
  unit.notes = {{{}, "1 < 2 & 3 > 2\r\nend"}};
  unit.variants = {{"en", {}, {}, {}, "x &amp; y", ""}};
  const std::string out = write({}, {unit});
  CHECK(out.find("<tu x-a=\"a&quot;b&lt;c&gt;&amp;d&#9;e&#10;f&#13;g'\">") != std::string::npos);
  CHECK(out.find("<note>1 &lt; 2 &amp; 3 &gt; 2&#13;\nend</note>") != std::string::npos);
  CHECK(out.find("<seg>x &amp; y</seg>") != std::string::npos);
}

TEST_CASE("characters XML cannot hold are dropped; bytes that are not UTF-8 become U+FFFD") {
  Unit unit;
  unit.attributes = {{"tuid", std::string("a\x01" "b\x1F" "c")}};
  unit.notes = {{{}, "x\xEF\xBF\xBEy\xEF\xBF\xBFz"}};                       // U+FFFE and U+FFFF dropped
  unit.props = {{{{"type", "t"}}, "lone \xED\xA0\x80 surrogate, bad \xC3 byte"}};  // each becomes U+FFFD
  unit.variants = {{"en", {}, {}, {}, std::string("tab\there\x0B\x0C&#1;<ph>\x02</ph>"), ""}};
  const std::string out = write({}, {unit});
  CHECK(out.find("<tu tuid=\"abc\">") != std::string::npos);
  CHECK(out.find("<note>xyz</note>") != std::string::npos);
  CHECK(out.find("<prop type=\"t\">lone \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD surrogate, bad \xEF\xBF\xBD byte</prop>") !=
        std::string::npos);
  CHECK(out.find("<seg>tab\there<ph/></seg>") != std::string::npos);
  // ... so the output always reads back.
  auto reader = Reader::from_bytes(out, "w.tmx");
  REQUIRE(reader);
  Unit back;
  auto more = reader->next(back);
  REQUIRE(more);
  CHECK(*more);
}

TEST_CASE("units the writer cannot express are errors naming the unit") {
  Unit broken = sample_unit();
  broken.variants[1].content = "a < b";
  CHECK(write_error(broken) ==
        "unit tuid=\"n-1\", <tuv xml:lang=\"ar\">: the segment content is not well-formed XML (a tag is "
        "not well formed); escape < and & in plain text");
  Unit bad_name = sample_unit();
  bad_name.attributes.push_back({"two words", "x"});
  CHECK(write_error(bad_name) == "unit tuid=\"n-1\": attribute name \"two words\" is not an XML name; rename or drop it");
  Unit empty;
  empty.line = 12;
  CHECK(write_error(empty) == "unit from line 12: the unit has no variant; a <tu> needs a <tuv>");
  Unit no_lang;
  no_lang.variants = {Variant{}};
  CHECK(write_error(no_lang) == "unit without tuid: a <tuv> has no language; set Variant::lang");
}

TEST_CASE("the writer's calls come in order") {
  std::ostringstream out;
  Writer writer(out);
  auto early = writer.write(sample_unit());
  REQUIRE_FALSE(early);
  CHECK(early.error().message == "write the TMX header before the units");
  REQUIRE(writer.write_header({}));
  auto twice = writer.write_header({});
  REQUIRE_FALSE(twice);
  CHECK(twice.error().message == "the TMX header is already written");
  REQUIRE(writer.finish());
  auto late = writer.write(sample_unit());
  REQUIRE_FALSE(late);
  CHECK(late.error().message == "the TMX output is already finished");
}

TEST_CASE("read(write(x)) gives x back: attributes, props, notes, inline codes, text") {
  Unit unit = sample_unit();
  unit.attributes[2].value = "20240305T080910Z";  // already in TMX form
  unit.variants[0].content =
      "<bpt i=\"1\" type=\"bold\">&lt;b&gt;</bpt>Water<ept i=\"1\">&lt;/b&gt;</ept> <ph x=\"1\">&lt;img "
      "alt=\"<sub>wave</sub>\"&gt;</ph><hi type=\"x\">rose</hi> <it pos=\"begin\">&lt;i&gt;</it><ut>{\\b}</ut>\n";
  unit.variants[0].text = "Water rose \n";
  unit.variants[1].text = unit.variants[1].content;
  const std::string out = write({}, {unit, unit});
  auto reader = Reader::from_bytes(out, "w.tmx");
  REQUIRE(reader);
  for (int i = 0; i < 2; ++i) {
    Unit back;
    auto more = reader->next(back);
    REQUIRE(more);
    REQUIRE(*more);
    CHECK(back == unit);
  }
  CHECK(reader->header().version == "1.4");
}
