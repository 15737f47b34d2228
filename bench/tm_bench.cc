// Translation memory speed: import throughput against a bare loop of
// prepared SQLite inserts of the same rows, and fuzzy lookup latency (p50,
// p95) with recall@1 against an exhaustive scan, on memories of 10k, 100k and
// 1M units whose English is spliced from real news sentences (see
// SentenceMaker), one in ten made of common words only; ordinary and
// common-word queries are measured apart (see run_size).
//
//   bench/edsync_tm_bench [--reuse] [--queries N] [--recall N] [SIZES...]   e.g. 10000 100000 1000000
//   bench/edsync_tm_bench --write-tmx FILE UNITS                   a TMX to import by hand
//
// --reuse keeps the memories in /tmp/edsync-tm-bench and, when one of the size
// is there from an earlier run, measures only the lookups on it. --queries 0
// measures only the import; --recall N checks recall@1 on the first N queries
// only (the exhaustive scan takes seconds a query at 1M units). --write-tmx writes UNITS units of the same kind,
// streaming (for the 1 GB import run and for profiling `edsync tm import`).
#include <sqlite3.h>
#include <unistd.h>

#include <limits>

#include <algorithm>
#include <cctype>
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

bool ends_sentence(const std::string& word) {
  return !word.empty() && (word.back() == '.' || word.back() == '?' || word.back() == '!');
}

// Sentences of a Markdown article's body (after the front matter), split
// after words ending in . ? or !
std::vector<std::vector<std::string>> article_sentences(const fs::path& file) {
  std::ifstream in(file);
  std::vector<std::vector<std::string>> sentences;
  std::vector<std::string> current;
  int fences = 0;
  for (std::string line; std::getline(in, line);) {
    if (line == "---" && fences < 2) {
      ++fences;
      continue;
    }
    if (fences < 2) continue;
    for (auto& word : words_of(line)) {
      current.push_back(word);
      if (ends_sentence(current.back())) sentences.push_back(std::move(current)), current.clear();
    }
  }
  return sentences;
}

// Sentences that read like news and vary like a real memory's: the head of
// one real sentence (NTREX English, the sample articles) joined to the tail
// of another, then about one word in eight replaced by a word drawn from the
// whole corpus (so by its frequency there) and every number by another.
class SentenceMaker {
 public:
  SentenceMaker(const fs::path& data, const fs::path& articles) {
    std::ifstream in(data / "ntrex-dev" / "eng.txt");
    for (std::string line; std::getline(in, line);) add(words_of(line));
    for (const auto& entry : fs::directory_iterator(articles))
      if (entry.path().extension() == ".md")
        for (auto& sentence : article_sentences(entry.path())) add(std::move(sentence));
    std::ifstream arabic(data / "ntrex-dev" / "arb.txt");
    for (std::string line; std::getline(arabic, line);) translations_.push_back(line);
    find_common_words();
  }
  std::size_t corpus_sentences() const { return sentences_.size(); }
  std::size_t corpus_words() const { return vocabulary_.size(); }
  const std::vector<std::string>& common_words() const { return common_; }

  std::string sentence(std::mt19937& random) {
    const auto& head = pick(sentences_, random);
    const auto& tail = pick(sentences_, random);
    std::vector<std::string> words(head.begin(), head.begin() + static_cast<std::ptrdiff_t>(cut(head.size(), random)));
    words.insert(words.end(), tail.begin() + static_cast<std::ptrdiff_t>(cut(tail.size(), random)), tail.end());
    if (words.size() > 40) words.resize(40);
    std::uniform_int_distribution<int> eighth(0, 7);
    std::uniform_int_distribution<int> number(1, 9999);
    for (auto& word : words) {
      if (std::isdigit(static_cast<unsigned char>(word[0]))) word = std::to_string(number(random));
      else if (eighth(random) == 0) word = pick(vocabulary_, random);
    }
    return joined(words);
  }
  const std::string& translation(std::mt19937& random) { return pick(translations_, random); }

  // 6 to 12 of the corpus's 30 most frequent words: a short sentence of
  // common words such as "The meeting was held on Monday." has nothing else.
  std::string common_sentence(std::mt19937& random) {
    std::vector<std::string> words(std::uniform_int_distribution<std::size_t>(6, 12)(random));
    for (auto& word : words) word = pick(common_, random);
    words[0][0] = static_cast<char>(std::toupper(static_cast<unsigned char>(words[0][0])));
    return joined(words);
  }
  // The sentence with one word in two replaced by another common one.
  std::string common_variation(const std::string& text, std::mt19937& random) {
    auto words = words_of(text);
    if (random() % 2) words[std::uniform_int_distribution<std::size_t>(1, words.size() - 1)(random)] = pick(common_, random);
    return joined(words);
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
    return joined(words);
  }

