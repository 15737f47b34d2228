#include "trigger_table.h"

#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <bit>
#include <map>

namespace edsync::segment_detail {

namespace {

constexpr UChar32 kCodePoints = 0x110000;
constexpr UChar32 kBmpEnd = 0x10000;

constexpr std::size_t kLargestPairTable = std::size_t{1} << 18;  // words: 2 MB
constexpr std::size_t kLargestPairWork = std::size_t{1} << 24;   // pairs visited to fill them

std::size_t words_for(std::size_t bits) { return (bits + 63) / 64; }

void set_bit(std::vector<TriggerTable::Word>& bits, std::size_t row, std::size_t words, std::size_t bit) {
  bits[row * words + bit / 64] |= TriggerTable::Word{1} << (bit % 64);
}

// Every distinct set the triggers use, numbered.
class SetNumbers {
 public:
  std::uint32_t number(const icu::UnicodeSet& set) {
    auto& same_hash = by_hash_[set.hashCode()];
    for (const auto index : same_hash) {
      if (*sets_[index] == set) return index;
    }
    sets_.push_back(&set);
    same_hash.push_back(static_cast<std::uint32_t>(sets_.size() - 1));
    return same_hash.back();
  }
  const std::vector<const icu::UnicodeSet*>& sets() const { return sets_; }

