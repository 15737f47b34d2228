#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <limits>

#include "edsync/file_io.h"
#include "edsync/segment.h"
#include "markdown_blocks.h"
#include "non_sentence_text.h"
#include "segment_engine.h"
#include "srx_rules.h"
#include "trigger_data.h"
#include "utf16_text.h"

namespace edsync {

namespace segment_detail {
extern const std::string_view kBuiltInSrx;       // generated from rules/edsync.srx
extern const std::string_view kBuiltInTriggers;  // worked out from it at build time (trigger_data.h)
}

namespace {

using namespace segment_detail;

bool is_space(char16_t unit) { return u_isUWhiteSpace(unit); }

bool is_bidi_mark(char16_t unit) {
  return unit == 0x200E || unit == 0x200F || unit == 0x061C || (unit >= 0x202A && unit <= 0x202E) ||
         (unit >= 0x2066 && unit <= 0x2069);
}

// The machinery one segment() call needs, made once and reused for every block.
struct Pass {
  std::unique_ptr<icu::BreakIterator> sentences;
  std::shared_ptr<const Plan> plan;
  Evaluation evaluation = Evaluation::triggered;
  // One per step, reset onto a block's text the first time the block needs it.
  std::vector<std::unique_ptr<icu::RegexMatcher>> matchers;
  std::vector<bool> matcher_made;
  std::vector<std::uint64_t> matcher_block;
  std::uint64_t block = 0;
  // Buffers reused from block to block.
  struct Scratch {
    Utf16Text decoded;
    TriggerTable::Classified classified;
    std::vector<std::int32_t> icu_breaks, candidates, positions, ends;
    std::vector<std::pair<std::int32_t, std::int32_t>> searched;
    std::vector<TriggerTable::Word> masks;
    UnitRanges masked;
  } scratch;
};

std::unique_ptr<icu::RegexMatcher> make_matcher(const icu::RegexPattern* pattern) {
  if (!pattern) return nullptr;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> matcher(pattern->matcher(status));
  if (U_FAILURE(status)) return nullptr;
  matcher->setTimeLimit(kMatchTimeLimit, status);
  return matcher;
}

Pass make_pass(const Segmenter::Rules& rules, const SegmentOptions& options, Evaluation evaluation) {
  Pass pass;
  pass.evaluation = evaluation;
  UErrorCode status = U_ZERO_ERROR;
  pass.sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale(options.language.c_str()), status));
  if (U_FAILURE(status)) {
    status = U_ZERO_ERROR;
    pass.sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  }
  const std::string tag = options.clause_breaks ? options.language + "-x-clause" : options.language;
  pass.plan = rules.plan_for(tag);
  // Made when a rule is first tested: most rules never are on a short text.
  pass.matchers.resize(pass.plan->steps.size());
  pass.matcher_made.assign(pass.plan->steps.size(), false);
  pass.matcher_block.assign(pass.plan->steps.size(), 0);
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
// The units changed go into `changed`.
void mask_soft_breaks(icu::UnicodeString& text, UnitRanges& changed) {
  bool line_start = false;
  for (std::int32_t i = 0; i < text.length(); ++i) {
    const char16_t unit = text.charAt(i);
    if (unit == u'\n' || unit == u'\r' || (line_start && unit == u'>')) {
      line_start = true;
      text.setCharAt(i, u' ');
      if (!changed.empty() && changed.back().second == i) {
        ++changed.back().second;
      } else {
        changed.emplace_back(i, i + 1);
      }
    } else if (unit != u' ' && unit != u'\t') {
      line_start = false;
    }
  }
}

void sort_unique(std::vector<std::int32_t>& positions) {
  std::sort(positions.begin(), positions.end());
  positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
}

// Rules are tested only at candidate positions: where ICU proposes a break,
// where a break="yes" rule may add one, and where a searched rule matched.
// There the first rule (in SRX order) that matches decides; without one, ICU does.
class BlockSegmenter {
 public:
  BlockSegmenter(Pass& pass, const icu::UnicodeString& text)
      : pass_(pass), text_(text), icu_breaks_(pass.scratch.icu_breaks), searched_(pass.scratch.searched) {
    ++pass_.block;
    icu_breaks_.clear();
    searched_.clear();
  }

  // Content ends of the sentences of the block, in order.
  std::vector<std::int32_t>& breaks() {
    find_icu_breaks();
    auto& candidates = pass_.scratch.candidates;
    candidates = icu_breaks_;
    if (pass_.plan->has_search_rules) {
      for (std::size_t index = 0; index < steps().size(); ++index) {
        if (steps()[index].search) search_rule(index, candidates);
      }
    }
    add_yes_candidates(candidates);
    sort_unique(candidates);
    std::sort(searched_.begin(), searched_.end());
    auto& result = pass_.scratch.ends;
    result.clear();
    for (const auto position : candidates) {
      if (position > 0 && position < text_.length() && decide(position)) result.push_back(position);
    }
    return result;
  }

