#include "external_sort.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <memory>
#include <queue>

namespace edsync::tm::detail {

namespace fs = std::filesystem;

namespace {

Error run_error(const fs::path& run, const char* what) {
  return io_error(run.string() + ": cannot " + what + " the sort run: " + std::strerror(errno));
}

void write_size(std::ofstream& out, std::uint64_t size) { out.write(reinterpret_cast<const char*>(&size), sizeof size); }

// One run being merged: its current record.
class RunReader {
 public:
  explicit RunReader(const fs::path& path) : path_(path), in_(path, std::ios::binary) {}

  // Reads the next record; false at the end of the run.
  Result<bool> next() {
    std::uint64_t sizes[2];
    if (!in_.read(reinterpret_cast<char*>(sizes), sizeof sizes)) {
      if (in_.eof() && in_.gcount() == 0) return false;
      return run_error(path_, "read");
    }
    key_.resize(sizes[0]);
    value_.resize(sizes[1]);
    if (!in_.read(key_.data(), static_cast<std::streamsize>(sizes[0])) ||
        !in_.read(value_.data(), static_cast<std::streamsize>(sizes[1])))
      return run_error(path_, "read");
    return true;
  }

  const std::string& key() const { return key_; }
  const std::string& value() const { return value_; }
  bool opened() const { return static_cast<bool>(in_); }

 private:
  fs::path path_;
  std::ifstream in_;
  std::string key_, value_;
};

}  // namespace

ExternalSorter::ExternalSorter(fs::path scratch, std::size_t memory_budget)
    : scratch_(std::move(scratch)), budget_(memory_budget) {}

ExternalSorter::~ExternalSorter() {
  std::error_code ignored;
  for (const auto& run : runs_) fs::remove(run, ignored);
}

Status ExternalSorter::add(std::string key, std::string value) {
  held_bytes_ += key.size() + value.size() + 2 * sizeof(std::string);
  records_.emplace_back(std::move(key), std::move(value));
  if (held_bytes_ >= budget_) return spill();
  return success();
}

Status ExternalSorter::spill() {
  std::stable_sort(records_.begin(), records_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::error_code error;
  fs::create_directories(scratch_, error);
  if (error) return io_error(scratch_.string() + ": cannot create the folder: " + error.message());
  const fs::path run = scratch_ / ("run-" + std::to_string(runs_.size()));
  runs_.push_back(run);
  std::ofstream out(run, std::ios::binary | std::ios::trunc);
  for (const auto& [key, value] : records_) {
    write_size(out, key.size());
    write_size(out, value.size());
    out << key << value;
  }
  out.close();
  if (!out) return run_error(run, "write");
  records_.clear();
  held_bytes_ = 0;
  return success();
}

Status ExternalSorter::drain(const std::function<Status(std::string_view key, std::string_view value)>& visit) {
  if (runs_.empty()) {
    std::stable_sort(records_.begin(), records_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& record : records_)
      if (Status visited = visit(record.first, record.second); !visited) return visited;
    records_.clear();
    held_bytes_ = 0;
    return success();
  }
  if (!records_.empty())
    if (Status spilled = spill(); !spilled) return spilled;
  std::vector<std::unique_ptr<RunReader>> readers;
  // Smallest key first; among equal keys the earlier run, which holds the earlier records.
  auto later = [&](std::size_t a, std::size_t b) {
    const int order = readers[a]->key().compare(readers[b]->key());
    return order != 0 ? order > 0 : a > b;
  };
  std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> heads(later);
  for (const auto& run : runs_) {
    readers.push_back(std::make_unique<RunReader>(run));
    if (!readers.back()->opened()) return run_error(run, "open");
    const auto more = readers.back()->next();
    if (!more) return more.error();
    if (*more) heads.push(readers.size() - 1);
  }
  while (!heads.empty()) {
    const std::size_t at = heads.top();
    heads.pop();
    if (Status visited = visit(readers[at]->key(), readers[at]->value()); !visited) return visited;
    const auto more = readers[at]->next();
    if (!more) return more.error();
    if (*more) heads.push(at);
  }
  readers.clear();
  std::error_code ignored;
  for (const auto& run : runs_) fs::remove(run, ignored);
  runs_.clear();
  return success();
}

}  // namespace edsync::tm::detail
