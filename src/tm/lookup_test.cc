#include <doctest/doctest.h>

#include "fuzzy.h"
#include "test_store.h"

namespace edsync::tm {

using test::TestStore;
using test::unit_of;

namespace {

LookupOptions to(std::string lang) {
  LookupOptions options;
  options.target_lang = std::move(lang);
  return options;
}

void fill(Store& store) {
  REQUIRE(store.add(unit_of({{"en", "The attack on Camp Ashraf began on Sunday morning."}, {"ar", "بدأ الهجوم على مخيم أشرف صباح الأحد."}},
                            {{"changedate", "20130902T090000Z"}})).ok());
  REQUIRE(store.add(unit_of({{"en", "Iraqi forces entered the camp."}, {"ar", "دخلت القوات العراقية المخيم."}, {"fa", "نیروهای عراقی وارد اردوگاه شدند."}})).ok());
  REQUIRE(store.add(unit_of({{"en", "The residents were moved to Camp Liberty."}, {"fa", "ساکنان به کمپ لیبرتی منتقل شدند."}})).ok());
  REQUIRE(store.add(unit_of({{"en", "Nobody was hurt."}, {"sq", "Askush nuk u lëndua."}})).ok());
}

}  // namespace

TEST_CASE("an exact match comes first with score 100, then fuzzy ones with their differences") {
  TestStore t;
  fill(t.store);
  REQUIRE(t.store.add(unit_of({{"en", "The attack on Camp Ashraf began on Monday morning."}, {"ar", "بدأ الهجوم على مخيم أشرف صباح الاثنين."}})).ok());
  const auto matches = t.store.lookup("The attack on Camp Ashraf began on Sunday morning.", to("ar"));
  REQUIRE(matches.ok());
  REQUIRE(matches->size() == 2);
  CHECK((*matches)[0].kind == MatchKind::exact);
  CHECK((*matches)[0].score == 100);
  CHECK((*matches)[0].target == "بدأ الهجوم على مخيم أشرف صباح الأحد.");
  CHECK((*matches)[0].changed == "20130902T090000Z");
  CHECK((*matches)[1].kind == MatchKind::fuzzy);
  CHECK((*matches)[1].score == 89);  // 1 - 1 / (9 words + 0.25 for the full stop)
  CHECK(render_diff((*matches)[1].diff) == "The attack on Camp Ashraf began on [-Monday-]{+Sunday+} morning.");
}

TEST_CASE("a match carries where an aligned unit stood: edition, paragraph and the English around it") {
  TestStore t;
  auto unit = unit_of({{"en", "Iraqi forces entered the camp."}, {"ar", "دخلت القوات العراقية المخيم."}});
  const auto prop = [&unit](std::string type, std::string text) { unit.props.push_back({{{"type", type}}, text}); };
  prop("x-edsync-edition", "ar");
  prop("x-edsync-paragraph", "3");
  prop("x-edsync-context-before", "The attack began at dawn.");
  prop("x-edsync-context-after", "Nobody was hurt.");
  REQUIRE(t.store.add(unit).ok());
  REQUIRE(t.store.add(unit_of({{"en", "Iraqi forces entered the camp today."}, {"ar", "دخلت القوات العراقية المخيم اليوم."}})).ok());
  const auto matches = t.store.lookup("Iraqi forces entered the camp.", to("ar"));
  REQUIRE(matches->size() == 2);
  CHECK((*matches)[0].context == UnitContext{"ar", 3, "The attack began at dawn.", "Nobody was hurt."});
  CHECK((*matches)[1].context == UnitContext{});
}

TEST_CASE("white space, punctuation and case differences are normalised matches") {
  TestStore t;
  fill(t.store);
  const auto matches = t.store.lookup("iraqi forces  entered the camp", to("ar"));
  REQUIRE(matches->size() == 1);
  CHECK((*matches)[0].kind == MatchKind::normalized);
  CHECK((*matches)[0].score == 93);  // 1 - (0.1 case + 0.25 full stop) / 5.25
  CHECK((*matches)[0].source == "Iraqi forces entered the camp.");
}

TEST_CASE("only units with the wanted target language match") {
  TestStore t;
  fill(t.store);
  CHECK(t.store.lookup("Nobody was hurt.", to("ar"))->empty());
  CHECK(t.store.lookup("Nobody was hurt.", to("sq"))->size() == 1);
  CHECK(t.store.lookup("Iraqi forces entered the camp.", to("fa"))->size() == 1);
}

TEST_CASE("the threshold leaves out weak matches") {
  TestStore t;
  fill(t.store);
  auto options = to("fa");
  CHECK(t.store.lookup("The residents were moved to Camp Ashraf.", options)->size() == 1);  // 86
  options.threshold = 90;
  CHECK(t.store.lookup("The residents were moved to Camp Ashraf.", options)->empty());
  CHECK(t.store.lookup("Something else entirely.", to("fa"))->empty());
}

TEST_CASE("alternatives are all offered, the most recent first at equal score") {
  TestStore t;
  REQUIRE(t.store.add(unit_of({{"en", "Hello"}, {"ar", "مرحبا"}}, {{"changedate", "20120101T000000Z"}})).ok());
  REQUIRE(t.store.add(unit_of({{"en", "Hello"}, {"ar", "أهلا"}}, {{"changedate", "20130101T000000Z"}})).ok());
  const auto matches = t.store.lookup("Hello", to("ar"));
  REQUIRE(matches->size() == 2);
  CHECK((*matches)[0].target == "أهلا");
  CHECK((*matches)[1].target == "مرحبا");
}

TEST_CASE("the indexed lookup finds what the exhaustive scan finds") {
  TestStore t;
  fill(t.store);
  for (const char* query : {"The attack on Camp Ashraf began on Sunday.", "Iraqi forces entered the city.",
                            "The residents were moved to Camp Liberty yesterday."}) {
    const auto indexed = t.store.lookup(query, to("ar"));
    const auto exhaustive = t.store.lookup_exhaustive(query, to("ar"));
    REQUIRE(indexed->size() == exhaustive->size());
    for (std::size_t i = 0; i < indexed->size(); ++i) CHECK((*indexed)[i].unit_id == (*exhaustive)[i].unit_id);
  }
}

TEST_CASE("a lookup without a target language is a usage error") {
  TestStore t;
  const auto refused = t.store.lookup("Hello", LookupOptions{});
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().kind == ErrorKind::usage);
}

TEST_CASE("concordance finds the term in the English or the translation and marks it") {
  TestStore t;
  fill(t.store);
  ConcordanceOptions options;
  options.target_lang = "ar";
  const auto hits = t.store.concordance("camp ashraf", options);
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 1);
  const auto& hit = (*hits)[0];
  REQUIRE(hit.source_spans.size() == 1);
  CHECK(hit.source.substr(hit.source_spans[0].begin, hit.source_spans[0].end - hit.source_spans[0].begin) == "Camp Ashraf");
  CHECK(hit.target_spans.empty());
  const auto arabic = t.store.concordance("المخيم", options);
  REQUIRE(arabic->size() == 1);
  CHECK((*arabic)[0].source == "Iraqi forces entered the camp.");
  CHECK((*arabic)[0].target_spans.size() == 1);
  options.target_lang = "fa";
  CHECK(t.store.concordance("camp", options)->size() == 2);
  CHECK(t.store.concordance("...", options).error().kind == ErrorKind::usage);
}

}  // namespace edsync::tm
