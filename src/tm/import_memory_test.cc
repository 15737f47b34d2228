// An import streams: its peak memory must not grow with the file. Two TMX
// files of 20,000 and 200,000 units are imported, each in a child process of
// its own, and their peak resident sizes (VmHWM) compared. No timing.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "test_store.h"

namespace edsync::tm {

namespace {

constexpr long kSmallUnits = 20'000;
constexpr long kLargeUnits = 200'000;
// The page cache (16 MiB) and the postings batch (about 6 MB) fill up at
// 20,000 units already; what remains is allocator and file-mapping noise.
constexpr long kAllowedGrowthKiB = 16 * 1024;

// A made-up word: varied enough that the fuzzy index and the full-text
// index grow as with real text (about 20,000 distinct words, common ones
// far more frequent than rare ones).
std::string word(std::mt19937& random) {
  const double skewed = std::pow(std::uniform_real_distribution<double>(0, 1)(random), 3.0);
  auto index = static_cast<unsigned>(skewed * 20'000);
  std::string text;
  do {
    text += static_cast<char>('a' + index % 26);
    index /= 26;
  } while (index > 0);
  return text;
}

std::string sentence(std::mt19937& random, const std::string& first) {
  std::string text = first;
  const int words = std::uniform_int_distribution<int>(6, 30)(random);
  for (int i = 0; i < words; ++i) text += ' ' + word(random);
  return text + '.';
}

// Units numbered 0..count-1, so that none merges with another.
void write_tmx(const std::filesystem::path& file, long count) {
  std::mt19937 random(7);
  std::ofstream out(file);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"t\""
         " creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" srclang=\"en\""
         " datatype=\"plaintext\"/><body>\n";
  for (long i = 0; i < count; ++i) {
    out << "<tu><tuv xml:lang=\"en\"><seg>" << sentence(random, "Unit " + std::to_string(i))
        << "</seg></tuv><tuv xml:lang=\"ar\"><seg>" << sentence(random, "\u0648\u062d\u062f\u0629 " + std::to_string(i))
        << "</seg></tuv></tu>\n";
  }
  out << "</body></tmx>\n";
  REQUIRE(out.good());
}

long vm_hwm_kib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.starts_with("VmHWM:")) return std::stol(line.substr(6));
  return -1;
}

struct ChildImport {
  long added = -1;
  long peak_kib = -1;
};

// Imports `file` into a fresh memory in a child process; the child reports
// the units added and its peak resident size, reset just before the import.
ChildImport import_in_child(const std::filesystem::path& file, const std::filesystem::path& db) {
  int pipe_ends[2];
  REQUIRE(::pipe(pipe_ends) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(pipe_ends[0]);
    ChildImport result;
    if (auto store = Store::open(db)) {
      std::ofstream("/proc/self/clear_refs") << "5";  // the peak so far is the test's, not the import's
      if (const auto report = import_tmx(*store, file)) result.added = static_cast<long>(report->added);
      result.peak_kib = vm_hwm_kib();
    }
    const std::string line = std::to_string(result.added) + ' ' + std::to_string(result.peak_kib) + '\n';
    const auto written = ::write(pipe_ends[1], line.data(), line.size());
    ::_exit(written == static_cast<ssize_t>(line.size()) ? 0 : 1);
  }
  ::close(pipe_ends[1]);
  std::string text;
  char buffer[64];
  for (ssize_t n; (n = ::read(pipe_ends[0], buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<std::size_t>(n));
  ::close(pipe_ends[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  CHECK(WIFEXITED(status));
  ChildImport result;
  std::istringstream(text) >> result.added >> result.peak_kib;
  return result;
}

}  // namespace

TEST_CASE("an import's peak memory does not grow with the file (20,000 and 200,000 units)") {
  const auto folder = test::fresh_folder("memory");
  write_tmx(folder / "small.tmx", kSmallUnits);
  write_tmx(folder / "large.tmx", kLargeUnits);
  const auto small = import_in_child(folder / "small.tmx", folder / "small.sqlite");
  const auto large = import_in_child(folder / "large.tmx", folder / "large.sqlite");
  MESSAGE("peak resident size: " << small.peak_kib << " KiB for " << kSmallUnits << " units, " << large.peak_kib
                                 << " KiB for " << kLargeUnits);
  CHECK(small.added == kSmallUnits);
  CHECK(large.added == kLargeUnits);
  REQUIRE(small.peak_kib > 0);
  REQUIRE(large.peak_kib > 0);
  CHECK(large.peak_kib - small.peak_kib < kAllowedGrowthKiB);
  std::error_code ignored;
  std::filesystem::remove_all(folder, ignored);
}

}  // namespace edsync::tm
