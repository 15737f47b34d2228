#include "band_dp.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <random>
#include <vector>

namespace {

using namespace edsync::align_detail;

// Items are lengths; a bead costs the squared difference of its sums plus a
// price per shape, so the cheapest path is known by construction.
struct LengthCase {
  std::vector<double> source, target;
  std::array<double, kShapeCount> price = {0, 6, 6, 1, 1, 2, 2, 2};
  double operator()(std::size_t i, int di, std::size_t j, int dj) const {
    double a = 0, b = 0;
    for (int k = 0; k < di; ++k) a += source[i + k];
    for (int k = 0; k < dj; ++k) b += target[j + k];
    const double d = di && dj ? (a - b) * (a - b) : 0;
    return price[shape_index(di, dj)] + d;
  }
};

std::vector<std::pair<int, int>> shapes_of(const LengthCase& c, BandOptions options = {}) {
  std::vector<std::pair<int, int>> shapes;
  for (const auto& bead : best_path(c.source.size(), c.target.size(), std::cref(c), options)) {
    shapes.emplace_back(kShapes[bead.shape].source, kShapes[bead.shape].target);
  }
  return shapes;
}

// Exhaustive search over every path, for comparison.
double cheapest(const LengthCase& c, std::size_t i, std::size_t j) {
  if (i == c.source.size() && j == c.target.size()) return 0;
  double best = std::numeric_limits<double>::infinity();
  for (const auto& [di, dj] : kShapes) {
    if (i + di > c.source.size() || j + dj > c.target.size()) continue;
    best = std::min(best, c(i, di, j, dj) + cheapest(c, i + di, j + dj));
  }
  return best;
}

}  // namespace

using Shapes = std::vector<std::pair<int, int>>;

TEST_CASE("every bead shape is found where the lengths call for it") {
  CHECK(shapes_of({{5, 7, 9}, {5, 7, 9}}) == Shapes{{1, 1}, {1, 1}, {1, 1}});
  CHECK(shapes_of({{5, 7, 9}, {5, 16}}) == Shapes{{1, 1}, {2, 1}});
  CHECK(shapes_of({{5, 16}, {5, 7, 9}}) == Shapes{{1, 1}, {1, 2}});
  CHECK(shapes_of({{5, 30, 7}, {5, 7}}) == Shapes{{1, 1}, {1, 0}, {1, 1}});
  CHECK(shapes_of({{5, 7}, {5, 30, 7}}) == Shapes{{1, 1}, {0, 1}, {1, 1}});
  CHECK(shapes_of({{5, 3, 9}, {5, 4, 8}}, {}) == Shapes{{1, 1}, {1, 1}, {1, 1}});
  LengthCase two_two{{5, 3, 9, 11}, {5, 10, 2, 11}};
  CHECK(shapes_of(two_two) == Shapes{{1, 1}, {2, 2}, {1, 1}});
  CHECK(shapes_of({{5, 21, 11}, {5, 7, 6, 8, 11}}) == Shapes{{1, 1}, {1, 3}, {1, 1}});
  CHECK(shapes_of({{5, 7, 6, 8, 11}, {5, 21, 11}}) == Shapes{{1, 1}, {3, 1}, {1, 1}});
}

TEST_CASE("the band finds the cheapest path of the whole grid") {
  std::mt19937 random(7);
  for (int round = 0; round < 30; ++round) {
    LengthCase c;
    for (int k = 0; k < 7; ++k) c.source.push_back(double(random() % 20 + 1));
    for (int k = 0; k < 6 + int(random() % 3); ++k) c.target.push_back(double(random() % 20 + 1));
    BandOptions narrow;
    narrow.initial_width = 4;
    double found = 0;
    std::size_t i = 0, j = 0;
    for (const auto& bead : best_path(c.source.size(), c.target.size(), std::cref(c), narrow)) {
      const auto [di, dj] = kShapes[bead.shape];
      found += c(i, di, j, dj);
      i += di, j += dj;
    }
    CHECK(found == doctest::Approx(cheapest(c, 0, 0)));
  }
}

