// Running a helper program (git) and reading what it prints.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edsync/result.h"

namespace edsync {

struct ProcessOutput {
  int exit_code = 0;
  std::string out;  // standard output; standard error is discarded
};

// Runs argv[0] from PATH with the given arguments, no shell involved, in `folder`.
// An Error only when the program cannot be started at all.
Result<ProcessOutput> run_process(const std::vector<std::string>& argv, const std::string& folder);

// The same with `input` on its standard input (held in memory, so a program
// that answers line by line, such as `git cat-file --batch`, cannot block on it).
Result<ProcessOutput> run_process(const std::vector<std::string>& argv, const std::string& folder,
                                  std::string_view input);

// What a program that answers in one line printed (`git rev-parse ...`), the
// line break trimmed; nullopt when it cannot be started or does not exit 0.
std::optional<std::string> run_for_line(const std::vector<std::string>& argv, const std::string& folder);

}  // namespace edsync
