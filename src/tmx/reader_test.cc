#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "edsync/tmx.h"


using namespace edsync::tmx;

namespace {

std::string document(std::string_view body, std::string_view version = "1.4") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"" + std::string(version) +
         "\">\n<header creationtool=\"t\" srclang=\"en\"/>\n<body>\n" + std::string(body) + "</body>\n</tmx>\n";
}

// Every unit of `bytes`, or the first error's message as the only "unit" text.
struct Outcome {
  std::vector<Unit> units;
  std::vector<std::string> errors;
};

Outcome read_all(const std::string& bytes) {
  Outcome outcome;
  auto reader = Reader::from_bytes(bytes, "m.tmx");
  if (!reader) {
    outcome.errors.push_back(reader.error().message);
    return outcome;
  }
  Unit unit;
  for (int guard = 0; guard < 100; ++guard) {
    auto more = reader->next(unit);
    if (!more) {
      outcome.errors.push_back(more.error().message);
      continue;
    }
    if (!*more) break;
    outcome.units.push_back(unit);
  }
  return outcome;
}

std::string open_error(const std::string& bytes) {
  auto reader = Reader::from_bytes(bytes, "m.tmx");
  return reader ? std::string("(opened)") : reader.error().message;
}

}  // namespace

TEST_CASE("a TMX 1.4 unit: attributes, props, notes and variants as written") {
  const auto outcome = read_all(document(
      "<tu tuid=\"7\" srclang=\"en\" creationdate=\"20240101T120000Z\">\n"
      "  <note xml:lang=\"en\">checked</note>\n"
      "  <prop type=\"x-domain\">news</prop>\n"
      "  <tuv xml:lang=\"en\" creationid=\"amy\"><prop type=\"x-origin\">web</prop><seg>Hello world</seg></tuv>\n"
      "  <tuv xml:lang=\"ar\"><note>rtl</note><seg>مرحبا بالعالم</seg></tuv>\n"
      "</tu>\n"));
  REQUIRE(outcome.errors.empty());
  REQUIRE(outcome.units.size() == 1);
  const Unit& unit = outcome.units[0];
  CHECK(unit.attributes == std::vector<Attribute>{{"tuid", "7"}, {"srclang", "en"}, {"creationdate", "20240101T120000Z"}});
  CHECK(unit.notes == std::vector<Note>{{{{"xml:lang", "en"}}, "checked"}});
  CHECK(unit.props == std::vector<Prop>{{{{"type", "x-domain"}}, "news"}});
  REQUIRE(unit.variants.size() == 2);
  CHECK(unit.variants[0].lang == "en");
  CHECK(unit.variants[0].attributes == std::vector<Attribute>{{"creationid", "amy"}});
  CHECK(unit.variants[0].props == std::vector<Prop>{{{{"type", "x-origin"}}, "web"}});
  CHECK(unit.variants[0].content == "Hello world");
  CHECK(unit.variants[0].text == "Hello world");
  CHECK(unit.variants[1].lang == "ar");
  CHECK(unit.variants[1].notes == std::vector<Note>{{{}, "rtl"}});
  CHECK(unit.variants[1].text == "مرحبا بالعالم");
  CHECK(unit.line == 5);
  CHECK(unit.column == 1);
  CHECK(attribute(unit.attributes, "tuid") == "7");
  CHECK(attribute(unit.attributes, "usagecount") == "");
}

TEST_CASE("the header: version, attributes, props and notes") {
  auto reader = Reader::from_bytes(
      "<tmx version=\"1.4\"><header creationtool=\"X\" srclang=\"*all*\">"
      "<note>made by hand</note><prop type=\"x-a\">b</prop></header><body/></tmx>",
      "h.tmx");
  REQUIRE(reader);
  CHECK(reader->header().version == "1.4");
  CHECK(reader->header().attributes == std::vector<Attribute>{{"creationtool", "X"}, {"srclang", "*all*"}});
  CHECK(reader->header().notes == std::vector<Note>{{{}, "made by hand"}});
  CHECK(reader->header().props == std::vector<Prop>{{{{"type", "x-a"}}, "b"}});
  Unit unit;
  auto more = reader->next(unit);
  REQUIRE(more);
  CHECK_FALSE(*more);
}

