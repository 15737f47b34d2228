#include "fuzzy_index.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <random>

#include "test_store.h"

namespace edsync::tm {

using test::TestStore;
using test::unit_of;

namespace {

const std::vector<std::string> kWords = {
    "the", "The", "camp", "Camp", "residents", "were", "moved", "to", "Liberty", "attack", "on", "Sunday", "forces",
    "entered", "Iraqi", "police", "said", "a", "of", "in", "Baghdad", "government", "exiles", ",", ".", "!", "\u0627\u0644\u0645\u062e\u064a\u0645"};

std::string random_sentence(std::mt19937& random, std::size_t words, std::size_t vocabulary = kWords.size()) {
  std::string text;
  for (std::size_t i = 0; i < words; ++i) text += (i ? " " : "") + kWords[random() % vocabulary];
  return text;
}

LookupOptions to_ar(std::size_t max, int threshold = 70) {
  LookupOptions options;
  options.target_lang = "ar";
  options.threshold = threshold;
  options.max_results = max;
  return options;
}

}  // namespace

TEST_CASE("a segment's shape: quarter-word size and distinct case-folded words") {
  const auto shape = shape_of(tokenize("The camp, the CAMP."));
  CHECK(shape.size == 4 * 4 + 2);
  CHECK(shape.terms.size() == 2);
  CHECK(shape.terms == shape_of(tokenize("camp the")).terms);
}

TEST_CASE("the size bound never rules out a pair that reaches the threshold") {
  std::mt19937 random(7);
  int reached = 0;
  for (int i = 0; i < 3000; ++i) {
    const auto a = tokenize(random_sentence(random, 1 + random() % 12));
    const auto b = tokenize(random_sentence(random, 1 + random() % 12));
    const int threshold = static_cast<int>(random() % 101);
    if (fuzzy_score(a, b) < threshold) continue;
    ++reached;
    CHECK(may_reach(shape_of(a).size, shape_of(b).size, threshold));
  }
  CHECK(reached > 100);
  CHECK_FALSE(may_reach(40, 20, 70));  // ten words against five: at best 50
  CHECK(may_reach(40, 28, 70));        // ten against seven: 70 if the seven are all there
}

TEST_CASE("the indexed lookup finds what the exhaustive scan finds") {
  TestStore t;
  std::mt19937 random(11);
  std::vector<std::string> sources;
  REQUIRE(t.store.transaction([&]() -> Status {
    for (int i = 0; i < 140; ++i) {  // fewer than the 150 candidates rescored: the index must miss none
      sources.push_back(random_sentence(random, 4 + random() % 10, 12));
      if (auto added = t.store.add(unit_of({{"en", sources.back()}, {"ar", "ترجمة " + std::to_string(i)}})); !added)
        return added.error();
    }
    return success();
  }).ok());
  int compared = 0;
  for (int q = 0; q < 60; ++q) {
    auto words = sources[random() % sources.size()];
    const auto space = words.find(' ', random() % words.size());
    words.insert(space == std::string::npos ? words.size() : space, " Liberty");
    const int threshold = q % 2 ? 70 : 35;  // a low one: other random sentences match too
    const auto indexed = t.store.lookup(words, to_ar(5, threshold));
    const auto scanned = t.store.lookup_exhaustive(words, to_ar(5, threshold));
    REQUIRE(indexed.ok());
    REQUIRE(scanned.ok());
    REQUIRE(indexed->size() == scanned->size());
    for (std::size_t i = 0; i < indexed->size(); ++i) {
      CHECK((*indexed)[i].unit_id == (*scanned)[i].unit_id);
      CHECK((*indexed)[i].score == (*scanned)[i].score);
    }
    compared += static_cast<int>(scanned->size());
  }
  CHECK(compared > 90);
}

TEST_CASE("a database of schema version 1 gets its fuzzy index on open") {
  TestStore t;
  const auto path = t.folder / "old.sqlite";
  {
    auto old = Store::open(path);
    REQUIRE(old.ok());
    REQUIRE(old->add(unit_of({{"en", "The residents were moved to Camp Liberty on Sunday."}, {"ar", "نُقل السكان."}})).ok());
  }
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  CHECK(sqlite3_exec(db, "DROP INDEX units_source; ALTER TABLE units DROP COLUMN source_id; DROP TABLE sources;"
                         " DROP TABLE fuzzy_postings; DROP TABLE fuzzy_terms; ALTER TABLE variants DROP COLUMN fuzzy_size;"
                         " PRAGMA user_version = 1", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  auto reopened = Store::open(path);
  REQUIRE(reopened.ok());
  CHECK(*reopened->integrity_check() == "ok");
  const auto matches = reopened->lookup("The residents were moved to Camp Liberty on Monday.", to_ar(5));
  REQUIRE(matches.ok());
  REQUIRE(matches->size() == 1);
  CHECK((*matches)[0].score == 89);  // 1 - 1 / (9 words + 0.25 for the full stop)
}

}  // namespace edsync::tm
