// The longest common subsequence of two sequences, the table behind the
// diffs that show what changed: sentences (sync), words (the report). Each
// caller cuts its own sequences and walks the table in its own way.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace edsync {

class CommonSubsequence {
 public:
  // `same(i, j)`: whether item i of the first sequence (of `first` items)
  // equals item j of the second (of `second`).
  CommonSubsequence(std::size_t first, std::size_t second, const std::function<bool(std::size_t, std::size_t)>& same);

  // The length of the longest common subsequence of the first sequence from
  // item i on and the second from item j on (i <= first, j <= second).
  int from(std::size_t i, std::size_t j) const { return lengths_[i * columns_ + j]; }

 private:
  std::size_t columns_;
  std::vector<int> lengths_;  // (first + 1) x (second + 1), row-major
};

}  // namespace edsync
