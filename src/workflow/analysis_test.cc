#include <doctest/doctest.h>

#include "edsync/workflow.h"

namespace edsync::workflow {

namespace {

WorkSegment segment(MatchLevel level, int score, int words, bool repetition = false) {
  WorkSegment s;
  s.match.level = level;
  s.match.score = score;
  s.words = words;
  s.repetition = repetition;
  return s;
}

const std::vector<int> kBands = {95, 85, 75, 50};

}  // namespace

TEST_CASE("words are ICU word pieces holding a letter or a digit") {
  CHECK(count_words("The attack began on Sunday.") == 5);
  CHECK(count_words("More than 1,000 people, and 52 of them.") == 8);
  CHECK(count_words("Maliki's men: \"no!\" -- 3.5%") == 4);
  CHECK(count_words("al-Maliki") == 2);
  CHECK(count_words("بدأ الهجوم على مخيم أشرف.") == 5);
  CHECK(count_words(" ... !") == 0);
  CHECK(count_words("") == 0);
}

TEST_CASE("a fuzzy score falls in the band of the highest lower bound it reaches") {
  CHECK(band_of(segment(MatchLevel::in_context, 101, 1), kBands) == 0);
  CHECK(band_of(segment(MatchLevel::exact, 100, 1), kBands) == 1);
  CHECK(band_of(segment(MatchLevel::fuzzy, 99, 1), kBands) == 2);
  CHECK(band_of(segment(MatchLevel::fuzzy, 95, 1), kBands) == 2);
  CHECK(band_of(segment(MatchLevel::fuzzy, 94, 1), kBands) == 3);
  CHECK(band_of(segment(MatchLevel::fuzzy, 75, 1), kBands) == 4);
  CHECK(band_of(segment(MatchLevel::fuzzy, 74, 1), kBands) == 5);
  CHECK(band_of(segment(MatchLevel::fuzzy, 50, 1), kBands) == 5);
  CHECK(band_of(segment(MatchLevel::fuzzy, 49, 1), kBands) == 6);
  CHECK(band_of(segment(MatchLevel::none, 0, 1), kBands) == 6);
  CHECK(band_of(segment(MatchLevel::exact, 100, 1, true), kBands) == 7);
}

TEST_CASE("the analysis counts segments and words per band, repetitions apart, removed segments not at all") {
  std::vector<WorkSegment> work = {segment(MatchLevel::in_context, 101, 7), segment(MatchLevel::exact, 100, 4),
                                   segment(MatchLevel::fuzzy, 97, 10), segment(MatchLevel::fuzzy, 88, 3),
                                   segment(MatchLevel::fuzzy, 86, 5), segment(MatchLevel::fuzzy, 60, 6),
                                   segment(MatchLevel::none, 0, 12), segment(MatchLevel::none, 0, 4, true),
                                   segment(MatchLevel::none, 0, 9)};
  work.back().work = SegmentWork::removed;
  std::vector<const WorkSegment*> all;
  for (const auto& s : work) all.push_back(&s);
  const Analysis analysis = analyse(all, kBands);
  std::vector<std::string> lines;
  for (const auto& band : analysis.bands)
    lines.push_back(band.name + " " + std::to_string(band.segments) + " " + std::to_string(band.words));
  CHECK(lines == std::vector<std::string>{"101% 1 7", "100% 1 4", "95-99% 1 10", "85-94% 2 8", "75-84% 0 0",
                                          "50-74% 1 6", "no match 1 12", "repetitions 1 4"});
  CHECK(analysis.segments == 8);
  CHECK(analysis.words == 51);
}

TEST_CASE("bands from the config name their ranges; a band of one score is named by it") {
  const Analysis analysis = analyse({}, {99, 90, 70});
  REQUIRE(analysis.bands.size() == 7);
  CHECK(analysis.bands[2].name == "99%");
  CHECK(analysis.bands[3].name == "90-98%");
  CHECK(analysis.bands[4].name == "70-89%");
  CHECK(analysis.bands[5].name == "no match");
}

}  // namespace edsync::workflow
