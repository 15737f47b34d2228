// File reading and atomic writing.
#pragma once

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "edsync/result.h"

namespace edsync {

// Reads a whole file. A folder is bad input ("PATH: is a folder; give
// WHAT"), so a reader never mistakes it for an empty file.
Result<std::string> read_file(const std::filesystem::path& path, std::string_view what = "a file");

// The same, where "-" means standard input.
Result<std::string> read_file_or_stdin(const std::string& path, std::string_view what = "a file");

// The check read_file makes, for readers that open a stream themselves.
Status refuse_folder(const std::filesystem::path& path, std::string_view what);

// Writes through a temporary file in the same folder, flushed to disk and then
// renamed over the target: readers see the old or the new file, never half of
// one, and a crash leaves the old file intact. Keeps the target's permissions;
// a symbolic link stays a link and the file it leads to is replaced.
// `Flush::no` skips the wait for the disk, for output that is made again in
// seconds (the report's pages): readers still never see half a file, but a
// crash may leave an empty one.
enum class Flush { yes, no };
Status write_file_atomically(const std::filesystem::path& path, std::string_view content, Flush flush = Flush::yes);

// Several files replaced as write_file_atomically replaces one, with one
// wait for the disk for all of them instead of an fsync each (a syncfs of
// each file system, as dpkg does before its renames): every new text is
// written beside its file first, and only once all are written and on disk
// are they renamed into place, so a failure while writing changes no file.
// Temporary files of a batch not committed are removed.
class AtomicWrites {
 public:
  AtomicWrites() = default;
  ~AtomicWrites();
  AtomicWrites(const AtomicWrites&) = delete;
  AtomicWrites& operator=(const AtomicWrites&) = delete;

  // Writes `content` to a temporary file beside `path` (beside the file a
  // symbolic link leads to), with `path`'s permissions.
  Status stage(const std::filesystem::path& path, std::string_view content);
  // Flushes every staged file to disk, then renames each over its target.
  // A rename that fails stops there: the files before it are replaced.
  Status commit();
  std::size_t size() const { return staged_.size(); }

 private:
  struct Staged {
    std::string temp;
    std::filesystem::path target;
  };
  std::vector<Staged> staged_;
  std::vector<std::pair<unsigned long, std::filesystem::path>> file_systems_;  // device, a folder on it
};

// Writes what `fill` puts into the stream to `path` (created or emptied) and
// flushes it to disk, for content too large to hold in memory. A failure
// names the file and the system's reason ("No space left on device").
Status write_file_streamed(const std::filesystem::path& path, const std::function<Status(std::ostream&)>& fill);

// Flushes a file (or a folder, making renames in it durable) to disk.
Status flush_to_disk(const std::filesystem::path& path);

}  // namespace edsync
