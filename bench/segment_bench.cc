// Sentence segmentation throughput against a bare ICU sentence BreakIterator
// pass over the same UTF-8 text, in the same process. Corpora: the sample
// English and Arabic articles, repeated to about 4 MB each.
//
//   bench/edsync_segment_bench --benchmark_counters_tabular=true
// "vs_icu" is edsync's throughput divided by bare ICU's (1.0 = as fast).
#include <benchmark/benchmark.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "edsync/segment.h"

namespace {

namespace fs = std::filesystem;

std::string corpus(const std::string& language) {
  std::string text;
  const fs::path dir = fs::path(EDSYNC_SAMPLE_WORKSPACE) / "editions" / language;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".md") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    text += content.str() + "\n\n";
  }
  if (text.empty()) return text;
  const std::string one = text;
  while (text.size() < 4'000'000) text += one;
  return text;
}

const std::string& corpus_for(const std::string& language) {
  static std::map<std::string, std::string> cache;
  auto& text = cache[language];
  if (text.empty()) text = corpus(language);
  return text;
}

std::map<std::string, double>& icu_seconds() {
  static std::map<std::string, double> seconds;  // per pass, by language
  return seconds;
}

void bare_icu(benchmark::State& state, const std::string& language) {
  const std::string& text = corpus_for(language);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> sentences(
      icu::BreakIterator::createSentenceInstance(icu::Locale(language.c_str()), status));
  const auto start = std::chrono::steady_clock::now();
  std::int64_t breaks = 0;
  for (auto _ : state) {
    UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<std::int64_t>(text.size()), &status);
    sentences->setText(utext, status);
    for (auto at = sentences->first(); at != icu::BreakIterator::DONE; at = sentences->next()) ++breaks;
    utext_close(utext);
  }
  benchmark::DoNotOptimize(breaks);
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  icu_seconds()[language] = elapsed.count() / static_cast<double>(state.iterations());
  state.SetBytesProcessed(static_cast<std::int64_t>(text.size()) * state.iterations());
}

void edsync_segment(benchmark::State& state, const std::string& language) {
  const std::string& text = corpus_for(language);
  edsync::SegmentOptions options;
  options.language = language;
  std::size_t segments = 0;
  const auto start = std::chrono::steady_clock::now();
  for (auto _ : state) segments += edsync::Segmenter::built_in().segment(text, options).size();
  benchmark::DoNotOptimize(segments);
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  const double seconds = elapsed.count() / static_cast<double>(state.iterations());
  state.SetBytesProcessed(static_cast<std::int64_t>(text.size()) * state.iterations());
  state.counters["MB"] = static_cast<double>(text.size()) / 1e6;
  if (icu_seconds().count(language)) state.counters["vs_icu"] = icu_seconds()[language] / seconds;
}

// The baseline runs first so that every ratio is measured against it.
BENCHMARK_CAPTURE(bare_icu, en, std::string("en"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(edsync_segment, en, std::string("en"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(bare_icu, ar, std::string("ar"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(edsync_segment, ar, std::string("ar"))->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