 private:
  void add(std::vector<std::string> words) {
    if (words.size() < 5) return;
    for (const auto& word : words) vocabulary_.push_back(word);
    sentences_.push_back(std::move(words));
  }
  void find_common_words() {
    std::map<std::string, int> counts;
    for (const auto& word : vocabulary_)
      if (std::all_of(word.begin(), word.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); })) ++counts[word];
    std::vector<std::pair<int, std::string>> ranked;
    for (const auto& [word, count] : counts) ranked.emplace_back(-count, word);
    std::sort(ranked.begin(), ranked.end());
    for (std::size_t i = 0; i < std::min<std::size_t>(30, ranked.size()); ++i) common_.push_back(ranked[i].second);
  }
  static std::size_t cut(std::size_t size, std::mt19937& random) {
    return std::uniform_int_distribution<std::size_t>(2, size - 2)(random);
  }
  static std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& word : words) out += (out.empty() ? "" : " ") + word;
    return out;
  }
  template <typename T>
  static const T& pick(const std::vector<T>& list, std::mt19937& random) {
    return list[std::uniform_int_distribution<std::size_t>(0, list.size() - 1)(random)];
  }
  std::vector<std::vector<std::string>> sentences_;
  std::vector<std::string> vocabulary_, translations_, common_;
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

