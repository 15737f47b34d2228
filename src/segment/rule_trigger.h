// Cheap necessary conditions for an SRX rule to match at a position, read
// from its regular expressions, so that ICU runs only where a rule can hold.
//
// The analyzer understands a conservative part of ICU's syntax (literals,
// classes with ranges, \s \d \p{..} \P{..} \uXXXX and negation, groups,
// alternation, quantifiers, look-arounds, anchors). Whatever it does not
// understand ((?i), \w, backreferences, set operations, unknown escapes)
// counts as "any text": a trigger may let through more positions than the
// rule matches at, never fewer.
#pragma once

#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <utility>
#include <vector>

namespace edsync::segment_detail {

// The characters at successive distances from a position: columns[0] is the
// nearest one. A shape holds where every column holds; a short shape asks
// nothing of the characters beyond it.
struct Shape {
  std::vector<icu::UnicodeSet> columns;
  bool edge = false;  // the text ends (or, backwards, starts) right after the columns
};

// Some character of `set` occurs within `within` code points of the
// position (after it, or before it backwards); within 0 asks nothing.
struct Requirement {
  icu::UnicodeSet set;
  std::int32_t within = 0;
};

// A match looks like one of the shapes; none at all means it never matches.
// It also meets the requirement, which may reach further than the shapes.
struct Shapes {
  std::vector<Shape> alternatives;
  Requirement required;
  // True when some shape asks nothing (an empty shape).
  bool holds_everywhere() const;
  // Union of the first columns; everything when some shape asks nothing.
  icu::UnicodeSet first_column() const;
};

inline constexpr int kShapeDepth = 4;

// The last characters a match of `pattern` can end with (column 0 = the last
// one) and the first ones it can start with. Refused syntax gives "any".
Shapes trailing_shapes(const icu::UnicodeString& pattern, int depth = kShapeDepth);
Shapes leading_shapes(const icu::UnicodeString& pattern, int depth = kShapeDepth);

// The shapes of one rule around a break position: before it (read
// backwards) and after it.
class RuleTrigger {
 public:
  RuleTrigger() = default;  // holds everywhere
  RuleTrigger(const icu::UnicodeString& beforebreak, const icu::UnicodeString& afterbreak);
  // Shapes found earlier (trigger_data.h).
  RuleTrigger(Shapes before, Shapes after) : before_(std::move(before)), after_(std::move(after)) {}

  // False only where the rule cannot match at `position` of `text`.
  bool may_match(const icu::UnicodeString& text, std::int32_t position) const;

  const Shapes& before() const { return before_; }
  const Shapes& after() const { return after_; }

 private:
  Shapes before_{{Shape{}}};
  Shapes after_{{Shape{}}};
};

}  // namespace edsync::segment_detail
