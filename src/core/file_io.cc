#include "edsync/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace edsync {

namespace fs = std::filesystem;

Result<std::string> read_file(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return io_error(path.string() + ": cannot open: " + std::strerror(errno));
  // Room for the size fstat gives and one byte more, so that one read and one
  // that finds the end do; a file that grows (or a pipe) gets more room.
  struct stat info {};
  std::string content;
  content.resize(::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) ? static_cast<std::size_t>(info.st_size) + 1 : 4096);
  std::size_t filled = 0;
  for (;;) {
    if (filled == content.size()) content.resize(content.size() * 2);
    const ssize_t got = ::read(fd, content.data() + filled, content.size() - filled);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      const int error = errno;
      ::close(fd);
      return io_error(path.string() + ": read failed: " + std::strerror(error));
    }
    if (got == 0) break;
    filled += static_cast<std::size_t>(got);
  }
  ::close(fd);
  content.resize(filled);
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

}  // namespace

Status write_file_atomically(const fs::path& path, std::string_view content) {
  const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::string temp_name = (folder / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(temp_name.data());
  if (fd < 0) return failed(path, "cannot create a temporary file beside it");

  struct stat original {};
  const mode_t mode = ::stat(path.c_str(), &original) == 0 ? (original.st_mode & 07777) : 0644;
  const bool written = ::fchmod(fd, mode) == 0 && write_all(fd, content) && ::fsync(fd) == 0;
  const int saved_errno = errno;
  ::close(fd);
  if (!written) {
    ::unlink(temp_name.c_str());
    errno = saved_errno;
    return failed(path, "cannot write");
  }
  if (::rename(temp_name.c_str(), path.c_str()) != 0) {
    const Error error = failed(path, "cannot replace");
    ::unlink(temp_name.c_str());
    return error;
  }
  return success();
}

}  // namespace edsync
