// Reading is streamed: the memory a read takes does not grow with the file.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "edsync/tmx.h"

namespace {

// Peak resident memory of this process so far, in KiB (VmHWM).
long peak_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

// A TMX file of `units` units written a unit at a time, so making it takes no memory either.
std::uintmax_t generate(const std::filesystem::path& path, int units) {
  std::ofstream out(path, std::ios::binary);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"
         "<header creationtool=\"gen\" srclang=\"en\"/>\n<body>\n";
  for (int i = 0; i < units; ++i) {
    out << "<tu tuid=\"" << i << "\" creationdate=\"20240101T000000Z\">\n"
        << "  <prop type=\"x-n\">" << i << "</prop>\n"
        << "  <tuv xml:lang=\"en\"><seg>Sentence number " << i
        << " says that the <bpt i=\"1\">&lt;b&gt;</bpt>river<ept i=\"1\">&lt;/b&gt;</ept> rose again.</seg></tuv>\n"
        << "  <tuv xml:lang=\"ar\"><seg>الجملة رقم " << i << " تقول إن النهر ارتفع مرة أخرى.</seg></tuv>\n"
        << "</tu>\n";
  }
  out << "</body>\n</tmx>\n";
  out.close();
  return std::filesystem::file_size(path);
}

}  // namespace

TEST_CASE("a large TMX file reads a unit at a time in bounded memory") {
  const auto path = std::filesystem::temp_directory_path() / ("edsync-stream-" + std::to_string(::getpid()) + ".tmx");
  const int units = 200'000;
  const auto bytes = generate(path, units);
  REQUIRE(bytes > 64u * 1024 * 1024);

  const long before = peak_kib();
  REQUIRE(before > 0);
  int count = 0;
  std::size_t characters = 0;
  {
    auto reader = edsync::tmx::Reader::open(path);
    REQUIRE(reader);
    edsync::tmx::Unit unit;
    while (true) {
      auto more = reader->next(unit);
      REQUIRE(more);
      if (!*more) break;
      ++count;
      characters += unit.variants.at(1).text.size();
    }
  }
  const long growth_kib = peak_kib() - before;
  std::filesystem::remove(path);
  CHECK(count == units);
  CHECK(characters > 0);
  MESSAGE("file " << bytes / (1024 * 1024) << " MiB, peak memory grew by " << growth_kib << " KiB");
  // A reader that kept the file, or its units, would grow by more than the file's size.
  CHECK(growth_kib < 8 * 1024);
}