 private:
  const std::vector<Step>& steps() const { return pass_.plan->steps; }

  icu::RegexMatcher* matcher(std::size_t index) {
    if (!pass_.matcher_made[index]) {
      const Step& step = steps()[index];
      pass_.matchers[index] = make_matcher(step.anchored ? step.anchored->get() : step.search);
      pass_.matcher_made[index] = true;
    }
    auto* found = pass_.matchers[index].get();
    if (found && pass_.matcher_block[index] != pass_.block) {
      found->reset(text_);
      pass_.matcher_block[index] = pass_.block;
    }
    return found;
  }

  void find_icu_breaks() {
    pass_.sentences->setText(text_);
    for (auto at = pass_.sentences->next(); at != icu::BreakIterator::DONE; at = pass_.sentences->next()) {
      if (at < text_.length()) icu_breaks_.push_back(content_end(text_, at));
    }
  }

  // Places where some break="yes" rule may match: after a character one can
  // end with, where the rule's trigger holds (or, evaluated plainly, where
  // ICU finds the anchored rule).
  void add_yes_candidates(std::vector<std::int32_t>& candidates) {
    if (pass_.evaluation == Evaluation::plain) {
      for (std::size_t index = 0; index < steps().size(); ++index) {
        if (steps()[index].is_break && steps()[index].anchored) find_everywhere(index, candidates);
      }
      return;
    }
    auto& positions = pass_.scratch.positions;
    positions.clear();
    pass_.plan->triggers->positions_where_any(classified(), pass_.plan->yes_rules.data(), positions);
    for (const auto position : positions) candidates.push_back(content_end(text_, position));
  }

  std::vector<TriggerTable::Word>& mask_buffer(std::size_t positions) {
    pass_.scratch.masks.resize(positions * pass_.plan->triggers->words());
    return pass_.scratch.masks;
  }

  TriggerTable::Classified& classified() { return pass_.scratch.classified; }

  // Calls `visit` with the content end of every match of rule `index`
  // through the text. A time-out (U_REGEX_TIME_OUT) or stack overflow leaves
  // the rule's remaining matches out; the rest of the rules still run.
  template <typename Visit>
  void for_each_match(std::size_t index, Visit&& visit) {
    auto* found = matcher(index);
    if (!found) return;
    UErrorCode status = U_ZERO_ERROR;
    found->reset();
    while (found->find(status) && U_SUCCESS(status)) {
      const auto end = found->end(status);
      if (U_FAILURE(status)) break;
      visit(content_end(text_, end));
    }
  }

  void find_everywhere(std::size_t index, std::vector<std::int32_t>& candidates) {
    for_each_match(index, [&](std::int32_t position) { candidates.push_back(position); });
  }

  // Every place a rule with an unbounded beforebreak matches.
  void search_rule(std::size_t index, std::vector<std::int32_t>& candidates) {
    for_each_match(index, [&](std::int32_t position) {
      searched_.push_back({position, static_cast<std::int32_t>(index)});
      candidates.push_back(position);
    });
  }

  bool searched_here(std::size_t index, std::int32_t position) const {
    return std::binary_search(searched_.begin(), searched_.end(),
                              std::pair<std::int32_t, std::int32_t>{position, static_cast<std::int32_t>(index)});
  }

  bool decide(std::int32_t position) {
    std::int32_t after_space = position;
    while (after_space < text_.length() && is_space(text_.charAt(after_space))) ++after_space;
    if (pass_.evaluation == Evaluation::plain) return decide_plainly(position, after_space);
    const auto& table = *pass_.plan->triggers;
    const std::size_t words = table.words();
    const auto places = static_cast<std::size_t>(after_space - position + 1);
    // One mask per place, then their union with the searched rules: only
    // the rules in it are visited, in SRX order.
    auto& masks = mask_buffer(places + 1);
    TriggerTable::Word* any = masks.data() + places * words;
    for (std::size_t w = 0; w < words; ++w) any[w] = pass_.plan->search_rules[w];
    for (std::size_t i = 0; i < places; ++i) {
      TriggerTable::Word* mask = masks.data() + i * words;
      table.first_characters(classified(), position + static_cast<std::int32_t>(i), mask);
      for (std::size_t w = 0; w < words; ++w) any[w] |= mask[w];
    }
    for (std::size_t w = 0; w < words; ++w) {
      for (auto bits = any[w]; bits != 0; bits &= bits - 1) {
        const auto index = w * 64 + static_cast<std::size_t>(std::countr_zero(bits));
        const Step& step = steps()[index];
        if (step.search) {
          if (searched_here(index, position)) return step.is_break;
          continue;
        }
        for (std::size_t i = 0; i < places; ++i) {
          const auto at = position + static_cast<std::int32_t>(i);
          if (may_match_at(index, masks.data() + i * words, at) && anchored_match(index, at)) return step.is_break;
        }
      }
    }
    return std::binary_search(icu_breaks_.begin(), icu_breaks_.end(), position);
  }

