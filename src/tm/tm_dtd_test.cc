// Whatever edsync writes as TMX is checked by the TMX 1.4b DTD itself
// (xmllint, offline, ../shared/data/schemas/), not only by edsync's reader:
// for every shared TMX file imported, the whole export, the export of each
// of its languages, and every tm/*.tmx the import writes.
#include <doctest/doctest.h>

#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <set>
#include <sstream>

#include "edsync/file_io.h"
#include "edsync/language.h"
#include "edsync/tm_text.h"
#include "command_output.h"
#include "shared_data.h"
#include "test_store.h"

namespace edsync::tm {

namespace fs = std::filesystem;
using test::TestStore;

namespace {

// Files edsync refuses on purpose: nothing of them is kept, so nothing is written.
const std::map<std::string, std::string> kRefused = {
    {"omegat/invalid.tmx",
     "inline codes that do not pair (an <ept> before its <bpt>, a repeated i): edsync does not guess which "
     "codes belong together, and a DTD cannot check this, so the file is refused whole"},
};

fs::path schemas() { return *edsync::test::shared_data_dir() / "schemas"; }

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

// What xmllint prints about `file`; "" when it has nothing to say and succeeds.
std::string xmllint(const std::string& options, const fs::path& file) {
  ::setenv("XML_CATALOG_FILES", (schemas() / "catalog.xml").c_str(), 1);  // as schemas/README.md says
  const auto run = edsync::test::command_output("xmllint --nonet --noout " + options + " " + quoted(file) + " 2>&1");
  if (run.status != 0 && run.text.empty()) return "xmllint failed without a message";
  return run.text;
}

std::string dtd_problems(const fs::path& file) {
  return xmllint("--path " + quoted(schemas() / "tmx") + " --dtdvalid " + quoted(schemas() / "tmx" / "tmx14.dtd"), file);
}

std::string exported(Store& store, const std::string& lang = "") {
  std::ostringstream out;
  ExportOptions options;
  options.lang = lang;
  REQUIRE(export_tmx(store, out, options).ok());
  return out.str();
}

// The primary languages of the memory's variants, but English.
std::vector<std::string> languages_of(Store& store) {
  std::set<std::string> languages;
  REQUIRE(store.for_each_unit([&](const StoredUnit& stored) -> Status {
    for (const auto& variant : stored.unit.variants) {
      const std::string primary(primary_language(canonical_language(variant.lang).value_or("")));
      if (primary != "en" && !primary.empty()) languages.insert(primary);
    }
    return success();
  }).ok());
  return {languages.begin(), languages.end()};
}

// Checks one file edsync wrote; returns how many were checked (1).
int check_written(const fs::path& file) {
  CAPTURE(file);
  CHECK(dtd_problems(file) == "");
  return 1;
}

int check_exports(Store& store, const fs::path& folder) {
  int checked = 0;
  const fs::path whole = folder / "export.tmx";
  REQUIRE(write_file_atomically(whole, exported(store)).ok());
  checked += check_written(whole);
  for (const auto& lang : languages_of(store)) {
    const fs::path one = folder / ("export-" + lang + ".tmx");
    REQUIRE(write_file_atomically(one, exported(store, lang)).ok());
    checked += check_written(one);
  }
  return checked;
}

// Imports `file` into a workspace's tm/ with one file per language it holds.
int check_text(const fs::path& file, const std::vector<std::string>& languages) {
  TestStore t;
  const TextLayout layout{t.folder / "tm", "en", languages};
  REQUIRE(import_tmx_as_text(t.store, layout, file).ok());
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(layout.dir))
    if (entry.path().extension() == ".tmx") checked += check_written(entry.path());
  return checked;
}

}  // namespace

TEST_CASE("every export and every tm/*.tmx of every shared TMX file is valid against the TMX 1.4b DTD") {
  const fs::path tmx = *edsync::test::shared_data_dir() / "tmx";
  std::set<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(tmx))
    if (entry.path().extension() == ".tmx") files.insert(entry.path());
  int imported = 0, refused = 0, checked = 0;
  for (const auto& file : files) {
    const std::string name = fs::relative(file, tmx).generic_string();
    CAPTURE(name);
    TestStore t;
    const auto report = import_tmx(t.store, file);
    if (!report) {
      REQUIRE_MESSAGE(kRefused.contains(name), report.error().message);
      MESSAGE("skipped " << name << ": " << kRefused.at(name));
      ++refused;
      continue;
    }
    ++imported;
    checked += check_exports(t.store, t.folder);
    checked += check_text(file, languages_of(t.store));
  }
  MESSAGE(imported << " files imported, " << refused << " refused on purpose, " << checked << " files written and checked");
  CHECK(imported + refused == 33);
  CHECK(refused == static_cast<int>(kRefused.size()));
}

TEST_CASE("a header prop the DTD refuses is kept in the source's listing, not as the export's own") {
  // html_test.tmx (Trados Workbench 7) has <prop type2="RTFFontTable"> in its header: no type, which the
  // DTD requires. The export stays valid and still gives the prop back on import.
  TestStore t;
  REQUIRE(import_tmx(t.store, *edsync::test::shared_data_dir() / "tmx/okapi/html_test.tmx").ok());
  const std::string text = exported(t.store);
  CHECK(text.find("<prop type2=") == std::string::npos);
  CHECK(text.find("&lt;prop type2=\"RTFFontTable\"&gt;") != std::string::npos);
  CHECK(text.find("datatype=\"rtf\"") != std::string::npos);
  const auto sources = t.store.sources();
  REQUIRE(sources->size() == 1);
  CHECK((*sources)[0].header.props.at(0).attributes == std::vector<tmx::Attribute>{{"type2", "RTFFontTable"}});
}

TEST_CASE("units in a foreign namespace are exported as namespace-well-formed XML") {
  TestStore t;
  const fs::path file = fs::path(EDSYNC_TEST_DATA_DIR) / "tm" / "rich-header.tmx";
  REQUIRE(import_tmx(t.store, file).ok());
  REQUIRE(write_file_atomically(t.folder / "export.tmx", exported(t.store)).ok());
  CHECK(xmllint("", t.folder / "export.tmx") == "");  // xmllint reports an undeclared prefix as a namespace error
  TestStore s;
  const TextLayout layout{s.folder / "tm", "en", {"ar"}};
  REQUIRE(import_tmx_as_text(s.store, layout, file).ok());
  CHECK(xmllint("", layout.dir / "ar.tmx") == "");
  // The DTD itself declares no foreign attribute: okp:id and its xmlns:okp are all it finds.
  const std::string problems = dtd_problems(t.folder / "export.tmx");
  CHECK(problems.find("No declaration for attribute id of element tu") != std::string::npos);
  CHECK(problems.find("No declaration for attribute xmlns:okp of element tu") != std::string::npos);
  CHECK(std::count(problems.begin(), problems.end(), '\n') == 3);
}

}  // namespace edsync::tm
