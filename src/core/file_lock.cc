#include "edsync/file_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>
#include <utility>

namespace edsync {

namespace fs = std::filesystem;

namespace {

constexpr std::chrono::milliseconds kPollInterval{20};

Error lock_error(const fs::path& path, const std::string& what) {
  return io_error(path.string() + ": cannot " + what + ": " + std::strerror(errno));
}

std::string seconds_text(std::chrono::milliseconds wait) {
  const auto tenths = (wait.count() + 50) / 100;
  return tenths % 10 == 0 ? std::to_string(tenths / 10) : std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

}  // namespace

Result<FileLock> FileLock::acquire(const fs::path& path, const LockWait& wait) {
  std::error_code error;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), error);
  if (error) return io_error(path.parent_path().string() + ": cannot create the folder: " + error.message());
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return lock_error(path, "open the lock file");
  const auto start = std::chrono::steady_clock::now();
  bool noticed = false;
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      const Error failed = lock_error(path, "lock");
      ::close(fd);
      return failed;
    }
    const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    if (wait.timeout && waited >= *wait.timeout) {
      ::close(fd);
      return io_error(path.string() + ": another edsync command still holds the lock after " +
                      seconds_text(*wait.timeout) + " s; nothing was changed, run the command again later");
    }
    if (!noticed && waited >= wait.notice_after) {
      noticed = true;
      if (wait.on_wait) wait.on_wait();
    }
    std::this_thread::sleep_for(kPollInterval);
  }
  return FileLock(fd);
}

FileLock::FileLock(FileLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

FileLock& FileLock::operator=(FileLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

FileLock::~FileLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

}  // namespace edsync
