// SRX 2.0 (and 1.0) rule files compiled to ICU regular expressions.
#pragma once

#include <unicode/regex.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "edsync/diagnostic.h"
#include "edsync/result.h"
#include "edsync/segment.h"
#include "rule_trigger.h"
#include "trigger_table.h"

namespace edsync::segment_detail {

// One <rule>: beforebreak and afterbreak as a single pattern,
// (?:before)(?=after), whose match end is the break position.
struct CompiledRule {
  bool is_break = true;
  std::unique_ptr<icu::RegexPattern> pattern;
  // (?=after)(?<=before), tested only where the trigger says the rule may
  // match; null when ICU refuses the look-behind (an unbounded beforebreak):
  // such a rule is searched for through the text with `pattern` instead.
  std::unique_ptr<icu::RegexPattern> anchored;
  RuleTrigger trigger;
  std::string origin;  // "file:line", for messages about the rule
};

struct LanguageRule {
  std::string name;
  std::vector<CompiledRule> rules;
};

struct LanguageMap {
  std::unique_ptr<icu::RegexPattern> language_pattern;
  std::string rule_name;
};

// How a language's rules run, in SRX order.
struct Step {
  bool is_break = true;
  const icu::RegexPattern* search = nullptr;    // searched through the text
  const icu::RegexPattern* anchored = nullptr;  // tested at candidate positions
  const RuleTrigger* trigger = nullptr;         // with `anchored`: where it may match
};

struct Plan {
  std::vector<Step> steps;
  std::unique_ptr<TriggerTable> triggers;  // bit i: steps[i]
  std::vector<TriggerTable::Word> yes_rules;     // the anchored break="yes" steps
  std::vector<TriggerTable::Word> search_rules;  // the searched steps
  bool has_search_rules = false;
};

// The ICU step budget for one find(): about 10,000 steps each (see
// RegexMatcher::setTimeLimit), so a runaway pattern gives up in well under a
// second instead of hanging the run.
inline constexpr std::int32_t kMatchTimeLimit = 2000;

}  // namespace edsync::segment_detail

namespace edsync {

struct Segmenter::Rules {
  bool cascade = true;
  std::vector<segment_detail::LanguageRule> language_rules;
  std::vector<segment_detail::LanguageMap> maps;
  std::vector<Diagnostic> warnings;

  // The rules for a language tag, in the order SRX applies them.
  std::vector<const segment_detail::CompiledRule*> rules_for(const std::string& language) const;
  // The same, ready to run; made once per language tag and kept.
  std::shared_ptr<const segment_detail::Plan> plan_for(const std::string& language) const;

 private:
  mutable std::mutex plans_mutex_;
  mutable std::map<std::string, std::shared_ptr<const segment_detail::Plan>> plans_;
};

}  // namespace edsync

namespace edsync::segment_detail {

Result<std::shared_ptr<const Segmenter::Rules>> compile_srx(std::string_view srx_text, const std::string& file_name);

}  // namespace edsync::segment_detail
