#include "rule_trigger.h"

#include <doctest/doctest.h>
#include <unicode/regex.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using edsync::segment_detail::leading_shapes;
using edsync::segment_detail::RuleTrigger;
using edsync::segment_detail::Shape;
using edsync::segment_detail::Shapes;
using edsync::segment_detail::trailing_shapes;

using Expected = std::vector<std::vector<std::u16string>>;  // shapes of UnicodeSet patterns

icu::UnicodeSet set_of(const std::u16string& pattern) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeSet set(icu::UnicodeString(pattern.data(), static_cast<std::int32_t>(pattern.size())), status);
  REQUIRE(U_SUCCESS(status));
  return set;
}

std::string render(const Shapes& shapes) {
  std::string text;
  for (const auto& shape : shapes.alternatives) {
    text += "{";
    for (const auto& column : shape.columns) {
      icu::UnicodeString pattern;
      std::string utf8;
      column.toPattern(pattern, true).toUTF8String(utf8);
      text += utf8 + " ";
    }
    text += "} ";
  }
  return text;
}

// The shapes are exactly the expected ones, in any order.
bool same(const Shapes& shapes, const Expected& expected) {
  if (shapes.alternatives.size() != expected.size()) return false;
  return std::all_of(expected.begin(), expected.end(), [&](const std::vector<std::u16string>& columns) {
    return std::any_of(shapes.alternatives.begin(), shapes.alternatives.end(), [&](const Shape& shape) {
      if (shape.columns.size() != columns.size()) return false;
      for (std::size_t i = 0; i < columns.size(); ++i) {
        if (shape.columns[i] != set_of(columns[i])) return false;
      }
      return true;
    });
  });
}

// Refused or unknown syntax: every length up to the depth, every character.
bool is_any(const Shapes& shapes) { return shapes.holds_everywhere() && shapes.first_column().size() == 0x110000; }

icu::UnicodeString u(const char16_t* text) { return icu::UnicodeString(text); }

}  // namespace

TEST_CASE("trailing shapes of a title rule read the look-behind backwards") {
  const auto shapes = trailing_shapes(u(u"\\.(?<=\\b(?:Mr|Dr)\\.)"));
  CHECK_MESSAGE(same(shapes, {{u"[.]", u"[r]", u"[M]"}, {u"[.]", u"[r]", u"[D]"}}), render(shapes));
}

TEST_CASE("classes, escapes, properties and negation give exact sets") {
  auto shapes = leading_shapes(u(u"\\s+\\p{Lu}"), 2);
  const std::u16string space = u"[\\p{WhiteSpace}\\p{Z}\\t\\n\\f\\r\\u000B\\u0085]";
  CHECK_MESSAGE(same(shapes, {{space, u"[\\p{Lu}]"}, {space, space}}), render(shapes));
  shapes = leading_shapes(u(u"[^\\s@]x"), 2);
  CHECK_MESSAGE(same(shapes, {{u"[^\\p{WhiteSpace}\\p{Z}\\t\\n\\f\\r\\u000B\\u0085@]", u"[x]"}}), render(shapes));
  shapes = leading_shapes(u(u"[\\u0621-\\u064A\\u066E-\\u06D3]\\d"), 2);
  CHECK_MESSAGE(same(shapes, {{u"[\\u0621-\\u064A\\u066E-\\u06D3]", u"[\\p{Nd}]"}}), render(shapes));
  shapes = trailing_shapes(u(u"[.!?][\\p{Pf}\\p{Pe}\"']{0,2}"), 2);
  CHECK_MESSAGE(same(shapes, {{u"[.!?]"}, {u"[\\p{Pf}\\p{Pe}\"']", u"[.!?]"},
                              {u"[\\p{Pf}\\p{Pe}\"']", u"[\\p{Pf}\\p{Pe}\"']"}}),
                render(shapes));
  shapes = leading_shapes(u(u"\\P{L}\\u00e9"), 2);
  CHECK_MESSAGE(same(shapes, {{u"[\\P{L}]", u"[é]"}}), render(shapes));
}

TEST_CASE("alternatives keep their first and second characters apart") {
  const auto shapes = leading_shapes(u(u"[•⁃]|(?=[b-z][.)]\\)?\\s)(?<=x)"), 2);
  CHECK_MESSAGE(same(shapes, {{u"[•⁃]"}, {u"[b-z]", u"[.)]"}}), render(shapes));
}

TEST_CASE("a leading look-ahead intersects with what follows it") {
  const auto shapes = leading_shapes(u(u"(?=[a-c])[b-z]x"), 2);
  CHECK_MESSAGE(same(shapes, {{u"[b-c]", u"[x]"}}), render(shapes));
}

TEST_CASE("nullable parts widen the set, a whole short match asks nothing more") {
  auto shapes = trailing_shapes(u(u"a\\s?b?"), 2);
  CHECK_MESSAGE(same(shapes, {{u"[a]"},
                              {u"[\\p{WhiteSpace}\\p{Z}\\t\\n\\f\\r\\u000B\\u0085]", u"[a]"},
                              {u"[b]", u"[a]"},
                              {u"[b]", u"[\\p{WhiteSpace}\\p{Z}\\t\\n\\f\\r\\u000B\\u0085]"}}),
                render(shapes));
  shapes = leading_shapes(u(u"x?"), 2);
  CHECK(shapes.holds_everywhere());
  shapes = leading_shapes(u(u""), 2);
  CHECK(shapes.holds_everywhere());
}

