#include "article_segments.h"

#include <doctest/doctest.h>

#include "edsync/revision.h"

namespace edsync::workflow {

namespace {

Article article(std::string title, std::string body) {
  Article a;
  a.id = "camp-raid";
  a.lang = "en";
  a.path = "editions/en/camp-raid.md";
  a.title = std::move(title);
  a.body = std::move(body);
  return a;
}

std::vector<std::string> shown(const std::vector<WorkSegment>& segments) {
  std::vector<std::string> lines;
  for (const auto& s : segments)
    lines.push_back(std::to_string(s.paragraph) + "." + std::to_string(s.index) + " " + std::string(to_string(s.work)) +
                    " " + s.english);
  return lines;
}

}  // namespace

TEST_CASE("an article is its title, then each sentence with its block and its index in the block") {
  const auto segments = article_segments(article("Police enter Camp Ashraf", "The police came.  Two were\nhurt.\n\n## Later\n\nThe camp was quiet.\n"));
  REQUIRE(segments.ok());
  CHECK(shown(*segments) == std::vector<std::string>{"0.0 translate Police enter Camp Ashraf", "1.0 translate The police came.",
                                                     "1.1 translate Two were hurt.", "2.0 translate Later",
                                                     "3.0 translate The camp was quiet."});
  CHECK((*segments)[0].id == "title");
  CHECK((*segments)[1].id == "s" + sha256_hex("The police came.").substr(0, 16));
  CHECK((*segments)[2].place.before == "The police came.");
  CHECK((*segments)[2].place.after == "Later");
  CHECK((*segments)[0].place.before == "");
  CHECK((*segments)[0].place.after == "The police came.");
  CHECK((*segments)[1].words == 3);
}

TEST_CASE("a segment's id depends on its English and its occurrence, not on where it stands") {
  const auto one = article_segments(article("T", "Nobody was hurt.\n\nThe police came.\n"));
  const auto two = article_segments(article("T", "A new first sentence. The police came.\n\nNobody was hurt. Nobody was hurt.\n"));
  REQUIRE((one.ok() && two.ok()));
  CHECK((*one)[1].id == (*two)[3].id);      // Nobody was hurt.
  CHECK((*two)[4].id == (*one)[1].id + "-2");
  CHECK((*one)[2].id == (*two)[2].id);      // The police came.
  CHECK((*one)[1].id != (*one)[2].id);
}

TEST_CASE("a stale article's work: the changed and added segments of now, the removed ones of before") {
  const auto before = article_segments(article("T", "A came. B came.\n\nC came.\n"));
  const auto now = article_segments(article("T", "A came. B2 came.\n\nC came. D came.\n"));
  REQUIRE((before.ok() && now.ok()));
  auto work = changed_segments(*before, *now);
  CHECK(shown(work) == std::vector<std::string>{"1.1 changed B2 came.", "2.1 added D came."});
  CHECK(work[0].old_english == "B came.");
  const auto removed = changed_segments(*now, *before);
  CHECK(shown(removed) == std::vector<std::string>{"1.1 changed B came.", "2.1 removed D came."});
}

}  // namespace edsync::workflow
