#include <doctest/doctest.h>
#include <unicode/unistr.h>

#include "edsync/xliff.h"

using namespace edsync::xliff;

namespace {

// The document, or the error message.
struct Read {
  std::optional<Document> document;
  std::string error;
};

Read read_text(const std::string& text, const ReadOptions& options = {}) {
  auto read = edsync::xliff::read(text, "t.xlf", options);
  if (!read) return {std::nullopt, read.error().message};
  return {*read, ""};
}

std::string error_of(const std::string& text) {
  const auto read = read_text(text);
  return read.document ? "(read)" : read.error;
}

std::string xliff12(const std::string& body, const std::string& root_extra = "") {
  return "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"" + root_extra +
         ">\n<file original=\"a.md\" source-language=\"en\" target-language=\"ar\" datatype=\"plaintext\"><body>\n" + body +
         "\n</body></file></xliff>\n";
}

std::string xliff20(const std::string& body) {
  return "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" "
         "xmlns:mtc=\"urn:oasis:names:tc:xliff:matches:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"fa\">\n"
         "<file id=\"f1\">\n" + body + "\n</file></xliff>\n";
}

// Codes as "[kind element id data]" and text as is, for readable checks.
std::string shown(const Content& content) {
  std::string out;
  for (const auto& part : content) {
    if (!part.code) {
      out += part.text;
      continue;
    }
    const char* kind = part.code->kind == CodeKind::standalone ? "*" : part.code->kind == CodeKind::opening ? "+" : "-";
    out += std::string("[") + kind + part.code->element + " " + part.code->id + (part.code->data.empty() ? "" : " " + part.code->data) + "]";
  }
  return out;
}

std::string utf16le(const std::string& utf8) {
  const auto text = icu::UnicodeString::fromUTF8(utf8);
  std::string out;
  for (int32_t i = 0; i < text.length(); ++i) {
    const char16_t unit = text.charAt(i);
    out += static_cast<char>(unit & 0xFF);
    out += static_cast<char>(unit >> 8);
  }
  return out;
}

}  // namespace

TEST_CASE("XLIFF 1.2: units, groups, states, notes, candidates and every code") {
  const auto read = read_text(xliff12(
      "<group id=\"p1\"><note>paragraph one</note>\n"
      "<trans-unit id=\"u1\"><source>Hello <g id=\"1\">bold</g> <x id=\"2\"/> <ph id=\"3\">&lt;br/&gt;</ph>"
      "<bpt id=\"4\">&lt;a&gt;</bpt>link<ept id=\"4\">&lt;/a&gt;</ept> <bx id=\"5\"/>x<ex id=\"5\"/>"
      "<it id=\"6\" pos=\"open\">&lt;i&gt;</it><mrk mtype=\"term\">term</mrk></source>"
      "<target state=\"translated\" state-qualifier=\"exact-match\">مرحبا</target>"
      "<alt-trans match-quality=\"87\" origin=\"tm\"><source>Hallo</source><target>سلام</target></alt-trans>"
      "<note from=\"editor\" priority=\"2\">check the name</note></trans-unit>\n"
      "<trans-unit id=\"u2\" translate=\"no\"><source>Camp Ashraf</source><target state=\"needs-l10n\">x</target></trans-unit>"
      "</group>\n<trans-unit id=\"u3\"><source>Loose</source></trans-unit>"));
  REQUIRE(read.error == "");
  const Document& document = *read.document;
  CHECK(document.version == Version::v1_2);
  CHECK(document.source_lang == "en");
  CHECK(document.target_lang == "ar");
  REQUIRE(document.files.size() == 1);
  const File& file = document.files[0];
  CHECK(file.original == "a.md");
  REQUIRE(file.groups.size() == 2);
  CHECK(file.groups[0].id == "p1");
  CHECK(file.groups[0].notes == std::vector<Note>{{"paragraph one", "", "", "", 0}});
  CHECK(file.groups[1].id == "");
  const Unit& u1 = file.groups[0].units.at(0);
  CHECK(shown(u1.source) ==
        "Hello [+g 1]bold[-g 1] [*x 2] [*ph 3 <br/>][+bpt 4 <a>]link[-ept 4 </a>] [+bx 5]x[-ex 5][+it 6 <i>][+mrk ]term[-mrk ]");
  CHECK(plain_text(u1.source) == "Hello bold  link xterm");
  CHECK(u1.source.at(15).code->isolated);
  CHECK(u1.source.at(16).code->attributes == std::vector<Attribute>{{"mtype", "term"}});
  CHECK(shown(*u1.target) == "مرحبا");
  CHECK(u1.state == State::translated);
  CHECK(u1.state_raw == "");
  CHECK(u1.state_qualifier == "exact-match");
  REQUIRE(u1.candidates.size() == 1);
  CHECK(u1.candidates[0].match_quality == "87");
  CHECK(u1.candidates[0].origin == "tm");
  CHECK(plain_text(u1.candidates[0].target) == "سلام");
  CHECK(u1.notes == std::vector<Note>{{"check the name", "editor", "", "", 2}});
  CHECK(u1.line == 5);
  const Unit& u2 = file.groups[0].units.at(1);
  CHECK_FALSE(u2.translate);
  CHECK(u2.state == State::needs_translation);
  CHECK(u2.state_raw == "needs-l10n");
  CHECK_FALSE(file.groups[1].units.at(0).target.has_value());
}

