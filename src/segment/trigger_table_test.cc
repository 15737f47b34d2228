// The table is the triggers compiled for speed: at every place of a text it
// must let each rule through where the rule's own trigger (rule_trigger.h)
// holds, and, for a rule that requires no far character, nowhere else.
#include "trigger_table.h"

#include <doctest/doctest.h>
#include <unicode/utf16.h>

#include <string>

#include "srx_rules.h"

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
