#include "edsync/process.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace edsync {

namespace {

// Frees the spawn file actions on every path out.
struct FileActions {
  posix_spawn_file_actions_t actions;
  FileActions() { posix_spawn_file_actions_init(&actions); }
  ~FileActions() { posix_spawn_file_actions_destroy(&actions); }
};

std::string read_all(int fd) {
  std::string text;
  char buffer[65536];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
  }
  return text;
}

// A memory file holding `input`, rewound, for the child's standard input.
Result<int> input_file(std::string_view input) {
  const int fd = ::memfd_create("edsync-input", MFD_CLOEXEC);
  if (fd < 0) return io_error(std::string("cannot create an input buffer: ") + std::strerror(errno));
  for (std::size_t done = 0; done < input.size();) {
    const ssize_t wrote = ::write(fd, input.data() + done, input.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote < 0) {
      ::close(fd);
      return io_error(std::string("cannot fill an input buffer: ") + std::strerror(errno));
    }
    done += static_cast<std::size_t>(wrote);
  }
  ::lseek(fd, 0, SEEK_SET);
  return fd;
}

Result<ProcessOutput> spawn_and_read(const std::vector<std::string>& argv, const std::string& folder, int input_fd) {
  if (argv.empty()) return usage_error("run_process: no program given");
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return io_error(std::string("cannot create a pipe: ") + std::strerror(errno));

  FileActions files;
  posix_spawn_file_actions_adddup2(&files.actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&files.actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  if (input_fd >= 0) posix_spawn_file_actions_adddup2(&files.actions, input_fd, STDIN_FILENO);
  else posix_spawn_file_actions_addopen(&files.actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addchdir_np(&files.actions, folder.c_str());

  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t child = 0;
  const int spawned = posix_spawnp(&child, args[0], &files.actions, nullptr, args.data(), environ);
  ::close(pipe_fds[1]);
  if (spawned != 0) {
    ::close(pipe_fds[0]);
    return io_error("cannot run " + argv[0] + ": " + std::strerror(spawned));
  }
  ProcessOutput output;
  output.out = read_all(pipe_fds[0]);
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  output.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return output;
}

}  // namespace

Result<ProcessOutput> run_process(const std::vector<std::string>& argv, const std::string& folder) {
  return spawn_and_read(argv, folder, -1);
}

Result<ProcessOutput> run_process(const std::vector<std::string>& argv, const std::string& folder,
                                  std::string_view input) {
  const auto fd = input_file(input);
  if (!fd) return fd.error();
  auto output = spawn_and_read(argv, folder, *fd);
  ::close(*fd);
  return output;
}

std::optional<std::string> run_for_line(const std::vector<std::string>& argv, const std::string& folder) {
  const auto run = run_process(argv, folder);
  if (!run || run->exit_code != 0) return std::nullopt;
  std::string line = run->out;
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  return line;
}

}  // namespace edsync
