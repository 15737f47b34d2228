// The built-in rules' triggers, worked out at build time.
//
// Analysing a rule's regular expressions (rule_trigger.h) and asking ICU
// whether it can anchor them costs more than segmenting a short text, and
// for the built-in file the answer never changes: the build runs the
// analysis once (precompute_triggers.cc) and embeds what it found, which
// compile_srx then takes instead of analysing again. Each record carries its
// rule's patterns, so a record that does not belong to the rule read is
// never used: that rule is analysed as usual.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "edsync/result.h"
#include "rule_trigger.h"

namespace edsync::segment_detail {

struct PrecomputedRule {
  std::string before;  // the rule's <beforebreak> and <afterbreak> as read
  std::string after;
  bool anchorable = false;  // ICU accepts (?=after)(?<=before)
  RuleTrigger trigger;
};

std::string write_trigger_data(const std::vector<PrecomputedRule>& rules);
Result<std::vector<PrecomputedRule>> read_trigger_data(std::string_view data);

}  // namespace edsync::segment_detail
