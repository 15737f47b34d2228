#include "model.h"

#include <doctest/doctest.h>

#include <cmath>
#include <random>

namespace {

using namespace edsync::align_detail;

Features of_length(double length) {
  Features item;
  item.length = length;
  return item;
}

}  // namespace

TEST_CASE("the length model is learned: ratio and variance of the 1-1 beads") {
  // Targets 0.8 times as long as their sources, with a spread of 3 per character.
  std::mt19937 random(3);
  std::normal_distribution<double> noise(0, 1);
  std::vector<Features> source, target;
  for (int k = 0; k < 2000; ++k) {
    const double l1 = 40 + k % 120;
    source.push_back(of_length(l1));
    target.push_back(of_length(0.8 * l1 + noise(random) * std::sqrt(3 * l1)));
  }
  std::vector<Pair> beads;
  for (std::size_t k = 0; k < source.size(); ++k) beads.push_back({{&source[k], 1}, {&target[k], 1}});
  const Model model = learned_model(beads, initial_model(source, target));
  CHECK(model.length.ratio == doctest::Approx(0.8).epsilon(0.01));
  CHECK(model.length.variance == doctest::Approx(3).epsilon(0.1));
  // No bead but 1-1 was seen: the others keep only their small prior weight.
  CHECK(model.shape_cost[0] < 0.02);
  CHECK(model.shape_cost[shape_index(2, 1)] > 5);
}

TEST_CASE("the initial ratio is measured from the texts, not assumed") {
  std::vector<Features> english = {of_length(100), of_length(50)}, arabic = {of_length(80), of_length(40)};
  CHECK(initial_model(english, arabic).length.ratio == doctest::Approx(0.8));
}

TEST_CASE("a bead whose lengths fit costs less than one whose lengths do not") {
  std::vector<Features> source = {of_length(100)}, near = {of_length(95)}, far = {of_length(30)};
  const Model model = initial_model(source, near);
  CHECK(model.bead_cost(source, near) < model.bead_cost(source, far));
}

TEST_CASE("anchors found on both sides lower the cost, anchors missing raise it") {
  Features a = of_length(100), b = of_length(100), c = of_length(100);
  a.tokens = {make_token(TokenClass::number, "1989")};
  b.tokens = a.tokens;
  c.tokens = {make_token(TokenClass::number, "2004")};
  const std::vector<Features> source = {a}, same = {b}, other = {c};
  const Model model = initial_model(source, same);
  CHECK(model.bead_cost(source, same) < model.bead_cost(source, other));
  const TokenCounts counts = count_tokens(source, other);
  CHECK(counts.found[0] == 0);
  CHECK(counts.missing[0][0] == 1);
  CHECK(counts.missing[0][1] == 1);
}
