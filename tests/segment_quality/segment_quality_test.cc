// Segmentation quality on public test sets in ../shared/data: the golden
// rules (English, Arabic, Persian), the other English spec files, NTREX news
// paragraphs in all four languages, and our own Albanian cases. Prints the
// figures and the remaining errors; fails under the bars of the segmenter issue.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "edsync/segment.h"
#include "shared_data.h"

namespace {

namespace fs = std::filesystem;
using edsync::Segmenter;
using edsync::SegmentOptions;

// The upstream harnesses strip each segment; we also fold inner runs of white
// space, because our segments keep the input's line breaks (pragmatic_segmenter
// rewrites them to spaces when it "cleans" the text).
std::string folded(std::string_view text) {
  std::string result;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !result.empty();
    } else {
      if (space) result += ' ';
      space = false;
      result += c;
    }
  }
  return result;
}

std::vector<std::string> segment_texts(std::string_view text, const SegmentOptions& options) {
  std::vector<std::string> texts;
  for (const auto& segment : Segmenter::built_in().segment(text, options)) {
    texts.push_back(folded(text.substr(segment.begin, segment.end - segment.begin)));
  }
  return texts;
}

struct Score {
  int passed = 0;
  int total = 0;
  // Cases whose expected sentences are all pieces of the input. The others
  // expect pragmatic_segmenter's "clean" rewriting (HTML removed, runs of dots
  // dropped, words rejoined), which no segmenter that returns byte ranges of
  // the input can produce.
  int keepable = 0;
  int keepable_passed = 0;
  double rate() const { return total ? static_cast<double>(passed) / total : 0.0; }
};

std::string percent(double rate) {
  std::ostringstream text;
  text << std::fixed << std::setprecision(1) << rate * 100 << '%';
  return text.str();
}

Score run_golden_file(const fs::path& path, bool clause_breaks) {
  Score score;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto test_case = nlohmann::json::parse(line);
    SegmentOptions options;
    options.language = test_case.value("lang", "en");
    options.clause_breaks = clause_breaks;
    std::vector<std::string> expected;
    for (const auto& sentence : test_case["expected"]) {
      if (auto text = folded(sentence.get<std::string>()); !text.empty()) expected.push_back(text);
    }
    const std::string text = test_case["text"].get<std::string>();
    const auto actual = segment_texts(text, options);
    const std::string folded_text = folded(text);
    const bool keepable = std::all_of(expected.begin(), expected.end(), [&](const std::string& sentence) {
      return folded_text.find(sentence) != std::string::npos;
    });
    ++score.total;
    score.keepable += keepable ? 1 : 0;
    if (actual == expected) {
      ++score.passed;
      score.keepable_passed += keepable ? 1 : 0;
      continue;
    }
    std::cout << "  FAIL " << test_case.value("id", "?") << (keepable ? "" : " (expects rewritten text)") << "\n";
    for (const auto& sentence : actual) std::cout << "       got: " << sentence << "\n";
  }
  std::cout << path.filename().string() << ": " << score.passed << " of " << score.total << " pass ("
            << percent(score.rate()) << "); of the " << score.keepable << " that keep the input's text: "
            << score.keepable_passed << "\n";
  return score;
}

fs::path golden(const char* name) { return *edsync::test::shared_data_dir() / "golden" / name; }

}  // namespace

TEST_CASE("English Golden Rules: at least 51 of 52") {
  CHECK(run_golden_file(golden("golden_en_pragmatic.jsonl"), false).passed >= 51);
  const Score pysbd = run_golden_file(golden("golden_en_pysbd.jsonl"), false);  // the same rules minus 4
  CHECK(pysbd.passed == pysbd.total);
}

TEST_CASE("Arabic and Persian golden rules all pass") {
  for (const char* name : {"golden_ar_pragmatic.jsonl", "golden_ar_pysbd.jsonl"}) {
    const Score score = run_golden_file(golden(name), true);  // they expect clause breaks
    CHECK(score.passed == score.total);
  }
  for (const char* name : {"golden_fa_pragmatic.jsonl", "golden_fa_pysbd.jsonl"}) {
    const Score score = run_golden_file(golden(name), false);
    CHECK(score.passed == score.total);
  }
}

// 248 of 274 (90.5%). The 16 cases that expect pragmatic_segmenter's text
// cleaning (tags removed inside a sentence, runs of dots dropped, words
// rejoined across line breaks) count as
// failures: no normalisation is applied to make them pass. Most of the other
// failures need double quotations kept whole, which the NTREX news bar forbids
// (news splits a quotation into sentences).
TEST_CASE("the other English test files: at least 90%") {
  Score all;
  for (const char* name : {"en_pragmatic_segment_spec.jsonl", "en_pysbd_clean_false.jsonl", "en_pysbd_clean_true.jsonl",
                           "en_pysbd_issues.jsonl", "en_pysbd_pdf.jsonl"}) {
    const Score score = run_golden_file(golden(name), false);
    all.passed += score.passed;
    all.total += score.total;
    all.keepable += score.keepable;
    all.keepable_passed += score.keepable_passed;
  }
  std::cout << "other English files together: " << all.passed << " of " << all.total << " (" << percent(all.rate())
            << "); of the " << all.keepable << " cases that keep the input's text: " << all.keepable_passed << " ("
            << percent(static_cast<double>(all.keepable_passed) / all.keepable) << "); the " << all.total - all.keepable
            << " that expect rewritten text count as failures\n";
  CHECK(all.rate() >= 0.90);
}

// Citation marks, Penn Treebank quotes, spaced ellipses and initials, tokenised
// text, and counter-examples that must stay whole.
TEST_CASE("our English edge cases all pass") {
  const Score score = run_golden_file(fs::path(EDSYNC_TEST_DATA_DIR) / "segment" / "en_edges.jsonl", false);
  CHECK(score.total >= 60);
  CHECK(score.passed == score.total);
}

