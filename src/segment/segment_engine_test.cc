// The triggers only skip work: the triggered engine must cut every text
// exactly as plain evaluation (every rule tried everywhere) does.
#include "segment_engine.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "srx_rules.h"

namespace {

namespace fs = std::filesystem;
using edsync::SegmentFormat;
using edsync::SegmentOptions;
using edsync::segment_detail::Evaluation;
using edsync::segment_detail::segment_text;

struct Article {
  std::string language;
  std::string name;
  std::string text;
};

// The sample articles of editions/ beside tests/data.
std::vector<Article> sample_articles() {
  std::vector<Article> articles;
  const fs::path editions = fs::path(EDSYNC_TEST_DATA_DIR).parent_path().parent_path() / "editions";
  for (const auto& language : fs::directory_iterator(editions)) {
    if (!language.is_directory()) continue;
    for (const auto& file : fs::directory_iterator(language.path())) {
      if (file.path().extension() != ".md") continue;
      std::ifstream in(file.path(), std::ios::binary);
      std::ostringstream content;
      content << in.rdbuf();
      articles.push_back({language.path().filename().string(), file.path().filename().string(), content.str()});
    }
  }
  return articles;
}

// Characters beyond the BMP take the engine's slower path: put some in.
std::string with_emoji(const std::string& text) {
  std::string result;
  for (std::size_t i = 0; i < text.size(); ++i) {
    result += text[i];
    if (i % 37 == 0 && static_cast<unsigned char>(text[i]) < 0x80) result += "\xF0\x9F\x98\x80";
  }
  return result;
}

void check_same(const edsync::Segmenter::Rules& rules, const std::string& text, const SegmentOptions& options,
                const std::string& label) {
  const auto triggered = segment_text(rules, text, options, Evaluation::triggered);
  const auto plain = segment_text(rules, text, options, Evaluation::plain);
  CHECK_MESSAGE(triggered == plain, label, " (", options.language, options.clause_breaks ? ", clauses" : "",
                options.format == SegmentFormat::markdown ? ", markdown" : "", ")");
}

}  // namespace

TEST_CASE("the triggered engine cuts the sample articles as plain evaluation does") {
  const auto rules = edsync::segment_detail::compile_srx(edsync::built_in_srx(), "edsync.srx");
  REQUIRE(rules);
  const auto articles = sample_articles();
  REQUIRE(articles.size() >= 30);
  for (const auto& article : articles) {
    for (const auto& language : {article.language, std::string("en"), std::string("sq")}) {
      for (const bool clauses : {false, true}) {
        for (const auto format : {SegmentFormat::plain, SegmentFormat::markdown}) {
          SegmentOptions options;
          options.language = language;
          options.clause_breaks = clauses;
          options.format = format;
          check_same(**rules, article.text, options, article.language + "/" + article.name);
        }
      }
    }
    SegmentOptions options;
    options.language = article.language;
    check_same(**rules, with_emoji(article.text), options, article.language + "/" + article.name + " with emoji");
  }
}

TEST_CASE("the triggered engine agrees on rules the analyzer cannot read and on text edges") {
  const std::string srx =
      "<srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\"><body><languagerules>"
      "<languagerule languagerulename=\"all\">"
      "<rule break=\"no\"><beforebreak>(?i)\\bmr\\.</beforebreak><afterbreak>\\s</afterbreak></rule>"
      "<rule break=\"yes\"><beforebreak>\\w+</beforebreak><afterbreak>\\s+(?=\\1)?X</afterbreak></rule>"
      "<rule break=\"yes\"><beforebreak>^\\w</beforebreak><afterbreak>\\s</afterbreak></rule>"
      "<rule break=\"yes\"><beforebreak>;</beforebreak><afterbreak>$</afterbreak></rule>"
      "<rule break=\"yes\"><beforebreak></beforebreak><afterbreak>\\u00a7</afterbreak></rule>"
      "<rule break=\"no\"><beforebreak>[.](?&lt;=\\[[^\\]]{0,30})</beforebreak><afterbreak>[^\\[]{0,30}+\\]</afterbreak></rule>"
      "</languagerule></languagerules><maprules>"
      "<languagemap languagepattern=\".*\" languagerulename=\"all\"/></maprules></body></srx>";
  const auto rules = edsync::segment_detail::compile_srx(srx, "edge.srx");
  REQUIRE(rules);
  for (const char* text :
       {"A Mr. Smith and MR. Jones came. X marks it. I said [so. he said] go;", "a b. X", ";", "\xC2\xA7 end. \xC2\xA7 x",
        "One. Two\xF0\x9F\x98\x80. X three;"}) {
    check_same(**rules, text, SegmentOptions{}, text);
  }
}