TEST_CASE("the header's <ude> and its <map>s are kept") {
  auto reader = Reader::from_bytes(
      "<tmx version=\"1.4\"><header creationtool=\"X\"><ude name=\"MacRoman\" base=\"Macintosh\">"
      "<map unicode=\"#xF8FF\" code=\"#xF0\" ent=\"AppleLogo\" subst=\"[Apple]\"/><!-- c --><map unicode=\"#xE000\"/>"
      "</ude></header><body/></tmx>",
      "h.tmx");
  REQUIRE(reader);
  const std::vector<Ude> expected{{{{"name", "MacRoman"}, {"base", "Macintosh"}},
                                   {{{"unicode", "#xF8FF"}, {"code", "#xF0"}, {"ent", "AppleLogo"}, {"subst", "[Apple]"}},
                                    {{"unicode", "#xE000"}}}}};
  CHECK(reader->header().udes == expected);
  CHECK(open_error("<tmx version=\"1.4\"><header><ude name=\"a\"><prop type=\"x\"/></ude></header><body/></tmx>") ==
        "m.tmx:1:42: unexpected <prop> in <ude>; a <ude> holds only <map>");
}

TEST_CASE("a namespace declared on <tmx> or <header> is declared on each unit and header that uses it") {
  const std::string bytes =
      "<tmx version=\"1.4\" xmlns:okp=\"urn:okapi\" xmlns:unused=\"urn:u\">"
      "<header creationtool=\"X\" okp:tool=\"t\" xmlns:my=\"urn:mine\"/><body>"
      "<tu okp:id=\"1\"><tuv xml:lang=\"en\"><seg>a <my:b>c</my:b></seg></tuv></tu>"
      "<tu xmlns:okp=\"urn:own\" okp:id=\"2\"><tuv xml:lang=\"en\"><seg>d</seg></tuv></tu>"
      "<tu><tuv xml:lang=\"en\"><seg>e</seg></tuv></tu>"
      "</body></tmx>";
  auto reader = Reader::from_bytes(bytes, "ns.tmx");
  REQUIRE(reader);
  CHECK(reader->header().attributes ==
        std::vector<Attribute>{{"creationtool", "X"}, {"okp:tool", "t"}, {"xmlns:my", "urn:mine"}, {"xmlns:okp", "urn:okapi"}});
  const Outcome read = read_all(bytes);
  REQUIRE(read.units.size() == 3);
  CHECK(read.units[0].attributes ==
        std::vector<Attribute>{{"okp:id", "1"}, {"xmlns:okp", "urn:okapi"}, {"xmlns:my", "urn:mine"}});
  CHECK(read.units[1].attributes == std::vector<Attribute>{{"xmlns:okp", "urn:own"}, {"okp:id", "2"}});
  CHECK(read.units[2].attributes.empty());
}

TEST_CASE("TMX 1.1: lang on <tuv>, and a unit may mix it with xml:lang") {
  const auto outcome = read_all(document(
      "<tu><tuv lang=\"EN-US\"><seg>a</seg></tuv><tuv xml:lang=\"fr\"><seg>b</seg></tuv>"
      "<tuv lang=\"de\" xml:lang=\"de\"><seg>c</seg></tuv></tu>\n",
      "1.1"));
  REQUIRE(outcome.errors.empty());
  REQUIRE(outcome.units.size() == 1);
  CHECK(outcome.units[0].variants[0].lang == "EN-US");
  CHECK(outcome.units[0].variants[0].attributes.empty());
  CHECK(outcome.units[0].variants[1].lang == "fr");
  CHECK(outcome.units[0].variants[2].lang == "de");
}

