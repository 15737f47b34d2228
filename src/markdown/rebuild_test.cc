#include <doctest/doctest.h>

#include "edsync/markdown.h"
#include "test_format.h"

namespace edsync::markdown {

using test::closing;
using test::opening;
using test::standalone;
using test::text;
using Contents = std::vector<std::vector<Part>>;

namespace {

std::string rebuilt(std::string_view english, const Contents& translations) {
  auto body = rebuild_body(segment_article("T", english), translations);
  REQUIRE_MESSAGE(body.ok(), body.error().message);
  return *body;
}

std::string error_of(std::string_view english, const Contents& translations) {
  auto body = rebuild_body(segment_article("T", english), translations);
  REQUIRE(!body.ok());
  CHECK(body.error().kind == ErrorKind::bad_input);
  return body.error().message;
}

}  // namespace

TEST_CASE("the English structure around translated segments, the codes turned back into Markdown") {
  const std::string english =
      "# The *attack*\n\nIt began on **Sunday**. See [the report](https://x.org \"R\").\n\n- One\n  - Two `x`\n\n> "
      "Quoted.\n\n```\ncode\n```\n";
  const Contents albanian{
      {text("Sulmi "), opening(1), text("i rëndë"), closing(2)},
      {text("Filloi të "), opening(1), text("dielën"), closing(2), text(".")},
      {text("Shih "), opening(1), text("raportin"), closing(2), text(".")},
      {text("Një")},
      {text("Dy "), standalone(1)},
      {text("Cituar.")},
  };
  CHECK(rebuilt(english, albanian) ==
        "# Sulmi *i rëndë*\n\nFilloi të **dielën**. Shih [raportin](https://x.org \"R\").\n\n- Një\n  - Dy `x`\n\n> "
        "Cituar.\n\n```\ncode\n```\n");
}

TEST_CASE("a right-to-left translation needs nothing special, and codes may move") {
  const Contents arabic{{text("بدأ "), opening(1), text("الهجوم"), closing(2), text(" يوم الأحد.")}};
  CHECK(rebuilt("The attack began on **Sunday**.", arabic) == "بدأ **الهجوم** يوم الأحد.");
}

TEST_CASE("segments of a block are joined as the English joins them, codes across them kept") {
  const std::string english = "Next *sentence crosses. The* end.  \nLast one.";
  const Contents persian{
      {text("جمله "), opening(1), text("عبور می‌کند."), closing(2)},
      {opening(1), text("پایان"), closing(2), text(".")},
      {text("آخری.")},
  };
  CHECK(rebuilt(english, persian) == "جمله *عبور می‌کند. پایان*.  \nآخری.");
}

TEST_CASE("translated text that Markdown would read as markup is escaped") {
  CHECK(rebuilt("Word.", {{text("# not a heading")}}) == "\\# not a heading");
  CHECK(rebuilt("Word.", {{text("- not an item")}}) == "\\- not an item");
  CHECK(rebuilt("Word.", {{text("1. not a list")}}) == "1\\. not a list");
  CHECK(rebuilt("Word.", {{text("> not a quote")}}) == "\\> not a quote");
  CHECK(rebuilt("Word.", {{text("*not* _emphasis_ but snake_case and a * b")}}) ==
        "\\*not\\* \\_emphasis\\_ but snake_case and a * b");
  CHECK(rebuilt("Word.", {{text("[not](a link) nor [a]: x nor `code`")}}) == "[not\\](a link) nor [a]: x nor \\`code\\`");
  CHECK(rebuilt("Word.", {{text("C:\\path\\ and a\\*b and <b>no tag</b> and AT&amp;T")}}) ==
        "C:\\path\\ and a\\\\\\*b and \\<b>no tag\\</b> and AT\\&amp;T");
  CHECK(rebuilt("# Title", {{text("C# and #")}}) == "# C# and \\#");
  CHECK(rebuilt("Word.", {{text("Line one\nline two  ")}}) == "Line one line two");
}

TEST_CASE("brackets inside a link's text are escaped, and so is a label a definition names") {
  CHECK(rebuilt("A [link](u).", {{text("Un "), opening(1), text("[lien]"), closing(2), text(".")}}) ==
        "Un [\\[lien\\]](u).");
  CHECK(rebuilt("A [ref].\n\n[ref]: u\n", {{text("Le [ref] et "), opening(1), text("x"), closing(2)}}) ==
        "Le [ref\\] et [x][ref]\n\n[ref]: u\n");
}

TEST_CASE("a shortcut or collapsed reference link whose text is translated gets its label written") {
  const std::string english = "See [Ref] and [Ref][] and [x][Ref].\n\n[ref]: https://r.example\n";
  const Contents same{{text("Voir "), opening(1), text("Ref"), closing(2), text(" et "), opening(3), text("Ref"),
                       closing(4), text(" et "), opening(5), text("y"), closing(6), text(".")}};
  CHECK(rebuilt(english, same) == "Voir [Ref] et [Ref][] et [y][Ref].\n\n[ref]: https://r.example\n");
  const Contents translated{{text("Voir "), opening(1), text("Réf"), closing(2), text(" et "), opening(3), text("Réf"),
                             closing(4), text(" et "), opening(5), text("y"), closing(6), text(".")}};
  CHECK(rebuilt(english, translated) == "Voir [Réf][Ref] et [Réf][Ref] et [y][Ref].\n\n[ref]: https://r.example\n");
}

TEST_CASE("white space just inside emphasis moves outside it, where Markdown needs it") {
  CHECK(rebuilt("A **b** c.", {{text("Un"), opening(1), text(" gros "), closing(2), text("mot.")}}) ==
        "Un **gros** mot.");
}

TEST_CASE("a segment's text at the start of a line after a line break is escaped as a block start") {
  CHECK(rebuilt("One.  \nTwo.", {{text("Un.")}, {text("- deux.")}}) == "Un.  \n\\- deux.");
  CHECK(rebuilt("One  \ntwo.", {{text("Un"), standalone(1), text("+ deux.")}}) == "Un  \n\\+ deux.");
}

TEST_CASE("errors: a code missing, twice, unknown, of another kind, out of order, crossing") {
  const std::string english = "Intro. A **b** and [c](u) and `d`.";
  CHECK(error_of(english, {{text("x")}, {text("A b"), opening(3), text("c"), closing(4), standalone(5)}}) ==
        "segment 2: code 1 (\"**\") is missing");
  CHECK(error_of(english, {{text("x")},
                           {opening(1), closing(2), opening(3), closing(4), standalone(5), standalone(5)}}) ==
        "segment 2: code 5 appears twice");
  CHECK(error_of(english, {{text("x")}, {standalone(9)}}) == "segment 2: code 9 is not in the English segment");
  CHECK(error_of(english, {{text("x")}, {closing(1)}}) ==
        "segment 2: code 1 is an opening code in the English, not a closing code");
  CHECK(error_of(english, {{text("x")}, {closing(2), opening(1)}}) == "segment 2: code 2 closes code 1 before it opens");
  CHECK(error_of(english, {{text("x")}, {opening(1), opening(3), closing(2), closing(4), standalone(5)}}) ==
        "segment 2: code 2 closes code 1 while code 3 inside it is still open");
  CHECK(error_of(english, {{standalone(1)}, {text("y")}}) == "segment 1: code 1 is not in the English segment");
}

TEST_CASE("errors: a segment without a translation, or more translations than segments") {
  CHECK(error_of("One. Two. Three.", {{text("Un.")}}) == "segment 2: no translation (1 given for 3 segments)");
  CHECK(error_of("One.", {{text("Un.")}, {text("Deux.")}}) == "2 translations given for 1 segments");
}

}  // namespace edsync::markdown
