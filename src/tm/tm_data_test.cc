// Every TMX file of ../shared/data/tmx imports, or is refused with a message
// naming the file, line and column; what imports exports and re-imports to
// the same memory.
#include <doctest/doctest.h>

#include <regex>
#include <sstream>

#include "edsync/file_io.h"
#include "shared_data.h"
#include "test_store.h"

namespace edsync::tm {

namespace {

std::string exported(Store& store) {
  std::ostringstream out;
  REQUIRE(export_tmx(store, out).ok());
  return out.str();
}

}  // namespace

TEST_CASE("every shared TMX file imports or is refused precisely, and survives export") {
  const auto data = edsync::test::shared_data_dir();
  REQUIRE(data);
  int imported = 0, refused = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(*data / "tmx")) {
    if (entry.path().extension() != ".tmx") continue;
    CAPTURE(entry.path());
    tm::test::TestStore a;
    const auto report = import_tmx(a.store, entry.path());
    if (!report) {
      ++refused;
      CHECK(std::regex_search(report.error().message, std::regex("^" + std::regex_replace(entry.path().string(), std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") + ":[0-9]+:[0-9]+: ")));
      CHECK(*a.store.unit_count() == 0);
      MESSAGE("refused: " << report.error().message);
      continue;
    }
    ++imported;
    const std::string first = exported(a.store);
    tm::test::TestStore b;
    REQUIRE(write_file_atomically(b.folder / "round.tmx", first).ok());
    const auto again = import_tmx(b.store, b.folder / "round.tmx");
    REQUIRE(again.ok());
    CHECK(*b.store.unit_count() == *a.store.unit_count());
    CHECK(exported(b.store) == first);
    // The file's header is one import source, the same after the round trip.
    const auto sources = a.store.sources();
    REQUIRE(sources.ok());
    CHECK(sources->size() == (*a.store.unit_count() > 0 ? 1u : 0u));
    const auto again_sources = b.store.sources();
    REQUIRE(again_sources.ok());
    REQUIRE(again_sources->size() == sources->size());
    for (std::size_t i = 0; i < sources->size(); ++i) CHECK((*again_sources)[i].markup == (*sources)[i].markup);
  }
  MESSAGE(imported << " imported, " << refused << " refused");
  CHECK(imported >= 30);
}

}  // namespace edsync::tm