 private:
  std::vector<const icu::UnicodeSet*> sets_;
  std::map<std::int32_t, std::vector<std::uint32_t>> by_hash_;
};

// Where membership in some set changes: the starts of the elementary ranges.
std::vector<UChar32> range_starts(const std::vector<const icu::UnicodeSet*>& sets) {
  std::vector<UChar32> starts{0, kBmpEnd};
  for (const auto* set : sets) {
    for (std::int32_t i = 0; i < set->getRangeCount(); ++i) {
      starts.push_back(set->getRangeStart(i));
      if (set->getRangeEnd(i) + 1 < kCodePoints) starts.push_back(set->getRangeEnd(i) + 1);
    }
  }
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  return starts;
}

// The sets each elementary range belongs to: every range of a set covers
// whole elementary ranges, found from its start, so each set is walked once
// instead of asking every set about every range.
std::vector<std::vector<TriggerTable::Word>> members_of_ranges(const std::vector<const icu::UnicodeSet*>& sets,
                                                               const std::vector<UChar32>& starts) {
  std::vector<std::vector<TriggerTable::Word>> members(starts.size(),
                                                       std::vector<TriggerTable::Word>(words_for(sets.size()), 0));
  for (std::size_t s = 0; s < sets.size(); ++s) {
    const auto bit = TriggerTable::Word{1} << (s % 64);
    for (std::int32_t r = 0; r < sets[s]->getRangeCount(); ++r) {
      auto at = std::lower_bound(starts.begin(), starts.end(), sets[s]->getRangeStart(r)) - starts.begin();
      for (; at < static_cast<std::ptrdiff_t>(starts.size()) && starts[at] <= sets[s]->getRangeEnd(r); ++at)
        members[at][s / 64] |= bit;
    }
  }
  return members;
}

}  // namespace

TriggerTable::TriggerTable(const std::vector<const RuleTrigger*>& triggers) : words_(words_for(triggers.size())) {
  SetNumbers numbers;
  const auto compile = [&](const Shapes& shapes) {
    std::vector<Shape> compiled;
    for (const auto& shape : shapes.alternatives) {
      Shape made{{}, shape.edge};
      for (const auto& column : shape.columns) made.columns.push_back(numbers.number(column));
      compiled.push_back(std::move(made));
    }
    return compiled;
  };
  std::vector<const icu::UnicodeSet*> required_sets;
  for (const auto* trigger : triggers) {
    if (!trigger) {
      triggers_.push_back(Trigger{});
      continue;
    }
    triggers_.push_back(Trigger{compile(trigger->before()), compile(trigger->after()),
                                number_requirement(trigger->before().required, required_sets),
                                number_requirement(trigger->after().required, required_sets)});
  }
  required_sets_ = required_sets.size();
  for (const auto* set : required_sets) numbers.number(*set);  // their ranges make classes too
  const auto& sets = numbers.sets();

  // Classes: ranges that belong to the same sets share one.
  const auto starts = range_starts(sets);
  const std::size_t set_words = words_for(sets.size());
  std::map<std::vector<Word>, std::uint32_t> class_of_members;
  std::vector<std::uint32_t> range_class;
  for (auto& members : members_of_ranges(sets, starts)) {
    const auto next = static_cast<std::uint32_t>(class_of_members.size());
    range_class.push_back(class_of_members.emplace(std::move(members), next).first->second);
  }
  none_class_ = static_cast<std::uint32_t>(class_of_members.size());
  const std::size_t classes = class_of_members.size() + 1;
  class_words_ = words_for(classes);

  bmp_classes_.assign(kBmpEnd, 0);
  for (std::size_t i = 0; i < starts.size(); ++i) {
    const UChar32 end = i + 1 < starts.size() ? starts[i + 1] : kCodePoints;
    if (starts[i] < kBmpEnd) {
      std::fill(bmp_classes_.begin() + starts[i], bmp_classes_.begin() + std::min(end, kBmpEnd),
                static_cast<std::uint16_t>(std::min<std::uint32_t>(range_class[i], 0xFFFF)));
    } else {
      upper_starts_.push_back(starts[i]);
      upper_classes_.push_back(range_class[i]);
    }
  }
  if (classes > 0xFFFF) {  // too many to number in 16 bits: every rule may match everywhere
    triggers_.assign(triggers.size(), Trigger{{Shape{}}, {Shape{}}});
  }

  set_bits_.assign(sets.size() * class_words_, 0);
  for (const auto& [members, character_class] : class_of_members) {
    for (std::size_t s = 0; s < sets.size(); ++s) {
      if ((members[s / 64] >> (s % 64)) & 1U) set_bit(set_bits_, s, class_words_, character_class);
    }
  }

  required_classes_.assign(classes, 0);
  for (std::size_t r = 0; r < required_sets.size(); ++r) {
    const auto set = numbers.number(*required_sets[r]);
    for (std::uint32_t c = 0; c < none_class_; ++c) {
      if (in_set(set, c)) required_classes_[c] |= std::uint32_t{1} << r;
    }
  }

  classes_ = classes;
  for (auto& trigger : triggers_) {
    trigger.before_deeper = deeper_columns(trigger.before);
    trigger.after_deeper = deeper_columns(trigger.after);
    trigger.before_bits = shape_bits(trigger.before);
    trigger.after_bits = shape_bits(trigger.after);
  }

  // The first characters on each side, for all rules at once.
  last_masks_.assign(classes * words_, 0);
  first_masks_.assign(classes * words_, 0);
  const auto mark = [&](const std::vector<Shape>& shapes, std::vector<Word>& masks, std::size_t rule) {
    for (const auto& shape : shapes) {
      if (shape.columns.empty()) {
        if (!shape.edge) {
          for (std::size_t c = 0; c < classes; ++c) set_bit(masks, c, words_, rule);
        }
        set_bit(masks, none_class_, words_, rule);
        continue;
      }
      for (std::size_t c = 0; c < none_class_; ++c) {
        if (in_set(shape.columns.front(), static_cast<std::uint32_t>(c))) set_bit(masks, c, words_, rule);
      }
    }
  };
  for (std::size_t rule = 0; rule < triggers.size(); ++rule) {
    if (!triggers[rule]) continue;
    mark(triggers_[rule].before, last_masks_, rule);
    mark(triggers_[rule].after, first_masks_, rule);
  }
  if (classes * classes * words_ <= kLargestPairTable && pair_work(classes) <= kLargestPairWork) {
    last_pair_masks_.assign(classes * classes * words_, 0);
    first_pair_masks_.assign(classes * classes * words_, 0);
    for (std::size_t rule = 0; rule < triggers.size(); ++rule) {
      if (!triggers[rule]) continue;
      mark_pairs(triggers_[rule].before, last_pair_masks_, rule);
      mark_pairs(triggers_[rule].after, first_pair_masks_, rule);
    }
  }
}

std::vector<std::vector<TriggerTable::Word>> TriggerTable::deeper_columns(const std::vector<Shape>& shapes) const {
  std::vector<std::vector<Word>> deeper;
  for (std::size_t depth = 2; depth < 4; ++depth) {
    std::vector<Word> allowed(class_words_, 0);
    for (const auto& shape : shapes) {
      if (shape.columns.size() <= depth) return deeper;  // asks nothing this deep
      for (std::size_t w = 0; w < class_words_; ++w) allowed[w] |= set_bits_[shape.columns[depth] * class_words_ + w];
    }
    deeper.push_back(std::move(allowed));
  }
  return deeper;
}

// Worth it for a side of several shapes (the title rules' dozens of
// abbreviations); one or two are as quick to test one by one.
TriggerTable::ShapeBits TriggerTable::shape_bits(const std::vector<Shape>& shapes) const {
  constexpr std::size_t kFewestShapes = 3;
  ShapeBits bits;
  if (shapes.size() < kFewestShapes || shapes.size() > 64) return bits;
  for (const auto& shape : shapes) bits.columns = std::max(bits.columns, shape.columns.size() + (shape.edge ? 1 : 0));
  bits.allowed.assign(bits.columns * classes_, 0);
  std::vector<Word> free(bits.columns, 0);  // per distance, the shapes that ask nothing there
  for (std::size_t s = 0; s < shapes.size(); ++s) {
    const Shape& shape = shapes[s];
    const Word bit = Word{1} << s;
    bits.all |= bit;
    for (std::size_t d = 0; d < shape.columns.size(); ++d) {  // the classes of its set (never "no character")
      const Word* set = &set_bits_[shape.columns[d] * class_words_];
      for (std::size_t w = 0; w < class_words_; ++w) {
        for (Word members = set[w]; members != 0; members &= members - 1) {
          bits.allowed[d * classes_ + w * 64 + static_cast<std::size_t>(std::countr_zero(members))] |= bit;
        }
      }
    }
    const std::size_t ends = shape.columns.size();  // the text ends there, or anything may follow
    if (shape.edge) bits.allowed[ends * classes_ + none_class_] |= bit;
    for (std::size_t d = ends + (shape.edge ? 1 : 0); d < bits.columns; ++d) free[d] |= bit;
  }
  for (std::size_t d = 0; d < bits.columns; ++d) {
    for (std::size_t c = 0; c < classes_; ++c) bits.allowed[d * classes_ + c] |= free[d];
  }
  return bits;
}

// As holds_by_unit: the units beside the position, "no character" past either end.
bool TriggerTable::bits_hold(const ShapeBits& bits, const Classified& text, std::int32_t position,
                             bool forward) const {
  Word alive = bits.all;
  const std::uint16_t* classes = text.classes.data();
  for (std::size_t d = 0; d < bits.columns && alive != 0; ++d) {
    const std::int32_t at = forward ? position + static_cast<std::int32_t>(d) : position - 1 - static_cast<std::int32_t>(d);
    const std::size_t character_class = at < 0 || at >= text.length ? none_class_ : classes[at];
    alive &= bits.allowed[d * classes_ + character_class];
  }
  return alive != 0;
}

bool TriggerTable::deeper_hold(const std::vector<std::vector<Word>>& deeper, const Classified& text,
                               std::int32_t position, bool forward) const {
  if (deeper.empty()) return true;
  std::int32_t at = position;
  for (std::size_t depth = 0; depth < 2 + deeper.size(); ++depth) {
    const auto character_class = forward ? class_at(text, at) : class_before(text, at);
    if (depth < 2) continue;
    if (character_class == none_class_) return false;
    if (((deeper[depth - 2][character_class / 64] >> (character_class % 64)) & 1U) == 0) return false;
  }
  return true;
}

// How many pairs of classes filling the pair tables would visit.
std::size_t TriggerTable::pair_work(std::size_t classes) const {
  std::vector<std::size_t> set_classes(set_bits_.size() / std::max<std::size_t>(class_words_, 1), 0);
  for (std::size_t s = 0; s < set_classes.size(); ++s) {
    for (std::size_t w = 0; w < class_words_; ++w) {
      set_classes[s] += static_cast<std::size_t>(std::popcount(set_bits_[s * class_words_ + w]));
    }
  }
  std::size_t work = 0;
  for (const auto& trigger : triggers_) {
    for (const auto* shapes : {&trigger.before, &trigger.after}) {
      for (const auto& shape : *shapes) {
        const std::size_t first = shape.columns.empty() ? classes : set_classes[shape.columns[0]];
        work += classes + first * classes;  // as mark_pairs loops
      }
    }
  }
  return work;
}

// Row (nearest * classes + next): the rules one of whose shapes holds there.
void TriggerTable::mark_pairs(const std::vector<Shape>& shapes, std::vector<Word>& masks, std::size_t rule) {
  const auto classes = static_cast<std::uint32_t>(classes_);
  const auto holds = [&](const Shape& shape, std::size_t column, std::uint32_t character_class) {
    if (column < shape.columns.size()) {
      return character_class != none_class_ && in_set(shape.columns[column], character_class);
    }
    return !shape.edge || (column == shape.columns.size() && character_class == none_class_) ||
           column > shape.columns.size();
  };
  for (const auto& shape : shapes) {
    for (std::uint32_t nearest = 0; nearest < classes; ++nearest) {
      if (!holds(shape, 0, nearest)) continue;
      for (std::uint32_t next = 0; next < classes; ++next) {
        // Past the end of the text there is only more of it.
        if (nearest == none_class_ && next != none_class_) continue;
        if (holds(shape, 1, next)) set_bit(masks, nearest * classes + next, words_, rule);
      }
    }
  }
}

// At most 32 requirement sets are kept (a bit each); rules beyond go without.
TriggerTable::Required TriggerTable::number_requirement(const Requirement& requirement,
                                                        std::vector<const icu::UnicodeSet*>& sets) {
  if (requirement.within == 0) return {};
  std::uint32_t number = 0;
  while (number < sets.size() && *sets[number] != requirement.set) ++number;
  if (number == sets.size()) {
    if (sets.size() >= 32) return {};
    sets.push_back(&requirement.set);
  }
  return {number, 2 * requirement.within};  // a code point is one or two units
}

void TriggerTable::classify(const icu::UnicodeString& text, Classified& out) const {
  out.units = text.getBuffer();
  out.length = text.length();
  start_classes(out.length, out);
  end_classes(out);
  const char16_t* units = out.units;
  const std::uint16_t* table = bmp_classes_.data();
  const std::uint32_t* required = required_classes_.data();
  std::uint16_t* classes = out.classes.data();
  for (std::int32_t at = 0; at < out.length; ++at) {
    const char16_t unit = units[at];
    std::uint16_t found = table[unit];
    if (U16_IS_SURROGATE(unit)) {
      const UChar32 c = text.char32At(at);
      found = static_cast<std::uint16_t>(class_of(c));
      if (U16_LENGTH(c) == 2) {
        classes[at++] = found;
        out.surrogate_pairs = true;
      }
    }
    classes[at] = found;
    if (required[found] != 0) note_required(required[found], at, out);
  }
}

// Sizes the classes for `units` units (at most; end_classes trims them) and
// empties the requirement positions.
void TriggerTable::start_classes(std::int32_t units, Classified& out) const {
  out.classes.resize(static_cast<std::size_t>(units) + 2);
  out.required.resize(required_sets_);
  for (auto& positions : out.required) positions.clear();
  out.surrogate_pairs = false;
}

// Two units of "no character" after the end, so that scans may read the two
// classes after any position without testing for the end.
void TriggerTable::end_classes(Classified& out) const {
  out.classes.resize(static_cast<std::size_t>(out.length) + 2);
  out.classes[static_cast<std::size_t>(out.length)] = static_cast<std::uint16_t>(none_class_);
  out.classes[static_cast<std::size_t>(out.length) + 1] = static_cast<std::uint16_t>(none_class_);
}

// Classifies each unit as the decoder writes it (see decode_utf8). ASCII
// comes eight units at a time, whose requirement sets are looked at only
// when one of the eight is in one.
class TriggerTable::DecodingSink {
 public:
  DecodingSink(const TriggerTable& table, Classified& out) : table_(table), out_(out), classes_(out.classes.data()) {}

