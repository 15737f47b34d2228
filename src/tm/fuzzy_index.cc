#include "fuzzy_index.h"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <string_view>
#include <unordered_map>

namespace edsync::tm {

namespace {

constexpr std::int64_t kWordSize = 4;  // quarter words: a punctuation mark is 1
constexpr std::size_t kBatch = 1 << 18;  // postings held before a flush (about 6 MB)
// Reading a posting costs about this share of rescoring a candidate (its row,
// tokens and edit distance): the postings of a common pair are read to rule
// candidates out only while that is cheaper than rescoring them.
constexpr std::int64_t kPostingsPerRescore = 30;
constexpr int kUnbounded = std::numeric_limits<int>::max();

// Held by every indexed segment: a pair's key hashes a U+001F, this one nothing.
std::int64_t every_segment_key() { return key_of(""); }

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// What a score of T allows a segment of a given size. With L the longer
// size in words, the score needs an edit distance d <= (100 - T) L / 100.
// Counting words only, let u be the query words left unmatched (replaced or
// deleted) and k all word edits: u <= k <= d. Every unmatched token costs at
// least its weight, so d >= L - (weight matched) >= u + E, E = L - the
// query's size in words. Each unmatched query word breaks at most two of the
// query's word pairs and each inserted word one, so a segment lacks at most
// u + k of them (counted with repeats); a segment lacking m pairs is at
// least min over u of max(k, u + E) away, with u <= k and u + k >= m.
struct Bounds {
  std::int64_t query_size = 0;  // quarter words
  int threshold = 0;

  int best_possible(std::int64_t size, std::int64_t lacking) const {
    const std::int64_t longest = std::max(query_size, size);
    if (longest == 0) return 100;
    const std::int64_t distance = std::max(std::abs(query_size - size), least_distance(lacking, longest - query_size));
    return static_cast<int>(floor_div(100 * (longest - distance), longest));
  }

  // The most pairs a segment of `size` may lack and still reach the
  // threshold; -1 if none reaches it, `all` or more if the bound rules none out.
  // The bound falls as `lacking` grows (a test holds it to that), so the
  // last count that reaches the threshold is found by bisection: a long
  // query has hundreds of pairs and this runs for every size in its window.
  std::int64_t allowance(std::int64_t size, std::int64_t all) const {
    if (best_possible(size, 0) < threshold) return -1;
    std::int64_t reaches = 0, fails = all + 2;  // all + 1 at most, as "rules none out"
    while (fails - reaches > 1) {
      const std::int64_t middle = reaches + (fails - reaches) / 2;
      if (best_possible(size, middle) >= threshold) reaches = middle;
      else fails = middle;
    }
    return reaches;
  }

 private:
  // In quarter words; with u <= m / 2, k = m - u (more u only adds to u + E).
  static std::int64_t least_distance(std::int64_t lacking, std::int64_t extra) {
    const std::int64_t half = std::max<std::int64_t>(lacking, 0) / 2;
    const auto at = [&](std::int64_t u) { return std::max(kWordSize * (lacking - u), kWordSize * u + extra); };
    const std::int64_t crossing = std::clamp<std::int64_t>(floor_div(kWordSize * lacking - extra, 2 * kWordSize), 0, half);
    return std::min({at(0), at(half), at(crossing), at(std::min(crossing + 1, half))});
  }
};

struct PairTerm {
  std::int64_t key = 0;
  std::int64_t documents = 0;
  std::int64_t mass = 0;  // how often the query has the pair
};

struct QueryPairs {
  std::vector<PairTerm> known;  // rarest first
  std::int64_t total = 0;       // the query's pairs, repeats counted
  std::int64_t unknown = 0;     // of them, those no segment holds
  std::int64_t known_mass() const { return total - unknown; }
};

std::int64_t documents_of(sql::Database& db, std::int64_t key) {
  auto& statement = db.cached("SELECT docs FROM fuzzy_terms WHERE term = ?");
  statement.bind(1, key);
  const std::int64_t documents = statement.step() ? statement.integer(0) : 0;
  statement.reset();
  return documents;
}

QueryPairs query_pairs(sql::Database& db, const std::vector<Token>& query) {
  auto keys = word_pairs(query);
  std::sort(keys.begin(), keys.end());
  QueryPairs pairs;
  pairs.total = static_cast<std::int64_t>(keys.size());
  for (auto it = keys.begin(); it != keys.end();) {
    const auto next = std::upper_bound(it, keys.end(), *it);
    const PairTerm term{*it, documents_of(db, *it), next - it};
    if (term.documents > 0) pairs.known.push_back(term);
    else pairs.unknown += term.mass;
    it = next;
  }
  std::sort(pairs.known.begin(), pairs.known.end(), [](const PairTerm& a, const PairTerm& b) {
    return a.documents != b.documents ? a.documents < b.documents : a.key < b.key;
  });
  return pairs;
}

// For each size the threshold allows: how many of the rarest pairs a segment
// of that size must hold one of (lacking them all, it lacks more than its
// allowance); 0 when none of that size can reach the threshold, kUnbounded
// when the bound rules none out (mostly punctuation, or a threshold below 50).
class SizePlan {
 public:
  SizePlan(const Bounds& bounds, const QueryPairs& pairs)
      : low_(bounds.query_size * bounds.threshold / 100), high_(bounds.query_size * 100 / bounds.threshold + 1) {
    for (std::int64_t size = low_; size <= high_; ++size) prefixes_.push_back(prefix_for(bounds.allowance(size, pairs.total), pairs));
  }

