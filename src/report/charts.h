// SVG pictures of the report; each carries a text equivalent beside it.
#pragma once

#include <string>

#include "edsync/report.h"

namespace edsync::report_html {

// A stacked bar of one edition's required articles: up to date, stale, pending, missing.
std::string coverage_bar(const CoverageCounts& counts, const std::string& label);
// The share of required articles up to date (and translated) at each point.
std::string history_chart(const EditionHistory& history, const std::string& label);
// How many translations came within a day, a week, a month... of the English.
struct LagBucket {
  std::string label;
  long up_to_days;  // inclusive; the last bucket takes the rest
  int count = 0;
};
std::vector<LagBucket> lag_buckets(const std::vector<long>& lag_days);
std::string lag_chart(const std::vector<LagBucket>& buckets, const std::string& label);

}  // namespace edsync::report_html
