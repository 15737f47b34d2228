#include <doctest/doctest.h>

#include "edsync/workflow.h"

namespace edsync::workflow {

namespace {

tm::Match match(tm::MatchKind kind, int score, std::string target) {
  tm::Match m;
  m.kind = kind;
  m.score = score;
  m.source = "Iraqi forces entered the camp.";
  m.target = std::move(target);
  return m;
}

tm::Match aligned(std::string target, std::string article, int paragraph, std::string before, std::string after) {
  tm::Match m = match(tm::MatchKind::exact, 100, std::move(target));
  m.provenance.origin = tm::Origin::aligned;
  m.provenance.article_id = std::move(article);
  m.context = {"ar", paragraph, std::move(before), std::move(after)};
  return m;
}

const SegmentPlace kPlace{"camp-raid", "ar", 2, "The attack began at dawn.", "Nobody was hurt."};

}  // namespace

TEST_CASE("an exact match with the same English around it is in context, 101, over an exact one listed first") {
  const auto chosen = choose_match({match(tm::MatchKind::exact, 100, "A"),
                                    aligned("B", "other-article", 5, "The attack  began at dawn.", "Nobody was hurt.")},
                                   kPlace, 50);
  CHECK(chosen.level == MatchLevel::in_context);
  CHECK(chosen.score == 101);
  CHECK(chosen.match->target == "B");
}

TEST_CASE("an exact match from the same article and paragraph is in context whatever is around it") {
  const auto chosen = choose_match({aligned("C", "camp-raid", 2, "Another sentence.", "")}, kPlace, 50);
  CHECK(chosen.level == MatchLevel::in_context);
  CHECK(choose_match({aligned("C", "camp-raid", 3, "Another sentence.", "")}, kPlace, 50).level == MatchLevel::exact);
  CHECK(choose_match({aligned("C", "other", 2, "Another sentence.", "")}, kPlace, 50).level == MatchLevel::exact);
}

TEST_CASE("exact beats fuzzy; a fuzzy match is scored, a normalised one at most 99; under the threshold is none") {
  const auto exact = choose_match({match(tm::MatchKind::fuzzy, 90, "F"), match(tm::MatchKind::exact, 100, "E")}, kPlace, 50);
  CHECK((exact.level == MatchLevel::exact && exact.score == 100 && exact.match->target == "E"));
  const auto fuzzy = choose_match({match(tm::MatchKind::fuzzy, 72, "F72"), match(tm::MatchKind::fuzzy, 87, "F87")}, kPlace, 50);
  CHECK((fuzzy.level == MatchLevel::fuzzy && fuzzy.score == 87 && fuzzy.match->target == "F87"));
  const auto normalized = choose_match({match(tm::MatchKind::normalized, 100, "N")}, kPlace, 50);
  CHECK((normalized.level == MatchLevel::fuzzy && normalized.score == 99));
  const auto low = choose_match({match(tm::MatchKind::fuzzy, 70, "F")}, kPlace, 75);
  CHECK((low.level == MatchLevel::none && low.score == 0 && !low.match));
  CHECK(choose_match({}, kPlace, 50).level == MatchLevel::none);
}

}  // namespace edsync::workflow