  int prefix(std::int64_t size) const {
    return size < low_ || size > high_ ? 0 : prefixes_[static_cast<std::size_t>(size - low_)];
  }
  // The longest prefix over the sizes where the bound rules some out.
  int seeds() const {
    int longest = 0;
    for (const int prefix : prefixes_)
      if (prefix != kUnbounded) longest = std::max(longest, prefix);
    return longest;
  }
  // The smallest and largest size where `wanted` holds of the prefix, or {1, 0}.
  template <typename Wanted>
  std::pair<std::int64_t, std::int64_t> sizes(Wanted wanted) const {
    std::pair<std::int64_t, std::int64_t> range{1, 0};
    for (std::int64_t size = low_; size <= high_; ++size) {
      if (!wanted(prefix(size))) continue;
      if (range.first > range.second) range.first = size;
      range.second = size;
    }
    return range;
  }

 private:
  static int prefix_for(std::int64_t allowance, const QueryPairs& pairs) {
    if (allowance >= pairs.total) return kUnbounded;
    std::int64_t lacking = pairs.unknown;
    int prefix = 0;
    while (lacking <= allowance) lacking += pairs.known[static_cast<std::size_t>(prefix++)].mass;
    return prefix;
  }
  std::int64_t low_, high_;
  std::vector<int> prefixes_;
};

template <typename Visit>
void read_postings(sql::Database& db, std::int64_t key, std::pair<std::int64_t, std::int64_t> sizes, Visit&& visit) {
  if (sizes.first > sizes.second) return;
  auto& postings = db.cached("SELECT size, variant_id FROM fuzzy_postings WHERE term = ? AND size BETWEEN ? AND ?");
  postings.bind(1, key).bind(2, sizes.first).bind(3, sizes.second);
  while (postings.step()) visit(postings.integer(0), postings.integer(1));
  postings.reset();
}

struct Found {
  std::int64_t size = 0;
  std::int64_t held = 0;  // of the query's pairs read so far, with repeats
};

// Seeds candidates from the rarest pairs each size needs, counts the pairs
// read for each, then reads further pairs only to rule candidates out.
class CandidateSearch {
 public:
  CandidateSearch(sql::Database& db, const Bounds& bounds, QueryPairs pairs)
      : db_(db), bounds_(bounds), pairs_(std::move(pairs)), plan_(bounds, pairs_), unread_(pairs_.known_mass()) {}

  std::vector<FuzzyCandidate> run() {
    read_postings(db_, every_segment_key(), plan_.sizes([](int prefix) { return prefix == kUnbounded; }),
                  [&](std::int64_t size, std::int64_t id) {
                    if (plan_.prefix(size) == kUnbounded) found_.emplace(id, Found{size, 0});
                  });
    measure_sizes();
    const int seeds = plan_.seeds();
    const auto alive = plan_.sizes([](int prefix) { return prefix > 0; });
    for (std::size_t rank = 0; rank < pairs_.known.size(); ++rank) {
      const PairTerm& term = pairs_.known[rank];
      if (static_cast<int>(rank) < seeds) seed(term, static_cast<int>(rank), alive);
      else if (found_.empty() || term.documents > kPostingsPerRescore * static_cast<std::int64_t>(found_.size())) break;
      else count(term);
      unread_ -= term.mass;
      if (static_cast<int>(rank) + 1 >= seeds) prune();
    }
    return ranked();
  }