TEST_CASE("inline codes stay in content and leave the readable text") {
  const auto outcome = read_all(document(
      "<tu><tuv xml:lang=\"en\"><seg><bpt i=\"1\" type=\"bold\">&lt;b&gt;</bpt>Bold<ept i=\"1\">&lt;/b&gt;</ept> and "
      "<ph x=\"2\">&lt;img alt=\"<sub>logo</sub>\"/&gt;</ph><it pos=\"begin\">&lt;i&gt;</it>"
      "<hi type=\"term\">term</hi><ut>{\\b}</ut><ph/>.</seg></tuv></tu>\n"));
  REQUIRE(outcome.errors.empty());
  const Variant& variant = outcome.units.at(0).variants.at(0);
  CHECK(variant.content ==
        "<bpt i=\"1\" type=\"bold\">&lt;b&gt;</bpt>Bold<ept i=\"1\">&lt;/b&gt;</ept> and "
        "<ph x=\"2\">&lt;img alt=\"<sub>logo</sub>\"/&gt;</ph><it pos=\"begin\">&lt;i&gt;</it>"
        "<hi type=\"term\">term</hi><ut>{\\b}</ut><ph/>.");
  CHECK(variant.text == "Bold and term.");
}

TEST_CASE("content is canonical: comments dropped, CDATA escaped, single quotes and empty elements normalised") {
  const auto outcome = read_all(document(
      "<tu><tuv xml:lang='en'><seg>a<!-- c --> <![CDATA[<x> & y]]> <ph x='1'></ph> &#x41;&apos;</seg></tuv></tu>\n"));
  REQUIRE(outcome.errors.empty());
  CHECK(outcome.units.at(0).variants.at(0).content == "a &lt;x&gt; &amp; y <ph x=\"1\"/> A'");
  CHECK(outcome.units.at(0).variants.at(0).text == "a <x> & y  A'");
}

TEST_CASE("white space inside <seg> is kept; CRLF becomes LF") {
  const auto outcome = read_all(document("<tu><tuv xml:lang=\"en\"><seg>  two\r\n lines </seg></tuv></tu>\n"));
  REQUIRE(outcome.errors.empty());
  CHECK(outcome.units.at(0).variants.at(0).content == "  two\n lines ");
}

TEST_CASE("comments and processing instructions between units are skipped") {
  const auto outcome = read_all(document(
      "<!-- first -->\n<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu><?pi x?>\n"
      "<tu><!-- </tu> --><tuv xml:lang=\"en\"><seg>b</seg></tuv></tu>\n"));
  REQUIRE(outcome.errors.empty());
  REQUIRE(outcome.units.size() == 2);
  CHECK(outcome.units[1].variants[0].content == "b");
}

TEST_CASE("a DOCTYPE without an internal subset is fine") {
  const auto outcome = read_all("<?xml version=\"1.0\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
                                "<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"en\"><seg>x</seg></tuv></tu></body></tmx>");
  CHECK(outcome.errors.empty());
  CHECK(outcome.units.size() == 1);
}

