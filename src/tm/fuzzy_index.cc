#include "fuzzy_index.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace edsync::tm {

namespace {

constexpr std::int64_t kWordSize = 4;  // quarter words: a punctuation mark is 1
constexpr std::size_t kBatch = 1 << 18;  // postings held before a flush (about 6 MB)
// Postings one lookup may read. The query's rarest words come first, so a
// match sharing most of the query's words is found long before the budget
// runs out; it only cuts lookups whose every word is common.
constexpr std::int64_t kPostingBudget = 40'000;

struct Term {
  std::int64_t documents = 0;
  std::int64_t key = 0;
};

struct Candidate {
  int hits = 0;        // query words it holds, of those read
  double weight = 0;   // the same, weighted by rarity
};

// Sizes a segment may have to reach `threshold` against one of size `size`.
std::pair<std::int64_t, std::int64_t> size_window(std::int64_t size, int threshold) {
  return {size * threshold / 100, size * 100 / threshold + 1};
}

std::vector<Term> terms_by_rarity(sql::Database& db, const std::vector<std::int64_t>& keys, int& unknown) {
  std::vector<Term> terms;
  auto& statement = db.cached("SELECT docs FROM fuzzy_terms WHERE term = ?");
  for (const auto key : keys) {
    statement.bind(1, key);
    const std::int64_t documents = statement.step() ? statement.integer(0) : 0;
    statement.reset();
    if (documents > 0) terms.push_back({documents, key});
    else ++unknown;
  }
  std::sort(terms.begin(), terms.end(), [](const Term& a, const Term& b) {
    return a.documents != b.documents ? a.documents < b.documents : a.key < b.key;
  });
  return terms;
}

// Reads one word's postings in the size window: new variants join only while
// `seeding`, later words only count for the variants already found.
void read_postings(sql::Database& db, const Term& term, std::pair<std::int64_t, std::int64_t> window, bool seeding,
                   double weight, std::unordered_map<std::int64_t, Candidate>& found) {
  auto& postings = db.cached("SELECT variant_id FROM fuzzy_postings WHERE term = ? AND size BETWEEN ? AND ?");
  postings.bind(1, term.key).bind(2, window.first).bind(3, window.second);
  while (postings.step()) {
    const std::int64_t id = postings.integer(0);
    auto it = seeding ? found.try_emplace(id).first : found.find(id);
    if (it == found.end()) continue;
    ++it->second.hits;
    it->second.weight += weight;
  }
  postings.reset();
}

void drop_below(std::unordered_map<std::int64_t, Candidate>& found, int hits) {
  std::erase_if(found, [&](const auto& entry) { return entry.second.hits < hits; });
}

std::vector<std::int64_t> best_of(const std::unordered_map<std::int64_t, Candidate>& found, std::size_t limit) {
  std::vector<std::pair<Candidate, std::int64_t>> ranked;
  ranked.reserve(found.size());
  for (const auto& [id, candidate] : found) ranked.emplace_back(candidate, id);
  const std::size_t keep = std::min(limit, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(),
                    [](const auto& a, const auto& b) {
                      if (a.first.hits != b.first.hits) return a.first.hits > b.first.hits;
                      if (a.first.weight != b.first.weight) return a.first.weight > b.first.weight;
                      return a.second < b.second;
                    });
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < keep; ++i) ids.push_back(ranked[i].second);
  return ids;
}

}  // namespace

FuzzyShape shape_of(const std::vector<Token>& tokens) {
  FuzzyShape shape;
  for (const auto& token : tokens) {
    shape.size += token.word ? kWordSize : 1;
    if (token.word) shape.terms.push_back(key_of(token.folded));
  }
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

// A variant scoring `threshold` lacks at most `allowance` of the query's
// distinct words (each lacking word costs at least 1), so it holds one of the
// allowance + 1 rarest: reading those postings finds every such variant.
// Each further word read must then be held by all but `allowance` of them.
std::vector<std::int64_t> fuzzy_candidates(sql::Database& db, const std::vector<Token>& query, int threshold,
                                           std::size_t limit) {
  const FuzzyShape shape = shape_of(query);
  const int bounded = std::clamp(threshold, 1, 100);
  const auto window = size_window(shape.size, bounded);
  int unknown = 0;
  const auto terms = terms_by_rarity(db, shape.terms, unknown);
  const std::int64_t allowance = (100 - bounded) * window.second / (100 * kWordSize) - unknown;
  if (allowance < 0 || terms.empty()) return {};
  std::unordered_map<std::int64_t, Candidate> found;
  std::int64_t budget = kPostingBudget;
  for (std::size_t read = 0; read < terms.size(); ++read) {
    const Term& term = terms[read];
    const bool seeding = static_cast<std::int64_t>(read) <= allowance;
    if (term.documents > budget && read > 0) break;  // the rest is too common to pay for
    if (!seeding && found.size() <= limit) break;     // every candidate gets rescored anyway
    const double weight = std::log(1.0 + static_cast<double>(kPostingBudget) / static_cast<double>(term.documents));
    read_postings(db, term, window, seeding, weight, found);
    budget -= term.documents;
    if (!seeding) drop_below(found, static_cast<int>(static_cast<std::int64_t>(read) + 1 - allowance));
  }
  return best_of(found, limit);
}

}  // namespace edsync::tm