  void ascii8(std::int32_t unit, std::uint64_t word) {
    const std::uint16_t* bmp = table_.bmp_classes_.data();
    const std::uint32_t* required = table_.required_classes_.data();
    std::uint32_t any = 0;
    for_eight([&](int i) {
      const std::uint16_t found = bmp[ascii_byte(word, i)];
      classes_[unit + i] = found;
      any |= required[found];
    });
    if (any == 0) return;
    for (int i = 0; i < 8; ++i) {
      if (required[classes_[unit + i]] != 0) note_required(required[classes_[unit + i]], unit + i, out_);
    }
  }

  // As classify: both units of a pair get the code point's class, and its
  // requirement sets note the second unit. One unit is never a surrogate.
  void code_point(std::int32_t unit, UChar32 code_point, std::int32_t units) {
    const auto found = units == 1 ? table_.bmp_classes_[static_cast<std::size_t>(code_point)]
                                  : static_cast<std::uint16_t>(table_.class_of(code_point));
    classes_[unit] = found;
    if (units == 2) {
      classes_[++unit] = found;
      out_.surrogate_pairs = true;
    }
    if (table_.required_classes_[found] != 0) note_required(table_.required_classes_[found], unit, out_);
  }

 private:
  const TriggerTable& table_;
  Classified& out_;
  std::uint16_t* classes_;
};

void TriggerTable::decode_and_classify(std::string_view bytes, Utf16Text& decoded, Classified& out) const {
  start_classes(static_cast<std::int32_t>(bytes.size()), out);
  DecodingSink sink(*this, out);
  decode_utf8(bytes, decoded, sink);
  out.units = decoded.text.getBuffer();
  out.length = decoded.text.length();
  end_classes(out);
}

bool TriggerTable::reclassify(const icu::UnicodeString& text, const Ranges& changed, Classified& out) const {
  out.units = text.getBuffer();  // masking may have moved the buffer
  if (changed.empty()) return true;
  if (out.surrogate_pairs) return false;
  std::uint32_t dropped = 0;  // requirement sets a masked unit has left
  for (const auto& [begin, end] : changed) {
    for (std::int32_t at = begin; at < end; ++at) {
      const char16_t unit = out.units[at];
      const std::uint16_t found = bmp_classes_[unit];
      std::uint16_t& known = out.classes[static_cast<std::size_t>(at)];
      if (found == known) continue;
      if (U16_IS_SURROGATE(unit) || required_classes_[found] != 0) return false;
      dropped |= required_classes_[known];
      known = found;
    }
  }
  for (auto sets = dropped; sets != 0; sets &= sets - 1) {
    const auto set = static_cast<unsigned>(std::countr_zero(sets));
    std::erase_if(out.required[set], [&](std::int32_t position) {
      return ((required_classes_[out.classes[static_cast<std::size_t>(position)]] >> set) & 1U) == 0;
    });
  }
  return true;
}

void TriggerTable::note_required(std::uint32_t sets, std::int32_t position, Classified& out) {
  for (auto bits = sets; bits != 0; bits &= bits - 1) {
    out.required[static_cast<std::size_t>(std::countr_zero(bits))].push_back(position);
  }
}

bool TriggerTable::occurs(const std::vector<std::int32_t>& positions, std::int32_t from, std::int32_t to) {
  const auto first = std::lower_bound(positions.begin(), positions.end(), from);
  return first != positions.end() && *first < to;
}

std::uint32_t TriggerTable::class_of(UChar32 c) const {
  if (c < kBmpEnd) return bmp_classes_[static_cast<std::size_t>(c)];
  const auto after = std::upper_bound(upper_starts_.begin(), upper_starts_.end(), c);
  if (after == upper_starts_.begin()) return none_class_;
  return upper_classes_[static_cast<std::size_t>(after - upper_starts_.begin() - 1)];
}

void TriggerTable::first_characters(const Classified& text, std::int32_t position, Word* mask) const {
  std::int32_t back = position;
  std::int32_t ahead = position;
  const auto before = class_before(text, back);
  const auto after = class_at(text, ahead);
  if (last_pair_masks_.empty()) {
    const Word* last = &last_masks_[before * words_];
    const Word* first = &first_masks_[after * words_];
    for (std::size_t w = 0; w < words_; ++w) mask[w] = last[w] & first[w];
    return;
  }
  const Word* last = &last_pair_masks_[(before * classes_ + class_before(text, back)) * words_];
  const Word* first = &first_pair_masks_[(after * classes_ + class_at(text, ahead)) * words_];
  for (std::size_t w = 0; w < words_; ++w) mask[w] = last[w] & first[w];
}

bool TriggerTable::may_end_before(const Classified& text, std::int32_t position, const Word* rules) const {
  const Word* last = &last_masks_[class_before(text, position) * words_];
  for (std::size_t w = 0; w < words_; ++w) {
    if (last[w] & rules[w]) return true;
  }
  return false;
}

void TriggerTable::positions_where_any(const Classified& text, const Word* rules, std::vector<std::int32_t>& out) const {
  if (words_ == 0) return;
  if (!text.surrogate_pairs && !last_pair_masks_.empty() && words_ == 1) {
    scan_by_unit(text, rules[0], out);
    return;
  }
  std::vector<std::uint8_t> may_end(classes_, 0);
  for (std::size_t c = 0; c < classes_; ++c) {
    for (std::size_t w = 0; w < words_; ++w) {
      if ((last_masks_[c * words_ + w] & rules[w]) != 0) may_end[c] = 1;
    }
  }
  std::vector<Word> mask(words_);
  const std::uint16_t* classes = text.classes.data();
  const std::int32_t length = text.length;
  for (std::int32_t position = 1; position <= length; ++position) {
    if (!may_end[classes[position - 1]]) continue;
    first_characters(text, position, mask.data());
    for (std::size_t w = 0; w < words_; ++w) mask[w] &= rules[w];
    if (any_may_match(mask.data(), text, position)) out.push_back(position);
  }
}

// The common case (no surrogate pairs, at most 64 rules): the neighbours of
// a unit are the next units. At most places no rule can both end with the
// unit before and start with the two after it (letters on both sides of a
// "[.!?]" rule, a space before a lower-case letter that no ")" or "." follows
// for the list rules): the class before and the pair of classes after rule
// them out with one branch that is almost never taken, before the pair
// before is read. The classes are padded with "no character" past the end.
void TriggerTable::scan_by_unit(const Classified& text, Word rules, std::vector<std::int32_t>& out) const {
  const std::size_t classes_count = classes_;
  const std::uint16_t* classes = text.classes.data();
  const std::int32_t length = text.length;
  const Word* last_one = last_masks_.data();
  const Word* last = last_pair_masks_.data();
  const Word* first = first_pair_masks_.data();
  const std::size_t none = none_class_;
  for (std::int32_t position = 1; position <= length; ++position) {
    const std::size_t before = classes[position - 1];
    const Word ahead =
        last_one[before] & first[classes[position] * classes_count + classes[position + 1]] & rules;
    if (ahead == 0) continue;
    const std::size_t next_before = position >= 2 ? classes[position - 2] : none;
    const Word mask = ahead & last[before * classes_count + next_before];
    if (mask != 0 && any_may_match(&mask, text, position)) out.push_back(position);
  }
}

bool TriggerTable::any_may_match(const Word* mask, const Classified& text, std::int32_t position) const {
  for (std::size_t w = 0; w < words_; ++w) {
    for (auto bits = mask[w]; bits != 0; bits &= bits - 1) {
      if (may_match(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)), text, position)) return true;
    }
  }
  return false;
}

