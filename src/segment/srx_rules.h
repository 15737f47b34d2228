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

// A rule's anchored form, (?=after)(?<=before), compiled when first asked
// for: a process that segments one line tests a handful of rules, and ICU
// spends most of a rule's set-up building the sets of its \p{..} classes.
class LazyPattern {
 public:
  explicit LazyPattern(icu::UnicodeString source) : source_(std::move(source)) {}
  // Already compiled.
  LazyPattern(icu::UnicodeString source, std::unique_ptr<icu::RegexPattern> compiled);
  // Null when ICU refuses the pattern (never for a rule worked out at build time).
  const icu::RegexPattern* get() const;

 private:
  icu::UnicodeString source_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<icu::RegexPattern> compiled_;
};

// One <rule>.
struct CompiledRule {
  bool is_break = true;
  // (?:before)(?=after), whose match end is the break position, searched
  // through the text; only for rules ICU cannot anchor (an unbounded
  // beforebreak), null otherwise.
  std::unique_ptr<icu::RegexPattern> pattern;
  // Tested only where the trigger says the rule may match; null for the
  // searched rules.
  std::unique_ptr<LazyPattern> anchored;
  RuleTrigger trigger;
  std::string origin;  // "file:line", for messages about the rule
  std::string before;  // <beforebreak> and <afterbreak> as written
  std::string after;
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
  const LazyPattern* anchored = nullptr;        // tested at candidate positions
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

struct PrecomputedRule;

// `known`: triggers and anchoring already worked out for the rules of this
// file (trigger_data.h), taken (moved from) for each rule whose patterns
// they match; those rules' regexes are compiled when first used. Every other
// rule is compiled now, so that warnings name each one ICU refuses.
Result<std::shared_ptr<const Segmenter::Rules>> compile_srx(std::string_view srx_text, const std::string& file_name,
                                                            std::vector<PrecomputedRule>* known = nullptr);

}  // namespace edsync::segment_detail
