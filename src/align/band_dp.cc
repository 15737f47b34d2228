#include "band_dp.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace edsync::align_detail {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Row i holds the cells (i, j) for j in [lo(i), hi(i)], around j = i * m / n.
struct Band {
  std::size_t n = 0, m = 0, width = 0;
  std::size_t stride() const { return 2 * width + 1; }
  std::size_t center(std::size_t i) const { return n == 0 ? 0 : (i * m + n / 2) / n; }
  std::size_t lo(std::size_t i) const { return center(i) > width ? center(i) - width : 0; }
  std::size_t hi(std::size_t i) const { return std::min(m, center(i) + width); }
  bool holds(std::size_t i, std::size_t j) const { return i <= n && j >= lo(i) && j <= hi(i); }
  std::size_t cell(std::size_t i, std::size_t j) const { return i * stride() + (j - lo(i)); }
  // The path may have been pushed there by the band rather than chosen.
  bool at_edge(std::size_t i, std::size_t j) const {
    return (lo(i) > 0 && j <= lo(i) + 1) || (hi(i) < m && j + 1 >= hi(i));
  }
};

double log_add(double a, double b) {  // -log(exp(-a) + exp(-b))
  if (a == kInfinity) return b;
  if (b == kInfinity) return a;
  const double low = std::min(a, b);
  return low - std::log1p(std::exp(-std::abs(a - b)));
}

struct Forward {
  std::vector<std::uint8_t> back;  // shape index + 1 of the best bead ending in the cell; 0 none
  std::vector<float> sum;          // -log of all paths to the cell, relative to row_base
  std::vector<double> row_base;
  double total = kInfinity;        // -log of all paths through the band
};

double forward_value(const Forward& f, const Band& band, std::size_t i, std::size_t j) {
  if (!band.holds(i, j)) return kInfinity;
  return f.row_base[i] + f.sum[band.cell(i, j)];
}

Forward run_forward(const Band& band, const BeadCost& cost) {
  Forward f;
  const std::size_t cells = (band.n + 1) * band.stride();
  f.back.assign(cells, 0);
  f.sum.assign(cells, std::numeric_limits<float>::infinity());
  f.row_base.assign(band.n + 1, 0);
  std::vector<std::array<double, 2>> rows(4 * band.stride(), {kInfinity, kInfinity});  // best, sum
  auto slot = [&](std::size_t i, std::size_t j) -> std::array<double, 2>& {
    return rows[(i % 4) * band.stride() + (j - band.lo(i))];
  };
  for (std::size_t i = 0; i <= band.n; ++i) {
    double base = kInfinity;
    for (std::size_t j = band.lo(i); j <= band.hi(i); ++j) {
      std::array<double, 2> value = {kInfinity, kInfinity};
      std::uint8_t back = 0;
      if (i == 0 && j == 0) value = {0, 0};
      for (int s = 0; s < kShapeCount; ++s) {
        const auto [di, dj] = kShapes[s];
        if (i < std::size_t(di) || j < std::size_t(dj) || !band.holds(i - di, j - dj)) continue;
        const auto& from = slot(i - di, j - dj);
        if (from[1] == kInfinity) continue;
        const double c = cost(i - di, di, j - dj, dj);
        if (from[0] + c < value[0]) value[0] = from[0] + c, back = std::uint8_t(s + 1);
        value[1] = log_add(value[1], from[1] + c);
      }
      slot(i, j) = value;
      f.back[band.cell(i, j)] = back;
      base = std::min(base, value[1]);
    }
    f.row_base[i] = base == kInfinity ? 0 : base;
    for (std::size_t j = band.lo(i); j <= band.hi(i); ++j) {
      f.sum[band.cell(i, j)] = float(slot(i, j)[1] - f.row_base[i]);
    }
  }
  f.total = forward_value(f, band, band.n, band.m);
  return f;
}

// The Viterbi path, last bead first; empty when the band holds no path.
std::vector<PathBead> trace(const Forward& f, const Band& band, bool& touched_edge) {
  std::vector<PathBead> path;
  std::size_t i = band.n, j = band.m;
  touched_edge = false;
  while (i > 0 || j > 0) {
    const int back = f.back[band.cell(i, j)];
    if (back == 0) return {};
    const auto [di, dj] = kShapes[back - 1];
    i -= di, j -= dj;
    touched_edge = touched_edge || band.at_edge(i, j);
    path.push_back({i, j, back - 1, 1});
  }
  return path;
}

// Fills each path bead's posterior from a backward pass over the band.
void add_posteriors(const Forward& f, const Band& band, const BeadCost& cost, std::vector<PathBead>& path) {
  std::vector<double> rows(4 * band.stride(), kInfinity);
  auto slot = [&](std::size_t i, std::size_t j) -> double& {
    return rows[(i % 4) * band.stride() + (j - band.lo(i))];
  };
  std::size_t next = path.size();  // path is in order: beads starting on row i come last
  for (std::size_t i = band.n + 1; i-- > 0;) {
    // Right to left: a 0-1 bead reads the cell to its right in the same row.
    for (std::size_t j = band.hi(i) + 1; j-- > band.lo(i);) {
      double value = (i == band.n && j == band.m) ? 0 : kInfinity;
      for (int s = 0; s < kShapeCount; ++s) {
        const auto [di, dj] = kShapes[s];
        if (!band.holds(i + di, j + dj)) continue;
        const double to = slot(i + di, j + dj);
        if (to == kInfinity) continue;
        value = log_add(value, to + cost(i, di, j, dj));
      }
      slot(i, j) = value;
    }
    // Beads starting on this row: their ends are still in the ring.
    for (; next > 0 && path[next - 1].source_begin == i; --next) {
      PathBead& bead = path[next - 1];
      const auto [di, dj] = kShapes[bead.shape];
      const double through = forward_value(f, band, i, bead.target_begin) +
                             cost(i, di, bead.target_begin, dj) + slot(i + di, bead.target_begin + dj);
      bead.posterior = std::clamp(std::exp(f.total - through), 0.0, 1.0);
    }
  }
}

}  // namespace

int shape_index(int source, int target) {
  for (int s = 0; s < kShapeCount; ++s) {
    if (kShapes[s].source == source && kShapes[s].target == target) return s;
  }
  return -1;
}

std::vector<PathBead> best_path(std::size_t n, std::size_t m, const BeadCost& cost, const BandOptions& options) {
  const std::size_t longest = std::max(n, m);
  const std::size_t max_width = std::max<std::size_t>(8, options.max_cells / (n + 1) / 2);
  std::size_t width = std::min({longest, max_width, std::max<std::size_t>(options.initial_width, 4)});
  while (true) {
    const Band band{n, m, width};
    const Forward f = run_forward(band, cost);
    bool touched_edge = false;
    auto path = trace(f, band, touched_edge);
    const bool can_widen = width < std::min(longest, max_width);
    if ((path.empty() || touched_edge) && can_widen) {
      width = std::min({width * 2, longest, max_width});
      continue;
    }
    std::reverse(path.begin(), path.end());
    if (options.posteriors && !path.empty()) add_posteriors(f, band, cost, path);
    return path;
  }
}

}  // namespace edsync::align_detail
