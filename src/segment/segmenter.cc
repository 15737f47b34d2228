#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/regex.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <limits>

#include "edsync/file_io.h"
#include "edsync/segment.h"
#include "markdown_blocks.h"
#include "non_sentence_text.h"
#include "srx_rules.h"
#include "utf16_text.h"

namespace edsync {

namespace segment_detail {
extern const std::string_view kBuiltInSrx;  // generated from rules/edsync.srx
}

namespace {

using namespace segment_detail;

constexpr std::int32_t kNoRule = std::numeric_limits<std::int32_t>::max();

bool is_space(char16_t unit) { return u_isUWhiteSpace(unit); }

bool is_bidi_mark(char16_t unit) {
  return unit == 0x200E || unit == 0x200F || unit == 0x061C || (unit >= 0x202A && unit <= 0x202E) ||
         (unit >= 0x2066 && unit <= 0x2069);
}

// The machinery one segment() call needs, made once and reused for every block.
struct Pass {
  std::unique_ptr<icu::BreakIterator> sentences;
  std::shared_ptr<const Plan> plan;
  std::vector<std::unique_ptr<icu::RegexMatcher>> matchers;           // searched through the text
  std::vector<std::unique_ptr<icu::RegexMatcher>> anchored_matchers;  // tested where a break is proposed
};

std::unique_ptr<icu::RegexMatcher> make_matcher(const icu::RegexPattern* pattern) {
  if (!pattern) return nullptr;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> matcher(pattern->matcher(status));
  if (U_FAILURE(status)) return nullptr;
  matcher->setTimeLimit(kMatchTimeLimit, status);
  return matcher;
}

Pass make_pass(const Segmenter::Rules& rules, const SegmentOptions& options) {
  Pass pass;
  UErrorCode status = U_ZERO_ERROR;
  pass.sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale(options.language.c_str()), status));
  if (U_FAILURE(status)) {
    status = U_ZERO_ERROR;
    pass.sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  }
  const std::string tag = options.clause_breaks ? options.language + "-x-clause" : options.language;
  pass.plan = rules.plan_for(tag);
  for (const auto& step : pass.plan->steps) {
    pass.anchored_matchers.push_back(make_matcher(step.anchored));
    pass.matchers.push_back(make_matcher(step.search));
  }
  return pass;
}

// A break is recorded where the sentence's content ends: before the white
// space that follows it, so that "Mr.|␠" and "Mr.␠|" are the same place.
// Bidi marks that open a line after white space belong to the next sentence.
std::int32_t content_end(const icu::UnicodeString& text, std::int32_t position) {
  while (position > 0 && is_space(text.charAt(position - 1))) --position;
  std::int32_t before_marks = position;
  while (before_marks > 0 && is_bidi_mark(text.charAt(before_marks - 1))) --before_marks;
  if (before_marks < position && before_marks > 0 && is_space(text.charAt(before_marks - 1))) {
    return content_end(text, before_marks);
  }
  return position;
}

// Soft line breaks count as spaces; quote markers on continuation lines too.
void mask_soft_breaks(icu::UnicodeString& text) {
  bool line_start = false;
  for (std::int32_t i = 0; i < text.length(); ++i) {
    const char16_t unit = text.charAt(i);
    if (unit == u'\n' || unit == u'\r') {
      text.setCharAt(i, u' ');
      line_start = true;
    } else if (line_start && unit == u'>') {
      text.setCharAt(i, u' ');
    } else if (unit != u' ' && unit != u'\t') {
      line_start = false;
    }
  }
}

class BlockSegmenter {
 public:
  BlockSegmenter(Pass& pass, const icu::UnicodeString& text) : pass_(pass), text_(text) {
    const auto size = static_cast<std::size_t>(text.length()) + 1;
    first_rule_.assign(size, kNoRule);
    icu_break_.assign(size, false);
  }

  // Content ends of the sentences of the block, in order.
  std::vector<std::int32_t> breaks() {
    find_icu_breaks();
    for (std::size_t index = 0; index < pass_.plan->steps.size(); ++index) apply_rule(index);
    for (auto& matcher : pass_.anchored_matchers) {
      if (matcher) matcher->reset(text_);
    }
    std::vector<std::int32_t> result;
    for (std::int32_t position = 1; position < text_.length(); ++position) {
      const auto index = static_cast<std::size_t>(position);
      if ((icu_break_[index] || first_rule_[index] != kNoRule) && decide(position)) result.push_back(position);
    }
    return result;
  }

 private:
  void find_icu_breaks() {
    pass_.sentences->setText(text_);
    for (auto at = pass_.sentences->next(); at != icu::BreakIterator::DONE; at = pass_.sentences->next()) {
      if (at < text_.length()) icu_break_[static_cast<std::size_t>(content_end(text_, at))] = true;
    }
  }

