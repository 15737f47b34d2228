// Sorting more than should be held in memory: records stay in memory up to
// a budget, then go to disk as a sorted run; drain() merges the runs. Used
// to write tm/*.tmx in canonical order whatever the size of the memory.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "edsync/result.h"

namespace edsync::tm::detail {

class ExternalSorter {
 public:
  // Runs are written to `scratch` (created when needed, removed by the destructor).
  ExternalSorter(std::filesystem::path scratch, std::size_t memory_budget);
  ExternalSorter(const ExternalSorter&) = delete;
  ExternalSorter& operator=(const ExternalSorter&) = delete;
  ~ExternalSorter();

  Status add(std::string key, std::string value);
  // Calls `visit` with every record in key order; records with equal keys
  // come in the order they were added. The sorter is empty afterwards.
  Status drain(const std::function<Status(std::string_view key, std::string_view value)>& visit);

  std::size_t runs_written() const { return runs_.size(); }

 private:
  Status spill();

  std::filesystem::path scratch_;
  std::size_t budget_;
  std::size_t held_bytes_ = 0;
  std::vector<std::pair<std::string, std::string>> records_;
  std::vector<std::filesystem::path> runs_;
};

}  // namespace edsync::tm::detail
