#include "srx_rules.h"

#include <pugixml.hpp>

#include <algorithm>
#include <unicode/unistr.h>

#include "trigger_data.h"

namespace edsync::segment_detail {

namespace {

std::string_view local_name(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child_named(const pugi::xml_node& parent, std::string_view name) {
  for (const auto& child : parent.children()) {
    if (local_name(child) == name) return child;
  }
  return {};
}

// Every descendant with this local name, in document order.
std::vector<pugi::xml_node> descendants_named(const pugi::xml_node& root, std::string_view name) {
  std::vector<pugi::xml_node> found;
  for (const auto& node : root.select_nodes(".//*")) {
    if (local_name(node.node()) == name) found.push_back(node.node());
  }
  return found;
}

int line_of(std::string_view text, std::ptrdiff_t offset) {
  if (offset < 0) return 0;
  const auto end = std::min(text.size(), static_cast<std::size_t>(offset));
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
}

std::string icu_error_text(UErrorCode code, const UParseError& where) {
  std::string text = u_errorName(code);
  if (where.offset >= 0) text += " at character " + std::to_string(where.offset + 1) + " of the pattern";
  return text;
}

struct Compiler {
  std::string_view source;
  const std::string& file_name;
  std::vector<Diagnostic>& warnings;
  std::vector<PrecomputedRule>* known;
  std::size_t next_known = 0;

  // The record worked out earlier for this rule, if it is the next one.
  PrecomputedRule* known_rule(const std::string& before, const std::string& after) {
    if (!known || next_known >= known->size()) return nullptr;
    PrecomputedRule& rule = (*known)[next_known++];
    return rule.before == before && rule.after == after ? &rule : nullptr;
  }

  void warn(const pugi::xml_node& node, const std::string& message) {
    warnings.push_back({file_name, line_of(source, node.offset_debug()), 0, message});
  }

  std::unique_ptr<icu::RegexPattern> compile(const std::string& pattern, const pugi::xml_node& node, const char* what,
                                             std::uint32_t flags = 0) {
    UParseError where{};
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexPattern> compiled(
        icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), flags, where, status));
    if (U_FAILURE(status)) {
      warn(node, std::string(what) + " cannot be compiled by ICU (" + icu_error_text(status, where) + "): " + pattern +
                     "; rewrite it in ICU regular-expression syntax; it is skipped");
      return nullptr;
    }
    return compiled;
  }

  // ICU refuses look-behind of unbounded length; such rules are searched for instead.
  static std::unique_ptr<icu::RegexPattern> compile_quietly(const icu::UnicodeString& pattern) {
    UParseError where{};
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexPattern> compiled(icu::RegexPattern::compile(pattern, 0, where, status));
    if (U_FAILURE(status)) compiled.reset();
    return compiled;
  }

  // The anchored form, or null when ICU refuses it (compiled now).
  static std::unique_ptr<LazyPattern> anchor(const icu::UnicodeString& pattern) {
    auto compiled = compile_quietly(pattern);
    if (!compiled) return nullptr;
    return std::make_unique<LazyPattern>(pattern, std::move(compiled));
  }

  void add_rule(const pugi::xml_node& rule, LanguageRule& into) {
    const std::string before = child_named(rule, "beforebreak").text().get();
    const std::string after = child_named(rule, "afterbreak").text().get();
    if (before.empty() && after.empty()) {
      warn(rule, "rule has neither <beforebreak> nor <afterbreak>; it is skipped");
      return;
    }
    // The afterbreak goes first: it is usually the cheaper test, and it fails at most places.
    const auto anchored_source =
        icu::UnicodeString::fromUTF8((after.empty() ? "" : "(?=" + after + ")") + "(?<=" + before + ")");
    PrecomputedRule* found = known_rule(before, after);
    // A rule worked out earlier is compiled when first tested: it is known to compile.
    std::unique_ptr<LazyPattern> anchored;
    if (!found) anchored = anchor(anchored_source);
    else if (found->anchorable) anchored = std::make_unique<LazyPattern>(anchored_source);
    // The searched form is needed only where ICU refuses the look-behind;
    // compiling it also says what is wrong with a rule that is broken.
    std::unique_ptr<icu::RegexPattern> compiled;
    if (!anchored) {
      std::string pattern = "(?:" + before + ")";
      if (!after.empty()) pattern += "(?=" + after + ")";
      compiled = compile(pattern, rule, "rule");
      if (!compiled) return;
    }
    const bool is_break = std::string_view(rule.attribute("break").as_string("yes")) != "no";
    RuleTrigger trigger = found ? std::move(found->trigger)
                                : RuleTrigger(icu::UnicodeString::fromUTF8(before), icu::UnicodeString::fromUTF8(after));
    into.rules.push_back({is_break, std::move(compiled), std::move(anchored), std::move(trigger),
                          file_name + ":" + std::to_string(line_of(source, rule.offset_debug())), before, after});
  }

  void add_map(const pugi::xml_node& map, Segmenter::Rules& rules) {
    const std::string pattern = map.attribute("languagepattern").as_string();
    auto compiled = compile(pattern, map, "languagepattern", UREGEX_CASE_INSENSITIVE);
    if (!compiled) return;
    rules.maps.push_back({std::move(compiled), map.attribute("languagerulename").as_string()});
  }
};

}  // namespace