 private:
  void seed(const PairTerm& term, int rank, std::pair<std::int64_t, std::int64_t> sizes) {
    read_postings(db_, term.key, sizes, [&](std::int64_t size, std::int64_t id) {
      if (const auto it = found_.find(id); it != found_.end()) it->second.held += term.mass;
      else if (rank < plan_.prefix(size)) found_.emplace(id, Found{size, term.mass});
    });
  }
  void count(const PairTerm& term) {
    read_postings(db_, term.key, found_sizes_, [&](std::int64_t, std::int64_t id) {
      if (const auto it = found_.find(id); it != found_.end()) it->second.held += term.mass;
    });
  }
  int best_possible(const Found& found) const {
    return bounds_.best_possible(found.size, pairs_.total - found.held - unread_);
  }
  void prune() {
    std::erase_if(found_, [&](const auto& entry) { return best_possible(entry.second) < bounds_.threshold; });
    measure_sizes();
  }
  void measure_sizes() {
    found_sizes_ = {std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::min()};
    for (const auto& [id, found] : found_)
      found_sizes_ = {std::min(found_sizes_.first, found.size), std::max(found_sizes_.second, found.size)};
  }
  std::vector<FuzzyCandidate> ranked() const {
    std::vector<FuzzyCandidate> candidates;
    candidates.reserve(found_.size());
    for (const auto& [id, found] : found_)
      if (const int best = best_possible(found); best >= bounds_.threshold) candidates.push_back({id, best, found.size});
    std::sort(candidates.begin(), candidates.end(), [](const FuzzyCandidate& a, const FuzzyCandidate& b) {
      return a.best_possible != b.best_possible ? a.best_possible > b.best_possible : a.variant_id < b.variant_id;
    });
    return candidates;
  }

  sql::Database& db_;
  Bounds bounds_;
  QueryPairs pairs_;
  SizePlan plan_;
  std::int64_t unread_;  // the known pairs' mass not read yet
  std::unordered_map<std::int64_t, Found> found_;
  std::pair<std::int64_t, std::int64_t> found_sizes_{1, 0};
};

// A threshold of 0 or less: every segment scores it.
std::vector<FuzzyCandidate> every_segment(sql::Database& db) {
  std::vector<FuzzyCandidate> candidates;
  read_postings(db, every_segment_key(), {0, std::numeric_limits<std::int64_t>::max()},
                [&](std::int64_t size, std::int64_t id) { candidates.push_back({id, 100, size}); });
  return candidates;
}

}  // namespace

std::vector<std::int64_t> word_pairs(const std::vector<Token>& tokens) {
  std::vector<std::int64_t> pairs;
  std::string_view previous;
  for (const auto& token : tokens) {
    if (!token.word) continue;
    pairs.push_back(key_of(previous, token.folded));
    previous = token.folded;
  }
  pairs.push_back(key_of(previous, ""));
  return pairs;
}

int best_possible_score(std::int64_t query_size, std::int64_t size, std::int64_t lacking) {
  return Bounds{query_size, 0}.best_possible(size, lacking);
}

std::int64_t segment_size(const std::vector<Token>& tokens) {
  std::int64_t size = 0;
  for (const auto& token : tokens) size += token.word ? kWordSize : 1;
  return size;
}

FuzzyShape shape_of(const std::vector<Token>& tokens) {
  FuzzyShape shape;
  shape.size = segment_size(tokens);
  shape.terms = word_pairs(tokens);
  shape.terms.push_back(every_segment_key());
  std::sort(shape.terms.begin(), shape.terms.end());
  shape.terms.erase(std::unique(shape.terms.begin(), shape.terms.end()), shape.terms.end());
  return shape;
}

bool may_reach(std::int64_t size_a, std::int64_t size_b, int threshold) {
  const std::int64_t longest = std::max(size_a, size_b);
  // distance >= |a - b|, and the score is 100 * (1 - distance / longest).
  return 100 * (longest - std::min(size_a, size_b)) <= (100 - std::clamp(threshold, 0, 100)) * longest;
}

void PendingPostings::add(std::int64_t variant_id, const FuzzyShape& shape) {
  for (const auto term : shape.terms) postings_.push_back({term, shape.size, variant_id});
}

bool PendingPostings::full() const { return postings_.size() >= kBatch; }

void PendingPostings::flush(sql::Database& db) {
  std::sort(postings_.begin(), postings_.end());
  auto& posting = db.cached("INSERT INTO fuzzy_postings(term, size, variant_id) VALUES(?, ?, ?)");
  for (const auto& [term, size, variant_id] : postings_) {
    posting.bind(1, term).bind(2, size).bind(3, variant_id);
    posting.run();
  }
  // A variant's terms are distinct: each posting of a term is one more document.
  std::vector<std::pair<std::int64_t, std::int64_t>> documents;
  for (const auto& written : postings_) {
    if (documents.empty() || documents.back().first != written.term) documents.emplace_back(written.term, 0);
    ++documents.back().second;
  }
  auto& count = db.cached(
      "INSERT INTO fuzzy_terms(term, docs) VALUES(?, ?) ON CONFLICT(term) DO UPDATE SET docs = docs + excluded.docs");
  for (const auto& [term, added] : documents) {
    count.bind(1, term).bind(2, added);
    count.run();
  }
  clear();
}

void PendingPostings::clear() { postings_.clear(); }

std::vector<FuzzyCandidate> fuzzy_candidates(sql::Database& db, const std::vector<Token>& query, int threshold) {
  if (threshold <= 0) return every_segment(db);
  const Bounds bounds{segment_size(query), threshold};
  return CandidateSearch(db, bounds, query_pairs(db, query)).run();
}

}  // namespace edsync::tm
