// The progress line's text, and when the bar draws: only on a terminal, only
// for work that lasts, and cleared before anything else is printed.
#include "progress.h"

#include <doctest/doctest.h>

#include <chrono>
#include <sstream>
#include <thread>

using edsync::cli::progress_line;
using edsync::cli::ProgressBar;

TEST_CASE("progress_line: a bar, the percentage and the counts, or a count alone when the total is unknown") {
  CHECK(progress_line("reading articles", 12345, 27000, "files") ==
        "reading articles [##########..............]  45% 12,345/27,000 files");
  CHECK(progress_line("reading articles", 0, 3, "files") == "reading articles [........................]   0% 0/3 files");
  CHECK(progress_line("recording revisions", 30, 20, "") == "recording revisions [########################] 100% 20/20");
  CHECK(progress_line("history versions found", 1234567, 0, "versions") == "history versions found: 1,234,567 versions");
}

TEST_CASE("the progress bar draws nothing off a terminal nor in the first half second, and clears what it drew") {
  std::ostringstream off_terminal, on_terminal;
  ProgressBar off(off_terminal, false);
  ProgressBar on(on_terminal, true);
  on.update("reading articles", 1, 2, "files");
  CHECK(on_terminal.str().empty());  // a short job shows nothing
  std::this_thread::sleep_for(std::chrono::milliseconds(600));
  off.update("reading articles", 1, 2, "files");
  on.update("reading articles", 1, 2, "files");
  CHECK(off_terminal.str().empty());
  const std::string drawn = "\r\x1b[K" + progress_line("reading articles", 1, 2, "files");
  CHECK(on_terminal.str() == drawn);
  on.clear();
  on.clear();  // once only
  CHECK(on_terminal.str() == drawn + "\r\x1b[K");
}
