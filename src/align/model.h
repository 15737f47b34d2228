// The score of a bead, -log of its probability, and how its parameters are
// learned from a first alignment of the same texts.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "band_dp.h"
#include "features.h"

namespace edsync::align_detail {

struct LengthModel {
  double ratio = 1;           // target characters per source character
  double variance = 6.8;      // of target length per source character (Gale and Church)
  double target_mean = 100;   // mean target length, for target sentences nothing explains
  double outlier = 0.02;      // share of true beads whose lengths follow no model
};

// The chance that a token finds its match on the other side, per class and
// side: p in a true bead, q in an unrelated group of 1, 2 or 3 sentences. A
// found token weighs log(p/q), a missing one log((1-p)/(1-q)). q is measured
// for each size of the other side (more sentences, more accidental matches),
// so a big bead is neither favoured for its many tokens nor punished.
struct TokenRates {
  std::array<std::array<double, 2>, kTokenClasses> p{};
  // [sentences on the other side - 1][class][side]
  std::array<std::array<std::array<double, 2>, kTokenClasses>, 3> q{};
};

struct TokenWeights {
  // [sentences on the other side - 1][class][side]
  std::array<std::array<std::array<double, 2>, kTokenClasses>, 3> found{};
  std::array<std::array<std::array<double, 2>, kTokenClasses>, 3> missing{};
};
TokenWeights weights_of(const TokenRates& rates);

struct Model {
  LengthModel length;
  std::array<double, kShapeCount> shape_cost{};  // -log prior of each shape
  TokenRates rates;
  TokenWeights tokens;  // from rates

  double bead_cost(std::span<const Features> source, std::span<const Features> target) const;
  double length_cost(double source_length, double target_length) const;
};

// Gale and Church's priors, a length ratio from the totals and weights that
// trust an anchor found more than they fear one missing.
Model initial_model(std::span<const Features> source, std::span<const Features> target);

struct Pair {  // a bead of a first alignment, as items of each side
  std::span<const Features> source;
  std::span<const Features> target;
};

// Re-estimates everything from a first alignment: the length ratio and
// variance from its 1-1 beads, shape priors from its counts, token weights
// from its 1-1 beads against pairs shifted out of line.
Model learned_model(const std::vector<Pair>& beads, const Model& start);

// Found and missing counts of each class on each side when the tokens of
// two groups of items are matched against each other.
struct TokenCounts {
  std::array<int, kTokenClasses> found{};
  std::array<std::array<int, 2>, kTokenClasses> missing{};
};
TokenCounts count_tokens(std::span<const Features> source, std::span<const Features> target);

}  // namespace edsync::align_detail
