// The invariant on every English article of the sample workspace: rebuilding
// with each segment's own content gives the body back byte for byte, and the
// plain texts are the sentences sync and align cut from it.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "edsync/markdown.h"
#include "edsync/segment.h"

namespace edsync::markdown {

namespace {

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The body after the front matter (the sample's front matter is plain "---" lines).
std::string body_of(const std::string& text) {
  const auto end = text.find("\n---\n", 3);
  return end == std::string::npos ? text : text.substr(end + 5);
}

std::vector<std::string> segmenter_sentences(const std::string& body) {
  SegmentOptions options;
  options.format = SegmentFormat::markdown;
  std::vector<std::string> sentences;
  for (const auto& segment : Segmenter::built_in().segment(body, options)) {
    std::string sentence = body.substr(segment.begin, segment.end - segment.begin);
    std::replace(sentence.begin(), sentence.end(), '\n', ' ');
    sentences.push_back(sentence);
  }
  return sentences;
}

}  // namespace

TEST_CASE("every sample article rebuilds byte for byte, its plain texts the segmenter's sentences") {
  const std::filesystem::path folder = std::filesystem::path(EDSYNC_SAMPLE_EDITIONS_DIR) / "en";
  int articles = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".md") continue;
    ++articles;
    const std::string body = body_of(read_all(entry.path()));
    CAPTURE(entry.path().filename().string());
    const Article article = segment_article("Title", body);
    const auto rebuilt = rebuild_body(article, english_contents(article));
    REQUIRE(rebuilt.ok());
    CHECK(*rebuilt == body);
    std::vector<std::string> plain;
    for (const auto& block : article.blocks) {
      for (const auto& segment : block.segments) plain.push_back(segment.plain);
    }
    CHECK(plain == segmenter_sentences(body));
  }
  CHECK(articles == 31);
}

}  // namespace edsync::markdown
