#include <doctest/doctest.h>
#include <sqlite3.h>

#include "test_store.h"

namespace edsync::tm {

using test::TestStore;
using test::unit_of;

namespace {
std::vector<StoredUnit> all_units(Store& store) {
  std::vector<StoredUnit> units;
  REQUIRE(store.for_each_unit([&](const StoredUnit& unit) { units.push_back(unit); return success(); }).ok());
  return units;
}
}  // namespace

TEST_CASE("a new database has the current schema and is reopened without migrating again") {
  TestStore t;
  CHECK(t.store.schema_version() == kSchemaVersion);
  REQUIRE(t.store.add(unit_of({{"en", "Hello"}, {"ar", "مرحبا"}})).ok());
  auto reopened = Store::open(t.folder / "tm.sqlite");
  REQUIRE(reopened.ok());
  CHECK(*reopened->unit_count() == 1);
}

TEST_CASE("a database of schema version 3 (before import sources) gets them on open, its index kept") {
  TestStore t;
  const auto path = t.folder / "old.sqlite";
  {
    auto old = Store::open(path);
    REQUIRE(old.ok());
    REQUIRE(old->add(unit_of({{"en", "The camp was attacked."}, {"ar", "تعرض المخيم لهجوم."}})).ok());
  }
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  CHECK(sqlite3_exec(db, "DROP INDEX units_source; ALTER TABLE units DROP COLUMN source_id; DROP TABLE sources;"
                         " PRAGMA user_version = 3", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  auto reopened = Store::open(path);
  REQUIRE(reopened.ok());
  CHECK(reopened->schema_version() == kSchemaVersion);
  CHECK(*reopened->integrity_check() == "ok");
  CHECK(reopened->sources()->empty());
  const auto units = all_units(*reopened);
  REQUIRE(units.size() == 1);
  CHECK(units[0].unit.props.empty());  // no source known: no x-edsync-source prop
  tmx::Header header;
  header.attributes = {{"srclang", "en"}, {"datatype", "html"}};
  AddOptions options;
  options.source_id = *reopened->add_source(header);
  REQUIRE(reopened->add(unit_of({{"en", "Residents were moved."}, {"ar", "نُقل السكان."}}), options).ok());
  REQUIRE(reopened->sources()->size() == 1);
  CHECK((*reopened->sources())[0].markup == "<header srclang=\"en\" datatype=\"html\"/>");
  LookupOptions lookup;
  lookup.target_lang = "ar";
  lookup.threshold = 50;
  const auto matches = reopened->lookup("The camp was attacked today.", lookup);
  REQUIRE(matches.ok());
  CHECK(matches->size() == 1);
}

TEST_CASE("a database from a newer edsync is refused") {
  TestStore t;
  {
    auto other = Store::open(t.folder / "new.sqlite");
    REQUIRE(other.ok());
    REQUIRE(other->set_setting("x", "y").ok());
  }
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((t.folder / "new.sqlite").c_str(), &db) == SQLITE_OK);
  CHECK(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  const auto refused = Store::open(t.folder / "new.sqlite");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().kind == ErrorKind::io);
  CHECK(refused.error().message == (t.folder / "new.sqlite").string() +
                                       ": the database has schema version 99, newer than this edsync understands (" +
                                       std::to_string(kSchemaVersion) + "); upgrade edsync or delete the database to rebuild it");
}

TEST_CASE("the same source and translation merge; another translation is an alternative") {
  TestStore t;
  CHECK(*t.store.add(unit_of({{"en", "The camp was attacked."}, {"ar", "تعرض المخيم لهجوم."}},
                             {{"creationdate", "20130901T100000Z"}, {"usagecount", "1"}})) == AddOutcome::added);
  CHECK(*t.store.add(unit_of({{"EN", "The camp was attacked."}, {"ar", "تعرض المخيم لهجوم."}},
                             {{"creationdate", "20130902T100000Z"}, {"changedate", "20130905T080000Z"}, {"usagecount", "4"}})) ==
        AddOutcome::merged);
  CHECK(*t.store.add(unit_of({{"en", "The camp was attacked."}, {"ar", "هوجم المخيم."}})) == AddOutcome::alternative);
  const auto units = all_units(t.store);
  REQUIRE(units.size() == 2);
  const std::vector<tmx::Attribute> merged{{"creationdate", "20130901T100000Z"}, {"usagecount", "4"}, {"changedate", "20130905T080000Z"}};
  CHECK(units[0].unit.attributes == merged);
  CHECK(units[0].unit.variants[0].lang == "en");  // the first spelling of the language is kept
  CHECK(units[1].unit.variants[1].text == "هوجم المخيم.");
}

TEST_CASE("language tags are canonicalised for matching and kept as written for export") {
  TestStore t;
  REQUIRE(t.store.add(unit_of({{"EN_us", "Good morning"}, {"pes-IR", "صبح بخیر"}, {"fr-ca", "Bonjour"}}, {{"srclang", "en-US"}})).ok());
  const auto units = all_units(t.store);
  REQUIRE(units.size() == 1);
  CHECK(units[0].source_lang == "en-US");
  // Exported under the tag tools match; the written one rides along in a prop.
  CHECK(units[0].unit.variants[1].lang == "fa-IR");
  CHECK(units[0].unit.variants[1].props == std::vector<tmx::Prop>{{{{"type", "x-edsync-lang"}}, "pes-IR"}});
  CHECK(units[0].unit.variants[0].lang == "en-US");
  CHECK(units[0].unit.variants[2].lang == "fr-CA");
  LookupOptions options;
  options.target_lang = "fa";
  const auto matches = t.store.lookup("Good morning", options);
  REQUIRE(matches.ok());
  REQUIRE(matches->size() == 1);
  CHECK((*matches)[0].target_lang == "fa-IR");
  options.target_lang = "fr";
  CHECK(t.store.lookup("Good morning", options)->size() == 1);  // other languages are kept, never dropped
}

TEST_CASE("props, notes and attributes come back verbatim, variant ones included") {
  TestStore t;
  tmx::Unit unit = unit_of({{"en", "Hello <b>world</b>"}, {"sq", "Përshëndetje botë"}}, {{"tuid", "42"}, {"o-tmf", "x"}});
  unit.variants[0].content = "Hello <bpt i=\"1\">&lt;b&gt;</bpt>world<ept i=\"1\">&lt;/b&gt;</ept>";
  unit.variants[0].text = "Hello world";
  unit.props.push_back({{{"type", "x-domain"}}, "politics"});
  unit.notes.push_back({{{"xml:lang", "en"}}, "checked by the desk"});
  unit.variants[1].props.push_back({{{"type", "x-quality"}}, "90"});
  unit.variants[1].attributes.push_back({"creationid", "arta"});
  REQUIRE(t.store.add(unit).ok());
  const auto units = all_units(t.store);
  REQUIRE(units.size() == 1);
  CHECK(units[0].unit == unit);
}

TEST_CASE("provenance from the options is stored as props and read back") {
  TestStore t;
  AddOptions options;
  options.provenance = Provenance{Origin::translated, "camp-ashraf", "dc1d0fcdf65e14dd"};
  REQUIRE(t.store.add(unit_of({{"en", "Hello"}, {"ar", "مرحبا"}}), options).ok());
  const auto units = all_units(t.store);
  CHECK(units[0].provenance.origin == Origin::translated);
  CHECK(units[0].provenance.article_id == "camp-ashraf");
  CHECK(units[0].provenance.article_revision == "dc1d0fcdf65e14dd");
}

TEST_CASE("a unit with a bad language tag is refused with its position and nothing is stored") {
  TestStore t;
  tmx::Unit unit = unit_of({{"en", "Hello"}, {"ar ab", "مرحبا"}});
  unit.line = 12;
  unit.column = 5;
  const auto added = t.store.add(unit);
  REQUIRE_FALSE(added.ok());
  CHECK(added.error().message == "12:5: <tuv> xml:lang=\"ar ab\" is not a BCP 47 language tag; write it like en-US");
  CHECK(*t.store.unit_count() == 0);
}

TEST_CASE("a transaction that fails leaves nothing behind") {
  TestStore t;
  REQUIRE(t.store.add(unit_of({{"en", "Kept"}, {"ar", "باق"}})).ok());
  const std::string before = *t.store.content_digest();
  const Status failed = t.store.transaction([&]() -> Status {
    REQUIRE(t.store.add(unit_of({{"en", "Gone"}, {"ar", "ذهب"}})).ok());
    return input_error("stop");
  });
  CHECK_FALSE(failed.ok());
  CHECK(*t.store.unit_count() == 1);
  CHECK(*t.store.content_digest() == before);
}

TEST_CASE("the content digest depends on content, not on insertion order") {
  TestStore a, b;
  const auto one = unit_of({{"en", "One"}, {"ar", "واحد"}});
  const auto two = unit_of({{"en", "Two"}, {"ar", "اثنان"}});
  REQUIRE(a.store.add(one).ok());
  REQUIRE(a.store.add(two).ok());
  REQUIRE(b.store.add(two).ok());
  CHECK(*a.store.content_digest() != *b.store.content_digest());
  REQUIRE(b.store.add(one).ok());
  CHECK(*a.store.content_digest() == *b.store.content_digest());
}

TEST_CASE("settings are kept") {
  TestStore t;
  CHECK_FALSE(t.store.setting("tm/ar.tmx")->has_value());
  REQUIRE(t.store.set_setting("tm/ar.tmx", "abc").ok());
  REQUIRE(t.store.set_setting("tm/ar.tmx", "def").ok());
  CHECK(t.store.setting("tm/ar.tmx")->value() == "def");
}

namespace {

// A unit as `edsync align` makes it, for `article` in `edition`.
tmx::Unit aligned_unit(const std::string& english, const std::string& translation, const std::string& article,
                       const std::string& edition, const std::string& confidence = "0.900") {
  tmx::Unit unit = unit_of({{"en", english}, {edition, translation}});
  for (const auto& [type, text] : std::vector<std::pair<std::string, std::string>>{
           {"x-edsync-origin", "aligned"}, {"x-edsync-article", article}, {"x-edsync-revision", "r1"},
           {"x-edsync-edition", edition}, {"x-edsync-confidence", confidence}})
    unit.props.push_back({{{"type", type}}, text});
  return unit;
}

int props_of_type(const tmx::Unit& unit, const std::string& type) {
  int count = 0;
  for (const auto& prop : unit.props) count += !prop.attributes.empty() && prop.attributes[0].value == type;
  return count;
}

}  // namespace

TEST_CASE("a removed unit leaves no trace in lookups, concordance or the indexes") {
  TestStore t;
  REQUIRE(t.store.add(unit_of({{"en", "The camp was attacked on Sunday."}, {"ar", "تعرض المخيم لهجوم يوم الأحد."}})));
  REQUIRE(t.store.add(unit_of({{"en", "The camp was closed on Sunday."}, {"ar", "أغلق المخيم يوم الأحد."}})));
  const auto first = t.store.find(unit_of({{"en", "The camp was attacked on Sunday."}, {"ar", "تعرض المخيم لهجوم يوم الأحد."}}));
  REQUIRE(first.ok());
  REQUIRE(first->has_value());
  REQUIRE(t.store.remove(**first).ok());
  CHECK(*t.store.unit_count() == 1);
  CHECK(!t.store.find(unit_of({{"en", "The camp was attacked on Sunday."}, {"ar", "تعرض المخيم لهجوم يوم الأحد."}}))->has_value());
  const auto matches = t.store.lookup("The camp was attacked on Sunday.", {.target_lang = "ar", .threshold = 30});
  REQUIRE(matches.ok());
  REQUIRE(matches->size() == 1);
  CHECK((*matches)[0].target == "أغلق المخيم يوم الأحد.");
  CHECK(t.store.concordance("attacked", {.target_lang = "ar"})->empty());
  // The destructor checks the full-text and fuzzy indexes against the units left.
}

TEST_CASE("the aligner's units of an article's edition are those it alone made") {
  TestStore t;
  REQUIRE(t.store.add(aligned_unit("One.", "واحد.", "camp", "ar")));
  REQUIRE(t.store.add(aligned_unit("Two.", "اثنان.", "talks", "ar")));   // another article
  REQUIRE(t.store.add(aligned_unit("Three.", "Tre.", "camp", "sq")));    // another edition
  REQUIRE(t.store.add(unit_of({{"en", "Four."}, {"ar", "أربعة."}})));    // imported
  REQUIRE(t.store.add(aligned_unit("Four.", "أربعة.", "camp", "ar")));   // found again by the aligner: stays imported
  REQUIRE(t.store.add(aligned_unit("Five.", "خمسة.", "camp", "ar")));
  REQUIRE(t.store.add(aligned_unit("Five.", "خمسة.", "talks", "ar")));   // shared with another article
  const auto camp = t.store.aligned_units({{"camp", "ar"}});
  REQUIRE(camp.ok());
  REQUIRE(camp->size() == 1);
  CHECK((*camp)[0].unit.variants[0].text == "One.");
  const auto both = t.store.aligned_units({{"talks", "ar"}, {"camp", "ar"}});
  REQUIRE(both.ok());
  CHECK(both->size() == 3);  // One, Two and the shared Five
}

TEST_CASE("an aligned unit aligned again holds one confidence, the new one, and keeps its first origin") {
  TestStore t;
  REQUIRE(t.store.add(aligned_unit("One.", "واحد.", "camp", "ar", "0.900")));
  REQUIRE(*t.store.add(aligned_unit("One.", "واحد.", "camp", "ar", "0.950")) == AddOutcome::merged);
  REQUIRE(t.store.add(unit_of({{"en", "Two."}, {"ar", "اثنان."}})));
  REQUIRE(*t.store.add(aligned_unit("Two.", "اثنان.", "camp", "ar")) == AddOutcome::merged);
  const auto units = all_units(t.store);
  REQUIRE(units.size() == 2);
  CHECK(props_of_type(units[0].unit, "x-edsync-confidence") == 1);
  CHECK(props_of_type(units[0].unit, "x-edsync-revision") == 1);
  CHECK(units[0].provenance.origin == Origin::aligned);
  bool new_confidence = false;
  for (const auto& prop : units[0].unit.props) new_confidence = new_confidence || prop.text == "0.950";
  CHECK(new_confidence);
  CHECK(units[1].provenance.origin == Origin::imported);
  CHECK(props_of_type(units[1].unit, "x-edsync-origin") == 0);
}

}  // namespace edsync::tm
