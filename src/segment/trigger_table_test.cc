// The table is the triggers compiled for speed: at every place of a text it
// must let each rule through where the rule's own trigger (rule_trigger.h)
// holds, and, for a rule that requires no far character, nowhere else.
#include "trigger_table.h"

#include <doctest/doctest.h>
#include <unicode/utf16.h>

#include <string>
#include <string_view>

#include "non_sentence_text.h"
#include "srx_rules.h"
#include "utf16_text.h"

namespace {

using edsync::segment_detail::Plan;
using edsync::segment_detail::TriggerTable;

void check_table(const Plan& plan, const icu::UnicodeString& text, const std::string& label) {
  TriggerTable::Classified classified;
  plan.triggers->classify(text, classified);
  for (std::size_t rule = 0; rule < plan.steps.size(); ++rule) {
    const auto* trigger = plan.steps[rule].trigger;
    if (!trigger) continue;
    const bool far = trigger->before().required.within != 0 || trigger->after().required.within != 0;
    for (std::int32_t position = 0; position <= text.length(); ++position) {
      if (position > 0 && position < text.length() && U16_IS_TRAIL(text.charAt(position)) &&
          U16_IS_LEAD(text.charAt(position - 1))) {
        continue;  // inside a character
      }
      const bool exact = trigger->may_match(text, position);
      const bool table = plan.triggers->may_match(rule, classified, position);
      if (exact) CHECK_MESSAGE(table, label, ": rule ", rule + 1, " at ", position);
      if (!far) CHECK_MESSAGE(table == exact, label, ": rule ", rule + 1, " at ", position);
    }
  }
}

}  // namespace

TEST_CASE("the trigger table holds where each built-in rule's trigger does, at both ends of the text too") {
  const auto rules = edsync::segment_detail::compile_srx(edsync::built_in_srx(), "edsync.srx");
  REQUIRE(rules);
  const char16_t* texts[] = {
      u"Mr. Smith met Dr. Jones at 6 a.m. Then they left. U.S. forces entered the camp . The spokesman said , "
      u"\"We stay.\" 1. One 2. Two a. The first item b. The second item. (c) x) y) Silence . . .  Nobody. [4] Most",
      u"Mr.",
      u".",
      u" a",
      u"e.g. ",
      u"Inc. (KG) He said ``we will stay.'' Then he left. \u201CGo.\u201D \u2018No.\u2019 St. Paul",
      u"\u0627\u0644\u062D\u0631\u0628. \u0648\u0642\u0627\u0644\u061F \u0645. \u0635.\u0628. \u2026 \u0622\u0646",
      u"Z. Nr. 5 etj. sh.a. 12. janar",
      u"One\U0001F600. Two \U0001F600 a. B",
  };
  for (const char* language : {"en", "ar", "sq", "de"}) {
    const auto plan = (*rules)->plan_for(language);
    for (const auto* text : texts) {
      const icu::UnicodeString unicode(text);
      std::string label;
      unicode.toUTF8String(label);
      check_table(*plan, unicode, std::string(language) + " \"" + label + "\"");
    }
  }
}

namespace {

using edsync::segment_detail::Utf16Text;

// What the segmenter read before decoding and classifying were one pass:
// decode, mask, classify the masked text.
void classify_apart(const TriggerTable& table, std::string_view bytes, Utf16Text& decoded,
                    TriggerTable::Classified& out) {
  decoded = edsync::segment_detail::decode_utf8(bytes);
  edsync::segment_detail::mask_non_sentence_text(decoded.text, edsync::segment_detail::mask_hints(bytes));
  table.classify(decoded.text, out);
}

// One pass, the masked units classified again; whether that was done in place.
bool classify_in_one_pass(const TriggerTable& table, std::string_view bytes, Utf16Text& decoded,
                          TriggerTable::Classified& out) {
  table.decode_and_classify(bytes, decoded, out);
  edsync::segment_detail::UnitRanges masked;
  edsync::segment_detail::mask_non_sentence_text(decoded.text, edsync::segment_detail::mask_hints(bytes), &masked);
  if (table.reclassify(decoded.text, masked, out)) return true;
  table.classify(decoded.text, out);
  return false;
}

}  // namespace

TEST_CASE("decoding and classifying in one pass, masked units classified again, gives what three passes give") {
  const auto rules = edsync::segment_detail::compile_srx(edsync::built_in_srx(), "edsync.srx");
  REQUIRE(rules);
  const std::string texts[] = {
      "Mr. Smith met Dr. Jones at 6 a.m. Then they left. A run of more than eight ASCII bytes.",
      "He said <b>hello.</b> Then he left. See <ph x=\"1\">&lt;br/&gt;</ph> now.",
      "About Me..........5\n==========\nTitle\\nThe text begins. \\ r \\ nNext line.",
      "\xD8\xA7\xD9\x84\xD8\xAD\xD8\xB1\xD8\xA8. \xD9\x88\xD9\x82\xD8\xA7\xD9\x84\xD8\x9F \xE2\x80\xA6 x",
      "One\xF0\x9F\x98\x80. <i>Two \xF0\x9F\x98\x80</i> a. B",
      "Nothing masked \xF0\x9F\x98\x80. A pair \xF0\x9D\x90\x80\xF0\x9D\x90\x81 \xE2\x80\x9Cin quotes.\xE2\x80\x9D",
      "bad \xC0\xAF bytes \xED\xA0\x80 and \xF4\x90\x80\x80 and a cut \xE2\x80",
      "\xE2\x80\x9CQuoted. Another.\xE2\x80\x9D [4] Most ``we will stay.'' Then",
      "",
  };
  for (const char* language : {"en", "ar"}) {
    const auto& table = *(*rules)->plan_for(language)->triggers;
    for (const auto& text : texts) {
      CAPTURE(language);
      CAPTURE(text);
      Utf16Text apart_text, one_pass_text;
      TriggerTable::Classified apart, one_pass;
      classify_apart(table, text, apart_text, apart);
      classify_in_one_pass(table, text, one_pass_text, one_pass);
      CHECK(one_pass_text.text == apart_text.text);
      CHECK(one_pass_text.byte_offset == apart_text.byte_offset);
      CHECK(one_pass.length == apart.length);
      CHECK(one_pass.classes == apart.classes);
      CHECK(one_pass.required == apart.required);
      CHECK(one_pass.surrogate_pairs == apart.surrogate_pairs);
    }
  }
  // The in-place path is taken for markup in plain text (not only the fallback).
  const auto& english = *(*rules)->plan_for("en")->triggers;
  Utf16Text decoded;
  TriggerTable::Classified classified;
  CHECK(classify_in_one_pass(english, "He said <b>hello.</b> Then he left.", decoded, classified));
}