TEST_CASE("a path that runs along the band's edge widens the band") {
  LengthCase c;
  for (int k = 0; k < 200; ++k) c.source.push_back(10 + k % 7);
  c.target = c.source;
  c.target.insert(c.target.begin(), 40, 1000.0);  // 40 extra sentences up front
  c.price[shape_index(0, 1)] = 1;
  BandOptions narrow;
  narrow.initial_width = 4;
  const auto shapes = shapes_of(c, narrow);
  REQUIRE(shapes.size() == 240);
  CHECK(std::count(shapes.begin(), shapes.end(), std::pair{0, 1}) == 40);
  CHECK(std::count(shapes.begin(), shapes.end(), std::pair{1, 1}) == 200);
}

TEST_CASE("posteriors: one clear path is certain, two equal ones share the mass") {
  LengthCase one{{5, 7, 9}, {5, 7, 9}};
  one.price = {0, 20, 20, 20, 20, 20, 20, 20};
  const auto clear = best_path(3, 3, one);
  for (const auto& bead : clear) CHECK(bead.posterior > 0.99);
  LengthCase tie{{5}, {5}};
  // 1-1 (weight 1/2) against 1-0 then 0-1 and 0-1 then 1-0 (weight 1 each).
  tie.price = {std::log(2.0), 0, 0, 30, 30, 30, 30, 30};
  const auto path = best_path(1, 1, tie);
  REQUIRE(path.size() == 2);
  CHECK(path[0].posterior == doctest::Approx(1.0 / 2.5).epsilon(0.001));
}

namespace {

// -log of the summed weight of every path from (0, 0) to (i, j), and from
// (i, j) to the end: forward and backward by exhaustive recursion.
double all_paths_to(const LengthCase& c, std::size_t i, std::size_t j) {
  if (i == 0 && j == 0) return 0;
  double sum = 0;
  for (const auto& [di, dj] : kShapes) {
    if (i < std::size_t(di) || j < std::size_t(dj)) continue;
    sum += std::exp(-all_paths_to(c, i - di, j - dj) - c(i - di, di, j - dj, dj));
  }
  return -std::log(sum);
}

double all_paths_from(const LengthCase& c, std::size_t i, std::size_t j) {
  if (i == c.source.size() && j == c.target.size()) return 0;
  double sum = 0;
  for (const auto& [di, dj] : kShapes) {
    if (i + di > c.source.size() || j + dj > c.target.size()) continue;
    sum += std::exp(-c(i, di, j, dj) - all_paths_from(c, i + di, j + dj));
  }
  return -std::log(sum);
}

}  // namespace

TEST_CASE("posteriors are forward x cost x backward over the total, by hand and exhaustively") {
  // By hand: one source sentence, two target ones. Paths: 1-1 then 0-1
  // (weight e^-1 e^-1), 0-1 then 1-1 (e^-1 e^-1), 1-2 (e^-1), 1-0 0-1 0-1 and
  // the other orders of those three (three paths, e^-3 each).
  LengthCase hand{{0}, {0, 0}};
  hand.price = {1, 1, 1, 1, 1, 1, 1, 1};
  const double e = std::exp(-1.0);
  const double total = 2 * e * e + e + 3 * e * e * e;
  const auto path = best_path(1, 2, hand);
  REQUIRE(path.size() == 1);  // the 1-2 bead is the cheapest
  CHECK(kShapes[path[0].shape].target == 2);
  CHECK(path[0].posterior == doctest::Approx(e / total).epsilon(1e-5));

  std::mt19937 random(11);
  for (int round = 0; round < 20; ++round) {
    LengthCase c;
    c.price = {0, 1.5, 1.5, 1, 1, 2, 2.5, 2.5};
    for (int k = 0; k < 5; ++k) c.source.push_back(double(random() % 4));
    for (int k = 0; k < 4 + int(random() % 3); ++k) c.target.push_back(double(random() % 4));
    const double z = all_paths_from(c, 0, 0);
    for (const auto& bead : best_path(c.source.size(), c.target.size(), std::cref(c))) {
      const auto [di, dj] = kShapes[bead.shape];
      const double through = all_paths_to(c, bead.source_begin, bead.target_begin) +
                             c(bead.source_begin, di, bead.target_begin, dj) +
                             all_paths_from(c, bead.source_begin + di, bead.target_begin + dj);
      CHECK(bead.posterior == doctest::Approx(std::exp(z - through)).epsilon(1e-4));
    }
  }
}
