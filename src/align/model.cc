#include "model.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace edsync::align_detail {

namespace {

// Gale and Church (1993), with 1-3 and 3-1 rarer than 2-2.
constexpr std::array<double, kShapeCount> kPriors = {0.89, 0.005, 0.005, 0.0445, 0.0445, 0.011, 0.002, 0.002};

// What a first pass measures is blended with the start model's value, as if
// that many beads (tokens) had shown it: a short text's few beads say too
// little for their measures alone.
constexpr double kPriorBeads = 20;
constexpr double kPriorTokens = 2;
// Gale and Church's shape priors weigh as five beads against a first pass's
// counts: a crossing 2-2 that the texts never show stays as unlikely as the
// counts say (at ten, a reordered pair of sentences in the Persian NTREX
// set, "There was no time..." with its speech tag moved, came out as one 2-2
// once the word table held no function words).
constexpr double kPriorShapeBeads = 5;

double blend(double measured, double prior, double count, double prior_count) {
  return (measured * count + prior * prior_count) / (count + prior_count);
}

double total_length(std::span<const Features> items) {
  double total = 0;
  for (const auto& item : items) total += item.length;
  return total;
}

// The tokens of up to three items, each sorted, merged into `out`; one
// item's tokens are used where they are.
std::span<const std::uint32_t> gather_tokens(std::span<const Features> items, std::vector<std::uint32_t>& out,
                                             std::vector<std::uint32_t>& scratch) {
  if (items.size() == 1) return items[0].tokens;
  out.clear();
  for (const auto& item : items) {
    scratch.swap(out);
    out.resize(scratch.size() + item.tokens.size());
    std::merge(scratch.begin(), scratch.end(), item.tokens.begin(), item.tokens.end(), out.begin());
  }
  return out;
}

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  return *middle;
}

// Tokens of each class and side found across and missing.
struct SideCounts {
  std::array<std::array<int, 2>, kTokenClasses> found{}, missing{};
  void add(const TokenCounts& counts, int side) {
    for (int k = 0; k < kTokenClasses; ++k)
      found[k][side] += counts.found[k], missing[k][side] += counts.missing[k][side];
  }
  // Blended with the prior rate as kPriorTokens tokens that behave as it
  // says: a class the texts hardly use keeps the prior's rate.
  double rate(int k, int side, double prior) const {
    return (found[k][side] + kPriorTokens * prior) / (found[k][side] + missing[k][side] + kPriorTokens);
  }
};

// p: how often a token is found in true beads; q: in unrelated groups of
// 1, 2 and 3 sentences (shifted[size - 1]).
TokenRates rates_from(const SideCounts& aligned, const std::array<SideCounts, 3>& shifted, const TokenRates& prior) {
  TokenRates rates;
  for (int k = 0; k < kTokenClasses; ++k) {
    for (int side = 0; side < 2; ++side) {
      rates.p[k][side] = aligned.rate(k, side, prior.p[k][side]);
      for (int other = 0; other < 3; ++other) {
        // Never below the rate of a smaller group: a sparse class can
        // measure noise the other way.
        const double q = shifted[other].rate(k, side, prior.q[other][k][side]);
        rates.q[other][k][side] = other == 0 ? q : std::max(q, rates.q[other - 1][k][side]);
      }
    }
  }
  return rates;
}

// The first `size` sentences of one side of the 1-1 beads from `first` on.
std::vector<Features> group_of(const std::vector<const Pair*>& ones, std::size_t first, int size, bool source) {
  std::vector<Features> group;
  for (int k = 0; k < size; ++k) {
    const Pair* pair = ones[(first + std::size_t(k)) % ones.size()];
    group.push_back(source ? pair->source[0] : pair->target[0]);
  }
  return group;
}

// Unrelated groups: each side of a 1-1 bead against 1, 2 and 3 sentences of
// the other side taken three beads further on.
std::array<SideCounts, 3> shifted_counts(const std::vector<const Pair*>& ones) {
  std::array<SideCounts, 3> shifted;
  for (std::size_t b = 0; b < ones.size(); ++b) {
    for (int size = 1; size <= 3; ++size) {
      const auto targets = group_of(ones, b + 3, size, false), sources = group_of(ones, b + 3, size, true);
      shifted[std::size_t(size - 1)].add(count_tokens(ones[b]->source, targets), 0);
      shifted[std::size_t(size - 1)].add(count_tokens(sources, ones[b]->target), 1);
    }
  }
  return shifted;
}

}  // namespace

TokenWeights weights_of(const TokenRates& rates) {
  TokenWeights weights;
  for (int other = 0; other < 3; ++other) {
    for (int k = 0; k < kTokenClasses; ++k) {
      for (int side = 0; side < 2; ++side) {
        const double p = rates.p[k][side], q = std::min(rates.q[other][k][side], 0.95);
        // A class that tells nothing (p no better than q) weighs nothing.
        weights.found[other][k][side] = p > q ? std::log(p / q) : 0;
        weights.missing[other][k][side] = p > q ? std::log((1 - p) / (1 - q)) : 0;
      }
    }
  }
  return weights;
}

