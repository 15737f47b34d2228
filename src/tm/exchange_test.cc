#include <doctest/doctest.h>

#include <sstream>

#include "edsync/file_io.h"
#include "test_store.h"
#include "unit_codec.h"

namespace edsync::tm {

using test::TestStore;

namespace {

const std::filesystem::path kData = std::filesystem::path(EDSYNC_TEST_DATA_DIR) / "tm";

std::string exported(Store& store, ExportOptions options = {}) {
  std::ostringstream out;
  REQUIRE(export_tmx(store, out, options).ok());
  return out.str();
}

std::string import_error(const std::string& file) {
  TestStore t;
  REQUIRE(import_tmx(t.store, kData / "news.tmx").ok());
  const std::string before = *t.store.content_digest();
  const auto failed = import_tmx(t.store, kData / file);
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.error().kind == ErrorKind::bad_input);
  CHECK(*t.store.content_digest() == before);
  const std::string prefix = (kData / "").string();
  std::string message = failed.error().message;
  if (message.starts_with(prefix)) message.erase(0, prefix.size());
  return message;
}

}  // namespace

TEST_CASE("import counts units, canonicalises languages and keeps the rest") {
  TestStore t;
  const auto report = import_tmx(t.store, kData / "news.tmx");
  REQUIRE(report.ok());
  CHECK(report->read == 4);
  CHECK(report->added == 4);
  CHECK(report->skipped.empty());
  LookupOptions options;
  options.target_lang = "ar";
  const auto matches = t.store.lookup("Iraqi forces entered the camp.", options);
  REQUIRE(matches->size() == 1);
  CHECK((*matches)[0].kind == MatchKind::exact);
  CHECK((*matches)[0].target_lang == "ar-EG");
  options.target_lang = "sq";
  CHECK(t.store.lookup("Nobody was hurt.", options)->size() == 1);
}

TEST_CASE("importing the same file again merges every unit and changes nothing") {
  TestStore t;
  REQUIRE(import_tmx(t.store, kData / "news.tmx").ok());
  const std::string before = *t.store.content_digest();
  const auto again = import_tmx(t.store, kData / "news.tmx");
  REQUIRE(again.ok());
  CHECK(again->merged == 4);
  CHECK(again->added == 0);
  CHECK(*t.store.content_digest() == before);
}

TEST_CASE("export then import gives the same units, props, notes and inline tags") {
  TestStore a, b;
  REQUIRE(import_tmx(a.store, kData / "news.tmx").ok());
  const std::string first = exported(a.store);
  const auto file = b.folder / "exported.tmx";
  REQUIRE(write_file_atomically(file, first).ok());
  REQUIRE(import_tmx(b.store, file).ok());
  CHECK(*b.store.unit_count() == 4);
  CHECK(exported(b.store) == first);
  CHECK(*b.store.content_digest() == *a.store.content_digest());
  CHECK(first.find("<bpt i=\"1\">&lt;b&gt;</bpt>") != std::string::npos);
  CHECK(first.find("<note>checked by the desk</note>") != std::string::npos);
  CHECK(first.find("<prop type=\"x-domain\">politics</prop>") != std::string::npos);
}

TEST_CASE("export writes the tags tools match and keeps the written ones; re-importing it merges") {
  TestStore t;
  REQUIRE(import_tmx(t.store, kData / "news.tmx").ok());
  const std::string before = *t.store.content_digest();
  ExportOptions options;
  options.lang = "ar";
  const std::string arabic = exported(t.store, options);
  CHECK(arabic.find("xml:lang=\"AR_eg\"") == std::string::npos);
  CHECK(arabic.find("      <tuv xml:lang=\"ar-EG\">\n        <prop type=\"x-edsync-lang\">AR_eg</prop>\n") != std::string::npos);
  const std::string all = exported(t.store);
  CHECK(all.find("<tuv xml:lang=\"fa\">\n        <prop type=\"x-edsync-lang\">pes</prop>") != std::string::npos);
  CHECK(all.find("<tuv xml:lang=\"sq\">\n        <prop type=\"x-edsync-lang\">als</prop>") != std::string::npos);
  const auto file = t.folder / "exported.tmx";
  REQUIRE(write_file_atomically(file, all).ok());
  const auto again = import_tmx(t.store, file);
  REQUIRE(again.ok());
  CHECK(again->merged == 4);
  CHECK(*t.store.content_digest() == before);
}

