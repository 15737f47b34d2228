// Every SRX file of the shared data (other tools' rules, written without
// edsync's triggers in mind) cuts the sample articles the same with the
// triggered engine as with plain evaluation (every rule tried everywhere).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "segment_engine.h"
#include "shared_data.h"
#include "srx_rules.h"

namespace {

namespace fs = std::filesystem;
using edsync::SegmentOptions;
using edsync::segment_detail::Evaluation;
using edsync::segment_detail::segment_text;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// The sample articles of one edition, one after the other.
std::string edition(const std::string& language) {
  std::vector<fs::path> files;
  for (const auto& file : fs::directory_iterator(fs::path(EDSYNC_SAMPLE_EDITIONS) / language)) {
    if (file.path().extension() == ".md") files.push_back(file.path());
  }
  std::sort(files.begin(), files.end());
  std::string text;
  for (const auto& file : files) text += read(file) + "\n\n";
  return text;
}

}  // namespace

TEST_CASE("the triggered engine cuts the sample articles as plain evaluation does, with every shared SRX file") {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(*edsync::test::shared_data_dir() / "srx")) {
    if (entry.path().extension() == ".srx") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 12);
  const std::string english = edition("en");
  const std::string arabic = edition("ar");
  REQUIRE(!english.empty());
  for (const auto& file : files) {
    const auto rules = edsync::segment_detail::compile_srx(read(file), file.filename().string());
    REQUIRE_MESSAGE(rules, file.string());
    for (const char* language : {"en", "de", "fr", "ar", "sq"}) {
      SegmentOptions options;
      options.language = language;
      const std::string& text = std::string_view(language) == "ar" ? arabic : english;
      const auto triggered = segment_text(**rules, text, options, Evaluation::triggered);
      const auto plain = segment_text(**rules, text, options, Evaluation::plain);
      CHECK_MESSAGE(triggered == plain, file.filename().string(), " (", language, ")");
      std::cout << file.filename().string() << " (" << language << "): " << triggered.size() << " segments, "
                << (triggered == plain ? "same" : "DIFFERENT") << "\n";
    }
  }
}
