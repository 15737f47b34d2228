#include "fuzzy.h"

#include <doctest/doctest.h>

namespace edsync::tm {

namespace {
int score(std::string_view a, std::string_view b) { return fuzzy_score(tokenize(a), tokenize(b)); }
std::string diff(std::string_view from, std::string_view to) { return render_diff(token_diff(tokenize(from), tokenize(to))); }
}  // namespace

TEST_CASE("tokenize splits words from punctuation and remembers spacing and offsets") {
  const auto tokens = tokenize("Camp Ashraf's residents, 2013.");
  REQUIRE(tokens.size() == 8);
  CHECK(tokens[0].text == "Camp");
  CHECK(tokens[0].folded == "camp");
  CHECK(tokens[2].text == "'");
  CHECK_FALSE(tokens[2].word);
  CHECK_FALSE(tokens[2].space_before);
  CHECK(tokens[5].text == ",");
  CHECK(tokens[6].text == "2013");
  CHECK(tokens[6].space_before);
  CHECK(tokens[6].begin == 25);
  CHECK(tokens[6].end == 29);
}

TEST_CASE("tokenize keeps Arabic words whole, diacritics and joiners included") {
  const auto tokens = tokenize("هجومٌ على\u200Cمخيم، اليوم");
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[0].text == "هجومٌ");
  CHECK(tokens[1].text == "على\u200Cمخيم");
  CHECK(tokens[2].text == "،");
}

TEST_CASE("loose_form ignores case, punctuation and spacing") {
  CHECK(loose_form("The attack,  on  Camp ASHRAF!") == "the attack on camp ashraf");
  CHECK(loose_form("the attack on camp ashraf") == loose_form("The attack on Camp Ashraf."));
  CHECK(key_of("a") != key_of("b"));
}

TEST_CASE("fuzzy_score: 100 only when identical, one word in ten costs ten points") {
  CHECK(score("The attack began on Sunday morning in the camp .", "The attack began on Sunday morning in the camp .") == 100);
  CHECK(score("one two three four five six seven eight nine ten", "one two three four five six seven eight nine eleven") == 90);
  CHECK(score("one two three four five six seven eight nine ten", "one two three four five six seven eight nine") == 90);
  CHECK(score("one two three four", "five six seven eight") == 0);
  CHECK(score("", "") == 100);
  CHECK(score("a", "") == 0);
}

TEST_CASE("fuzzy_score penalises case and punctuation lightly") {
  CHECK(score("The attack on the camp", "the attack on the camp") == 98);
  CHECK(score("The attack on the camp.", "The attack on the camp") == 95);
  CHECK(score("The attack on the camp", "The attack on the camp.") == 95);
  CHECK(score("The attack on the camp", "The assault on the camp") == 80);
}

TEST_CASE("token_diff shows what changed from the memory's sentence to the query") {
  CHECK(diff("The attack began on Sunday.", "The attack began on Monday.") == "The attack began on [-Sunday-]{+Monday+}.");
  CHECK(diff("Iraqi forces attacked the camp", "Iraqi forces attacked the refugee camp") ==
        "Iraqi forces attacked the {+refugee+} camp");
  CHECK(diff("a b c", "a b c") == "a b c");
  CHECK(diff("a b c d", "a d") == "a [-b c-] d");
  const auto parts = token_diff(tokenize("x y"), tokenize("x z"));
  REQUIRE(parts.size() == 3);
  CHECK(parts[0] == DiffPart{DiffPart::Kind::same, "x"});
  CHECK(parts[1] == DiffPart{DiffPart::Kind::removed, " y"});
  CHECK(parts[2] == DiffPart{DiffPart::Kind::added, " z"});
}

TEST_CASE("find_term finds whole words in sequence, any case") {
  const std::string text = "Camp Ashraf, camp ashraf and Ashrafi";
  const auto spans = find_term(text, "camp ASHRAF");
  REQUIRE(spans.size() == 2);
  CHECK(text.substr(spans[0].begin, spans[0].end - spans[0].begin) == "Camp Ashraf");
  CHECK(text.substr(spans[1].begin, spans[1].end - spans[1].begin) == "camp ashraf");
  CHECK(find_term(text, "Ashrafi").size() == 1);
  CHECK(find_term(text, "...").empty());
}

}  // namespace edsync::tm
