// Knowing a file has not changed without reading it, as git's index does: its
// size, modification and change times and inode, kept beside what was read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

namespace edsync {

struct FileStamp {
  std::int64_t size = 0, modified = 0, changed = 0;  // times in nanoseconds since the epoch
  std::uint64_t inode = 0;
  bool operator==(const FileStamp&) const = default;
};

// The stamp of the file at `path` (links followed); nullopt when it cannot be read.
std::optional<FileStamp> stamp_of(const std::filesystem::path& path);
// The same for `name` in the open folder `dir_fd`, without looking the folder up again.
std::optional<FileStamp> stamp_at(int dir_fd, const char* name);

// A file changed within two seconds of `now` may change again within the
// times' granularity without its stamp changing: such a stamp is not trusted.
bool is_racy(const FileStamp& stamp, std::int64_t now);

std::int64_t now_in_nanoseconds();

}  // namespace edsync
