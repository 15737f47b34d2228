#include "edsync/markdown.h"

#include <doctest/doctest.h>

#include "test_format.h"

namespace edsync::markdown {

using test::shown;
using test::shown_segments;
using Strings = std::vector<std::string>;

namespace {

const Segment& only_segment(const Article& article) {
  REQUIRE(article.blocks.size() == 1);
  REQUIRE(article.blocks[0].segments.size() == 1);
  return article.blocks[0].segments[0];
}

const Part& code(const Segment& segment, int id) {
  for (const auto& part : segment.content) {
    if (part.kind != PartKind::text && part.id == id) return part;
  }
  FAIL("no code " << id);
  return segment.content.front();
}

std::string rebuilt(const Article& article) {
  auto body = rebuild_body(article, english_contents(article));
  REQUIRE(body.ok());
  return *body;
}

}  // namespace

TEST_CASE("emphasis, strong emphasis and nesting become opening and closing codes") {
  const auto article = segment_article("T", "Text with **bold**, _em_, *it* and ***both*** or **a *b* c**.");
  const Segment& segment = only_segment(article);
  CHECK(shown(segment.content) ==
        "Text with {1:**}bold{/2:**}, {3:_}em{/4:_}, {5:*}it{/6:*} and {7:*}{8:**}both{/9:**}{/10:*} or "
        "{11:**}a {12:*}b{/13:*} c{/14:**}.");
  CHECK(segment.plain == "Text with bold, em, it and both or a b c.");
  CHECK(code(segment, 7).pair == 10);  // the outer * of ***both***
  CHECK(code(segment, 10).pair == 7);
  CHECK(code(segment, 8).pair == 9);
  CHECK(code(segment, 7).display == "*");
  CHECK(code(segment, 8).display == "**");
  CHECK(segment.begin == 0);
  CHECK(segment.end == 61);
}

TEST_CASE("delimiters that open or close nothing stay text") {
  const auto article = segment_article("T", "a * b, 2*3, snake_case and ** x ** stay.");
  CHECK(shown(only_segment(article).content) == "a * b, 2*3, snake_case and ** x ** stay.");
  CHECK(rebuilt(article) == "a * b, 2\\*3, snake_case and ** x ** stay.");
}

TEST_CASE("a link is an opening code and a closing one that holds its target and title") {
  const auto article = segment_article("T", "Read [the report](https://x.org/a_(b) \"The title\") today.");
  const Segment& segment = only_segment(article);
  CHECK(shown(segment.content) == "Read {1:[}the report{/2:](https://x.org/a_(b) \"The title\")} today.");
  CHECK(segment.plain == "Read the report today.");
  CHECK(code(segment, 1).pair == 2);
  CHECK(code(segment, 2).display == "](https://x.org/a_(b) \"The title\")");
}

TEST_CASE("images, autolinks, inline HTML and code spans are standalone codes") {
  const auto article =
      segment_article("T", "See ![a *map*](m.png \"Map\"), <https://x.org>, <b>bold</b> and `` a`b `` here.");
  const Segment& segment = only_segment(article);
  CHECK(shown(segment.content) ==
        "See {1=![a *map*](m.png \"Map\")}, {2=<https://x.org>}, {3=<b>}bold{4=</b>} and {5=`` a`b ``} here.");
  CHECK(segment.plain == "See , , bold and  here.");
}

TEST_CASE("a long code shows shortened for CAT tools") {
  const auto article = segment_article("T", "Run `a very long command line that goes on and on and on` now.");
  CHECK(only_segment(article).content[1].display == "`a very long command line that goes on a\u2026");
}

TEST_CASE("reference links: full, collapsed and shortcut, with the definition kept verbatim") {
  const auto article = segment_article("T", "See [the list][ref], [ref][] and [Ref].\n\n[ref]: https://r.example \"R\"\n");
  REQUIRE(article.blocks.size() == 2);
  CHECK(shown(article.blocks[0].segments[0].content) ==
        "See {1:[}the list{/2:][ref]}, {3:[}ref{/4:][]} and {5:[}Ref{/6:]}.");
  CHECK(code(article.blocks[0].segments[0], 4).display == "][ref]");
  CHECK(code(article.blocks[0].segments[0], 6).display == "][Ref]");
  CHECK(article.blocks[1].kind == BlockKind::verbatim);
  CHECK(article.blocks[1].verbatim == "[ref]: https://r.example \"R\"");
  CHECK(article.link_labels == Strings{"ref"});
}

TEST_CASE("brackets that are not a link stay text") {
  const auto article = segment_article("T", "Return to the country [Iran] on [that] condition.");
  CHECK(shown(only_segment(article).content) == "Return to the country [Iran] on [that] condition.");
}

TEST_CASE("escapes and character references are resolved in the text") {
  const auto article = segment_article("T", "\\*Not\\* emphasis, \\[not\\] a link, AT&amp;T, &mdash; &#x41; &unknown; \\a.");
  CHECK(only_segment(article).plain == "*Not* emphasis, [not] a link, AT&T, \u2014 A &unknown; \\a.");
}

TEST_CASE("emphasis across a sentence boundary is closed and reopened by codes without Markdown") {
  const auto article = segment_article("T", "Next *sentence crosses. The* end.");
  const auto& segments = article.blocks.at(0).segments;
  REQUIRE(segments.size() == 2);
  CHECK(shown(segments[0].content) == "Next {1:*}sentence crosses.{/2:}");
  CHECK(shown(segments[1].content) == "{1:}The{/2:*} end.");
  CHECK(segments[0].content[3].display == "*\u2026");
  CHECK(segments[1].content[0].display == "\u2026*");
  CHECK(segments[1].content[0].pair == 2);
  CHECK(article.blocks[0].separators == Strings{" "});
  CHECK(rebuilt(article) == "Next *sentence crosses. The* end.");
}

TEST_CASE("a link holds emphasis, and the segmenter does not cut inside its text") {
  const auto article = segment_article("T", "He said [it *ends*. It starts](https://x.org) again.");
  CHECK(shown_segments(article) ==
        Strings{"He said {1:[}it {2:*}ends{/3:*}. It starts{/4:](https://x.org)} again."});
}

TEST_CASE("a sentence break inside a code span is not a break") {
  const auto article = segment_article("T", "Type `stop. Go` to end. Then wait.");
  CHECK(shown_segments(article) == Strings{"Type {1=`stop. Go`} to end.", "Then wait."});
}

TEST_CASE("hard line breaks are standalone codes inside a sentence and separators between sentences") {
  const auto article = segment_article("T", "One line  \nand the next\\\nline. Then.  \nNext one.");
  CHECK(shown_segments(article) == Strings{"One line{1=  \n}and the next{2=\\\n}line.", "Then.", "Next one."});
  CHECK(article.blocks[0].separators == Strings{" ", "  \n"});
  CHECK(article.blocks[0].segments[0].content[1].display == "\u21B5");
  CHECK(rebuilt(article) == "One line  \nand the next\\\nline. Then.  \nNext one.");
}

TEST_CASE("ATX and setext headings with their levels") {
  const auto article = segment_article("T", "# One *big* ##\n\nTwo\n===\n\nThree\n---\n\n###### Six\n");
  REQUIRE(article.blocks.size() == 4);
  CHECK(article.blocks[0].kind == BlockKind::heading);
  CHECK(article.blocks[0].level == 1);
  CHECK(shown(article.blocks[0].segments[0].content) == "One {1:*}big{/2:*}");
  CHECK(article.blocks[1].level == 1);
  CHECK(article.blocks[1].lead == " ##\n\n");
  CHECK(article.blocks[2].level == 2);
  CHECK(article.blocks[2].lead == "\n===\n\n");
  CHECK(article.blocks[3].level == 6);
  CHECK(article.blocks[3].lead == "\n---\n\n###### ");
  CHECK(article.tail == "\n");
  CHECK(rebuilt(article) == "# One *big* ##\n\nTwo\n===\n\nThree\n---\n\n###### Six\n");
}

TEST_CASE("list items with their markers and nesting, ordered and with continuation lines") {
  const std::string body = "- First. Second.\n- Item\n  continued\n  1. Nested\n  2) Nested two\n     - Deep\n- Back\n";
  const auto article = segment_article("T", body);
  REQUIRE(article.blocks.size() == 6);
  const auto& blocks = article.blocks;
  CHECK(blocks[0].kind == BlockKind::list_item);
  CHECK(blocks[0].marker == "-");
  CHECK(blocks[0].nesting == 0);
  CHECK(shown(blocks[0].segments[1].content) == "Second.");
  CHECK(blocks[1].segments[0].plain == "Item continued");
  CHECK(blocks[2].marker == "1.");
  CHECK(blocks[2].nesting == 1);
  CHECK(blocks[3].marker == "2)");
  CHECK(blocks[3].nesting == 1);
  CHECK(blocks[4].nesting == 2);
  CHECK(blocks[5].nesting == 0);
  CHECK(blocks[5].lead == "\n- ");
  CHECK(rebuilt(article) == "- First. Second.\n- Item continued\n  1. Nested\n  2) Nested two\n     - Deep\n- Back\n");
}

TEST_CASE("block quotes: the markers of continuation lines are not text") {
  const auto article = segment_article("T", "> Quoted. And *more*\n> lines here.\n");
  REQUIRE(article.blocks.size() == 1);
  CHECK(article.blocks[0].kind == BlockKind::quote);
  CHECK(article.blocks[0].lead == "> ");
  CHECK(shown_segments(article) == Strings{"Quoted.", "And {1:*}more{/2:*} lines here."});
  CHECK(rebuilt(article) == "> Quoted. And *more* lines here.\n");
}

TEST_CASE("a heading or a list item inside a quote keeps its marker out of the text") {
  const auto article = segment_article("T", "> ## Quoted heading\n\n> - Quoted item\n");
  REQUIRE(article.blocks.size() == 2);
  CHECK(article.blocks[0].kind == BlockKind::heading);
  CHECK(article.blocks[0].level == 2);
  CHECK(article.blocks[0].lead == "> ## ");
  CHECK(article.blocks[1].kind == BlockKind::list_item);
  CHECK(article.blocks[1].marker == "-");
  CHECK(shown_segments(article) == Strings{"Quoted heading", "Quoted item"});
  CHECK(rebuilt(article) == "> ## Quoted heading\n\n> - Quoted item\n");
}

TEST_CASE("code blocks, HTML blocks, tables and thematic breaks are kept verbatim") {
  const std::string body =
      "Intro.\n\n```js\nlet a = \"*x*\";\n\nmore();\n```\n\n<div class=\"box\">\nHTML\n</div>\n\n| a | b |\n|---|---|\n| 1 | 2 "
      "|\n\n***\n\n    indented code\n\nEnd.\n";
  const auto article = segment_article("T", body);
  std::vector<BlockKind> kinds;
  for (const auto& block : article.blocks) kinds.push_back(block.kind);
  CHECK(kinds == std::vector<BlockKind>{BlockKind::paragraph, BlockKind::verbatim, BlockKind::verbatim,
                                        BlockKind::verbatim, BlockKind::verbatim, BlockKind::verbatim,
                                        BlockKind::paragraph});
  CHECK(article.blocks[1].verbatim == "```js\nlet a = \"*x*\";\n\nmore();\n```");
  CHECK(article.blocks[2].verbatim == "<div class=\"box\">\nHTML\n</div>");
  CHECK(article.blocks[5].verbatim == "    indented code");
  CHECK(rebuilt(article) == body);
}

TEST_CASE("the title is one segment of plain text and comes first in segments()") {
  const auto article = segment_article("Does *she* want to return?", "Body. Text.");
  CHECK(article.title.plain == "Does *she* want to return?");
  CHECK(shown(article.title.content) == "Does *she* want to return?");
  const auto all = article.segments();
  REQUIRE(all.size() == 3);
  CHECK(all[0] == &article.title);
  CHECK(all[2]->plain == "Text.");
}

TEST_CASE("Markdown with every construct rebuilds from its own content byte for byte") {
  const std::string body =
      "# Heading with *emphasis* and `code`\n\n"
      "Setext heading\n==============\n\n"
      "A paragraph with **strong**, _emphasis_, ***both***, [a link](https://x.org \"Title\"), "
      "![an image](i.png), <https://auto.example>, <span class=\"x\">HTML</span> and `` co`de ``. "
      "A second sentence with *emphasis that. Crosses* a boundary. Escaped \\*stars\\* and \\_lines\\_.  \n"
      "After a hard break\\\nand another.\n\n"
      "- Item one. Item [two][ref].\n  1. Nested *ordered*.\n- Item three.\n\n"
      "> A quote. With **two** sentences.\n\n"
      "```\nfenced *code*\n```\n\n"
      "[ref]: https://ref.example\n\n"
      "---\n\n"
      "Arabic: الهجوم على **مخيم أشرف**. Persian: «حمله».\n";
  const auto article = segment_article("T", body);
  CHECK(rebuilt(article) == body);
}

}  // namespace edsync::markdown
