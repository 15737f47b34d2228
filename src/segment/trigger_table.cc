#include "trigger_table.h"

#include <unicode/utf16.h>

#include <algorithm>
#include <map>

namespace edsync::segment_detail {

namespace {

constexpr UChar32 kCodePoints = 0x110000;
constexpr UChar32 kBmpEnd = 0x10000;

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
  for (const auto* trigger : triggers) {
    triggers_.push_back(trigger ? Trigger{compile(trigger->before()), compile(trigger->after())} : Trigger{});
  }
  const auto& sets = numbers.sets();

  // Classes: ranges that belong to the same sets share one.
  const auto starts = range_starts(sets);
  const std::size_t set_words = words_for(sets.size());
  std::map<std::vector<Word>, std::uint32_t> class_of_members;
  std::vector<std::uint32_t> range_class;
  for (const auto start : starts) {
    std::vector<Word> members(set_words, 0);
    for (std::size_t s = 0; s < sets.size(); ++s) {
      if (sets[s]->contains(start)) members[s / 64] |= Word{1} << (s % 64);
    }
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
}

std::uint32_t TriggerTable::class_of(UChar32 c) const {
  if (c < kBmpEnd) return bmp_classes_[static_cast<std::size_t>(c)];
  const auto after = std::upper_bound(upper_starts_.begin(), upper_starts_.end(), c);
  if (after == upper_starts_.begin()) return none_class_;
  return upper_classes_[static_cast<std::size_t>(after - upper_starts_.begin() - 1)];
}

std::uint32_t TriggerTable::class_before(const icu::UnicodeString& text, std::int32_t& position) const {
  if (position <= 0) return none_class_;
  const char16_t unit = text.charAt(position - 1);
  if (!U16_IS_SURROGATE(unit)) {
    --position;
    return bmp_classes_[unit];
  }
  const UChar32 c = text.char32At(position - 1);
  position -= U16_LENGTH(c);
  return class_of(c);
}

std::uint32_t TriggerTable::class_at(const icu::UnicodeString& text, std::int32_t& position) const {
  if (position >= text.length()) return none_class_;
  const char16_t unit = text.charAt(position);
  if (!U16_IS_SURROGATE(unit)) {
    ++position;
    return bmp_classes_[unit];
  }
  const UChar32 c = text.char32At(position);
  position += U16_LENGTH(c);
  return class_of(c);
}

void TriggerTable::first_characters(const icu::UnicodeString& text, std::int32_t position, Word* mask) const {
  std::int32_t back = position;
  std::int32_t ahead = position;
  const Word* last = &last_masks_[class_before(text, back) * words_];
  const Word* first = &first_masks_[class_at(text, ahead) * words_];
  for (std::size_t w = 0; w < words_; ++w) mask[w] = last[w] & first[w];
}

bool TriggerTable::may_end_before(const icu::UnicodeString& text, std::int32_t position, const Word* rules) const {
  const Word* last = &last_masks_[class_before(text, position) * words_];
  for (std::size_t w = 0; w < words_; ++w) {
    if (last[w] & rules[w]) return true;
  }
  return false;
}

bool TriggerTable::holds(const std::vector<Shape>& shapes, const icu::UnicodeString& text, std::int32_t position,
                         bool forward) const {
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
    if (holds_here && shape.edge) holds_here = forward ? at == text.length() : at == 0;
    if (holds_here) return true;
  }
  return false;
}

bool TriggerTable::may_match(std::size_t rule, const icu::UnicodeString& text, std::int32_t position) const {
  const Trigger& trigger = triggers_[rule];
  return holds(trigger.before, text, position, false) && holds(trigger.after, text, position, true);
}

}  // namespace edsync::segment_detail
