// An exclusive lock between processes, held on a lock file (flock): the
// workspace's writers take it so that only one changes a thing at a time.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>

#include "edsync/result.h"

namespace edsync {

// How to wait for a lock another process holds.
struct LockWait {
  // Called once when the lock is still held after `notice_after`.
  std::function<void()> on_wait;
  std::chrono::milliseconds notice_after{1000};
  // Give up after this long (an io Error); wait as long as it takes without.
  std::optional<std::chrono::milliseconds> timeout;
};

class FileLock {
 public:
  // Creates `path` (and its folder) when absent and locks it, waiting as `wait` says.
  static Result<FileLock> acquire(const std::filesystem::path& path, const LockWait& wait = {});
  FileLock(FileLock&& other) noexcept;
  FileLock& operator=(FileLock&& other) noexcept;
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  ~FileLock();  // releases the lock

 private:
  explicit FileLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace edsync
