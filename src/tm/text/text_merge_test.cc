#include <doctest/doctest.h>

#include <fstream>

#include "edsync/file_io.h"
#include "edsync/tm_text.h"
#include "test_store.h"
#include "text_test_support.h"

namespace edsync::tm {

using test::files_in;
using test::kData;
using test::layout_in;
using test::TestStore;
using test::unit_of;
namespace fs = std::filesystem;

namespace {

using Files = std::map<std::string, std::string>;

// tm/ after importing these TMX documents one after the other.
Files after_imports(const std::vector<std::string>& documents) {
  TestStore t;
  const TextLayout layout = layout_in(t.folder);
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const fs::path file = t.folder / ("import-" + std::to_string(i) + ".tmx");
    std::ofstream(file) << documents[i];
    REQUIRE(import_tmx_as_text(t.store, layout, file).ok());
  }
  return files_in(layout.dir);
}

// tm/ as the memory writes it for these units, added in this order.
Files rendered(const std::vector<tmx::Unit>& units) {
  TestStore t;
  for (const auto& unit : units) REQUIRE(t.store.add(unit).ok());
  auto files = render_text(t.store, layout_in(t.folder));
  REQUIRE(files.ok());
  return *files;
}

std::string file_or_empty(const Files& files, const std::string& name) {
  const auto found = files.find(name);
  return found == files.end() ? "" : found->second;
}

TextMerge merged(const Files& ancestor, const Files& ours, const Files& theirs, const std::string& name) {
  const auto merge = merge_text_file({file_or_empty(ancestor, name), "ancestor"}, {file_or_empty(ours, name), "ours"},
                                     {file_or_empty(theirs, name), "theirs"});
  REQUIRE_MESSAGE(merge.ok(), merge.error().message);
  return *merge;
}

std::string news() { return *read_file(kData / "news.tmx"); }

std::string document(const std::string& header_props, const std::string& units) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"
         "<header creationtool=\"Hand\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"none\" adminlang=\"en\""
         " srclang=\"en\" datatype=\"plaintext\">" +
         header_props + "</header>\n<body>\n" + units + "</body>\n</tmx>\n";
}

std::string tu(const std::string& attributes, const std::string& en, const std::string& ar,
               const std::string& more = "") {
  return "<tu" + attributes + "><tuv xml:lang=\"en\"><seg>" + en + "</seg></tuv><tuv xml:lang=\"ar\"><seg>" + ar +
         "</seg></tuv>" + more + "</tu>\n";
}

tmx::Unit dated(tmx::Unit unit, std::vector<tmx::Attribute> attributes) {
  unit.attributes = std::move(attributes);
  return unit;
}

}  // namespace

TEST_CASE("the same file on all three sides merges to the same bytes") {
  const Files files = after_imports({news()});
  REQUIRE(files.size() == 4);
  for (const auto& [name, text] : files) CHECK(merged(files, files, files, name).text == text);
}

TEST_CASE("units added on either side are kept: every file is what importing both gives") {
  const std::string ours_tmx = document("<prop type=\"x-project\">desk-a</prop>",
                                        tu(" tuid=\"a1\"", "The camp was quiet.", "كان المخيم هادئا.") +
                                            tu("", "Iraqi forces entered the camp.", "دخلت القوات المخيم.",
                                               "<tuv xml:lang=\"fa\"><seg>نیروها وارد شدند.</seg></tuv>"));
  const std::string theirs_tmx = document("<prop type=\"x-project\">desk-b</prop>",
                                          tu(" creationdate=\"20140101T000000Z\"", "Police said nothing.", "لم تقل الشرطة شيئا."));
  const Files ancestor = after_imports({news()});
  const Files ours = after_imports({news(), ours_tmx});
  const Files theirs = after_imports({news(), theirs_tmx});
  const Files both = after_imports({news(), ours_tmx, theirs_tmx});
  CHECK(after_imports({news(), theirs_tmx, ours_tmx}) == both);
  for (const auto& file : both) {
    const std::string& name = file.first;  // a plain reference: clang 14's CAPTURE cannot take a structured binding
    const std::string& text = file.second;
    CAPTURE(name);
    const TextMerge merge = merged(ancestor, ours, theirs, name);
    CHECK(merge.text == text);
    CHECK(merge.both_changed == 0);
  }
  CHECK(merged(ancestor, ours, theirs, "ar.tmx").units == 5);
}

