#include "edsync/memory.h"

#include <doctest/doctest.h>

#include <sstream>

#include "edsync/file_io.h"
#include "test_store.h"

namespace edsync::tm {

namespace fs = std::filesystem;
using test::unit_of;

namespace {

WorkspaceConfig config_for(std::vector<std::string> langs) {
  WorkspaceConfig config;
  for (auto& lang : langs) config.editions.push_back({std::move(lang)});
  return config;
}

UnitBatch aligned_batch() {
  UnitBatch batch;
  batch.name = "editions/ar/camp.md";
  batch.units = {unit_of({{"en", "The camp was closed."}, {"ar", "أغلق المخيم."}}),
                 unit_of({{"en", "The talks went on."}, {"ar", "استمرت المحادثات."}})};
  batch.options.provenance = Provenance{Origin::aligned, "camp", "abc123"};
  return batch;
}

}  // namespace

TEST_CASE("units written through the memory land in tm/ and are found, and the next open finds the index in step") {
  const auto root = test::fresh_folder("memory");
  const auto config = config_for({"ar", "fa"});
  {
    auto memory = Memory::open(root, config);
    REQUIRE(memory.ok());
    CHECK(memory->has_text());
    CHECK(memory->index_sync().units == 0);  // a new index, from no text
    const auto report = memory->import_units(aligned_batch());
    REQUIRE(report.ok());
    CHECK(report->read == 2);
    CHECK(report->added == 2);
    LookupOptions options;
    options.target_lang = "ar";
    const auto matches = memory->lookup("The camp was closed.", options);
    REQUIRE(matches.ok());
    REQUIRE(matches->size() == 1);
    CHECK(matches->front().target == "أغلق المخيم.");
    CHECK(matches->front().provenance.origin == Origin::aligned);
    CHECK(matches->front().provenance.article_id == "camp");
  }
  const auto text = read_file(root / "tm" / "ar.tmx");
  REQUIRE(text.ok());
  CHECK(text->find("<prop type=\"x-edsync-origin\">aligned</prop>") != std::string::npos);
  CHECK_FALSE(fs::exists(root / "tm" / "fa.tmx"));

  auto again = Memory::open(root, config);
  REQUIRE(again.ok());
  CHECK(again->index_sync().action == IndexSync::Action::none);
  CHECK(*again->unit_count() == 2);
  fs::remove_all(root);
}

TEST_CASE("a batch with a bad unit adds nothing, names the batch and the unit, and leaves tm/ alone") {
  const auto root = test::fresh_folder("memory-bad-batch");
  auto memory = Memory::open(root, config_for({"ar"}));
  REQUIRE(memory.ok());
  REQUIRE(memory->import_units(aligned_batch()).ok());
  const auto before = read_file(root / "tm" / "ar.tmx");
  UnitBatch bad = aligned_batch();
  bad.units[1].variants[1].lang = "not a tag!";
  const auto refused = memory->import_units(bad);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().kind == ErrorKind::bad_input);
  CHECK(refused.error().message.starts_with("editions/ar/camp.md: unit 2: "));
  CHECK(*read_file(root / "tm" / "ar.tmx") == *before);
  CHECK(*memory->unit_count() == 2);
  fs::remove_all(root);
}

TEST_CASE("a lost index is rebuilt on open, with progress reported; rebuild and a database alone") {
  const auto root = test::fresh_folder("memory-rebuild");
  const auto config = config_for({"ar"});
  REQUIRE(Memory::open(root, config)->import_units(aligned_batch()).ok());
  fs::remove(root / ".edsync" / "tm.sqlite");
  std::vector<std::string> tasks;
  MemoryOptions options;
  options.on_progress = [&](const Progress& at) {
    if (tasks.empty() || tasks.back() != at.task) tasks.emplace_back(at.task);
  };
  auto memory = Memory::open(root, config, options);
  REQUIRE(memory.ok());
  CHECK(memory->index_sync().action == IndexSync::Action::rebuilt);
  CHECK(memory->index_sync().units == 2);
  CHECK(tasks == std::vector<std::string>{"reading tm/"});
  const auto rebuilt = memory->rebuild();
  REQUIRE(rebuilt.ok());
  CHECK(*rebuilt == 2);
  CHECK(*memory->unit_count() == 2);
  auto rebuilt_on_open = Memory::open_rebuilt(root, config);
  REQUIRE(rebuilt_on_open.ok());
  CHECK(rebuilt_on_open->index_sync().action == IndexSync::Action::rebuilt);

  auto alone = Memory::open_database(root / "alone.sqlite");
  REQUIRE(alone.ok());
  CHECK_FALSE(alone->has_text());
  REQUIRE(alone->import_units(aligned_batch()).ok());
  CHECK(alone->rebuild().error().kind == ErrorKind::usage);
  std::ostringstream out;
  REQUIRE(alone->export_tmx(out).ok());
  CHECK(out.str().find("The talks went on.") != std::string::npos);
  fs::remove_all(root);
}

}  // namespace edsync::tm