TEST_CASE("a written-language prop that no longer agrees with xml:lang is dropped, the attribute wins") {
  tmx::Unit unit;
  unit.attributes = {{"srclang", "EN-us"}};
  unit.variants = {{"EN-us", {}, {}, {}, "Hi", "Hi"}, {"arb", {}, {}, {}, "x", "x"}};
  write_canonical_languages(unit, {"en-US", "ar"}, "en-US");
  CHECK(unit.attributes[0].value == "en-US");
  CHECK(unit.props == std::vector<tmx::Prop>{{{{"type", "x-edsync-srclang"}}, "EN-us"}});
  CHECK(unit.variants[1].lang == "ar");
  tmx::Unit edited = unit;
  restore_written_languages(unit);
  CHECK(unit.attributes[0].value == "EN-us");
  CHECK(unit.variants[0].lang == "EN-us");
  CHECK(unit.variants[1].lang == "arb");
  CHECK(unit.props.empty());
  CHECK(unit.variants[1].props.empty());
  edited.variants[1].lang = "fa";  // changed by hand in tm/
  restore_written_languages(edited);
  CHECK(edited.variants[1].lang == "fa");
  CHECK(edited.variants[1].props.empty());
}

TEST_CASE("a file's header comes back out: datatype, notes, props, udes, namespaces") {
  TestStore t;
  REQUIRE(import_tmx(t.store, kData / "rich-header.tmx").ok());
  const std::string text = exported(t.store);
  const std::string header =
      "\" segtype=\"sentence\" o-tmf=\"edsync\""
      " adminlang=\"en\" srclang=\"en\" datatype=\"html\">\n"
      "    <note>exported for the Arabic desk</note>\n"
      "    <prop type=\"x-client\">NCRI</prop>\n"
      "    <prop type=\"x-edsync-source\">";
  CHECK(text.find(header) != std::string::npos);
  CHECK(text.find("    <ude name=\"Desk\" base=\"Unicode\">\n      <map unicode=\"#xE000\" ent=\"logo\" subst=\"[logo]\"/>\n"
                  "    </ude>\n  </header>\n") != std::string::npos);
  // The unit declares the namespace it uses, so the export is well-formed XML.
  CHECK(text.find("<tu tuid=\"d1\" okp:id=\"a\" xmlns:okp=\"urn:okapi\">") != std::string::npos);
  const auto sources = t.store.sources();
  REQUIRE(sources.ok());
  REQUIRE(sources->size() == 1);
  CHECK(tmx::attribute((*sources)[0].header.attributes, "okp:batch") == "7");
  CHECK(tmx::attribute((*sources)[0].header.attributes, "xmlns:okp") == "urn:okapi");
  CHECK(text.find("      <prop type=\"x-edsync-source\">" + (*sources)[0].tag + "</prop>\n") != std::string::npos);

  TestStore b;
  REQUIRE(write_file_atomically(b.folder / "exported.tmx", text).ok());
  REQUIRE(import_tmx(b.store, b.folder / "exported.tmx").ok());
  CHECK(*b.store.content_digest() == *t.store.content_digest());
  CHECK(exported(b.store) == text);
  CHECK(b.store.sources()->size() == 1);
}