TokenCounts count_tokens(std::span<const Features> source, std::span<const Features> target) {
  thread_local std::vector<std::uint32_t> a_buffer, b_buffer, scratch;
  const auto a = gather_tokens(source, a_buffer, scratch);
  const auto b = gather_tokens(target, b_buffer, scratch);
  TokenCounts counts;
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i] < b[j])) {
      ++counts.missing[int(class_of(a[i++]))][0];
    } else if (i == a.size() || b[j] < a[i]) {
      ++counts.missing[int(class_of(b[j++]))][1];
    } else {
      ++counts.found[int(class_of(a[i]))];
      ++i, ++j;
    }
  }
  return counts;
}

double Model::length_cost(double source_length, double target_length) const {
  const double l1 = std::max(source_length, 1.0);
  const double spread = length.variance * l1;
  const double delta = target_length - length.ratio * l1;
  const double gauss = std::exp(-delta * delta / (2 * spread)) / std::sqrt(2 * std::numbers::pi * spread);
  const double unrelated = std::exp(-target_length / length.target_mean) / length.target_mean;
  return -std::log((1 - length.outlier) * gauss + length.outlier * unrelated + 1e-300);
}

// Source lengths are given; each target length is explained once, by its
// source (a bead with both sides) or by the target length distribution.
double Model::bead_cost(std::span<const Features> source, std::span<const Features> target) const {
  const int shape = shape_index(int(source.size()), int(target.size()));
  double cost = shape_cost[shape];
  if (target.empty()) return cost;
  const double l2 = total_length(target);
  if (source.empty()) return cost + l2 / length.target_mean + std::log(length.target_mean);
  // Lengths of several target sentences: their sum follows the source, and
  // where it is split is uniform (density (k-1)!/l2^(k-1) for k sentences).
  cost += length_cost(total_length(source), l2);
  if (target.size() > 1)
    cost += double(target.size() - 1) * std::log(std::max(l2, 1.0)) - std::log(target.size() == 3 ? 2.0 : 1.0);
  const TokenCounts counts = count_tokens(source, target);
  const auto &found_s = tokens.found[target.size() - 1], &found_t = tokens.found[source.size() - 1];
  const auto &missing_s = tokens.missing[target.size() - 1], &missing_t = tokens.missing[source.size() - 1];
  for (int k = 0; k < kTokenClasses; ++k) {
    // Anchors of a sentence go missing together (a translator converts
    // inches to millimetres, drops the quotation marks): one miss per class.
    const auto misses = [&](int side) {
      return k == int(TokenClass::word) ? counts.missing[k][side] : std::min(counts.missing[k][side], 1);
    };
    cost -= counts.found[k] * (found_s[k][0] + found_t[k][1]);
    cost -= misses(0) * missing_s[k][0] + misses(1) * missing_t[k][1];
  }
  return cost;
}

Model initial_model(std::span<const Features> source, std::span<const Features> target) {
  Model model;
  const double l1 = std::max(total_length(source), 1.0), l2 = std::max(total_length(target), 1.0);
  model.length.ratio = l2 / l1;
  model.length.variance = 6.8 * model.length.ratio;
  model.length.target_mean = std::max(l2 / double(std::max<std::size_t>(target.size(), 1)), 1.0);
  for (int s = 0; s < kShapeCount; ++s) model.shape_cost[s] = -std::log(kPriors[s]);
  for (int k = 0; k < kTokenClasses; ++k) {
    for (int side = 0; side < 2; ++side) {
      model.rates.p[k][side] = 0.6;
      for (int other = 0; other < 3; ++other) model.rates.q[other][k][side] = 0.1 * (other + 1);
    }
  }
  model.tokens = weights_of(model.rates);
  return model;
}

Model learned_model(const std::vector<Pair>& beads, const Model& start) {
  Model model = start;
  std::vector<const Pair*> ones;
  std::array<double, kShapeCount> counts{};
  double sum1 = 0, sum2 = 0;
  for (const auto& bead : beads) {
    counts[shape_index(int(bead.source.size()), int(bead.target.size()))] += 1;
    if (bead.source.size() != 1 || bead.target.size() != 1) continue;
    ones.push_back(&bead);
    sum1 += bead.source[0].length, sum2 += bead.target[0].length;
  }
  const double total = double(beads.size());
  for (int s = 0; s < kShapeCount; ++s) {
    // Gale and Church's priors weigh as a few beads (kPriorShapeBeads).
    const double pseudo = kPriorShapeBeads * kPriors[s];
    model.shape_cost[s] = -std::log((counts[s] + pseudo) / (total + kPriorShapeBeads));
  }
  if (ones.size() < 2) return model;
  const double n = double(ones.size());
  model.length.ratio = blend(sum2 / std::max(sum1, 1.0), start.length.ratio, n, kPriorBeads);
  std::vector<double> spreads;
  for (const auto* bead : ones) {
    const double l1 = std::max(bead->source[0].length, 1.0);
    const double delta = bead->target[0].length - model.length.ratio * l1;
    spreads.push_back(delta * delta / l1);
  }
  // The median of a squared standard normal is 0.455: robust to the
  // first pass's mistakes, which a mean is not.
  model.length.variance = blend(std::max(median(spreads) / 0.455, 0.5), start.length.variance, n, kPriorBeads);
  SideCounts aligned;
  for (const Pair* bead : ones) {
    const TokenCounts counts = count_tokens(bead->source, bead->target);
    aligned.add(counts, 0), aligned.add(counts, 1);
  }
  model.rates = rates_from(aligned, shifted_counts(ones), start.rates);
  model.tokens = weights_of(model.rates);
  return model;
}

}  // namespace edsync::align_detail