  // The first rule that matches here decides; without one, ICU does.
  bool decide(std::int32_t position) {
    const auto first_found = first_rule_[static_cast<std::size_t>(position)];
    std::int32_t after_space = position;
    while (after_space < text_.length() && is_space(text_.charAt(after_space))) ++after_space;
    for (std::int32_t index = 0; index < static_cast<std::int32_t>(pass_.plan->steps.size()); ++index) {
      if (index == first_found) return pass_.plan->steps[static_cast<std::size_t>(index)].is_break;
      auto* anchored = pass_.anchored_matchers[static_cast<std::size_t>(index)].get();
      if (anchored && matches_between(*anchored, position, after_space)) return false;
    }
    return icu_break_[static_cast<std::size_t>(position)];
  }

  static bool matches_between(icu::RegexMatcher& matcher, std::int32_t first, std::int32_t last) {
    for (std::int32_t at = first; at <= last; ++at) {
      UErrorCode status = U_ZERO_ERROR;
      if (matcher.lookingAt(at, status) && U_SUCCESS(status)) return true;
    }
    return false;
  }

  // Every place this rule matches, unless an earlier rule already decided it.
  void apply_rule(std::size_t index) {
    auto* matcher = pass_.matchers[index].get();
    if (!matcher) return;
    UErrorCode status = U_ZERO_ERROR;
    matcher->reset(text_);
    while (matcher->find(status) && U_SUCCESS(status)) {
      const auto end = matcher->end(status);
      if (U_FAILURE(status)) break;
      auto& first = first_rule_[static_cast<std::size_t>(content_end(text_, end))];
      if (first == kNoRule) first = static_cast<std::int32_t>(index);
    }
    // A time-out (U_REGEX_TIME_OUT) or stack overflow leaves the rule's
    // remaining matches out; the rest of the rules still run.
  }

  Pass& pass_;
  const icu::UnicodeString& text_;
  std::vector<std::int32_t> first_rule_;
  std::vector<bool> icu_break_;
};

void segment_block(Pass& pass, std::string_view text, const Block& block, std::vector<Segment>& out) {
  Utf16Text decoded = decode_utf8(text.substr(block.begin, block.end - block.begin));
  mask_non_sentence_text(decoded.text);
  if (block.soft_line_breaks) mask_soft_breaks(decoded.text);
  BlockSegmenter segmenter(pass, decoded.text);
  auto ends = segmenter.breaks();
  ends.push_back(decoded.text.length());
  std::int32_t start = 0;
  for (const auto end : ends) {
    std::int32_t begin = start;
    while (begin < end && is_space(decoded.text.charAt(begin))) ++begin;
    const std::int32_t trimmed_end = content_end(decoded.text, end);
    if (trimmed_end > begin) {
      out.push_back({block.begin + decoded.byte_offset[static_cast<std::size_t>(begin)],
                     block.begin + decoded.byte_offset[static_cast<std::size_t>(trimmed_end)]});
    }
    start = std::max(start, end);
  }
}

}  // namespace

Segmenter::Segmenter(std::shared_ptr<const Rules> rules) : rules_(std::move(rules)) {}

const Segmenter& Segmenter::built_in() {
  static const Segmenter segmenter = [] {
    auto rules = compile_srx(kBuiltInSrx, "edsync.srx");
    // The built-in file is tested to compile; should it ever fail, segment with ICU alone.
    return Segmenter(rules ? std::move(*rules) : std::make_shared<const Rules>());
  }();
  return segmenter;
}

Result<Segmenter> Segmenter::from_srx(std::string_view srx_text, const std::string& file_name) {
  auto rules = compile_srx(srx_text, file_name);
  if (!rules) return rules.error();
  return Segmenter(std::move(*rules));
}

Result<Segmenter> Segmenter::from_srx_file(const std::filesystem::path& path) {
  const auto text = read_file(path);
  if (!text) return text.error();
  return from_srx(*text, path.string());
}

const std::vector<Diagnostic>& Segmenter::warnings() const { return rules_->warnings; }

std::size_t Segmenter::rule_count(const SegmentOptions& options) const {
  return rules_->rules_for(options.clause_breaks ? options.language + "-x-clause" : options.language).size();
}

std::vector<Segment> Segmenter::segment(std::string_view text, const SegmentOptions& options) const {
  Pass pass = make_pass(*rules_, options);
  std::vector<Segment> segments;
  for (const auto& block : split_blocks(text, options.format)) segment_block(pass, text, block, segments);
  return segments;
}

std::string_view built_in_srx() { return segment_detail::kBuiltInSrx; }

}  // namespace edsync
