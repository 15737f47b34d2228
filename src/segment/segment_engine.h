// The segmenter's engine, with a switch for tests: "plain" evaluation tests
// every rule without its trigger, so that the triggered engine can be
// checked against it.
#pragma once

#include <string_view>
#include <vector>

#include "edsync/segment.h"

namespace edsync::segment_detail {

enum class Evaluation {
  triggered,  // rules run only where their trigger (rule_trigger.h) may hold
  plain,      // rules run everywhere: slow, for comparison in tests
};

std::vector<Segment> segment_text(const Segmenter::Rules& rules, std::string_view text, const SegmentOptions& options,
                                  Evaluation evaluation);

}  // namespace edsync::segment_detail
