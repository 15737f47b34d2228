#include "edsync/common_subsequence.h"

#include <algorithm>

namespace edsync {

// Filled from the ends, so that a walk from the start reads how much is
// still shared ahead.
CommonSubsequence::CommonSubsequence(std::size_t first, std::size_t second,
                                     const std::function<bool(std::size_t, std::size_t)>& same)
    : columns_(second + 1), lengths_((first + 1) * (second + 1), 0) {
  for (std::size_t i = first; i-- > 0;) {
    for (std::size_t j = second; j-- > 0;) {
      lengths_[i * columns_ + j] = same(i, j) ? from(i + 1, j + 1) + 1 : std::max(from(i + 1, j), from(i, j + 1));
    }
  }
}

}  // namespace edsync
