#include "trigger_data.h"

#include <doctest/doctest.h>

#include "edsync/segment.h"
#include "srx_rules.h"

namespace edsync::segment_detail {
extern const std::string_view kBuiltInTriggers;
}

namespace {

using namespace edsync::segment_detail;

bool same_shapes(const Shapes& a, const Shapes& b) {
  if (a.alternatives.size() != b.alternatives.size() || a.required.within != b.required.within ||
      a.required.set != b.required.set)
    return false;
  for (std::size_t i = 0; i < a.alternatives.size(); ++i) {
    if (a.alternatives[i].edge != b.alternatives[i].edge || a.alternatives[i].columns != b.alternatives[i].columns)
      return false;
  }
  return true;
}

TEST_CASE("the embedded triggers are what analysing the built-in rules gives, rule by rule") {
  const auto analysed = compile_srx(edsync::built_in_srx(), "edsync.srx");
  REQUIRE(analysed);
  const auto known = read_trigger_data(kBuiltInTriggers);
  REQUIRE(known);
  std::size_t index = 0;
  for (const auto& language_rule : (*analysed)->language_rules) {
    for (const auto& rule : language_rule.rules) {
      REQUIRE(index < known->size());
      const auto& record = (*known)[index++];
      INFO(rule.origin);
      CHECK(record.before == rule.before);
      CHECK(record.after == rule.after);
      CHECK(record.anchorable == (rule.anchored != nullptr));
      CHECK(same_shapes(record.trigger.before(), rule.trigger.before()));
      CHECK(same_shapes(record.trigger.after(), rule.trigger.after()));
    }
  }
  CHECK(index == known->size());
}

TEST_CASE("trigger data survives writing and reading") {
  const auto analysed = compile_srx(edsync::built_in_srx(), "edsync.srx");
  REQUIRE(analysed);
  std::vector<PrecomputedRule> records;
  for (const auto& language_rule : (*analysed)->language_rules)
    for (const auto& rule : language_rule.rules)
      records.push_back({rule.before, rule.after, rule.anchored != nullptr, rule.trigger});
  const auto text = write_trigger_data(records);
  const auto read = read_trigger_data(text);
  REQUIRE(read);
  CHECK(write_trigger_data(*read) == text);
}

TEST_CASE("damaged trigger data is refused, never half used") {
  for (const char* damaged : {"", "edsync-triggers 2\n0\n0\n", "edsync-triggers 1\n1\n3 1 2\n",
                              "edsync-triggers 1\n0\n1\n 5:ab"}) {
    const auto read = read_trigger_data(damaged);
    REQUIRE_FALSE(read);
    CHECK(read.error().message == "the built-in rules' trigger data is damaged; rebuild edsync");
  }
}

TEST_CASE("a record whose patterns differ from the rule read is not used") {
  const std::string srx =
      "<srx version=\"2.0\"><header/><body><languagerules><languagerule languagerulename=\"all\">"
      "<rule break=\"no\"><beforebreak>Mr\\.</beforebreak><afterbreak>\\s</afterbreak></rule>"
      "</languagerule></languagerules><maprules>"
      "<languagemap languagepattern=\".*\" languagerulename=\"all\"/></maprules></body></srx>";
  // A record for another rule, claiming the rule holds nowhere.
  std::vector<PrecomputedRule> wrong{{"Dr\\.", "\\s", true, RuleTrigger(Shapes{}, Shapes{})}};
  const auto rules = compile_srx(srx, "mr.srx", &wrong);
  REQUIRE(rules);
  const auto& rule = (*rules)->language_rules.front().rules.front();
  CHECK_FALSE(rule.trigger.after().alternatives.empty());  // analysed, not taken from the record
  CHECK(rule.anchored != nullptr);
}

}  // namespace