TEST_CASE("XLIFF 1.2 segmented and .sdlxliff: one unit per <mrk mtype=\"seg\">, Trados states per segment") {
  const std::string sdl = " xmlns:sdl=\"http://sdl.com/FileTypes/SdlXliff/1.0\"";
  const auto read = read_text(xliff12(
      "<trans-unit id=\"t1\"><source>One. Two.</source>"
      "<seg-source><g id=\"9\"><mrk mtype=\"seg\" mid=\"1\">One.</mrk></g> <mrk mtype=\"seg\" mid=\"2\">Two.</mrk></seg-source>"
      "<target><g id=\"9\"><mrk mtype=\"seg\" mid=\"1\">Yek.</mrk></g> <mrk mtype=\"seg\" mid=\"2\">Do.</mrk></target>"
      "<sdl:seg-defs><sdl:seg id=\"1\" conf=\"Translated\"/><sdl:seg id=\"2\" conf=\"Draft\"/></sdl:seg-defs>"
      "</trans-unit>", sdl));
  REQUIRE(read.error == "");
  CHECK(read.document->sdlxliff);
  const auto units = read.document->units();
  REQUIRE(units.size() == 2);
  CHECK(units[0]->id == "t1");
  CHECK(units[0]->segment_id == "1");
  CHECK(plain_text(units[0]->source) == "One.");
  CHECK(plain_text(*units[0]->target) == "Yek.");
  CHECK(units[0]->state == State::translated);
  CHECK(units[0]->state_raw == "Translated");
  CHECK(units[1]->segment_id == "2");
  CHECK(plain_text(*units[1]->target) == "Do.");
  CHECK(units[1]->state == State::needs_review);
}

TEST_CASE("XLIFF 2.0: segments, originalData, candidates, notes, codes") {
  const auto read = read_text(xliff20(
      "<group id=\"p1\"><notes><note category=\"context\">para</note></notes>\n"
      "<unit id=\"u1\" translate=\"no\"><mtc:matches><mtc:match ref=\"#s2\" matchQuality=\"91\" origin=\"tm\" type=\"tm\">"
      "<source>Two</source><target>دو</target></mtc:match></mtc:matches>"
      "<notes><note appliesTo=\"source\" priority=\"1\">n</note></notes>"
      "<originalData><data id=\"d1\">&lt;b&gt;</data><data id=\"d2\">&lt;/b&gt;</data><data id=\"d3\">&lt;br/&gt;</data></originalData>"
      "<segment id=\"s1\" state=\"final\"><source><pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d2\">One</pc><ph id=\"2\" dataRef=\"d3\"/>"
      "<sc id=\"3\"/></source><target><sc id=\"3\"/>یک</target></segment>"
      "<ignorable><source> </source></ignorable>"
      "<segment id=\"s2\" subState=\"my:x\"><source><ec startRef=\"3\"/><sm id=\"m\"/>Two<em startRef=\"m\"/><cp hex=\"0001\"/></source>"
      "<target><ec startRef=\"3\"/></target></segment>"
      "</unit></group>"));
  REQUIRE(read.error == "");
  const auto units = read.document->units();
  REQUIRE(units.size() == 2);
  const Unit& s1 = *units[0];
  CHECK(s1.id == "u1");
  CHECK(s1.segment_id == "s1");
  CHECK_FALSE(s1.translate);
  CHECK(s1.state == State::final_state);
  CHECK(shown(s1.source) == "[+pc 1 <b>]One[-pc 1 </b>][*ph 2 <br/>][+sc 3]");
  CHECK(shown(*s1.target) == "[+sc 3]یک");
  CHECK(s1.notes == std::vector<Note>{{"n", "", "", "source", 1}});
  const Unit& s2 = *units[1];
  CHECK(s2.state == State::unspecified);
  CHECK(s2.sub_state == "my:x");
  CHECK(shown(s2.source) == "[-ec 3][+sm m]Two[-em m][*cp ]");
  REQUIRE(s2.candidates.size() == 1);
  CHECK(s2.candidates[0].match_quality == "91");
  CHECK(s2.candidates[0].type == "tm");
  CHECK(read.document->files[0].groups[0].notes == std::vector<Note>{{"para", "", "context", "", 0}});
}