TEST_CASE("a zero-width beforebreak that ends in an anchor or word boundary asks nothing") {
  CHECK(trailing_shapes(u(u"\\b")).holds_everywhere());
  CHECK(trailing_shapes(u(u"(?:^|\\n)")).alternatives.size() == 2);
}

TEST_CASE("^ holds only where the text starts, unless (?m) is on") {
  const RuleTrigger trigger(u(u"[.)](?<=(?:^|\\n)[a-z][.)])"), u(u"\\s"));
  CHECK(trigger.may_match(u(u"a. One"), 2));
  CHECK(trigger.may_match(u(u"x\nb) Two"), 4));
  CHECK_FALSE(trigger.may_match(u(u"the end. The"), 8));
  const RuleTrigger multiline(u(u"(?m:^)[a-z][.)]"), u(u"\\s"));
  CHECK(multiline.may_match(u(u"the end. The"), 8));
}

TEST_CASE("syntax the analyzer does not understand gives any character") {
  for (const char16_t* pattern : {u"(?i)abc", u"(?x) a b", u"\\w", u"\\1", u"[[a-z]&&[^aeiou]]", u"[a-z--[aeiou]]",
                                  u"\\Qa.b\\E", u"\\y", u"(?i:abc)", u"[[:alpha:]]", u"\\X", u"[]a]"}) {
    const auto forward = leading_shapes(u(pattern), 2);
    const auto backward = trailing_shapes(u(pattern), 2);
    std::string label;
    icu::UnicodeString(pattern).toUTF8String(label);
    CHECK_MESSAGE(forward.first_column().size() == 0x110000, label);
    CHECK_MESSAGE(backward.first_column().size() == 0x110000, label);
  }
  CHECK(is_any(leading_shapes(u(u"(?i)abc"))));
  CHECK(is_any(leading_shapes(u(u"(?i:abc)"))));
  CHECK(is_any(leading_shapes(u(u"(a)\\1"))) == false);  // the group is read; the backreference after it is any
}

TEST_CASE("ICU's \\s and \\d are inside the analyzer's sets for every BMP character") {
  for (const char16_t* pattern : {u"\\s", u"\\S", u"\\d", u"\\D"}) {
    const auto shapes = leading_shapes(u(pattern), 1);
    REQUIRE(shapes.alternatives.size() == 1);
    const auto& set = shapes.alternatives.front().columns.front();
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> matcher(new icu::RegexMatcher(u(pattern), 0, status));
    REQUIRE(U_SUCCESS(status));
    int missing = 0;
    for (UChar32 c = 0; c < 0x10000; ++c) {
      icu::UnicodeString one(c);
      matcher->reset(one);
      if (matcher->matches(status) && !set.contains(c)) ++missing;
    }
    CHECK(missing == 0);
  }
}

TEST_CASE("a trigger tests both sides of the position") {
  const RuleTrigger trigger(u(u"\\.(?<=\\b(?:Mr|Dr)\\.)"), u(u"\\s+\\p{Lu}"));
  const icu::UnicodeString text(u"Mr. Smith and mr. smith. End");
  CHECK(trigger.may_match(text, 3));
  CHECK_FALSE(trigger.may_match(text, 2));
  CHECK_FALSE(trigger.may_match(text, 17));  // "mr." is followed by lower case
  CHECK_FALSE(trigger.may_match(text, 24));  // "th." is not a title
  CHECK_FALSE(trigger.may_match(text, static_cast<std::int32_t>(text.length())));
  const RuleTrigger everywhere;
  CHECK(everywhere.may_match(text, 0));
}

TEST_CASE("a far rare character a match needs is its requirement") {
  const auto before = trailing_shapes(u(u"[.!?](?<=(?:^|[\\s(\\[])\u2018[^\u2018\u2019\\n]{1,400})"));
  CHECK(before.required.within == 401);
  CHECK(before.required.set == set_of(u"[\u2018]"));
  const auto after = leading_shapes(u(u"\\s[^\u201C\u201D\\n]{0,400}+\u201D"));
  CHECK(after.required.within == 402);
  CHECK(after.required.set == set_of(u"[\u201D]"));
  // Near ones are left to the shapes; unbounded ones cannot be used.
  CHECK(leading_shapes(u(u"\\s+\\p{Lu}")).required.within == 0);
  CHECK(leading_shapes(u(u"\\s[^x]*x")).required.within == 0);
  const RuleTrigger quotation(u(u"[.!?](?<=(?:^|[\\s(\\[])\u2018[^\u2018\u2019\\n]{1,400})"), u(u"\\s"));
  CHECK(quotation.may_match(u(u"He said \u2018Go. Now\u2019."), 12));
  CHECK_FALSE(quotation.may_match(u(u"He said Go. Now."), 11));
}
