// Aligner quality on NTREX (../shared/data/ntrex-dev): English against
// Arabic, Persian and Albanian, each as a clean set (every line a 1-1 bead)
// and a perturbed one (fixed seed: 8% of target and 4% of source sentences
// merged with the next, 3% of target and 2% of source sentences deleted).
// Bead-level exact match against the gold beads; fails under the bar of the
// aligner issue: F1 0.999 clean, 0.97 perturbed, non-1-1 recall 0.9.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "edsync/align.h"
#include "shared_data.h"

namespace {

namespace fs = std::filesystem;
using edsync::AlignText;

std::vector<std::string> lines_of(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

struct Corpus {
  std::vector<std::string> english;
  std::vector<std::size_t> document;  // of each line
};

Corpus english_corpus(const fs::path& dir) {
  Corpus corpus;
  corpus.english = lines_of(dir / "eng.txt");
  std::map<std::string, std::size_t> ids;
  for (const auto& id : lines_of(dir / "document_ids.tsv")) {
    if (ids.empty() || !ids.contains(id)) ids.emplace(id, ids.size());
    corpus.document.push_back(ids.at(id));
  }
  return corpus;
}

// The same draws on every platform (std::uniform_real_distribution is not).
struct Draw {
  std::mt19937 generator;
  bool operator()(double probability) { return generator() < probability * 4294967296.0; }
};

struct Side {
  AlignText text;
  std::vector<std::vector<std::size_t>> lines;  // original lines in each sentence
};

struct Perturbation {
  double merge = 0, drop = 0;
};

Side side_of(const std::vector<std::string>& lines, const std::vector<std::size_t>& document, Perturbation change,
             Draw& draw) {
  std::vector<bool> dropped(lines.size()), merged(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) dropped[i] = draw(change.drop), merged[i] = draw(change.merge);
  Side side;
  bool join = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (dropped[i]) {  // what follows a lost sentence starts afresh: merges never cross a gap
      join = false;
      continue;
    }
    const bool same_document = !side.lines.empty() && document[side.lines.back().back()] == document[i];
    if (join && same_document) {
      side.text.sentences.back() += " " + lines[i];
      side.lines.back().push_back(i);
    } else {
      side.text.sentences.push_back(lines[i]);
      side.text.paragraph_of.push_back(document[i]);
      side.text.line_of.push_back(i);
      side.lines.push_back({i});
    }
    join = merged[i];
  }
  return side;
}

using Key = std::pair<std::vector<std::size_t>, std::vector<std::size_t>>;

// Connected groups of sentences that share an original line; a sentence
// whose lines the other side lost entirely is a 1-0 or 0-1 bead.
std::set<Key> gold_beads(const Side& source, const Side& target, std::size_t line_count) {
  std::vector<long> source_of(line_count, -1), target_of(line_count, -1);
  for (std::size_t s = 0; s < source.lines.size(); ++s)
    for (auto line : source.lines[s]) source_of[line] = long(s);
  for (std::size_t t = 0; t < target.lines.size(); ++t)
    for (auto line : target.lines[t]) target_of[line] = long(t);
  const std::size_t count = source.lines.size() + target.lines.size();
  std::vector<std::size_t> root(count);
  std::iota(root.begin(), root.end(), 0);
  auto find = [&](std::size_t node) {
    while (root[node] != node) node = root[node] = root[root[node]];
    return node;
  };
  for (std::size_t line = 0; line < line_count; ++line) {
    if (source_of[line] >= 0 && target_of[line] >= 0) {
      root[find(std::size_t(source_of[line]))] = find(source.lines.size() + std::size_t(target_of[line]));
    }
  }
  std::map<std::size_t, Key> groups;
  for (std::size_t s = 0; s < source.lines.size(); ++s) groups[find(s)].first.push_back(s);
  for (std::size_t t = 0; t < target.lines.size(); ++t) groups[find(source.lines.size() + t)].second.push_back(t);
  std::set<Key> beads;
  for (const auto& [node, key] : groups) beads.insert(key);
  return beads;
}

struct Score {
  double precision = 0, recall = 0, f1 = 0, other_recall = 1;
  std::size_t gold = 0, other = 0;
};

Score score(const std::vector<edsync::Bead>& found, const std::set<Key>& gold) {
  std::size_t correct = 0, other = 0, other_correct = 0;
  for (const auto& bead : found) correct += gold.contains({bead.source, bead.target});
  std::set<Key> found_keys;
  for (const auto& bead : found) found_keys.insert({bead.source, bead.target});
  for (const auto& key : gold) {
    if (key.first.size() == 1 && key.second.size() == 1) continue;
    ++other;
    other_correct += found_keys.contains(key);
  }
  Score result;
  result.precision = found.empty() ? 0 : double(correct) / double(found.size());
  result.recall = gold.empty() ? 0 : double(correct) / double(gold.size());
  result.f1 = result.precision + result.recall > 0
                  ? 2 * result.precision * result.recall / (result.precision + result.recall)
                  : 0;
  result.other_recall = other ? double(other_correct) / double(other) : 1;
  result.gold = gold.size(), result.other = other;
  return result;
}

Score run(const Corpus& corpus, const std::vector<std::string>& translation, const std::string& language,
          bool perturbed, const std::vector<edsync::WordPair>& dictionary = {}) {
  // EDSYNC_ALIGN_SEED=N draws another perturbed set: one set's 68 non-1-1
  // beads are few, so a change to the model is judged on several seeds.
  const char* seed = std::getenv("EDSYNC_ALIGN_SEED");
  Draw draw{std::mt19937(perturbed ? (seed ? unsigned(std::strtoul(seed, nullptr, 10)) : 20261201u) : 0u)};
  const Perturbation none{};
  const Side source = side_of(corpus.english, corpus.document, perturbed ? Perturbation{0.04, 0.02} : none, draw);
  const Side target = side_of(translation, corpus.document, perturbed ? Perturbation{0.08, 0.03} : none, draw);
  edsync::AlignOptions options;
  options.target_language = language;
  options.dictionary = dictionary;
  const auto beads = edsync::align_texts(source.text, target.text, options);
  REQUIRE(beads.ok());
  const auto gold = gold_beads(source, target, corpus.english.size());
  const Score result = score(*beads, gold);
  std::cout << std::fixed << std::setprecision(4) << "en-" << language << (perturbed ? " perturbed" : " clean    ")
            << (dictionary.empty() ? "" : " + FreeDict") << ": " << source.text.sentences.size() << " x "
            << target.text.sentences.size() << " sentences, " << result.gold << " gold beads (" << result.other
            << " not 1-1): precision " << result.precision << ", recall " << result.recall << ", F1 " << result.f1
            << ", not-1-1 recall " << result.other_recall << '\n';
  if (std::getenv("EDSYNC_ALIGN_ERRORS")) {
    std::set<Key> found_keys;
    for (const auto& bead : *beads) found_keys.insert({bead.source, bead.target});
    auto show = [&](const Key& key, const char* what) {
      std::cout << "  " << what << " [";
      for (auto s : key.first) std::cout << s << ' ';
      std::cout << "] -> [";
      for (auto t : key.second) std::cout << t << ' ';
      std::cout << "]\n";
      if (std::string(what) == "wrong") {
        for (auto s : key.first) std::cout << "     S" << s << ": " << source.text.sentences[s] << '\n';
        for (auto t : key.second) std::cout << "     T" << t << ": " << target.text.sentences[t] << '\n';
      }
    };
    for (const auto& key : gold)
      if (!found_keys.contains(key)) show(key, "missed");
    for (const auto& bead : *beads) {
      if (!gold.contains({bead.source, bead.target})) {
        std::cout << "  conf " << bead.confidence;
        show({bead.source, bead.target}, "wrong");
      }
    }
  }
  return result;
}

struct Figures {
  Score clean, perturbed;
};

const std::map<std::string, Figures>& figures() {
  static const std::map<std::string, Figures> all = [] {
    std::map<std::string, Figures> result;
    const fs::path dir = *edsync::test::shared_data_dir() / "ntrex-dev";
    const Corpus corpus = english_corpus(dir);
    for (const auto& [file, language] :
         std::vector<std::pair<std::string, std::string>>{{"arb.txt", "ar"}, {"fas.txt", "fa"}, {"sqi.txt", "sq"}}) {
      const auto translation = lines_of(dir / file);
      REQUIRE(translation.size() == corpus.english.size());
      result[language] = {run(corpus, translation, language, false), run(corpus, translation, language, true)};
    }
    return result;
  }();
  return all;
}

}  // namespace

