// A progress line on stderr for long jobs: drawn only when stderr is a
// terminal, redrawn at most ten times a second, cleared when the job ends.
// Nothing at all goes to a file or a pipe.
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

namespace edsync::cli {

class ProgressBar {
 public:
  // Draws on `err` when `enabled` (see stderr_is_terminal()).
  ProgressBar(std::ostream& err, bool enabled);
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  ~ProgressBar();

  static bool stderr_is_terminal();

  // `total` 0: not known, a count is shown instead of a bar.
  void update(std::string_view task, std::uint64_t done, std::uint64_t total, std::string_view unit = "units");
  // Clears the line (before anything else is printed).
  void clear();

 private:
  std::ostream& err_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

// "[#########.........]  45% 12,345/27,000 units" or "12,345 units".
std::string progress_line(std::string_view task, std::uint64_t done, std::uint64_t total, std::string_view unit = "units");

}  // namespace edsync::cli
