// Helpers for the tm unit tests: a fresh database per test, checked for
// integrity when the test ends, and units written tersely.
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "edsync/tm.h"

namespace edsync::tm::test {

inline std::filesystem::path fresh_folder(const std::string& name) {
  static std::atomic<int> counter{0};
  const auto folder = std::filesystem::temp_directory_path() /
                      ("edsync-tm-" + name + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  return folder;
}

struct TestStore {
  std::filesystem::path folder = fresh_folder("store");
  Store store = std::move(Store::open(folder / "tm.sqlite").value());

  ~TestStore() {
    const auto report = store.integrity_check();
    CHECK(report.ok());
    if (report.ok()) CHECK(*report == "ok");
    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
  }
};

// A unit from (lang, text) pairs; content equals text.
inline tmx::Unit unit_of(std::vector<std::pair<std::string, std::string>> variants,
                         std::vector<tmx::Attribute> attributes = {}) {
  tmx::Unit unit;
  unit.attributes = std::move(attributes);
  for (auto& [lang, text] : variants) unit.variants.push_back({lang, {}, {}, {}, text, text});
  return unit;
}

}  // namespace edsync::tm::test