TEST_CASE("malformed units are errors with file:line:column, and reading goes on after them") {
  const auto outcome = read_all(document(
      "<tu><tuv xml:lang=\"en\"><seg>one</seg></tuv></tu>\n"
      "<tu><tuv xml:lang=\"en\"><seg>two</tuv></tu>\n"
      "<tu><tuv xml:lang=\"en\"><seg>three</seg></tuv>\n"
      "<tu><tuv><seg>four</seg></tuv></tu>\n"
      "<tu><tuv xml:lang=\"en\"></tuv></tu>\n"
      "<tu>\n  <note>n</note>\n</tu>\n"
      "<tu><tuv xml:lang=\"en\"><seg>a &nbsp; b</seg></tuv></tu>\n"
      "<tu><tuv xml:lang=\"en\"><seg>\x01</seg></tuv></tu>\n"
      "<tu><tuv xml:lang=\"en\"><seg>&#0;</seg></tuv></tu>\n"
      "<tu><tuv xml:lang=\"en\"><seg>AT&T</seg></tuv></tu>\n"
      "<tu><tuv xml:lang=\"en\"><seg><ept i=\"1\">x</ept></seg></tuv></tu>\n"
      "<tu><tuv xml:lang=\"en\"><seg><bpt i=\"1\">x</bpt><bpt i=\"1\">y</bpt></seg></tuv></tu>\n"
      "<tu><tuv xml:lang=\"en\"><seg><bpt i=\"2\">x</bpt></seg></tuv></tu>\n"
      "<tu><tuv xml:lang=\"en\"><seg>a</seg><seg>b</seg></tuv></tu>\n"
      "<tu><tuv xml:lang=\"en\" lang=\"fr\"><seg>a</seg></tuv></tu>\n"
      "<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv><foo/></tu>\n"
      "<tu>stray<tuv xml:lang=\"en\"><seg>a</seg></tuv></tu>\n"
      "<tu><prop type=\"a\"><b/></prop><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu>\n"
      "<tu tuid=\"x\"<tuv xml:lang=\"en\"><seg>a</seg></tuv></tu>\n"
      "<tu><tuv xml:lang=\"en\"><seg>last</seg></tuv></tu>\n"));
  REQUIRE(outcome.units.size() == 2);
  CHECK(outcome.units[0].variants[0].content == "one");
  CHECK(outcome.units[1].variants[0].content == "last");
  CHECK(outcome.units[1].line == 26);
  const std::vector<std::string> expected = {
      "m.tmx:6:32: <tu> is not well-formed XML: an end tag does not match the element it closes",
      "m.tmx:7:1: <tu> has no </tu> before the next <tu>; add </tu>",
      "m.tmx:8:5: <tuv> has no xml:lang (or lang in TMX 1.1); add the language of its segment",
      "m.tmx:9:5: <tuv> has no <seg>; add one or remove the <tuv>",
      "m.tmx:10:1: <tu> has no <tuv>; add one or remove the <tu>",
      "m.tmx:13:31: &nbsp; is not a predefined entity; edsync reads only &lt; &gt; &amp; &apos; &quot; and "
      "character references (edsync never expands declared entities)",
      "m.tmx:14:29: character U+0001 is not allowed in XML; remove it",
      "m.tmx:15:29: &#0; refers to U+0000, which XML does not allow; remove it",
      "m.tmx:16:31: \"&\" starts no entity or character reference; write &amp; for an ampersand",
      "m.tmx:17:29: <ept i=\"1\"> has no <bpt i=\"1\"> before it; pair it or make it an <it pos=\"end\">",
      "m.tmx:18:47: <bpt i=\"1\"> repeats the i of an earlier <bpt> in this segment; give each pair its own i",
      "m.tmx:19:29: <bpt i=\"2\"> has no <ept i=\"2\"> after it; close it or make it an <it pos=\"begin\">",
      "m.tmx:20:36: <tuv> has a second <seg>; keep one",
      "m.tmx:21:5: <tuv> has xml:lang=\"en\" and lang=\"fr\"; keep one",
      "m.tmx:22:42: unexpected <foo> in <tu>; a <tu> holds <note>, <prop> and <tuv>",
      "m.tmx:23:5: text \"stray\" directly inside <tu>; move it into a <seg>, <note> or <prop>",
      "m.tmx:24:20: <prop> contains <b>; it may hold text only",
      "m.tmx:25:1: the <tu> start tag is not closed with '>'; close it",
  };
  CHECK(outcome.errors == expected);
}

