// What a Store holds, shared by the files that implement it.
#pragma once

#include <filesystem>
#include <stdexcept>

#include "edsync/tm.h"
#include "fuzzy_index.h"
#include "sqlite.h"

namespace edsync::tm {

struct Store::State {
  explicit State(const std::filesystem::path& file) : path(file), db(file.string()) {}
  std::filesystem::path path;
  sql::Database db;
  int version = 0;
  PendingPostings pending;  // fuzzy index postings of the open write transaction
};

// Runs `body`, turning a database failure into an io Error naming the file.
template <typename Body>
auto guarded(const std::filesystem::path& path, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const std::exception& error) {
    return io_error(path.string() + ": " + error.what());
  }
}

}  // namespace edsync::tm
