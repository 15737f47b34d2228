// The triggers of one language's rules compiled for speed: the characters
// they test are sorted into classes (every set a trigger uses is a union of
// classes), so that one table look-up per character gives, for every rule
// at once, whether its trigger's first characters hold.
#pragma once

#include <unicode/unistr.h>

#include <cstdint>
#include <vector>

#include "rule_trigger.h"

namespace edsync::segment_detail {

class TriggerTable {
 public:
  using Word = std::uint64_t;

  // One entry per rule; nullptr for a rule without a trigger (it is never
  // in a mask).
  explicit TriggerTable(const std::vector<const RuleTrigger*>& triggers);

  std::size_t words() const { return words_; }

  // Where the characters of the rules' requirements are in one text.
  struct Occurrences {
    std::vector<std::vector<std::int32_t>> positions;  // per requirement set, ascending
  };
  void find_required(const icu::UnicodeString& text, Occurrences& out) const;

  // The rules whose trigger's two nearest characters on both sides hold at
  // `position`: `words()` words, bit i for rule i, into `mask`.
  void first_characters(const icu::UnicodeString& text, std::int32_t position, Word* mask) const;
  // Whether the character before `position` may end the beforebreak of one
  // of the rules in `rules` (a mask of words()).
  bool may_end_before(const icu::UnicodeString& text, std::int32_t position, const Word* rules) const;
  // The whole trigger of rule `rule` (as RuleTrigger::may_match), with the
  // text's occurrences from find_required().
  bool may_match(std::size_t rule, const icu::UnicodeString& text, const Occurrences& occurrences,
                 std::int32_t position) const;

 private:
  struct Shape {
    std::vector<std::uint32_t> columns;  // set numbers
    bool edge = false;
  };
  struct Required {
    std::uint32_t set = 0;
    std::int32_t units = 0;  // UTF-16 units to look through; 0: nothing required
  };
  struct Trigger {
    std::vector<Shape> before;
    std::vector<Shape> after;
    Required before_required;
    Required after_required;
  };
  Required number_requirement(const Requirement& requirement, std::vector<const icu::UnicodeSet*>& sets);
  static bool occurs(const std::vector<std::int32_t>& positions, std::int32_t from, std::int32_t to);

  std::uint32_t class_of(UChar32 c) const;
  std::uint32_t class_before(const icu::UnicodeString& text, std::int32_t& position) const;
  std::uint32_t class_at(const icu::UnicodeString& text, std::int32_t& position) const;
  bool in_set(std::uint32_t set, std::uint32_t character_class) const {
    return (set_bits_[set * class_words_ + character_class / 64] >> (character_class % 64)) & 1U;
  }
  bool holds(const std::vector<Shape>& shapes, const icu::UnicodeString& text, std::int32_t position,
             bool forward) const;

  std::size_t words_ = 0;                    // per rule mask
  std::size_t class_words_ = 0;              // per set bitmap over classes
  std::uint32_t none_class_ = 0;             // "no character": before the start or after the end
  std::vector<std::uint16_t> bmp_classes_;   // class of every BMP code point
  std::vector<UChar32> upper_starts_;        // above the BMP: class of [start, next start)
  std::vector<std::uint32_t> upper_classes_;
  std::vector<Word> set_bits_;               // set number -> classes
  std::vector<Word> last_masks_;             // class -> rules whose beforebreak may end with it
  std::vector<Word> first_masks_;            // class -> rules whose afterbreak may start with it
  // (nearest class, next class) -> rules, on each side; empty when the
  // classes are too many for a table of pairs.
  std::vector<Word> last_pair_masks_;
  std::vector<Word> first_pair_masks_;
  std::size_t classes_ = 0;
  void mark_pairs(const std::vector<Shape>& shapes, std::vector<Word>& masks, std::size_t rule);
  std::vector<Trigger> triggers_;
  std::vector<std::uint32_t> required_classes_;  // class -> bit per requirement set holding it
  std::size_t required_sets_ = 0;
};

}  // namespace edsync::segment_detail
