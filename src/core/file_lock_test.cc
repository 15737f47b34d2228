#include "edsync/file_lock.h"

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

namespace edsync {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

fs::path lock_path() {
  const fs::path folder = fs::temp_directory_path() / ("edsync-lock-" + std::to_string(::getpid()));
  fs::remove_all(folder);
  return folder / "sub" / "tm.lock";
}

// A child process holding the lock at `path` for `ms`; returns once it holds it.
pid_t holder(const fs::path& path, int ms) {
  int ready[2];
  REQUIRE(::pipe(ready) == 0);
  const pid_t pid = ::fork();
  if (pid == 0) {
    auto lock = FileLock::acquire(path);
    (void)!::write(ready[1], "x", 1);
    ::usleep(ms * 1000);
    ::_exit(lock ? 0 : 1);
  }
  char byte = 0;
  REQUIRE(::read(ready[0], &byte, 1) == 1);
  ::close(ready[0]);
  ::close(ready[1]);
  return pid;
}

int exit_of(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WEXITSTATUS(status);
}

}  // namespace

TEST_CASE("a second process waits for the lock, saying so, and gets it when the first lets go") {
  const fs::path path = lock_path();
  const pid_t first = holder(path, 300);
  int notices = 0;
  LockWait wait;
  wait.notice_after = 50ms;
  wait.on_wait = [&] { ++notices; };
  const auto start = std::chrono::steady_clock::now();
  auto lock = FileLock::acquire(path, wait);
  REQUIRE(lock.ok());
  CHECK(std::chrono::steady_clock::now() - start >= 100ms);
  CHECK(notices == 1);
  CHECK(exit_of(first) == 0);
  fs::remove_all(path.parent_path().parent_path());
}

TEST_CASE("a timeout gives up with a message, and no notice comes when the lock is free") {
  const fs::path path = lock_path();
  const pid_t first = holder(path, 1000);
  LockWait wait;
  wait.timeout = 200ms;
  const auto refused = FileLock::acquire(path, wait);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().kind == ErrorKind::io);
  CHECK(refused.error().message ==
        path.string() + ": another edsync command still holds the lock after 0.2 s; nothing was changed, run the command again later");
  CHECK(exit_of(first) == 0);
  int notices = 0;
  wait.on_wait = [&] { ++notices; };
  wait.notice_after = 0ms;
  CHECK(FileLock::acquire(path, wait).ok());
  CHECK(notices == 0);
  fs::remove_all(path.parent_path().parent_path());
}

}  // namespace edsync