TEST_CASE("documents that are not TMX, or not whole, are refused with where and why") {
  CHECK(open_error("") == "m.tmx:1:1: the file is empty; a TMX file starts with <?xml ...?> and holds <tmx>");
  CHECK(open_error("PK\x03\x04 zip bytes") ==
        "m.tmx:1:1: this is not XML: text where the <tmx> element should start; is it a TMX file?");
  CHECK(open_error("<?xml version=\"1.0\"?>\n<!-- only a comment -->\n") ==
        "m.tmx:3:1: the file holds no element; a TMX file holds <tmx>");
  CHECK(open_error("<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"/>") ==
        "m.tmx:2:1: the root element is <xliff>, not <tmx>; this is not a TMX file");
  CHECK(open_error("<tmx version=\"1.4\">\n  <body/></tmx>") ==
        "m.tmx:2:3: expected <header> after <tmx>, found <body>; add a <header>");
  CHECK(open_error("<tmx version=\"1.4\"><header/>\n</tmx>") ==
        "m.tmx:2:1: expected <body> after <header>, found </tmx>; add a <body>");
  CHECK(open_error("<tmx version=\"1.4\"/>") == "m.tmx:1:1: <tmx> is empty; it needs a <header> and a <body>");
  CHECK(open_error("<tmx version=\"1.4\"><header creationtool=\"x\">") ==
        "m.tmx:1:20: <header> has no </header>; the file is truncated or not well formed");
  CHECK(open_error("<tmx version=\"1.4\"><header creationtool=\"x") ==
        "m.tmx:1:20: the file ends inside the <header> start tag; it is truncated");
  CHECK(open_error("<tmx version=\"1.4\"><header><note>a &ent; b</note></header><body/></tmx>") ==
        "m.tmx:1:36: &ent; is not a predefined entity; edsync reads only &lt; &gt; &amp; &apos; &quot; and "
        "character references (edsync never expands declared entities)");
  CHECK(open_error("<tmx version=\"1.4\"><header/><body/></tmx>\n<tmx/>") == "m.tmx:2:1: content after </tmx>; remove it");
  CHECK(open_error("<tmx version=\"1.4\"><header/><body/>") == "m.tmx:1:36: the file ends before </tmx>; it is truncated");
  CHECK(open_error("<tmx version=\"1.4\"><header/><body/><!-- x") ==
        "m.tmx:1:36: a comment is not closed; the file is truncated or not well formed");
}

TEST_CASE("an entity bomb is refused without expanding anything") {
  const std::string bomb =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE tmx [\n"
      "  <!ENTITY lol \"lol\">\n"
      "  <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
      "  <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
      "]>\n"
      "<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"en\"><seg>&lol3;</seg></tuv></tu></body></tmx>\n";
  CHECK(open_error(bomb) ==
        "m.tmx:3:3: the DOCTYPE declares an entity; edsync never expands entity declarations (they can blow up "
        "to gigabytes): remove the internal subset [...] from the DOCTYPE");
  // Without the declarations, the reference itself is refused.
  const auto outcome = read_all(document("<tu><tuv xml:lang=\"en\"><seg>&lol3;</seg></tuv></tu>\n"));
  CHECK(outcome.units.empty());
  CHECK(outcome.errors == std::vector<std::string>{
                              "m.tmx:5:29: &lol3; is not a predefined entity; edsync reads only &lt; &gt; &amp; &apos; "
                              "&quot; and character references (edsync never expands declared entities)"});
  // An internal subset without entities is harmless.
  CHECK(open_error("<!DOCTYPE tmx [ <!ELEMENT tmx ANY> ]><tmx version=\"1.4\"><header/><body/></tmx>") == "(opened)");
}

TEST_CASE("a truncated file gives its units, one error, and then the end") {
  const std::string whole = document("<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu>\n"
                                     "<tu><tuv xml:lang=\"en\"><seg>b</seg></tuv></tu>\n");
  const std::string cut = whole.substr(0, whole.find("<seg>b") + 6);
  const auto outcome = read_all(cut);
  CHECK(outcome.units.size() == 1);
  CHECK(outcome.errors == std::vector<std::string>{"m.tmx:6:1: the file ends inside this <tu>; it is truncated"});

  const auto no_end = read_all(whole.substr(0, whole.find("</body>")));
  CHECK(no_end.units.size() == 2);
  CHECK(no_end.errors ==
        std::vector<std::string>{"m.tmx:7:1: the file ends inside <body>; it is truncated (no </body> and </tmx>)"});
}

TEST_CASE("anything but <tu> in <body> stops the reading") {
  const auto outcome = read_all(document("<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu>\n<tuv/>\n"));
  CHECK(outcome.units.size() == 1);
  CHECK(outcome.errors ==
        std::vector<std::string>{"m.tmx:6:1: unexpected <tuv> in <body>; a <body> holds only <tu> elements"});
  const auto text = read_all(document("stray text\n"));
  CHECK(text.errors == std::vector<std::string>{"m.tmx:5:1: text in <body> outside any <tu>; remove it"});
}

TEST_CASE("a file that cannot be opened is an I/O error") {
  auto reader = Reader::open("/nonexistent/dir/x.tmx");
  REQUIRE_FALSE(reader);
  CHECK(reader.error().kind == edsync::ErrorKind::io);
  CHECK(reader.error().message == "/nonexistent/dir/x.tmx: cannot open the file for reading");
}