  bool decide_plainly(std::int32_t position, std::int32_t after_space) {
    for (std::size_t index = 0; index < steps().size(); ++index) {
      const Step& step = steps()[index];
      if (step.search) {
        if (searched_here(index, position)) return step.is_break;
        continue;
      }
      for (std::int32_t at = position; at <= after_space; ++at) {
        if (anchored_match(index, at)) return step.is_break;
      }
    }
    return std::binary_search(icu_breaks_.begin(), icu_breaks_.end(), position);
  }

  bool may_match_at(std::size_t index, const TriggerTable::Word* mask, std::int32_t at) const {
    if (((mask[index / 64] >> (index % 64)) & 1U) == 0) return false;
    return pass_.plan->triggers->may_match(index, pass_.scratch.classified, at);
  }

  bool anchored_match(std::size_t index, std::int32_t at) {
    auto* anchored = matcher(index);
    if (!anchored) return false;
    UErrorCode status = U_ZERO_ERROR;
    return anchored->lookingAt(at, status) && U_SUCCESS(status);
  }

  Pass& pass_;
  const icu::UnicodeString& text_;
  std::vector<std::int32_t>& icu_breaks_;                         // content ends, in order
  std::vector<std::pair<std::int32_t, std::int32_t>>& searched_;  // (position, step) of searched rules
};

// The block's text as the segmenter reads it: decoded, masked and, for the
// triggers, classified. Classes come from the decoder's pass; the few units
// masking changes are classified again.
void prepare_block(Pass& pass, std::string_view bytes, MaskHints text_hints, const Block& block) {
  Utf16Text& decoded = pass.scratch.decoded;
  UnitRanges& masked = pass.scratch.masked;
  masked.clear();
  const bool triggered = pass.evaluation == Evaluation::triggered;
  const TriggerTable& triggers = *pass.plan->triggers;
  if (triggered) {
    triggers.decode_and_classify(bytes, decoded, pass.scratch.classified);
  } else {
    decode_utf8(bytes, decoded);
  }
  mask_non_sentence_text(decoded.text, mask_hints(bytes, text_hints), &masked);
  if (block.soft_line_breaks) mask_soft_breaks(decoded.text, masked);
  if (triggered && !triggers.reclassify(decoded.text, masked, pass.scratch.classified)) {
    triggers.classify(decoded.text, pass.scratch.classified);
  }
}

void segment_block(Pass& pass, std::string_view text, MaskHints text_hints, const Block& block,
                   std::vector<Segment>& out) {
  Utf16Text& decoded = pass.scratch.decoded;
  prepare_block(pass, text.substr(block.begin, block.end - block.begin), text_hints, block);
  BlockSegmenter segmenter(pass, decoded.text);
  auto& ends = segmenter.breaks();
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

namespace segment_detail {

std::vector<Segment> segment_text(const Segmenter::Rules& rules, std::string_view text, const SegmentOptions& options,
                                  Evaluation evaluation) {
  Pass pass = make_pass(rules, options, evaluation);
  std::vector<Segment> segments;
  const MaskHints hints = mask_hints(text);
  for (const auto& block : split_blocks(text, options.format)) segment_block(pass, text, hints, block, segments);
  return segments;
}

}  // namespace segment_detail

Segmenter::Segmenter(std::shared_ptr<const Rules> rules) : rules_(std::move(rules)) {}

const Segmenter& Segmenter::built_in() {
  static const Segmenter segmenter = [] {
    auto known = read_trigger_data(kBuiltInTriggers);
    auto rules = compile_srx(kBuiltInSrx, "edsync.srx", known ? &*known : nullptr);
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
  const auto text = read_file(path, "an SRX file");
  if (!text) return text.error();
  return from_srx(*text, path.string());
}

const std::vector<Diagnostic>& Segmenter::warnings() const { return rules_->warnings; }

std::size_t Segmenter::rule_count(const SegmentOptions& options) const {
  return rules_->rules_for(options.clause_breaks ? options.language + "-x-clause" : options.language).size();
}

std::vector<Segment> Segmenter::segment(std::string_view text, const SegmentOptions& options) const {
  return segment_detail::segment_text(*rules_, text, options, segment_detail::Evaluation::triggered);
}

std::string_view built_in_srx() { return segment_detail::kBuiltInSrx; }

}  // namespace edsync
