#include "fuzzy_index.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <random>

#include "test_store.h"

namespace edsync::tm {

using test::TestStore;
using test::common_memory;
using test::shown;
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

// The words of `text` with up to three replaced, deleted or inserted.
std::string edited(const std::string& text, std::mt19937& random, std::size_t vocabulary) {
  std::vector<std::string> words;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t space = std::min(text.find(' ', at), text.size());
    words.push_back(text.substr(at, space - at));
    at = space + 1;
  }
  for (int edit = static_cast<int>(random() % 4); edit > 0; --edit) {
    const auto at = words.begin() + static_cast<std::ptrdiff_t>(words.empty() ? 0 : random() % words.size());
    const auto kind = random() % 3;
    if (kind == 0 || words.empty()) words.insert(at, kWords[random() % vocabulary]);
    else if (kind == 1) words.erase(at);
    else *at = kWords[random() % vocabulary];
  }
  std::string joined;
  for (const auto& word : words) joined += (joined.empty() ? "" : " ") + word;
  return joined;
}

LookupOptions to_ar(std::size_t max, int threshold = 70) {
  LookupOptions options;
  options.target_lang = "ar";
  options.threshold = threshold;
  options.max_results = max;
  return options;
}

}  // namespace

TEST_CASE("a segment's shape: quarter-word size and its distinct case-folded word pairs") {
  const auto shape = shape_of(tokenize("The camp, the CAMP."));
  CHECK(shape.size == 4 * 4 + 2);
  CHECK(segment_size(tokenize("The camp, the CAMP.")) == shape.size);
  CHECK(shape.terms.size() == 5);  // start-the, the-camp, camp-the, camp-end, and the key every segment holds
  CHECK(shape.terms == shape_of(tokenize("the Camp the camp!")).terms);
  CHECK(shape.terms != shape_of(tokenize("camp the camp the")).terms);
  CHECK(shape_of(tokenize("...")).terms.size() == 2);  // no word: the pair start-end
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

TEST_CASE("the word-pair bound is never below the score a segment reaches") {
  std::mt19937 random(17);
  int close = 0;
  for (int i = 0; i < 4000; ++i) {
    const std::size_t vocabulary = 4 + random() % (kWords.size() - 4);
    const std::string query_text = random_sentence(random, random() % 14, vocabulary);
    std::string segment_text = random_sentence(random, random() % 14, vocabulary);
    if (i % 2) segment_text = edited(query_text, random, vocabulary);  // close scores
    const auto query = tokenize(query_text);
    const auto segment = tokenize(segment_text);
    const auto held = shape_of(segment).terms;
    std::int64_t lacking = 0;
    for (const auto pair : word_pairs(query)) lacking += std::binary_search(held.begin(), held.end(), pair) ? 0 : 1;
    const int score = fuzzy_score(segment, query);
    const int bound = best_possible_score(shape_of(query).size, shape_of(segment).size, lacking);
    CHECK(bound >= score);
    close += bound - score <= 10 ? 1 : 0;
  }
  CHECK(close > 1000);
}

// The index finds each size's allowance of lacking pairs by bisection.
TEST_CASE("the word-pair bound falls as a segment lacks more pairs") {
  for (std::int64_t query = 0; query <= 120; query += 3)
    for (std::int64_t size = 0; size <= 160; size += 5)
      for (std::int64_t lacking = 0; lacking < 80; ++lacking) {
        const int now = best_possible_score(query, size, lacking);
        const int next = best_possible_score(query, size, lacking + 1);
        if (next > now) FAIL_CHECK("query ", query, " size ", size, " lacking ", lacking, ": ", now, " then ", next);
      }
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

// The fuzzy index as rows that name variants by their text, not their id.
std::string index_rows(const std::filesystem::path& path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  std::string rows;
  const auto collect = [](void* out, int columns, char** values, char**) {
    for (int c = 0; c < columns; ++c) *static_cast<std::string*>(out) += std::string(values[c]) + (c + 1 < columns ? " " : "\n");
    return 0;
  };
  CHECK(sqlite3_exec(db,
                     "SELECT p.term, p.size, v.text FROM fuzzy_postings p JOIN variants v ON v.id = p.variant_id"
                     " UNION ALL SELECT term, docs, '' FROM fuzzy_terms ORDER BY 1, 2, 3",
                     collect, &rows, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  return rows;
}

TEST_CASE("the fuzzy index is the same whatever order the units came in") {
  std::mt19937 random(5);
  std::vector<tmx::Unit> units;
  for (int i = 0; i < 300; ++i)
    units.push_back(unit_of({{"en", random_sentence(random, 1 + random() % 12)}, {"ar", "\u062a " + std::to_string(i)}}));
  TestStore forward, shuffled;
  for (const auto& unit : units) REQUIRE(forward.store.add(unit).ok());
  std::shuffle(units.begin(), units.end(), random);
  for (const auto& unit : units) REQUIRE(shuffled.store.add(unit).ok());
  const auto rows = index_rows(forward.folder / "tm.sqlite");
  CHECK(std::count(rows.begin(), rows.end(), '\n') > 2000);
  CHECK(rows == index_rows(shuffled.folder / "tm.sqlite"));
}

TEST_CASE("a database of schema version 2 (word postings) gets its index of word pairs on open") {
  TestStore t, fresh;
  const auto path = t.folder / "old.sqlite";
  const auto unit = unit_of({{"en", "The residents were moved to Camp Liberty on Sunday."}, {"ar", "\u0646\u064f\u0642\u0644."}});
  {
    auto old = Store::open(path);
    REQUIRE(old.ok());
    REQUIRE(old->add(unit).ok());
  }
  REQUIRE(fresh.store.add(unit).ok());
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  CHECK(sqlite3_exec(db, "DROP INDEX units_source; ALTER TABLE units DROP COLUMN source_id; DROP TABLE sources;"
                         " DELETE FROM fuzzy_postings; DELETE FROM fuzzy_terms;"
                         " INSERT INTO fuzzy_postings VALUES(1234, 41, 1); INSERT INTO fuzzy_terms VALUES(1234, 1);"
                         " PRAGMA user_version = 2", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  auto reopened = Store::open(path);
  REQUIRE(reopened.ok());
  CHECK(reopened->schema_version() == kSchemaVersion);
  CHECK(*reopened->integrity_check() == "ok");
  CHECK(reopened->add_source(tmx::Header{}).ok());  // and through version 4: import sources
  CHECK(index_rows(path) == index_rows(fresh.folder / "tm.sqlite"));
  const auto matches = reopened->lookup("The residents were moved to Camp Liberty on Monday.", to_ar(5));
  REQUIRE(matches.ok());
  REQUIRE(matches->size() == 1);
  CHECK((*matches)[0].score == 89);
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

namespace edsync::tm {

namespace {

void fill(Store& store, const std::vector<tmx::Unit>& units) {
  REQUIRE(store.transaction([&]() -> Status {
    for (const auto& unit : units)
      if (auto added = store.add(unit); !added) return added.error();
    return success();
  }).ok());
}

}  // namespace

TEST_CASE("the indexed lookup returns the exhaustive scan's matches at any threshold, punctuation too") {
  TestStore t;
  std::mt19937 random(3);
  const auto punctuation = [&] {
    std::string text;
    for (std::size_t i = 0, marks = 1 + random() % 6; i < marks; ++i) text += kWords[kWords.size() - 4 + random() % 3];
    return text;
  };
  std::vector<tmx::Unit> units;
  for (int i = 0; i < 200; ++i) {
    const std::string source = i % 5 ? random_sentence(random, 1 + random() % 10) : punctuation();
    units.push_back(unit_of({{"en", source}, {"ar", "\u062a " + std::to_string(i)}}));
  }
  fill(t.store, units);
  int compared = 0;
  for (int q = 0; q < 120; ++q) {
    std::string query = q % 6 == 5 ? punctuation() : random_sentence(random, 1 + random() % 10);
    if (q % 6 == 4) query += punctuation() + punctuation();
    const auto options = to_ar(5, std::array{0, 25, 50, 70, 90, 100}[static_cast<std::size_t>(q / 6 % 6)]);
    const auto indexed = t.store.lookup(query, options);
    const auto scanned = t.store.lookup_exhaustive(query, options);
    REQUIRE(indexed.ok());
    REQUIRE(scanned.ok());
    CHECK(shown(*indexed) == shown(*scanned));
    compared += static_cast<int>(scanned->size());
  }
  CHECK(compared > 150);
}

TEST_CASE("lookups of common words find the best match, whatever order the memory was built in") {
  const auto memory = common_memory(24'000);
  TestStore forward, backward;
  fill(forward.store, memory.units);
  fill(backward.store, std::vector<tmx::Unit>(memory.units.rbegin(), memory.units.rend()));
  std::mt19937 random(8);
  int answerable = 0, best_found = 0;
  for (int q = 0; q < 40; ++q) {
    std::string query = memory.sentences[random() % memory.sentences.size()];
    if (q % 4 == 1) query.replace(query.rfind(' ') + 1, std::string::npos, "monday");  // another last word
    auto options = to_ar(10, q % 8 == 3 ? 50 : 70);
    const auto indexed = forward.store.lookup(query + ".", options);
    const auto reversed = backward.store.lookup(query + ".", options);
    const auto scanned = forward.store.lookup_exhaustive(query + ".", options);
    REQUIRE(indexed.ok());
    REQUIRE(reversed.ok());
    REQUIRE(scanned.ok());
    CHECK(shown(*indexed) == shown(*reversed));
    CHECK(shown(*indexed) == shown(*scanned));
    if (scanned->empty()) continue;
    ++answerable;
    if (!indexed->empty() && (*indexed)[0].score == (*scanned)[0].score) ++best_found;
  }
  CHECK(answerable >= 30);
  CHECK(best_found >= 0.99 * answerable);
}

}  // namespace edsync::tm
