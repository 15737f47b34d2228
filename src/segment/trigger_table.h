// The triggers of one language's rules compiled for speed: the characters
// they test are sorted into classes (every set a trigger uses is a union of
// classes), so that one table look-up per character gives, for every rule
// at once, whether its trigger's first characters hold.
#pragma once

#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "rule_trigger.h"
#include "utf16_text.h"

namespace edsync::segment_detail {

class TriggerTable {
 public:
  using Word = std::uint64_t;

  // One entry per rule; nullptr for a rule without a trigger (it is never
  // in a mask).
  explicit TriggerTable(const std::vector<const RuleTrigger*>& triggers);

  std::size_t words() const { return words_; }

  // One text read once: the class of every UTF-16 unit (both units of a
  // surrogate pair get the code point's) and where the characters of the
  // rules' requirements are.
  struct Classified {
    const char16_t* units = nullptr;
    std::int32_t length = 0;
    std::vector<std::uint16_t> classes;  // length + 2: two of "no character" follow the text
    std::vector<std::vector<std::int32_t>> required;  // per requirement set, ascending
    bool surrogate_pairs = false;
  };
  void classify(const icu::UnicodeString& text, Classified& out) const;
  // Decoding and classifying in one pass over the text: `decoded` as
  // decode_utf8 gives it, `out` as classify(decoded.text) does.
  void decode_and_classify(std::string_view bytes, Utf16Text& decoded, Classified& out) const;
  // After units in the [begin, end) ranges of `changed` were masked (made
  // white space or line breaks), their classes and requirement positions
  // again, as classify would give them. False when that cannot be done in
  // place (a masked unit is in a requirement set, or the text holds
  // surrogate pairs): then classify anew.
  using Ranges = std::vector<std::pair<std::int32_t, std::int32_t>>;
  bool reclassify(const icu::UnicodeString& text, const Ranges& changed, Classified& out) const;

  // The rules whose trigger's two nearest characters on both sides hold at
  // `position`: `words()` words, bit i for rule i, into `mask`.
  void first_characters(const Classified& text, std::int32_t position, Word* mask) const;
  // Whether the character before `position` may end the beforebreak of one
  // of the rules in `rules` (a mask of words()).
  bool may_end_before(const Classified& text, std::int32_t position, const Word* rules) const;
  // The positions 1..length where the trigger of one of `rules` may hold, in order.
  void positions_where_any(const Classified& text, const Word* rules, std::vector<std::int32_t>& out) const;
  // The whole trigger of rule `rule` (as RuleTrigger::may_match).
  bool may_match(std::size_t rule, const Classified& text, std::int32_t position) const;

 private:
  struct Shape {
    std::vector<std::uint32_t> columns;  // set numbers
    bool edge = false;
  };
  struct Required {
    std::uint32_t set = 0;
    std::int32_t units = 0;  // UTF-16 units to look through; 0: nothing required
  };
  // A side's shapes tested all at once: bit s of allowed[d * classes + c]
  // says that shape s holds with a character of class c (or none) at
  // distance d. Without it (columns 0) the shapes are tested one by one.
  struct ShapeBits {
    std::size_t columns = 0;
    Word all = 0;
    std::vector<Word> allowed;
  };
  ShapeBits shape_bits(const std::vector<Shape>& shapes) const;
  bool bits_hold(const ShapeBits& bits, const Classified& text, std::int32_t position, bool forward) const;
  struct Trigger {
    std::vector<Shape> before;
    std::vector<Shape> after;
    Required before_required;
    Required after_required;
    // Per side, the classes any shape allows at distances 2 and 3 (bitmaps
    // over classes); empty when some shape asks nothing there. A quick
    // test before the shapes one by one.
    std::vector<std::vector<Word>> before_deeper;
    std::vector<std::vector<Word>> after_deeper;
    // The same shapes as bits, for text without surrogate pairs.
    ShapeBits before_bits;
    ShapeBits after_bits;
  };
  std::vector<std::vector<Word>> deeper_columns(const std::vector<Shape>& shapes) const;
  bool deeper_hold(const std::vector<std::vector<Word>>& deeper, const Classified& text, std::int32_t position,
                   bool forward) const;
  Required number_requirement(const Requirement& requirement, std::vector<const icu::UnicodeSet*>& sets);
  void scan_by_unit(const Classified& text, Word rules, std::vector<std::int32_t>& out) const;
  bool any_may_match(const Word* mask, const Classified& text, std::int32_t position) const;
  static void note_required(std::uint32_t sets, std::int32_t position, Classified& out);
  void start_classes(std::int32_t units, Classified& out) const;
  void end_classes(Classified& out) const;
  class DecodingSink;
  static bool occurs(const std::vector<std::int32_t>& positions, std::int32_t from, std::int32_t to);

  std::uint32_t class_of(UChar32 c) const;
  std::uint32_t class_before(const Classified& text, std::int32_t& position) const {
    if (position <= 0) return none_class_;
    --position;
    if (U16_IS_TRAIL(text.units[position]) && position > 0 && U16_IS_LEAD(text.units[position - 1])) --position;
    return text.classes[static_cast<std::size_t>(position)];
  }
  std::uint32_t class_at(const Classified& text, std::int32_t& position) const {
    if (position >= text.length) return none_class_;
    const std::uint32_t found = text.classes[static_cast<std::size_t>(position)];
    const bool pair = U16_IS_LEAD(text.units[position]) && position + 1 < text.length &&
                      U16_IS_TRAIL(text.units[position + 1]);
    position += pair ? 2 : 1;
    return found;
  }
  bool in_set(std::uint32_t set, std::uint32_t character_class) const {
    return (set_bits_[set * class_words_ + character_class / 64] >> (character_class % 64)) & 1U;
  }
  bool holds(const std::vector<Shape>& shapes, const Classified& text, std::int32_t position,
             bool forward) const;
  bool holds_by_unit(const std::vector<Shape>& shapes, const Classified& text, std::int32_t position,
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
  std::size_t pair_work(std::size_t classes) const;
  void mark_pairs(const std::vector<Shape>& shapes, std::vector<Word>& masks, std::size_t rule);
  std::vector<Trigger> triggers_;
  std::vector<std::uint32_t> required_classes_;  // class -> bit per requirement set holding it
  std::size_t required_sets_ = 0;
};

}  // namespace edsync::segment_detail