TEST_CASE("units of files with different headers each keep theirs; the same header is one source") {
  TestStore t;
  REQUIRE(import_tmx(t.store, kData / "news.tmx").ok());
  REQUIRE(import_tmx(t.store, kData / "rich-header.tmx").ok());
  REQUIRE(import_tmx(t.store, kData / "rich-header.tmx").ok());
  CHECK(*t.store.unit_count() == 5);
  const auto sources = t.store.sources();
  REQUIRE(sources->size() == 2);
  const std::string text = exported(t.store);
  CHECK(text.find("datatype=\"unknown\">\n    <prop type=\"x-edsync-source\">") != std::string::npos);
  CHECK(text.find("x-client") != std::string::npos);   // inside the listed header
  CHECK(text.find("<note>exported") == std::string::npos);  // not the export's own: it has two sources
  TestStore b;
  REQUIRE(write_file_atomically(b.folder / "exported.tmx", text).ok());
  REQUIRE(import_tmx(b.store, b.folder / "exported.tmx").ok());
  CHECK(*b.store.content_digest() == *t.store.content_digest());
  CHECK(exported(b.store) == text);
  ExportOptions arabic;
  arabic.lang = "ar";
  CHECK(exported(b.store, arabic) == exported(t.store, arabic));
  // Only news.tmx has Farsi: an export of it lists that file's header alone, as its own.
  ExportOptions farsi;
  farsi.lang = "fa";
  const std::string fa = exported(t.store, farsi);
  CHECK(fa.find("x-client") == std::string::npos);
  CHECK(fa.find("datatype=\"plaintext\">\n    <prop type=\"x-project\">camp-ashraf</prop>\n") != std::string::npos);
  CHECK(t.store.sources("fa")->size() == 1);
  CHECK(t.store.sources("fa-IR")->size() == 1);
  CHECK(t.store.sources("de")->empty());
}

TEST_CASE("export --lang keeps the units of that language with their source") {
  TestStore t;
  REQUIRE(import_tmx(t.store, kData / "news.tmx").ok());
  ExportOptions options;
  options.lang = "fa";
  const std::string text = exported(t.store, options);
  CHECK(text.find("نیروهای عراقی") != std::string::npos);
  CHECK(text.find("ساکنان") != std::string::npos);
  CHECK(text.find("دخلت") == std::string::npos);
  CHECK(text.find("Nobody") == std::string::npos);
}

TEST_CASE("a bad unit refuses the whole file; --skip-invalid imports the others and says where") {
  CHECK(import_error("bad-unit.tmx") == "bad-unit.tmx:11:7: <tuv> has no <seg>; add one or remove the <tuv>");
  TestStore t;
  ImportOptions options;
  options.skip_invalid = true;
  const auto report = import_tmx(t.store, kData / "bad-unit.tmx", options);
  REQUIRE(report.ok());
  CHECK(report->added == 2);
  REQUIRE(report->skipped.size() == 1);
  CHECK(report->skipped[0] == (kData / "bad-unit.tmx").string() + ":11:7: <tuv> has no <seg>; add one or remove the <tuv>");
}

TEST_CASE("broken files are refused with a clear error and change nothing") {
  CHECK(import_error("truncated.tmx") == "truncated.tmx:13:5: the file ends inside this <tu>; it is truncated");
  CHECK(import_error("not-xml.tmx") == "not-xml.tmx:1:1: this is not XML: text where the <tmx> element should start; is it a TMX file?");
  CHECK(import_error("entity-bomb.tmx") ==
        "entity-bomb.tmx:3:3: the DOCTYPE declares an entity; edsync never expands entity declarations (they can blow up to "
        "gigabytes): remove the internal subset [...] from the DOCTYPE");
  CHECK(import_error("wrong-encoding.tmx") ==
        "wrong-encoding.tmx:1:1: the XML declaration says encoding=\"UTF-16\" but the file is not UTF-16 (it has no byte order "
        "mark and one byte per character); fix the declaration or convert the file");
}

}  // namespace edsync::tm