TEST_CASE("our Albanian cases all pass") {
  const Score score = run_golden_file(fs::path(EDSYNC_TEST_DATA_DIR) / "segment" / "sq_news.jsonl", false);
  CHECK(score.total >= 40);
  CHECK(score.passed == score.total);
}

namespace {

std::vector<std::string> read_lines(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A line that ends in . ! ? ؟ or … (closing quotes or brackets may follow)
// ends a sentence inside a paragraph; any other line is a headline.
bool ends_sentence(std::string_view line) {
  static constexpr std::string_view closers[] = {"\"", "'", ")", "]", "\xC2\xBB", "\xE2\x80\x9D", "\xE2\x80\x99"};
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    for (const auto closer : closers) {
      if (line.ends_with(closer)) {
        line.remove_suffix(closer.size());
        trimmed = true;
      }
    }
  }
  for (const std::string_view end : {".", "!", "?", "\xD8\x9F", "\xE2\x80\xA6"}) {
    if (line.ends_with(end)) return true;
  }
  return false;
}

struct Paragraph {
  std::string text;
  std::vector<std::size_t> line_ends;  // byte offsets where an original line ended (the last one too)
};

std::vector<Paragraph> ntrex_paragraphs(const std::vector<std::string>& lines, const std::vector<std::string>& documents) {
  std::vector<Paragraph> paragraphs;
  Paragraph open;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!open.text.empty()) open.text += ' ';
    open.text += lines[i];
    open.line_ends.push_back(open.text.size());
    const bool document_ends = i + 1 == lines.size() || documents[i + 1] != documents[i];
    if (!ends_sentence(lines[i]) || document_ends) {
      paragraphs.push_back(std::move(open));
      open = {};
    }
  }
  return paragraphs;
}

// The text around a break, cut on character boundaries.
std::string around(const std::string& text, std::size_t at) {
  auto begin = at > 70 ? at - 70 : 0;
  while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
  auto end = std::min(text.size(), at + 50);
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  return "..." + text.substr(begin, at - begin) + " | " + text.substr(at, end - at) + "...";
}

struct NtrexScore {
  int boundaries = 0;  // line boundaries inside paragraphs
  int found = 0;
  int breaks = 0;  // breaks the segmenter made inside paragraphs
  int false_breaks = 0;
  double recall() const { return boundaries ? static_cast<double>(found) / boundaries : 1.0; }
  double precision() const { return breaks ? static_cast<double>(breaks - false_breaks) / breaks : 1.0; }
};

NtrexScore score_ntrex(const char* code, const char* language) {
  const auto dir = *edsync::test::shared_data_dir() / "ntrex-dev";
  const auto paragraphs = ntrex_paragraphs(read_lines(dir / (std::string(code) + ".txt")), read_lines(dir / "document_ids.tsv"));
  SegmentOptions options;
  options.language = language;
  NtrexScore score;
  for (const auto& paragraph : paragraphs) {
    const auto segments = Segmenter::built_in().segment(paragraph.text, options);
    std::vector<std::size_t> made;
    for (std::size_t i = 0; i + 1 < segments.size(); ++i) made.push_back(segments[i].end);
    const std::vector<std::size_t> wanted(paragraph.line_ends.begin(), paragraph.line_ends.end() - 1);
    score.boundaries += static_cast<int>(wanted.size());
    score.breaks += static_cast<int>(made.size());
    for (const auto end : wanted) {
      if (std::find(made.begin(), made.end(), end) != made.end()) ++score.found;
      else std::cout << "  missed break (" << code << "): " << around(paragraph.text, end) << "\n";
    }
    for (const auto end : made) {
      if (std::find(wanted.begin(), wanted.end(), end) != wanted.end()) continue;
      ++score.false_breaks;
      std::cout << "  false break (" << code << "): " << around(paragraph.text, end) << "\n";
    }
  }
  std::cout << "NTREX " << code << ": recall " << std::fixed << std::setprecision(3) << score.recall() << " ("
            << score.found << "/" << score.boundaries << "), precision " << score.precision() << " ("
            << score.breaks - score.false_breaks << "/" << score.breaks << ")\n";
  return score;
}

}  // namespace

TEST_CASE("NTREX news paragraphs: recall at least 0.99 and precision at least 0.98 in every language") {
  for (const auto& [code, language] : {std::pair{"eng", "en"}, {"arb", "ar"}, {"fas", "fa"}, {"sqi", "sq"}}) {
    const NtrexScore score = score_ntrex(code, language);
    CHECK(score.recall() >= 0.99);
    CHECK(score.precision() >= 0.98);
  }
}

TEST_CASE("every SRX file in the shared data loads; rules ICU cannot compile are listed and skipped") {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(*edsync::test::shared_data_dir() / "srx")) {
    if (entry.path().extension() == ".srx") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  CHECK(files.size() >= 12);
  for (const auto& file : files) {
    const auto segmenter = Segmenter::from_srx_file(file);
    REQUIRE_MESSAGE(segmenter, file.string());
    SegmentOptions options;
    std::cout << file.filename().string() << ": loads, " << segmenter->rule_count(options) << " rules for en, "
              << segmenter->warnings().size() << " skipped\n";
    for (const auto& warning : segmenter->warnings()) {
      CHECK(warning.file == file.string());
      std::cout << "  " << warning.to_string() << "\n";
    }
    const std::string sample = "Mr. Smith came at 5 p.m. today. He left; then he came back! Really? Yes.";
    CHECK_FALSE(segmenter->segment(sample, options).empty());
  }
}