bool TriggerTable::holds(const std::vector<Shape>& shapes, const Classified& text, std::int32_t position,
                         bool forward) const {
  if (!text.surrogate_pairs) return holds_by_unit(shapes, text, position, forward);
  for (const auto& shape : shapes) {
    std::int32_t at = position;
    bool holds_here = true;
    for (const auto set : shape.columns) {
      const auto character_class = forward ? class_at(text, at) : class_before(text, at);
      if (character_class == none_class_ || !in_set(set, character_class)) {
        holds_here = false;
        break;
      }
    }
    if (holds_here && shape.edge) holds_here = forward ? at == text.length : at == 0;
    if (holds_here) return true;
  }
  return false;
}

// Without surrogate pairs a character is a unit: a shape reads the units
// next to the position, and fails where it would run out of text.
bool TriggerTable::holds_by_unit(const std::vector<Shape>& shapes, const Classified& text, std::int32_t position,
                                 bool forward) const {
  const std::uint16_t* classes = text.classes.data();
  for (const auto& shape : shapes) {
    const auto count = static_cast<std::int32_t>(shape.columns.size());
    const std::int32_t end = forward ? position + count : position - count;
    if (end < 0 || end > text.length) continue;
    if (shape.edge && end != (forward ? text.length : 0)) continue;
    bool holds_here = true;
    for (std::int32_t i = 0; i < count && holds_here; ++i) {
      const std::int32_t at = forward ? position + i : position - 1 - i;
      holds_here = in_set(shape.columns[static_cast<std::size_t>(i)], classes[at]);
    }
    if (holds_here) return true;
  }
  return false;
}

bool TriggerTable::may_match(std::size_t rule, const Classified& text, std::int32_t position) const {
  const Trigger& trigger = triggers_[rule];
  // The requirements first: a binary search that rules out most places where
  // a rule with far-reaching look-arounds would be tried.
  const auto& before = trigger.before_required;
  if (before.units && !occurs(text.required[before.set], position - before.units, position)) return false;
  const auto& after = trigger.after_required;
  if (after.units && !occurs(text.required[after.set], position, position + after.units)) return false;
  if (!text.surrogate_pairs) {
    const auto side_holds = [&](const ShapeBits& bits, const std::vector<Shape>& shapes, bool forward) {
      return bits.columns ? bits_hold(bits, text, position, forward) : holds_by_unit(shapes, text, position, forward);
    };
    return side_holds(trigger.before_bits, trigger.before, false) && side_holds(trigger.after_bits, trigger.after, true);
  }
  if (!deeper_hold(trigger.before_deeper, text, position, false)) return false;
  if (!deeper_hold(trigger.after_deeper, text, position, true)) return false;
  return holds(trigger.before, text, position, false) && holds(trigger.after, text, position, true);
}

}  // namespace edsync::segment_detail
