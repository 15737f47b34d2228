// Translation memory speed: import throughput against a bare loop of
// prepared SQLite inserts of the same rows, and fuzzy lookup latency (p50,
// p95) with recall@1 against an exhaustive scan, on memories of 10k, 100k and
// 1M units generated from the NTREX news sentences (word bigrams, fixed seed).
//
//   bench/edsync_tm_bench [SIZES...]     e.g. 10000 100000 1000000
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>

#include "edsync/tm.h"
#include "shared_data.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using edsync::tm::Store;

namespace {

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::vector<std::string> words_of(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

// Sentences that read like news: random walks over the corpus's word bigrams.
class SentenceMaker {
 public:
  explicit SentenceMaker(const fs::path& corpus) {
    std::ifstream in(corpus);
    for (std::string line; std::getline(in, line);) {
      const auto words = words_of(line);
      if (words.size() < 4) continue;
      starts_.push_back(words[0]);
      for (std::size_t i = 0; i + 1 < words.size(); ++i) next_[words[i]].push_back(words[i + 1]);
      for (const auto& word : words) vocabulary_.push_back(word);
    }
  }
  std::string sentence(std::mt19937& random) {
    std::uniform_int_distribution<std::size_t> length(8, 28);
    std::string word = pick(starts_, random), text = word;
    for (std::size_t n = length(random); n > 1; --n) {
      const auto found = next_.find(word);
      word = found == next_.end() ? pick(vocabulary_, random) : pick(found->second, random);
      text += ' ' + word;
    }
    return text;
  }
  // The sentence with 1 to 3 words replaced, deleted or inserted: a query.
  std::string variation(const std::string& text, std::mt19937& random) {
    auto words = words_of(text);
    std::uniform_int_distribution<int> edits(1, 3), kind(0, 2);
    for (int n = edits(random); n > 0 && words.size() > 2; --n) {
      std::uniform_int_distribution<std::size_t> at(0, words.size() - 1);
      const int k = kind(random);
      if (k == 0) words[at(random)] = pick(vocabulary_, random);
      else if (k == 1) words.erase(words.begin() + static_cast<std::ptrdiff_t>(at(random)));
      else words.insert(words.begin() + static_cast<std::ptrdiff_t>(at(random)), pick(vocabulary_, random));
    }
    std::string out;
    for (const auto& word : words) out += (out.empty() ? "" : " ") + word;
    return out;
  }

 private:
  static const std::string& pick(const std::vector<std::string>& list, std::mt19937& random) {
    return list[std::uniform_int_distribution<std::size_t>(0, list.size() - 1)(random)];
  }
  std::vector<std::string> starts_, vocabulary_;
  std::map<std::string, std::vector<std::string>> next_;
};

std::string escape(const std::string& text) {
  std::string out;
  for (const char c : text) out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : std::string(1, c);
  return out;
}

// The baseline: the same unit and variant rows, inserted with prepared statements, no index work.
double bare_inserts(const fs::path& db_path, const std::vector<std::pair<std::string, std::string>>& rows) {
  sqlite3* db = nullptr;
  sqlite3_open(db_path.c_str(), &db);
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                   "CREATE TABLE units(id INTEGER PRIMARY KEY, attributes TEXT, props TEXT, notes TEXT);"
                   "CREATE TABLE variants(id INTEGER PRIMARY KEY, unit_id INTEGER, lang TEXT, text TEXT, content TEXT);",
               nullptr, nullptr, nullptr);
  sqlite3_stmt *unit = nullptr, *variant = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO units(attributes, props, notes) VALUES('[]','[]','[]')", -1, &unit, nullptr);
  sqlite3_prepare_v2(db, "INSERT INTO variants(unit_id, lang, text, content) VALUES(?,?,?,?)", -1, &variant, nullptr);
  const auto start = Clock::now();
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  for (const auto& [en, ar] : rows) {
    sqlite3_step(unit);
    sqlite3_reset(unit);
    const auto id = sqlite3_last_insert_rowid(db);
    for (const auto& [lang, text] : {std::pair<const char*, const std::string*>{"en", &en}, {"ar", &ar}}) {
      sqlite3_bind_int64(variant, 1, id);
      sqlite3_bind_text(variant, 2, lang, -1, SQLITE_STATIC);
      sqlite3_bind_text(variant, 3, text->c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(variant, 4, text->c_str(), -1, SQLITE_STATIC);
      sqlite3_step(variant);
      sqlite3_reset(variant);
    }
  }
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  const double elapsed = seconds_since(start);
  sqlite3_finalize(unit);
  sqlite3_finalize(variant);
  sqlite3_close(db);
  return elapsed;
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

void run_size(SentenceMaker& maker, const fs::path& folder, std::size_t size, std::size_t queries) {
  std::mt19937 random(static_cast<unsigned>(size));
  std::vector<std::pair<std::string, std::string>> rows;
  for (std::size_t i = 0; i < size; ++i) rows.emplace_back(maker.sentence(random), "ترجمة " + std::to_string(i));
  const fs::path tmx = folder / ("tm" + std::to_string(size) + ".tmx");
  {
    std::ofstream out(tmx);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"b\" creationtoolversion=\"1\" segtype=\"sentence\""
           " o-tmf=\"b\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/><body>\n";
    for (const auto& [en, ar] : rows)
      out << "<tu><tuv xml:lang=\"en\"><seg>" << escape(en) << "</seg></tuv><tuv xml:lang=\"ar\"><seg>" << escape(ar) << "</seg></tuv></tu>\n";
    out << "</body></tmx>\n";
  }
  const double baseline = bare_inserts(folder / ("bare" + std::to_string(size) + ".sqlite"), rows);
  auto store = Store::open(folder / ("tm" + std::to_string(size) + ".sqlite"));
  const auto start = Clock::now();
  const auto report = edsync::tm::import_tmx(*store, tmx);
  const double import_time = seconds_since(start);
  if (!report) {
    std::cerr << report.error().message << '\n';
    std::exit(1);
  }
  const double units = static_cast<double>(size);
  std::printf("%8zu units  import %8.0f units/s  bare inserts %9.0f units/s  ratio %.2f\n", size, units / import_time,
              units / baseline, baseline / import_time);
  edsync::tm::LookupOptions options;
  options.target_lang = "ar";
  options.max_results = 1;
  std::vector<double> latencies;
  int hits = 0, answerable = 0;
  for (std::size_t q = 0; q < queries; ++q) {
    const auto& original = rows[std::uniform_int_distribution<std::size_t>(0, rows.size() - 1)(random)].first;
    const std::string query = maker.variation(original, random);
    const auto before = Clock::now();
    const auto found = store->lookup(query, options);
    latencies.push_back(seconds_since(before) * 1000);
    const auto reference = store->lookup_exhaustive(query, options);
    if (reference->empty()) continue;
    ++answerable;
    if (!found->empty() && (*found)[0].score == (*reference)[0].score) ++hits;
  }
  std::printf("%8zu units  lookup p50 %6.2f ms  p95 %6.2f ms  recall@1 %.3f (%d of %d queries with a match >= 70)\n", size,
              percentile(latencies, 0.5), percentile(latencies, 0.95), answerable ? static_cast<double>(hits) / answerable : 1.0,
              hits, answerable);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  const auto data = edsync::test::shared_data_dir();
  if (!data) {
    std::cout << "skipped: ../shared/data not found (set EDSYNC_SHARED_DATA)\n";
    return edsync::test::kSkipExitCode;
  }
  SentenceMaker maker(*data / "ntrex-dev" / "eng.txt");
  const fs::path folder = fs::temp_directory_path() / ("edsync-tm-bench-" + std::to_string(::getpid()));
  fs::create_directories(folder);
  std::vector<std::size_t> sizes;
  for (int i = 1; i < argc; ++i) sizes.push_back(std::stoul(argv[i]));
  if (sizes.empty()) sizes = {10'000, 100'000, 1'000'000};
  for (const auto size : sizes) run_size(maker, folder, size, size >= 1'000'000 ? 30 : 100);
  fs::remove_all(folder);
}
