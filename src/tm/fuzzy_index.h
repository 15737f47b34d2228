// The fuzzy candidate index: for every source variant, its distinct pairs of
// adjacent case-folded words (as 64-bit keys; the start and the end of the
// segment count as empty words) with the variant's size, and how many
// variants hold each pair. A lookup reads the postings of the query's rarest
// pairs inside the size window the threshold allows, so its work depends on
// how rare the query's word pairs are, not on the memory's size; pairs stay
// rare where single words are all common (a small vocabulary, short news
// sentences of common words).
#pragma once

#include <compare>
#include <cstdint>
#include <vector>

#include "fuzzy.h"
#include "sqlite.h"

namespace edsync::tm {

// What the index knows of a segment: its size in quarter words (a word
// weighs 4, a punctuation mark 1, as in fuzzy_score) and the keys it is
// found under: its distinct word pairs, and one key every segment holds (for
// the sizes where the score bound rules out no segment, see fuzzy_index.cc).
struct FuzzyShape {
  std::int64_t size = 0;
  std::vector<std::int64_t> terms;
};

FuzzyShape shape_of(const std::vector<Token>& tokens);
// Its size alone (shape_of(tokens).size, without the pairs).
std::int64_t segment_size(const std::vector<Token>& tokens);

// A segment's adjacent pairs of folded words as keys, repeats kept: n words
// give n + 1 pairs (its start and end count as empty words), none gives one.
std::vector<std::int64_t> word_pairs(const std::vector<Token>& tokens);

// The best score a segment of `size` can have against a query of
// `query_size` when it lacks `lacking` of the query's word pairs (with repeats).
int best_possible_score(std::int64_t query_size, std::int64_t size, std::int64_t lacking);

// Exact: can two segments of these sizes score `threshold` or more? The edit
// distance is at least the difference of their sizes.
bool may_reach(std::int64_t size_a, std::int64_t size_b, int threshold);

// Postings written in sorted batches: one import transaction adds many
// units, and sorted inserts touch each index page once per batch. Memory
// stays bounded by the batch size whatever the file's size.
class PendingPostings {
 public:
  void add(std::int64_t variant_id, const FuzzyShape& shape);
  bool full() const;
  void flush(sql::Database& db);  // inside the write transaction
  void clear();
  bool empty() const { return postings_.empty(); }

 private:
  struct Posting {
    std::int64_t term, size, variant_id;
    auto operator<=>(const Posting&) const = default;
  };
  std::vector<Posting> postings_;
};

// A source variant that may score the threshold, and the best score it can
// have (its actual score is at most that).
struct FuzzyCandidate {
  std::int64_t variant_id = 0;
  int best_possible = 0;
  std::int64_t size = 0;  // as its postings hold it
};

// Every source variant that may score `threshold` or more against `query`,
// best_possible first: none that does is left out, whatever the memory's
// words and the order its units came in (the bound is in fuzzy_index.cc).
std::vector<FuzzyCandidate> fuzzy_candidates(sql::Database& db, const std::vector<Token>& query, int threshold);

}  // namespace edsync::tm
