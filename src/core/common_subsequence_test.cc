#include "edsync/common_subsequence.h"

#include <doctest/doctest.h>

#include <string>

namespace {

edsync::CommonSubsequence of(const std::string& a, const std::string& b) {
  return edsync::CommonSubsequence(a.size(), b.size(), [&](std::size_t i, std::size_t j) { return a[i] == b[j]; });
}

}  // namespace

TEST_CASE("common subsequence lengths count what both sequences still share from each pair of places") {
  const auto table = of("ABCBDAB", "BDCABA");
  CHECK(table.from(0, 0) == 4);  // BCBA
  CHECK(table.from(4, 0) == 3);  // DAB stands whole in BDCABA
  CHECK(table.from(6, 5) == 0);  // B and A
  CHECK(table.from(7, 0) == 0);  // past the end of the first
  CHECK(table.from(0, 6) == 0);
  CHECK(of("", "").from(0, 0) == 0);
  CHECK(of("same", "same").from(0, 0) == 4);
  CHECK(of("abc", "xyz").from(0, 0) == 0);
}