// The honest baseline: every row the import wrote (units, variants, FTS
// rows, fuzzy postings and word counts), copied from the imported memory into
// a fresh one with the same schema and indexes, with prepared statements in
// one transaction and the store's pragmas. Rows are read in chunks outside
// the timed part; postings go in key order, the cheapest order there is.
class SameRows {
 public:
  SameRows(const fs::path& imported, const fs::path& target) {
    if (auto created = Store::open(target); !created) {  // the schema, as the store makes it
      std::cerr << created.error().message << '\n';
      std::exit(1);
    }
    sqlite3_open_v2(imported.c_str(), &source_, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_open(target.c_str(), &target_);
    sqlite3_exec(target_, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
                 nullptr, nullptr, nullptr);
  }
  ~SameRows() {
    sqlite3_close(source_);
    sqlite3_close(target_);
  }

  // Seconds spent inserting (and committing) only.
  double run() {
    const auto begin = Clock::now();
    sqlite3_exec(target_, "BEGIN", nullptr, nullptr, nullptr);
    double timed = seconds_since(begin);
    for (const char* table : {"sources", "units", "variants"})  // sources first: units refer to them
      timed += copy(std::string("SELECT * FROM ") + table + " ORDER BY rowid", std::string("INSERT INTO ") + table);
    timed += copy("SELECT id, text FROM variants ORDER BY id", "INSERT INTO variants_fts(rowid, text)");
    timed += copy("SELECT term, size, variant_id FROM fuzzy_postings", "INSERT INTO fuzzy_postings");
    timed += copy("SELECT term, docs FROM fuzzy_terms", "INSERT INTO fuzzy_terms");
    const auto commit = Clock::now();
    sqlite3_exec(target_, "COMMIT", nullptr, nullptr, nullptr);
    return timed + seconds_since(commit);
  }

 private:

  double copy(const std::string& select, const std::string& insert_head) {
    sqlite3_stmt *read = nullptr, *write = nullptr;
    sqlite3_prepare_v2(source_, select.c_str(), -1, &read, nullptr);
    const int columns = sqlite3_column_count(read);
    std::string insert = insert_head + " VALUES(";
    for (int c = 0; c < columns; ++c) insert += c ? ",?" : "?";
    sqlite3_prepare_v2(target_, (insert + ")").c_str(), -1, &write, nullptr);
    double timed = 0;
    for (bool more = true; more;) {
      std::vector<sqlite3_value*> chunk;  // kChunk rows of `columns` values
      while (chunk.size() < kChunk * static_cast<std::size_t>(columns) && (more = sqlite3_step(read) == SQLITE_ROW))
        for (int c = 0; c < columns; ++c) chunk.push_back(sqlite3_value_dup(sqlite3_column_value(read, c)));
      const auto start = Clock::now();
      for (std::size_t row = 0; row < chunk.size(); row += static_cast<std::size_t>(columns)) {
        for (int c = 0; c < columns; ++c) sqlite3_bind_value(write, c + 1, chunk[row + static_cast<std::size_t>(c)]);
        if (sqlite3_step(write) != SQLITE_DONE) failed(insert_head);
        sqlite3_reset(write);
      }
      timed += seconds_since(start);
      for (auto* value : chunk) sqlite3_value_free(value);
    }
    sqlite3_finalize(read);
    sqlite3_finalize(write);
    return timed;
  }
  void failed(const std::string& what) {
    std::cerr << "same-rows baseline: " << what << ": " << sqlite3_errmsg(target_) << '\n';
    std::exit(1);
  }

  static constexpr std::size_t kChunk = 10'000;
  sqlite3* source_ = nullptr;
  sqlite3* target_ = nullptr;
};

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

void progress(std::size_t size, const std::string& what) {
  std::cerr << "tm bench, " << size << " units: " << what << '\n';
}

void write_tmx_head(std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"b\" creationtoolversion=\"1\" segtype=\"sentence\""
         " o-tmf=\"b\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/><body>\n";
}

void write_tmx_unit(std::ostream& out, const std::string& en, const std::string& ar) {
  out << "<tu><tuv xml:lang=\"en\"><seg>" << escape(en) << "</seg></tuv><tuv xml:lang=\"ar\"><seg>" << escape(ar) << "</seg></tuv></tu>\n";
}

void write_tmx(const fs::path& tmx, const std::vector<std::pair<std::string, std::string>>& rows) {
  std::ofstream out(tmx);
  write_tmx_head(out);
  for (const auto& [en, ar] : rows) write_tmx_unit(out, en, ar);
  out << "</body></tmx>\n";
}

// Streams `size` units to `file` without holding them: any size fits.
int write_tmx_only(SentenceMaker& maker, const fs::path& file, std::size_t size) {
  std::mt19937 random(static_cast<unsigned>(size));
  std::ofstream out(file);
  write_tmx_head(out);
  for (std::size_t i = 0; i < size; ++i) {
    const std::string en = maker.sentence(random);
    write_tmx_unit(out, en, maker.translation(random));
  }
  out << "</body></tmx>\n";
  out.close();
  if (!out) {
    std::cerr << file.string() << ": cannot write\n";
    return 1;
  }
  std::printf("%s: %zu units, %.1f MiB\n", file.c_str(), size, static_cast<double>(fs::file_size(file)) / (1 << 20));
  return 0;
}

// Imports the rows (timed against the bare inserts) unless a finished
// memory of this size is already in `folder`.
void build(const fs::path& folder, std::size_t size, const std::vector<std::pair<std::string, std::string>>& rows) {
  const std::string name = "tm" + std::to_string(size);
  const fs::path done = folder / (name + ".done");
  if (fs::exists(done)) {
    std::printf("%8zu units  import not measured: reusing %s\n", size, (folder / (name + ".sqlite")).c_str());
    return;
  }
  fs::remove(folder / (name + ".sqlite"));
  const fs::path tmx = folder / (name + ".tmx");
  progress(size, "writing " + tmx.string());
  write_tmx(tmx, rows);
  progress(size, "bare inserts");
  const fs::path bare = folder / ("bare" + std::to_string(size) + ".sqlite");
  const double baseline = bare_inserts(bare, rows);
  fs::remove(bare);
  progress(size, "importing");
  auto store = Store::open(folder / (name + ".sqlite"));
  const auto start = Clock::now();
  const auto report = edsync::tm::import_tmx(*store, tmx);
  const double import_time = seconds_since(start);
  if (!report) {
    std::cerr << report.error().message << '\n';
    std::exit(1);
  }
  fs::remove(tmx);
  progress(size, "the same rows, inserted");
  const fs::path same = folder / ("same" + std::to_string(size) + ".sqlite");
  const double same_rows = SameRows(folder / (name + ".sqlite"), same).run();
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(same.string() + suffix);
  std::ofstream(done) << "imported\n";
  const double units = static_cast<double>(size);
  std::printf("%8zu units  import %8.0f units/s  same rows %8.0f units/s  ratio %.2f  |  index-free inserts %8.0f units/s  ratio %.2f\n",
              size, units / import_time, units / same_rows, same_rows / import_time, units / baseline, baseline / import_time);
  std::fflush(stdout);
}

// The memory: one unit in ten is a sentence of common words ending in a tag
// that makes it unique, like "(7-15488)"; `common` holds those sentences
// without their tags.
struct Memory {
  std::vector<std::pair<std::string, std::string>> rows;
  std::vector<std::string> common;
};

Memory make_memory(SentenceMaker& maker, std::size_t size, std::mt19937& random) {
  Memory memory;
  memory.rows.reserve(size);
  for (std::size_t i = 0; i < size; ++i) {
    std::string en = maker.sentence(random);
    if (i % 10 == 9) {
      memory.common.push_back(maker.common_sentence(random));
      en = memory.common.back() + " (" + std::to_string(i % 9 + 1) + "-" + std::to_string(i) + ").";
    }
    memory.rows.emplace_back(std::move(en), maker.translation(random));
  }
  return memory;
}

// Lookups are timed first, all together, as a translator's would run; the
// exhaustive reference scans (seconds each at 1M units) come after, so that
// they neither share the timing nor flush the caches between lookups.
void measure(Store& store, std::size_t size, const std::string& kind, const std::vector<std::string>& asked,
             std::size_t recall_queries) {
  edsync::tm::LookupOptions options;
  options.target_lang = "ar";
  options.max_results = 1;
  std::vector<int> best;  // the indexed lookup's best score, -1 for none
  std::vector<double> latencies;
  for (std::size_t q = 0; q < asked.size(); ++q) {
    if (q % 10 == 0) progress(size, kind + " query " + std::to_string(q) + " of " + std::to_string(asked.size()));
    const auto before = Clock::now();
    const auto found = store.lookup(asked[q], options);
    latencies.push_back(seconds_since(before) * 1000);
    best.push_back(found && !found->empty() ? (*found)[0].score : -1);
  }
  std::printf("%8zu units  %-12s lookup p50 %6.2f ms  p95 %6.2f ms  (%zu queries)\n", size, kind.c_str(),
              percentile(latencies, 0.5), percentile(latencies, 0.95), asked.size());
  std::fflush(stdout);
  int hits = 0, answerable = 0;
  const std::size_t checked = std::min(asked.size(), recall_queries);
  for (std::size_t q = 0; q < checked; ++q) {
    if (q % 10 == 0) progress(size, kind + " recall " + std::to_string(q) + " of " + std::to_string(checked));
    const auto reference = store.lookup_exhaustive(asked[q], options);
    if (!reference || reference->empty()) continue;
    ++answerable;
    if (best[q] == (*reference)[0].score) ++hits;
  }
  std::printf("%8zu units  %-12s recall@1 %.3f (%d of %d queries with a match >= 70)\n", size, kind.c_str(),
              answerable ? static_cast<double>(hits) / answerable : 1.0, hits, answerable);
  std::fflush(stdout);
}

// Ordinary queries: 1-3 words of a memory sentence changed. Common-word
// queries: a common-word sentence without its tag, one in two with a word
// replaced; every word of them is in a large share of the memory.
void run_size(SentenceMaker& maker, const fs::path& folder, std::size_t size, std::size_t queries,
              std::size_t recall_queries) {
  std::mt19937 random(static_cast<unsigned>(size));
  progress(size, "making sentences");
  const Memory memory = make_memory(maker, size, random);
  build(folder, size, memory.rows);
  if (queries == 0) return;
  auto store = Store::open(folder / ("tm" + std::to_string(size) + ".sqlite"));
  std::vector<std::string> ordinary, common;
  std::uniform_int_distribution<std::size_t> row(0, memory.rows.size() - 1);
  for (std::size_t q = 0; q < queries; ++q) {
    std::size_t i = row(random);
    while (i % 10 == 9) i = row(random);
    ordinary.push_back(maker.variation(memory.rows[i].first, random));
  }
  for (std::size_t q = 0; q < queries && !memory.common.empty(); ++q)
    common.push_back(maker.common_variation(memory.common[random() % memory.common.size()], random) + ".");
  measure(*store, size, "ordinary", ordinary, recall_queries);
  measure(*store, size, "common words", common, recall_queries);
}

}  // namespace

