// The dynamic programme behind the aligner: the cheapest sequence of beads
// through an n x m grid, searched in a band around the diagonal so that time
// and memory grow with n, not n x m. The band widens when the best path runs
// along its edge.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <vector>

namespace edsync::align_detail {

struct Shape {
  int source = 0;  // sentences taken from each side
  int target = 0;
};

inline constexpr std::array<Shape, 8> kShapes = {
    {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}, {1, 3}, {3, 1}}};
inline constexpr int kShapeCount = static_cast<int>(kShapes.size());
int shape_index(int source, int target);  // -1 when not a bead shape

// Cost (-log probability) of a bead taking source items [i, i + di) and
// target items [j, j + dj).
using BeadCost = std::function<double(std::size_t i, int di, std::size_t j, int dj)>;

struct PathBead {
  std::size_t source_begin = 0;
  std::size_t target_begin = 0;
  int shape = 0;          // index into kShapes
  double posterior = 1;   // probability of the bead over all paths in the band
};

struct BandOptions {
  std::size_t initial_width = 24;   // cells each side of the diagonal
  std::size_t max_cells = 1 << 25;  // memory bound: about 5 bytes a cell
  bool posteriors = true;           // a backward pass for each bead's probability
};

std::vector<PathBead> best_path(std::size_t n, std::size_t m, const BeadCost& cost,
                                const BandOptions& options = {});

}  // namespace edsync::align_detail