namespace edsync::tm {

TEST_CASE("a memory holding the write lock imports files one after another as separate imports would") {
  const auto root = test::fresh_folder("memory-held");
  const auto config = config_for({"ar", "fa", "sq"});
  const fs::path data = fs::path(EDSYNC_TEST_DATA_DIR) / "tm";
  MemoryOptions options;
  options.hold_write_lock = true;
  {
    auto memory = Memory::open(root, config, options);
    REQUIRE(memory.ok());
    REQUIRE(memory->import_tmx(data / "news.tmx").ok());
    REQUIRE(memory->import_units(aligned_batch()).ok());
    REQUIRE(memory->import_tmx(data / "news.tmx").ok());  // merged: tm/ stays as it is
    LockWait no_wait;
    no_wait.timeout = std::chrono::milliseconds(0);
    CHECK_FALSE(FileLock::acquire(root / ".edsync" / "tm.lock", no_wait).ok());
  }
  const auto reference = test::fresh_folder("memory-unheld");
  {
    auto memory = Memory::open(reference, config);
    REQUIRE(memory->import_tmx(data / "news.tmx").ok());
    REQUIRE(memory->import_units(aligned_batch()).ok());
  }
  for (const auto& name : {"ar.tmx", "fa.tmx", "sq.tmx", "other.tmx"}) {
    CAPTURE(name);
    CHECK(read_file(root / "tm" / name).ok() == read_file(reference / "tm" / name).ok());
    if (fs::exists(root / "tm" / name)) CHECK(*read_file(root / "tm" / name) == *read_file(reference / "tm" / name));
  }
  auto again = Memory::open(root, config);
  REQUIRE(again.ok());
  CHECK(again->index_sync().action == IndexSync::Action::none);
  CHECK(*again->unit_count() == 6);
  fs::remove_all(root);
  fs::remove_all(reference);
}

}  // namespace edsync::tm

namespace edsync::tm {

TEST_CASE("imports report their progress: units added of the batch, then units written of the memory") {
  const auto root = test::fresh_folder("memory-progress");
  std::vector<std::string> seen;
  MemoryOptions options;
  options.on_progress = [&](const Progress& at) {
    seen.push_back(std::string(at.task) + " " + std::to_string(at.done) + "/" + std::to_string(at.total));
  };
  auto memory = Memory::open(root, config_for({"ar"}), options);
  REQUIRE(memory.ok());
  seen.clear();
  REQUIRE(memory->import_units(aligned_batch()).ok());
  CHECK(seen == std::vector<std::string>{"adding editions/ar/camp.md 1/2", "adding editions/ar/camp.md 2/2",
                                         "writing tm/ 1/2", "writing tm/ 2/2"});
  auto alone = Memory::open_database(root / "alone.sqlite", options);
  seen.clear();
  REQUIRE(alone->import_tmx(fs::path(EDSYNC_TEST_DATA_DIR) / "tm" / "news.tmx").ok());
  CHECK(seen.size() == 4);
  CHECK(seen.back() == "reading news.tmx 4/0");
  fs::remove_all(root);
}

// The index is built in another order by a rebuild (tm/ sorted by English)
// than by the import (the generator's order); where every word is common a
// cut-off candidate search or ties broken by row id would change the matches.
TEST_CASE("lookups of common words give the same matches after tm rebuild as after the import that wrote tm/") {
  const auto root = test::fresh_folder("memory-rebuild");
  const auto generated = test::common_memory(24'000);
  auto memory = Memory::open(root, config_for({"ar"}));
  REQUIRE(memory.ok());
  UnitBatch batch;
  batch.name = "generated";
  batch.units = generated.units;
  REQUIRE(memory->import_units(batch).ok());
  LookupOptions options;
  options.target_lang = "ar";
  options.max_results = 10;
  std::mt19937 random(8);
  std::vector<std::string> queries;
  for (int q = 0; q < 24; ++q) {
    std::string query = generated.sentences[random() % generated.sentences.size()];
    if (q % 4 == 1) query.replace(query.rfind(' ') + 1, std::string::npos, "monday");  // another last word
    queries.push_back(query + ".");
  }
  const auto matches_of = [&](Memory& opened) {
    std::string all;
    for (const auto& query : queries) {
      const auto found = opened.lookup(query, options);
      REQUIRE(found.ok());
      all += query + "\n" + test::shown(*found);
    }
    return all;
  };
  const std::string imported = matches_of(*memory);
  CHECK(imported.find("fuzzy") != std::string::npos);
  const auto rebuilt = memory->rebuild();
  REQUIRE(rebuilt.ok());
  CHECK(*rebuilt == 24'000);  // alternatives are units of their own
  CHECK(matches_of(*memory) == imported);
}

}  // namespace edsync::tm
