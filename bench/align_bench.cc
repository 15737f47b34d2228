// Sentence alignment throughput and memory, against segmenting the same text
// in the same process. Corpus: NTREX (../shared/data/ntrex-dev) English and
// Arabic, repeated to 10,000 and 100,000 sentences a side, each document a
// paragraph.
//
//   bench/edsync_align_bench --benchmark_counters_tabular=true
// "vs_segment" is aligning's sentences per second divided by segmenting's
// (1.0 = aligning a sentence pair costs what cutting one sentence does), in
// CPU time of the thread;
// "peak_MB" is the most heap the call held above what was live before it.
#include <benchmark/benchmark.h>

#include <atomic>
#include <ctime>
#include <cstdlib>
#include <fstream>
#include <map>
#include <new>
#include <tuple>
#include <string>
#include <vector>

#include "edsync/align.h"
#include "shared_data.h"

namespace {

std::atomic<std::size_t> live_bytes{0}, peak_bytes{0};

void count_allocation(std::size_t size) {
  const std::size_t now = live_bytes.fetch_add(size) + size;
  std::size_t peak = peak_bytes.load();
  while (now > peak && !peak_bytes.compare_exchange_weak(peak, now)) {
  }
}

}  // namespace

// Every allocation is counted, with its size stored in front of it.
void* operator new(std::size_t size) {
  auto* block = static_cast<std::size_t*>(std::malloc(size + sizeof(std::max_align_t)));
  if (!block) throw std::bad_alloc();
  *block = size;
  count_allocation(size);
  return reinterpret_cast<char*>(block) + sizeof(std::max_align_t);
}
void operator delete(void* pointer) noexcept {
  if (!pointer) return;
  auto* block = reinterpret_cast<std::size_t*>(static_cast<char*>(pointer) - sizeof(std::max_align_t));
  live_bytes.fetch_sub(*block);
  std::free(block);
}
void operator delete(void* pointer, std::size_t) noexcept { operator delete(pointer); }

namespace {

std::vector<std::string> lines_of(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

struct Corpus {
  edsync::AlignText english, arabic;
  std::string english_text, arabic_text;  // the same sentences as text, for the segmenter
};

// NTREX repeated until each side holds `sentences`.
Corpus corpus(std::size_t sentences) {
  Corpus c;
  const auto dir = edsync::test::shared_data_dir();
  if (!dir) return c;
  const auto english = lines_of(*dir / "ntrex-dev/eng.txt"), arabic = lines_of(*dir / "ntrex-dev/arb.txt");
  const auto documents = lines_of(*dir / "ntrex-dev/document_ids.tsv");
  std::size_t paragraph = 0;
  for (std::size_t i = 0; c.english.sentences.size() < sentences; ++i) {
    const std::size_t line = i % english.size();
    if (i > 0 && (line == 0 || documents[line] != documents[line - 1])) {
      ++paragraph;
      c.english_text += "\n", c.arabic_text += "\n";
    }
    for (auto [text, side, sentence] : {std::tuple{&c.english, &c.english_text, &english[line]},
                                        std::tuple{&c.arabic, &c.arabic_text, &arabic[line]}}) {
      text->sentences.push_back(*sentence);
      text->paragraph_of.push_back(paragraph);
      text->line_of.push_back(i);
      *side += *sentence + " ";
    }
  }
  return c;
}

const Corpus& corpus_for(std::size_t sentences) {
  static std::map<std::size_t, Corpus> cache;
  auto found = cache.find(sentences);
  if (found == cache.end()) found = cache.emplace(sentences, corpus(sentences)).first;
  return found->second;
}

std::map<std::size_t, double>& segment_rate() {
  static std::map<std::size_t, double> rate;  // sentences a second, by corpus size
  return rate;
}

// CPU seconds of this thread: the machine is shared, and wall time there
// measures the neighbours as much as the code.
double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

// The baseline: both sides cut into sentences by the segmenter.
void segment_both_sides(benchmark::State& state) {
  const Corpus& c = corpus_for(static_cast<std::size_t>(state.range(0)));
  if (c.english.sentences.empty()) return state.SkipWithError("../shared/data/ntrex-dev not found");
  edsync::SegmentOptions english, arabic;
  arabic.language = "ar";
  std::size_t segments = 0;
  const double start = cpu_seconds();
  for (auto _ : state) {
    segments += edsync::Segmenter::built_in().segment(c.english_text, english).size();
    segments += edsync::Segmenter::built_in().segment(c.arabic_text, arabic).size();
  }
  const double per_pass = (cpu_seconds() - start) / static_cast<double>(state.iterations());
  segment_rate()[c.english.sentences.size()] = double(c.english.sentences.size()) / per_pass;
  state.counters["sentences_per_s"] = double(c.english.sentences.size()) / per_pass;
  benchmark::DoNotOptimize(segments);
}

void align_both_sides(benchmark::State& state) {
  const Corpus& c = corpus_for(static_cast<std::size_t>(state.range(0)));
  if (c.english.sentences.empty()) return state.SkipWithError("../shared/data/ntrex-dev not found");
  edsync::AlignOptions options;
  options.target_language = "ar";
  std::size_t beads = 0, peak = 0;
  const double start = cpu_seconds();
  for (auto _ : state) {
    const std::size_t before = live_bytes.load();
    peak_bytes.store(before);
    beads += edsync::align_texts(c.english, c.arabic, options)->size();
    peak = std::max(peak, peak_bytes.load() - before);
  }
  const double per_pass = (cpu_seconds() - start) / static_cast<double>(state.iterations());
  const double rate = double(c.english.sentences.size()) / per_pass;
  state.counters["sentences_per_s"] = rate;
  state.counters["peak_MB"] = double(peak) / 1e6;
  state.counters["bytes_per_sentence"] = double(peak) / double(c.english.sentences.size());
  if (segment_rate().count(c.english.sentences.size())) {
    state.counters["vs_segment"] = rate / segment_rate()[c.english.sentences.size()];
  }
  benchmark::DoNotOptimize(beads);
}

// The baseline runs first so that every ratio is measured against it.
BENCHMARK(segment_both_sides)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kSecond)->Iterations(1);
BENCHMARK(align_both_sides)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
