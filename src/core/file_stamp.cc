#include "edsync/file_stamp.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>

namespace edsync {

namespace {

constexpr std::int64_t kRacyNanoseconds = 2'000'000'000;

std::int64_t nanoseconds(const timespec& time) { return std::int64_t{time.tv_sec} * 1'000'000'000 + time.tv_nsec; }

FileStamp stamp_from(const struct stat& info) {
  return FileStamp{static_cast<std::int64_t>(info.st_size), nanoseconds(info.st_mtim), nanoseconds(info.st_ctim),
                   static_cast<std::uint64_t>(info.st_ino)};
}

}  // namespace

std::optional<FileStamp> stamp_of(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return std::nullopt;
  return stamp_from(info);
}

std::optional<FileStamp> stamp_at(int dir_fd, const char* name) {
  struct stat info {};
  if (::fstatat(dir_fd, name, &info, 0) != 0) return std::nullopt;
  return stamp_from(info);
}

bool is_racy(const FileStamp& stamp, std::int64_t now) {
  return now - std::max(stamp.modified, stamp.changed) < kRacyNanoseconds;
}

std::int64_t now_in_nanoseconds() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace edsync