// Every language's figures at least these (0: not checked).
static void check_figures(double clean_f1, double perturbed_f1, double other_recall) {
  // Not a structured binding: clang 14 cannot capture one in CAPTURE's lambda.
  for (const auto& entry : figures()) {
    const auto& language = entry.first;
    const auto& score = entry.second;
    CAPTURE(language);
    CHECK(score.clean.f1 >= clean_f1);
    CHECK(score.perturbed.f1 >= perturbed_f1);
    CHECK(score.perturbed.other_recall >= other_recall);
  }
}

// The bar of the aligner issue for F1: met, so a miss fails.
TEST_CASE("the aligner meets the issue's F1 bar on NTREX, clean and perturbed") { check_figures(0.999, 0.97, 0); }

// The bar for non-1-1 beads: met, so a miss fails.
TEST_CASE("the aligner meets the issue's non-1-1 recall bar on NTREX") { check_figures(0, 0, 0.9); }

// With Debian's dict-freedict-eng-ara installed: the figures it gives, for reference.
TEST_CASE("en-ar with the FreeDict dictionary, when it is installed") {
  const fs::path freedict = "/usr/share/dictd/freedict-eng-ara.index";
  if (!fs::exists(freedict)) {
    std::cout << "en-ar + FreeDict: skipped, " << freedict.string()
              << " not installed (dict-freedict-eng-ara; scripts/bootstrap.sh --dictionaries installs it)\n";
    return;
  }
  const auto dictionary = edsync::read_dictionary(freedict);
  REQUIRE(dictionary.ok());
  const fs::path dir = *edsync::test::shared_data_dir() / "ntrex-dev";
  const Corpus corpus = english_corpus(dir);
  const Score with = run(corpus, lines_of(dir / "arb.txt"), "ar", true, *dictionary);
  CHECK(with.f1 >= 0.94);  // measured 0.967: worse than the table learned from the texts alone (0.984)
}

// What the aligner reaches now: a regression fails here.
TEST_CASE("the aligner keeps its measured quality on NTREX") { check_figures(0.999, 0.97, 0.91); }
