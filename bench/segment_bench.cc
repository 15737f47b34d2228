// Sentence segmentation throughput against a bare ICU sentence BreakIterator
// pass over the same UTF-8 text, in the same process. Corpora: the sample
// English and Arabic articles, repeated to about 4 MB each.
//
//   bench/edsync_segment_bench --benchmark_counters_tabular=true
// "vs_icu" is edsync's throughput divided by bare ICU's (1.0 = as fast), by
// the clock; "vs_icu_cpu" the same by the thread's CPU time, which other
// work on a shared machine disturbs far less.
#include <benchmark/benchmark.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <time.h>

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

struct Seconds {
  double wall = 0;
  double cpu = 0;
};

std::map<std::string, Seconds>& icu_seconds() {
  static std::map<std::string, Seconds> seconds;  // per pass, by language
  return seconds;
}

double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

// Wall and CPU seconds of one pass since `wall_start` and `cpu_start`.
Seconds per_pass(std::chrono::steady_clock::time_point wall_start, double cpu_start, const benchmark::State& state) {
  const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - wall_start;
  const auto passes = static_cast<double>(state.iterations());
  return {wall.count() / passes, (thread_cpu_seconds() - cpu_start) / passes};
}

void bare_icu(benchmark::State& state, const std::string& language) {
  const std::string& text = corpus_for(language);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> sentences(
      icu::BreakIterator::createSentenceInstance(icu::Locale(language.c_str()), status));
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = thread_cpu_seconds();
  std::int64_t breaks = 0;
  for (auto _ : state) {
    UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<std::int64_t>(text.size()), &status);
    sentences->setText(utext, status);
    for (auto at = sentences->first(); at != icu::BreakIterator::DONE; at = sentences->next()) ++breaks;
    utext_close(utext);
  }
  benchmark::DoNotOptimize(breaks);
  icu_seconds()[language] = per_pass(start, cpu_start, state);
  state.SetBytesProcessed(static_cast<std::int64_t>(text.size()) * state.iterations());
}

void edsync_segment(benchmark::State& state, const std::string& language) {
  const std::string& text = corpus_for(language);
  edsync::SegmentOptions options;
  options.language = language;
  std::size_t segments = 0;
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = thread_cpu_seconds();
  for (auto _ : state) segments += edsync::Segmenter::built_in().segment(text, options).size();
  benchmark::DoNotOptimize(segments);
  const Seconds seconds = per_pass(start, cpu_start, state);
  state.SetBytesProcessed(static_cast<std::int64_t>(text.size()) * state.iterations());
  state.counters["MB"] = static_cast<double>(text.size()) / 1e6;
  if (icu_seconds().count(language)) {
    state.counters["vs_icu"] = icu_seconds()[language].wall / seconds.wall;
    state.counters["vs_icu_cpu"] = icu_seconds()[language].cpu / seconds.cpu;
  }
}

// The baseline runs first so that every ratio is measured against it.
BENCHMARK_CAPTURE(bare_icu, en, std::string("en"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(edsync_segment, en, std::string("en"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(bare_icu, ar, std::string("ar"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(edsync_segment, ar, std::string("ar"))->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