TEST_CASE("a unit both sides changed is merged as the memory merges a unit imported twice") {
  const tmx::Unit unit = unit_of({{"en", "Nobody was hurt."}, {"ar", "لم يصب أحد."}});
  const auto ancestor = rendered({dated(unit, {{"creationdate", "20130901T100000Z"}, {"usagecount", "1"}})});
  const auto ours = rendered({dated(unit, {{"creationdate", "20130901T100000Z"}, {"changedate", "20140101T000000Z"},
                                           {"usagecount", "4"}})});
  tmx::Unit noted = dated(unit, {{"creationdate", "20120101T000000Z"}, {"changedate", "20150101T000000Z"},
                                 {"usagecount", "2"}});
  noted.notes.push_back({{}, "checked by the desk"});
  const auto theirs = rendered({noted});
  const TextMerge merge = merged(ancestor, ours, theirs, "ar.tmx");
  CHECK(merge.both_changed == 1);
  CHECK(merge.units == 1);
  CHECK(merge.text == rendered({dated(unit, {{"creationdate", "20130901T100000Z"}, {"changedate", "20140101T000000Z"},
                                             {"usagecount", "4"}}),
                                noted})
                          .at("ar.tmx"));
  CHECK(merge.text.find("<tu creationdate=\"20120101T000000Z\" changedate=\"20150101T000000Z\" usagecount=\"4\">\n"
                        "      <note>checked by the desk</note>") != std::string::npos);
}

TEST_CASE("removed on one side and unchanged on the other: removed; removed against changed: the change stays") {
  const tmx::Unit kept = unit_of({{"en", "Kept."}, {"ar", "باق."}});
  const tmx::Unit dropped = unit_of({{"en", "Dropped."}, {"ar", "محذوف."}});
  const tmx::Unit edited = unit_of({{"en", "Edited."}, {"ar", "معدل."}});
  const tmx::Unit edited_later = dated(edited, {{"changedate", "20200101T000000Z"}});
  const auto ancestor = rendered({kept, dropped, edited});
  const auto ours = rendered({kept, edited_later});
  const auto theirs = rendered({kept, dropped});
  CHECK(merged(ancestor, ours, theirs, "ar.tmx").text == rendered({kept, edited_later}).at("ar.tmx"));
  CHECK(merged(ancestor, theirs, ours, "ar.tmx").text == rendered({kept, edited_later}).at("ar.tmx"));
}

TEST_CASE("a translation changed two ways keeps both as alternatives") {
  const auto ancestor = rendered({unit_of({{"en", "The camp was attacked."}, {"ar", "هوجم المخيم."}})});
  const tmx::Unit first = unit_of({{"en", "The camp was attacked."}, {"ar", "تعرض المخيم لهجوم."}});
  const tmx::Unit second = unit_of({{"en", "The camp was attacked."}, {"ar", "وقع هجوم على المخيم."}});
  const TextMerge merge = merged(ancestor, rendered({first}), rendered({second}), "ar.tmx");
  CHECK(merge.units == 2);
  CHECK(merge.both_changed == 0);
  CHECK(merge.text == rendered({first, second}).at("ar.tmx"));
}

TEST_CASE("units split over several files keep their labels and are joined again") {
  const tmx::Unit first = unit_of({{"en", "Hello."}, {"ar", "مرحبا."}, {"fa", "سلام."}});
  const tmx::Unit second = unit_of({{"en", "Bye."}, {"ar", "وداعا."}, {"fa", "خداحافظ."}});
  const Files ancestor;
  const Files ours = rendered({first});
  const Files theirs = rendered({second});
  const Files both = rendered({first, second});
  TestStore joined;
  const fs::path dir = joined.folder / "tm";
  fs::create_directories(dir);
  for (const auto& name : {"ar.tmx", "fa.tmx"}) {
    const TextMerge merge = merged(ancestor, ours, theirs, name);
    CHECK(merge.text == both.at(name));
    REQUIRE(write_file_atomically(dir / name, merge.text).ok());
  }
  CHECK(*load_text(joined.store, dir) == 2);
  CHECK(*render_text(joined.store, layout_in(joined.folder)) == both);
}

TEST_CASE("a version that does not parse is an error naming it, its line and column") {
  const Files files = after_imports({news()});
  const std::string broken = files.at("ar.tmx").substr(0, files.at("ar.tmx").find("</tuv>") + 3);
  const auto merge = merge_text_file({files.at("ar.tmx"), "tm/ar.tmx (ancestor)"}, {files.at("ar.tmx"), "tm/ar.tmx (ours)"},
                                     {broken, "tm/ar.tmx (theirs)"});
  REQUIRE_FALSE(merge.ok());
  CHECK(merge.error().kind == ErrorKind::bad_input);
  CHECK(merge.error().message == "tm/ar.tmx (theirs):8:5: the file ends inside this <tu>; it is truncated");
}

}  // namespace edsync::tm
