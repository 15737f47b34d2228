#include "edition_text.h"

#include <doctest/doctest.h>

namespace edsync::workflow {

TEST_CASE("front matter values are plain when YAML reads them back unchanged, quoted otherwise") {
  CHECK(yaml_scalar("Maryam Rajavi") == "Maryam Rajavi");
  CHECK(yaml_scalar("مريم رجوي") == "مريم رجوي");
  CHECK(yaml_scalar("News: Iraq") == "\"News: Iraq\"");
  CHECK(yaml_scalar("2013") == "\"2013\"");
  CHECK(yaml_scalar("yes") == "\"yes\"");
  CHECK(yaml_scalar("say \"no\"", true) == "\"say \\\"no\\\"\"");
  CHECK(yaml_scalar("") == "\"\"");
}

TEST_CASE("a new translation gets the translated title, the English date, category and author, and source_revision") {
  Article english;
  english.date = Date::parse("2013-09-01");
  english.category = "Iraq";
  english.author = "Desk";
  CHECK(new_edition_text(english, "عنوان", "0123456789abcdef", "\nنص.\n") ==
        "---\ntitle: \"عنوان\"\ndate: 2013-09-01\ncategory: Iraq\nauthor: Desk\nsource_revision: 0123456789abcdef\n---\n\nنص.\n");
}

TEST_CASE("an existing translation keeps its other front matter; its title, source_revision and body are replaced") {
  const std::string text = "---\ntitle: \"قديم\"\ndate: 2013-08-21\ntags: [a, b]\nsource_revision: 1111111111111111\n---\n\nقديم.\n";
  const auto parsed = parse_article(text, "editions/ar/x.md", "ar", "x");
  REQUIRE(parsed.ok);
  const auto updated = updated_edition_text(text, parsed.article, "جديد", "2222222222222222", "\nجديد.\n");
  REQUIRE(updated.ok());
  CHECK(*updated == "---\ntitle: \"جديد\"\ndate: 2013-08-21\ntags: [a, b]\nsource_revision: 2222222222222222\n---\n\nجديد.\n");
}

}  // namespace edsync::workflow
