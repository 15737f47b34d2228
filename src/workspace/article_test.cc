#include <doctest/doctest.h>

#include "edsync/revision.h"
#include "edsync/workspace.h"

using namespace edsync;

namespace {
ArticleResult parse(const std::string& text, const std::string& lang = "ar") {
  return parse_article(text, "editions/" + lang + "/x.md", lang, "x");
}
std::string problem(const std::string& text) {
  const auto parsed = parse(text);
  REQUIRE_FALSE(parsed.ok);
  return parsed.problem.to_string();
}
}  // namespace

TEST_CASE("an article reads its fields, body and revision") {
  const auto parsed = parse("---\ntitle: \"T\"\ndate: 2013-09-08\ncategory: Iraq\nauthor: A. Writer\nsource_revision: 0123456789ABCDEF\n---\n\nBody text.\n");
  REQUIRE(parsed.ok);
  const Article& article = parsed.article;
  CHECK(article.id == "x");
  CHECK(article.lang == "ar");
  CHECK(article.title == "T");
  CHECK(article.date == Date{2013, 9, 8});
  CHECK(article.category == "Iraq");
  CHECK(article.author == "A. Writer");
  CHECK(article.source_revision == "0123456789abcdef");
  CHECK(article.source_revision_line == 6);
  CHECK(article.body == "\nBody text.\n");
  CHECK(article.revision == revision_of("T", "Body text."));
}

TEST_CASE("an 'id' field overrides the file name") {
  const auto parsed = parse("---\ntitle: T\nid: other\n---\n");
  REQUIRE(parsed.ok);
  CHECK(parsed.article.id == "other");
}

TEST_CASE("bad articles are reported with file, line, column, with a remedy") {
  CHECK(problem("---\ndate: 2013-09-08\n---\nBody\n") == "editions/ar/x.md:1:1: missing 'title' in the front matter; add a line such as title: \"...\"");
  CHECK(problem("---\ntitle: \"\"\n---\n") == "editions/ar/x.md:2:8: 'title' is empty");
  CHECK(problem("---\ntitle: T\ndate: 30 July 2009\n---\n") == "editions/ar/x.md:3:7: 'date' must be a date written YYYY-MM-DD, got '30 July 2009'");
  CHECK(problem("---\ntitle: T\nsource_revision: abc\n---\n") == "editions/ar/x.md:3:18: 'source_revision' must be 16 hexadecimal digits as 'edsync mark-synced' writes it, got 'abc'; run 'edsync mark-synced ar x' once the translation is up to date");
  CHECK(problem("---\ntitle: [a, b]\n---\n") == "editions/ar/x.md:2:8: 'title' must be a single value, not a list or a map");
  CHECK(problem("---\ntitle: T\n---\nعربي \xFF\n") == "editions/ar/x.md:4:6: invalid UTF-8 (byte 0xFF); save the file as UTF-8");
  CHECK(problem("---\ntitle: T\nid: a b\n---\n") == "editions/ar/x.md:3:5: 'id' must be a name without spaces or slashes, got 'a b'");
}