int main(int argc, char** argv) {
  const auto data = edsync::test::shared_data_dir();
  if (!data) {
    std::cout << "skipped: ../shared/data not found (set EDSYNC_SHARED_DATA)\n";
    return edsync::test::kSkipExitCode;
  }
  bool reuse = false;
  std::size_t queries = 100;
  std::size_t recall_queries = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> sizes;
  fs::path tmx_only;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (argument == "--reuse") reuse = true;
    else if (argument == "--write-tmx" && i + 1 < argc) tmx_only = argv[++i];
    else if (argument == "--queries" && i + 1 < argc) queries = std::stoul(argv[++i]);
    else if (argument == "--recall" && i + 1 < argc) recall_queries = std::stoul(argv[++i]);
    else sizes.push_back(std::stoul(argument));
  }
  if (sizes.empty()) sizes = {10'000, 100'000, 1'000'000};
  SentenceMaker maker(*data, fs::path(EDSYNC_SAMPLE_WORKSPACE) / "editions" / "en");
  std::cerr << "tm bench: " << maker.corpus_sentences() << " corpus sentences, " << maker.corpus_words() << " words; common:";
  for (const auto& word : maker.common_words()) std::cerr << ' ' << word;
  std::cerr << '\n';
  if (!tmx_only.empty()) return write_tmx_only(maker, tmx_only, sizes.at(0));
  const fs::path folder = fs::temp_directory_path() / (reuse ? std::string("edsync-tm-bench")
                                                             : "edsync-tm-bench-" + std::to_string(::getpid()));
  fs::create_directories(folder);
  for (const auto size : sizes) run_size(maker, folder, size, queries, recall_queries);
  if (!reuse) fs::remove_all(folder);
}