TEST_CASE("what is not XLIFF, or not XLIFF edsync reads, is refused where it is wrong") {
  CHECK(error_of("") == "t.xlf:1:1: the file is empty; an XLIFF file starts with <?xml ...?> and holds <xliff>");
  CHECK(error_of("hello") == "t.xlf:1:1: this is not XML: text where the <xliff> element should start; is it an XLIFF file?");
  CHECK(error_of("<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file></xliff>") ==
        "t.xlf:2:7: this is not well-formed XML: an end tag does not match the element it closes");
  CHECK(error_of("<tmx version=\"1.4\"/>") == "t.xlf:1:1: the root element is <tmx>, not <xliff>; this is not an XLIFF file");
  CHECK(error_of("<xliff version=\"1.2\"/>") ==
        "t.xlf:1:1: <xliff> declares no namespace; XLIFF 1.2 is in xmlns=\"urn:oasis:names:tc:xliff:document:1.2\", "
        "2.0 in xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"");
  CHECK(error_of("<xliff version=\"1.1\" xmlns=\"urn:oasis:names:tc:xliff:document:1.1\"/>") ==
        "t.xlf:1:1: <xliff> is in the namespace \"urn:oasis:names:tc:xliff:document:1.1\", which is not XLIFF 1.2's "
        "(urn:oasis:names:tc:xliff:document:1.2) or 2.0's (urn:oasis:names:tc:xliff:document:2.0)");
  CHECK(error_of("<xliff version=\"3.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"en\"/>") ==
        "t.xlf:1:1: version=\"3.0\" is not a version edsync reads in the namespace urn:oasis:names:tc:xliff:document:2.0 "
        "(it reads 2.0 and 2.1)");
  CHECK(error_of("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"en\"/>") ==
        "t.xlf:1:1: <xliff> has no version; add version=\"2.0\"");
}

TEST_CASE("missing required attributes and elements are named") {
  CHECK(error_of(xliff12("<trans-unit><source>a</source></trans-unit>")) == "t.xlf:4:1: <trans-unit> has no id; add it");
  CHECK(error_of(xliff12("<trans-unit id=\"a\"></trans-unit>")) == "t.xlf:4:1: <trans-unit id=\"a\"> has no <source>; add it");
  CHECK(error_of("<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file original=\"a\"><body/></file></xliff>") ==
        "t.xlf:1:68: <file> has no source-language; add it");
  CHECK(error_of("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\"/>") ==
        "t.xlf:1:1: <xliff> has no srcLang; add it; it names the language of the sources");
  CHECK(error_of(xliff20("<unit id=\"u\"/>")) == "t.xlf:4:1: <unit id=\"u\"> has no <segment>; add one");
  CHECK(error_of(xliff20("<unit><segment><source/></segment></unit>")) == "t.xlf:4:1: <unit> has no id; add it");
  CHECK(error_of(xliff12("<trans-unit id=\"a\"><source>a</source><target state=\"done\">b</target></trans-unit>")) ==
        "t.xlf:4:38: state=\"done\" is not an XLIFF 1.2 state; write new, needs-translation, needs-review-translation, "
        "translated, signed-off, final or an x- value");
}

TEST_CASE("codes that are unbalanced or out of order are refused") {
  CHECK(error_of(xliff12("<trans-unit id=\"a\"><source>x<ept id=\"1\">&lt;/b&gt;</ept><bpt id=\"1\">&lt;b&gt;</bpt></source></trans-unit>")) ==
        "t.xlf:4:29: <ept id=\"1\"> has no <bpt id=\"1\"> before it; the codes are out of order or one is missing");
  CHECK(error_of(xliff12("<trans-unit id=\"a\"><source>x<bpt id=\"1\">&lt;b&gt;</bpt>y</source></trans-unit>")) ==
        "t.xlf:4:29: <bpt id=\"1\"> is not closed by an <ept id=\"1\"> after it; close it, or make it an <it pos=\"open\">");
  CHECK(error_of(xliff12("<trans-unit id=\"a\"><source><bx id=\"1\"/><bx id=\"1\"/></source></trans-unit>")) ==
        "t.xlf:4:40: <bx id=\"1\"> repeats the id of a code still open; give each pair its own id");
  CHECK(error_of(xliff12("<trans-unit id=\"a\"><source><b>x</b></source></trans-unit>")) ==
        "t.xlf:4:28: <b> cannot appear in <source>; inline content holds text and the version's inline codes only");
  CHECK(error_of(xliff20("<unit id=\"u\"><segment><source><ec startRef=\"1\"/><sc id=\"1\"/></source></segment></unit>")) ==
        "t.xlf:4:31: <ec startRef=\"1\"> has no <sc id=\"1\"> before it in this unit; the codes are out of order or one is missing");
  CHECK(error_of(xliff20("<unit id=\"u\"><segment><source><sc id=\"1\"/></source></segment></unit>")) ==
        "t.xlf:4:31: <sc id=\"1\"> is not closed by an <ec startRef=\"1\"> in this unit; close it, or mark it isolated=\"yes\"");
  CHECK(error_of(xliff20("<unit id=\"u\"><segment><source><ph id=\"1\" dataRef=\"d9\"/></source></segment></unit>")) ==
        "t.xlf:4:31: <ph dataRef=\"d9\"> names no <data> in the unit's <originalData>; add it");
  // Isolated codes need no partner.
  CHECK(error_of(xliff20("<unit id=\"u\"><segment><source><sc id=\"1\" isolated=\"yes\"/>x</source></segment></unit>")) == "(read)");
  CHECK(error_of(xliff12("<trans-unit id=\"a\"><source><it id=\"1\" pos=\"close\">&lt;/b&gt;</it>x</source></trans-unit>")) == "(read)");
}

TEST_CASE("entity declarations and characters XML cannot hold are refused; nothing is expanded") {
  const std::string bomb =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [\n  <!ENTITY lol \"lol\">\n  <!ENTITY lol2 \"&lol;&lol;&lol;\">\n]>\n"
      "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">&lol2;</xliff>";
  CHECK(error_of(bomb) == "t.xlf:3:3: the DOCTYPE declares an entity; edsync never expands entity declarations (they can "
                          "blow up to gigabytes): remove the internal subset [...] from the DOCTYPE");
  CHECK(error_of(xliff12("<trans-unit id=\"a\"><source>&nbsp;</source></trans-unit>")) ==
        "t.xlf:4:28: &nbsp; is not a predefined entity; edsync reads only &lt; &gt; &amp; &apos; &quot; and character "
        "references (edsync never expands declared entities)");
  CHECK(error_of(xliff12("<trans-unit id=\"a\"><source>&#x3;</source></trans-unit>")) ==
        "t.xlf:4:28: &#x3; refers to U+0003, which XML does not allow; remove it");
  CHECK(error_of(xliff12("<trans-unit id=\"a\"><source>\x01</source></trans-unit>")) ==
        "t.xlf:4:28: character U+0001 is not allowed in XML; remove it");
}

TEST_CASE("UTF-16 is decoded, with or without a byte order mark; bytes that do not decode are placed") {
  const std::string text = xliff12("<trans-unit id=\"a\"><source>Caf\u00e9</source></trans-unit>");
  for (const std::string& bytes : {"\xFF\xFE" + utf16le(text), utf16le(text)}) {
    const auto read = read_text(bytes);
    REQUIRE(read.error == "");
    CHECK(plain_text(read.document->units().at(0)->source) == "Caf\u00e9");
  }
  CHECK(error_of(xliff12("<trans-unit id=\"a\"><source>caf\xE9</source></trans-unit>")) ==
        "t.xlf:4:31: byte 0xE9 is not valid UTF-8 (the encoding the file is read in); fix the XML declaration or "
        "convert the file to UTF-8");
}

TEST_CASE("a unit that cannot be read is listed and left out when the caller asks") {
  std::vector<edsync::Diagnostic> invalid;
  const auto read = read_text(xliff12("<trans-unit id=\"a\"><source><bpt id=\"1\"/></source></trans-unit>\n"
                                      "<trans-unit id=\"b\"><source>good</source><target>خوب</target></trans-unit>"),
                              ReadOptions{&invalid});
  REQUIRE(read.error == "");
  REQUIRE(read.document->units().size() == 1);
  CHECK(read.document->units()[0]->id == "b");
  REQUIRE(invalid.size() == 1);
  CHECK(invalid[0].to_string() ==
        "t.xlf:4:28: <bpt id=\"1\"> is not closed by an <ept id=\"1\"> after it; close it, or make it an <it pos=\"open\">");
}

TEST_CASE("looks_like_xliff tells XLIFF from TMX by the root element") {
  CHECK(looks_like_xliff("<?xml version=\"1.0\"?>\n<!-- x --><xliff version=\"1.2\">"));
  CHECK(looks_like_xliff("<xlf:xliff>"));
  CHECK(looks_like_xliff(utf16le("<?xml version=\"1.0\"?><xliff>")));
  CHECK_FALSE(looks_like_xliff("<?xml version=\"1.0\"?><tmx version=\"1.4\">"));
  CHECK_FALSE(looks_like_xliff("not xml"));
}
