#include "external_sort.h"

#include <doctest/doctest.h>

#include <random>

#include "test_store.h"

namespace edsync::tm::detail {

namespace {

std::vector<std::string> drained(ExternalSorter& sorter) {
  std::vector<std::string> values;
  REQUIRE(sorter.drain([&](std::string_view, std::string_view value) -> Status {
                  values.emplace_back(value);
                  return success();
                })
              .ok());
  return values;
}

}  // namespace

TEST_CASE("records come back in key order, equal keys in the order they came") {
  const auto scratch = test::fresh_folder("sort-small");
  ExternalSorter sorter(scratch / "runs", 1 << 20);
  for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
           {"b", "b1"}, {"a", "a1"}, {"c", "c1"}, {"a", "a2"}, {"b", "b2"}})
    REQUIRE(sorter.add(key, value).ok());
  CHECK(drained(sorter) == std::vector<std::string>{"a1", "a2", "b1", "b2", "c1"});
  CHECK(sorter.runs_written() == 0);
  std::filesystem::remove_all(scratch);
}

TEST_CASE("past the memory budget the runs on disk merge into the same order") {
  const auto scratch = test::fresh_folder("sort-runs");
  std::vector<std::pair<std::string, std::string>> records;
  std::mt19937 random(7);
  for (int i = 0; i < 5000; ++i) {
    const std::string key = std::to_string(random() % 700);
    records.emplace_back(key, key + "/" + std::to_string(i) + std::string(random() % 50, 'x'));
  }
  ExternalSorter sorter(scratch / "runs", 16 << 10);
  for (const auto& [key, value] : records) REQUIRE(sorter.add(key, value).ok());
  CHECK(sorter.runs_written() > 10);
  std::stable_sort(records.begin(), records.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> expected;
  for (const auto& record : records) expected.push_back(record.second);
  CHECK(drained(sorter) == expected);
  CHECK(std::filesystem::is_empty(scratch / "runs"));
  std::filesystem::remove_all(scratch);
}

}  // namespace edsync::tm::detail