Result<std::shared_ptr<const Segmenter::Rules>> compile_srx(std::string_view srx_text, const std::string& file_name,
                                                            std::vector<PrecomputedRule>* known) {
  pugi::xml_document document;
  const auto parsed = document.load_buffer(srx_text.data(), srx_text.size(), pugi::parse_default, pugi::encoding_auto);
  if (!parsed) {
    return input_error(file_name + ":" + std::to_string(line_of(srx_text, parsed.offset)) + ": not well-formed XML (" +
                       parsed.description() + "); fix the file or give another with --rules");
  }
  const pugi::xml_node root = document.document_element();
  if (local_name(root) != "srx") {
    return input_error(file_name + ":" + std::to_string(line_of(srx_text, root.offset_debug())) + ": the root element is <" +
                       std::string(root.name()) + ">, not <srx>; give an SRX file");
  }
  auto rules = std::make_shared<Segmenter::Rules>();
  Compiler compiler{srx_text, file_name, rules->warnings, known};
  const pugi::xml_node header = child_named(root, "header");
  // SRX 2.0 defaults cascade to yes; 1.0 has no cascade (only the first map applies).
  const std::string_view version = root.attribute("version").as_string("2.0");
  rules->cascade = header.attribute("cascade").as_string(version.starts_with("1") ? "no" : "yes") == std::string_view("yes");
  for (const auto& language_rule : descendants_named(root, "languagerule")) {
    LanguageRule compiled{language_rule.attribute("languagerulename").as_string(), {}};
    for (const auto& rule : language_rule.children()) {
      if (local_name(rule) == "rule") compiler.add_rule(rule, compiled);
    }
    rules->language_rules.push_back(std::move(compiled));
  }
  for (const auto& map : descendants_named(root, "languagemap")) compiler.add_map(map, *rules);
  for (const auto& map : rules->maps) {
    const bool known = std::any_of(rules->language_rules.begin(), rules->language_rules.end(),
                                   [&](const LanguageRule& rule) { return rule.name == map.rule_name; });
    if (!known) {
      rules->warnings.push_back({file_name, 0, 0, "languagemap names languagerule '" + map.rule_name +
                                                      "', which the file does not define; it is ignored"});
    }
  }
  return std::shared_ptr<const Segmenter::Rules>(std::move(rules));
}

LazyPattern::LazyPattern(icu::UnicodeString source, std::unique_ptr<icu::RegexPattern> compiled)
    : source_(std::move(source)), compiled_(std::move(compiled)) {
  if (compiled_) std::call_once(once_, [] {});
}

const icu::RegexPattern* LazyPattern::get() const {
  std::call_once(once_, [this] { compiled_ = Compiler::compile_quietly(source_); });
  return compiled_.get();
}

}  // namespace edsync::segment_detail

namespace edsync {

std::shared_ptr<const segment_detail::Plan> Segmenter::Rules::plan_for(const std::string& language) const {
  std::lock_guard lock(plans_mutex_);
  auto& plan = plans_[language];
  if (plan) return plan;
  auto made = std::make_shared<segment_detail::Plan>();
  std::vector<const segment_detail::RuleTrigger*> triggers;
  for (const auto* rule : rules_for(language)) {
    segment_detail::Step step;
    step.is_break = rule->is_break;
    if (rule->anchored) {
      step.anchored = rule->anchored.get();
      step.trigger = &rule->trigger;
    } else {
      step.search = rule->pattern.get();
    }
    made->steps.push_back(step);
    triggers.push_back(step.trigger);
  }
  made->triggers = std::make_unique<segment_detail::TriggerTable>(triggers);
  made->yes_rules.assign(made->triggers->words(), 0);
  made->search_rules.assign(made->triggers->words(), 0);
  for (std::size_t i = 0; i < made->steps.size(); ++i) {
    const segment_detail::TriggerTable::Word bit = segment_detail::TriggerTable::Word{1} << (i % 64);
    if (made->steps[i].is_break && made->steps[i].anchored) made->yes_rules[i / 64] |= bit;
    if (made->steps[i].search) made->search_rules[i / 64] |= bit;
  }
  made->has_search_rules = std::any_of(made->steps.begin(), made->steps.end(),
                                       [](const segment_detail::Step& step) { return step.search != nullptr; });
  plan = std::move(made);
  return plan;
}

std::vector<const segment_detail::CompiledRule*> Segmenter::Rules::rules_for(const std::string& language) const {
  std::vector<const segment_detail::CompiledRule*> selected;
  const icu::UnicodeString tag = icu::UnicodeString::fromUTF8(language);
  for (const auto& map : maps) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> matcher(map.language_pattern->matcher(tag, status));
    if (U_FAILURE(status) || !matcher->matches(status)) continue;
    for (const auto& language_rule : language_rules) {
      if (language_rule.name != map.rule_name) continue;
      for (const auto& rule : language_rule.rules) selected.push_back(&rule);
    }
    if (!cascade) break;
  }
  return selected;
}

}  // namespace edsync
