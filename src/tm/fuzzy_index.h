// The fuzzy candidate index: for every source variant, its distinct
// case-folded words (as 64-bit keys) with the variant's size, and how many
// variants hold each word. A lookup reads the postings of the query's rarest
// words inside the size window the threshold allows, so its work depends on
// how rare the query's words are, not on the memory's size.
#pragma once

#include <compare>
#include <cstdint>
#include <vector>

#include "fuzzy.h"
#include "sqlite.h"

namespace edsync::tm {

// What the index knows of a segment: its size in quarter words (a word
// weighs 4, a punctuation mark 1, as in fuzzy_score) and its distinct words.
struct FuzzyShape {
  std::int64_t size = 0;
  std::vector<std::int64_t> terms;
};

FuzzyShape shape_of(const std::vector<Token>& tokens);

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

// Source variant ids that may score `threshold` or more against `query`,
// most promising first, at most `limit`. Complete when the postings of the
// query's rarest words fit the read budget (see fuzzy_index.cc).
std::vector<std::int64_t> fuzzy_candidates(sql::Database& db, const std::vector<Token>& query, int threshold,
                                           std::size_t limit);

}  // namespace edsync::tm
