#include "edsync/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace edsync {

namespace fs = std::filesystem;

namespace {

Error folder_given(const fs::path& path, std::string_view what) {
  return input_error(path.string() + ": is a folder; give " + std::string(what));
}

// Reads to the end into `content`, which starts with the room expected; a file
// that grows (or a pipe) gets more. Returns 0 or the errno of a failed read.
int read_to_end(int fd, std::string& content) {
  std::size_t filled = 0;
  for (;;) {
    if (filled == content.size()) content.resize(content.size() * 2);
    const ssize_t got = ::read(fd, content.data() + filled, content.size() - filled);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return errno;
    if (got == 0) break;
    filled += static_cast<std::size_t>(got);
  }
  content.resize(filled);
  return 0;
}

}  // namespace

Status refuse_folder(const fs::path& path, std::string_view what) {
  std::error_code error;
  if (!fs::is_directory(path, error)) return success();
  return folder_given(path, what);
}

Result<std::string> read_file(const fs::path& path, std::string_view what) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    if (const Status file = refuse_folder(path, what); !file) return file.error();
    return io_error(path.string() + ": cannot open: " + std::strerror(error));
  }
  // Room for the size fstat gives and one byte more, so that one read and one
  // that finds the end do. The same fstat tells a folder, which opens on Linux.
  struct stat info {};
  const bool known = ::fstat(fd, &info) == 0;
  if (known && S_ISDIR(info.st_mode)) {
    ::close(fd);
    return folder_given(path, what);
  }
  std::string content(known && S_ISREG(info.st_mode) ? static_cast<std::size_t>(info.st_size) + 1 : 4096, '\0');
  const int error = read_to_end(fd, content);
  ::close(fd);
  if (error != 0) return io_error(path.string() + ": read failed: " + std::strerror(error));
  return content;
}

Result<std::string> read_file_or_stdin(const std::string& path, std::string_view what) {
  if (path != "-") return read_file(path, what);
  std::string content(4096, '\0');
  if (const int error = read_to_end(STDIN_FILENO, content); error != 0)
    return io_error(std::string("standard input: read failed: ") + std::strerror(error));
  return content;
}

namespace {

bool write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    const ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    content.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

Error failed(const fs::path& path, const char* what) {
  return io_error(path.string() + ": " + what + ": " + std::strerror(errno));
}

// A symbolic link is kept: the file it leads to is the one replaced, as an
// editor saving through the link would do.
fs::path link_target(const fs::path& path) {
  std::error_code error;
  if (!fs::is_symlink(path, error)) return path;
  const fs::path target = fs::canonical(path, error);
  return error ? path : target;
}

struct TempFile {
  std::string name;
  dev_t device = 0;  // its file system
};

// A file beside `path` holding `content`, with the permissions of `path`
// (0644 for a new file), flushed to disk if asked.
Result<TempFile> write_temp_file(const fs::path& path, std::string_view content, Flush flush) {
  const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
  TempFile temp{(folder / ("." + path.filename().string() + ".tmp-XXXXXX")).string()};
  const int fd = ::mkstemp(temp.name.data());
  if (fd < 0) return failed(path, "cannot create a temporary file beside it");
  struct stat original {};
  const mode_t mode = ::stat(path.c_str(), &original) == 0 ? (original.st_mode & 07777) : 0644;
  struct stat written_file {};
  const bool written = ::fchmod(fd, mode) == 0 && write_all(fd, content) &&
                       (flush == Flush::no || ::fsync(fd) == 0) && ::fstat(fd, &written_file) == 0;
  const int saved_errno = errno;
  ::close(fd);
  if (!written) {
    ::unlink(temp.name.c_str());
    errno = saved_errno;
    return failed(path, "cannot write");
  }
  temp.device = written_file.st_dev;
  return temp;
}

Status replace_by(const std::string& temp_name, const fs::path& path) {
  if (::rename(temp_name.c_str(), path.c_str()) == 0) return success();
  const Error error = failed(path, "cannot replace");
  ::unlink(temp_name.c_str());
  return error;
}

}  // namespace

Status write_file_atomically(const fs::path& requested, std::string_view content, Flush flush) {
  const fs::path path = link_target(requested);
  const auto temp = write_temp_file(path, content, flush);
  if (!temp) return temp.error();
  return replace_by(temp->name, path);
}

AtomicWrites::~AtomicWrites() {
  for (const auto& staged : staged_) ::unlink(staged.temp.c_str());
}

Status AtomicWrites::stage(const fs::path& requested, std::string_view content) {
  fs::path path = link_target(requested);
  auto temp = write_temp_file(path, content, Flush::no);
  if (!temp) return temp.error();
  staged_.push_back({std::move(temp->name), path});
  const auto known = std::find_if(file_systems_.begin(), file_systems_.end(),
                                  [&](const auto& file_system) { return file_system.first == temp->device; });
  if (known == file_systems_.end()) file_systems_.emplace_back(temp->device, path.has_parent_path() ? path.parent_path() : ".");
  return success();
}

Status AtomicWrites::commit() {
  for (const auto& [device, folder] : file_systems_) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    const bool synced = fd >= 0 && ::syncfs(fd) == 0;
    const int saved_errno = errno;
    if (fd >= 0) ::close(fd);
    errno = saved_errno;
    if (!synced) return failed(folder, "cannot flush the files written to disk");
  }
  std::size_t done = 0;
  Status replaced = success();
  for (; done < staged_.size() && replaced; ++done) replaced = replace_by(staged_[done].temp, staged_[done].target);
  staged_.erase(staged_.begin(), staged_.begin() + static_cast<std::ptrdiff_t>(done));
  file_systems_.clear();
  return replaced;
}

Status flush_to_disk(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return failed(path, "cannot open");
  const bool synced = ::fsync(fd) == 0;
  const int saved_errno = errno;
  ::close(fd);
  errno = saved_errno;
  return synced ? success() : failed(path, "cannot flush to disk");
}

Status write_file_streamed(const fs::path& path, const std::function<Status(std::ostream&)>& fill) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return failed(path, "cannot create");
  errno = 0;
  const Status filled = fill(out);
  // A stream that failed lost bytes to the system: its reason is the one to give.
  if (out.bad()) return failed(path, "cannot write");
  if (!filled) return filled;
  out.close();
  if (!out) return failed(path, "cannot write");
  return flush_to_disk(path);
}

}  // namespace edsync
