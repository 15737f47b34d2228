#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "edsync/segment.h"

namespace {

using edsync::Segment;
using edsync::Segmenter;
using edsync::SegmentFormat;
using edsync::SegmentOptions;

// The segments must be in order, trimmed, and leave only white space between them.
void check_rebuilds(std::string_view text, const std::vector<Segment>& segments) {
  std::size_t at = 0;
  for (const auto& segment : segments) {
    REQUIRE(segment.begin >= at);
    REQUIRE(segment.end > segment.begin);
    REQUIRE(segment.end <= text.size());
    at = segment.end;
  }
}

std::vector<std::string> sentences(std::string_view text, SegmentOptions options = {}) {
  const auto segments = Segmenter::built_in().segment(text, options);
  check_rebuilds(text, segments);
  std::vector<std::string> result;
  for (const auto& segment : segments) result.emplace_back(text.substr(segment.begin, segment.end - segment.begin));
  return result;
}

std::vector<std::string> in(const char* language, std::string_view text) {
  SegmentOptions options;
  options.language = language;
  return sentences(text, options);
}

using Sentences = std::vector<std::string>;

}  // namespace

TEST_CASE("segments carry byte ranges and leave the white space between them out") {
  const std::string text = "  Hello world. My name is Jonas.\n";
  const auto segments = Segmenter::built_in().segment(text);
  REQUIRE(segments.size() == 2);
  CHECK(segments[0] == Segment{2, 14});
  CHECK(segments[1] == Segment{15, 32});
}

TEST_CASE("empty and blank text has no segments") {
  CHECK(sentences("").empty());
  CHECK(sentences(" \n\t\n").empty());
}

TEST_CASE("blank lines end paragraphs and a line break ends a sentence in plain text") {
  CHECK(sentences("One line\n\nTwo lines\nhere") == Sentences{"One line", "Two lines", "here"});
}

TEST_CASE("a hard-wrapped line that ends in a space goes on") {
  CHECK(sentences("It was a cold \nnight in the city.") == Sentences{"It was a cold \nnight in the city."});
}

TEST_CASE("invalid UTF-8 stays inside its segment, bytes untouched") {
  const std::string text = "Bad \xff\xfe bytes. Next \xc3 one.";
  CHECK(sentences(text) == Sentences{"Bad \xff\xfe bytes.", "Next \xc3 one."});
}

TEST_CASE("English titles, initials and abbreviations") {
  CHECK(sentences("Mr. Smith met Dr. Jones and Prof. Lee. They talked.") ==
        Sentences{"Mr. Smith met Dr. Jones and Prof. Lee.", "They talked."});
  CHECK(sentences("George W. Bush spoke. P. Diddy sang.") == Sentences{"George W. Bush spoke.", "P. Diddy sang."});
  CHECK(sentences("I work for the U.S. Government in Virginia.") ==
        Sentences{"I work for the U.S. Government in Virginia."});
  CHECK(sentences("I live in the U. S. How about you?") == Sentences{"I live in the U. S.", "How about you?"});
  CHECK(sentences("Please turn to p. 55. It is on No. 3 there.") ==
        Sentences{"Please turn to p. 55.", "It is on No. 3 there."});
  CHECK(sentences("Arsenal vs. Chelsea was played on Jan. 5 at 3 p.m. on a Sunday.") ==
        Sentences{"Arsenal vs. Chelsea was played on Jan. 5 at 3 p.m. on a Sunday."});
}

TEST_CASE("English numbers, URLs, e-mail addresses and quotes") {
  CHECK(sentences("It cost $1,000.50 in 3.5 days. Then it stopped.") ==
        Sentences{"It cost $1,000.50 in 3.5 days.", "Then it stopped."});
  CHECK(sentences("Write to Jane.Doe@example.com. See https://example.org/a.html. Thanks.") ==
        Sentences{"Write to Jane.Doe@example.com.", "See https://example.org/a.html.", "Thanks."});
  CHECK(sentences("He said, \"It is over.\" Then he left.") == Sentences{"He said, \"It is over.\"", "Then he left."});
  CHECK(sentences("Hello world.Today is Tuesday.") == Sentences{"Hello world.", "Today is Tuesday."});
}

TEST_CASE("numbered lists on one line") {
  CHECK(sentences("1. The first item 2. The second item") == Sentences{"1. The first item", "2. The second item"});
  CHECK(sentences("1) The first item 2) The second item") == Sentences{"1) The first item", "2) The second item"});
  CHECK(sentences("He is aged 45. The court heard him.") == Sentences{"He is aged 45.", "The court heard him."});
}

TEST_CASE("Arabic: ؟ ! . ۔ and … end sentences, ، does not") {
  CHECK(in("ar", "هل جاء؟ نعم جاء، ثم ذهب. انتهى الأمر… وعاد.") ==
        Sentences{"هل جاء؟", "نعم جاء، ثم ذهب.", "انتهى الأمر…", "وعاد."});
  CHECK(in("ar", "قال د. أحمد إن الوضع هادئ. وأضاف أنه سيعود.") ==
        Sentences{"قال د. أحمد إن الوضع هادئ.", "وأضاف أنه سيعود."});
  CHECK(in("ar", "بلغ السعر ٣٫٥ دولار. ثم ارتفع.") == Sentences{"بلغ السعر ٣٫٥ دولار.", "ثم ارتفع."});
}

TEST_CASE("Arabic clause breaks are switchable") {
  SegmentOptions options;
  options.language = "ar";
  CHECK(sentences("سؤال وجواب: ماذا حدث؟", options) == Sentences{"سؤال وجواب: ماذا حدث؟"});
  options.clause_breaks = true;
  CHECK(sentences("سؤال وجواب: ماذا حدث؟", options) == Sentences{"سؤال وجواب:", "ماذا حدث؟"});
  CHECK(sentences("في الساعة 05:01 وصل.", options) == Sentences{"في الساعة 05:01 وصل."});
}

TEST_CASE("Persian keeps ZWNJ and bidi marks inside segments") {
  CHECK(in("fa", "می\u200cخواهم بروم. شما کجایی هستید؟ من از تهران هستم.") ==
        Sentences{"می\u200cخواهم بروم.", "شما کجایی هستید؟", "من از تهران هستم."});
}

TEST_CASE("English: single quotations, footnote marks, company forms, inline lists") {
  CHECK(in("en", "'Well!' thought Alice, 'what a fall! How brave they'll think me!' She went on.") ==
        Sentences{"'Well!' thought Alice, 'what a fall! How brave they'll think me!'", "She went on."});
  CHECK(in("en", "It was large.[7][8] This was bad.") == Sentences{"It was large.[7][8]", "This was bad."});
  CHECK(in("en", "The GmbH & Co. KG pays Rs. 100 to Acme Inc. (the buyer).") ==
        Sentences{"The GmbH & Co. KG pays Rs. 100 to Acme Inc. (the buyer)."});
  CHECK(in("en", "Finally, this. 1. The first item 2. The second item") ==
        Sentences{"Finally, this.", "1. The first item", "2. The second item"});
  CHECK(in("en", "She gave him the i.v. It was night.") == Sentences{"She gave him the i.v.", "It was night."});
}

TEST_CASE("Albanian abbreviations and ordinal dates") {
  CHECK(in("sq", "Z. Rama takoi znj. Hoxha më 28. shtator. Ata folën gjatë.") ==
        Sentences{"Z. Rama takoi znj. Hoxha më 28. shtator.", "Ata folën gjatë."});
  CHECK(in("sq", "Shiko fq. 12 dhe kap. 3. Pastaj lexo p.sh. Kadarenë.") ==
        Sentences{"Shiko fq. 12 dhe kap. 3.", "Pastaj lexo p.sh. Kadarenë."});
}

TEST_CASE("Markdown: blocks are hard boundaries, front matter and code are left out") {
  SegmentOptions options;
  options.format = SegmentFormat::markdown;
  const std::string text =
      "---\ntitle: \"A. B. C.\"\n---\n\n# The heading\nA paragraph that\nwraps. And [a link](https://x.org/a.b) *here*.\n\n"
      "- One item\n- Two items. Second.\n\n> Quoted text\n> goes on.\n\n```\nNot. Segmented.\n```\n";
  CHECK(sentences(text, options) == Sentences{"The heading", "A paragraph that\nwraps.",
                                              "And [a link](https://x.org/a.b) *here*.", "One item", "Two items.",
                                              "Second.", "Quoted text\n> goes on."});
}

TEST_CASE("English: a capitalised word after a.m. or p.m. starts a sentence, unless it tells the time or is a title") {
  CHECK(sentences("The train left at 6 a.m. Passengers who missed it waited. It came back at 5 p.m. Eastern time "
                  "on Sunday.") == Sentences{"The train left at 6 a.m.", "Passengers who missed it waited.",
                                             "It came back at 5 p.m. Eastern time on Sunday."});
  CHECK(sentences("At 7 a.m. Dr. Jones arrived, and at 9 a.m. Monday he left.") ==
        Sentences{"At 7 a.m. Dr. Jones arrived, and at 9 a.m. Monday he left."});
}

TEST_CASE("lists lettered inside a line or from any letter") {
  CHECK(sentences("Drinks on the menu a. Green tea b. Black tea c. Mint tea") ==
        Sentences{"Drinks on the menu", "a. Green tea", "b. Black tea", "c. Mint tea"});
  CHECK(sentences("Pick one. x) Tea now y) Coffee later z) Water") ==
        Sentences{"Pick one.", "x) Tea now", "y) Coffee later", "z) Water"});
  CHECK(sentences("Grade a. The best grade is this one.") == Sentences{"Grade a.", "The best grade is this one."});
  CHECK(sentences("The ruling in Roe v. Wade stands. It was upheld in Smith v. Jones.") ==
        Sentences{"The ruling in Roe v. Wade stands.", "It was upheld in Smith v. Jones."});
}

TEST_CASE("one lower-case word alone after a full stop up to the line end is a line of its own") {
  CHECK(sentences("He came home late. tired\nThen he slept.") == Sentences{"He came home late.", "tired", "Then he slept."});
  CHECK(sentences("He came home late. and then\nhe slept.") == Sentences{"He came home late. and then", "he slept."});
}

TEST_CASE("markup tags at the edges of a sentence are left out; inside it they stay") {
  CHECK(sentences("<h1 class=\"top\">Budget</h1>\n<p>Taxes rise. Fees fall.</p>\n<p><img src=\"a.png\"/></p>") ==
        Sentences{"Budget", "Taxes rise.", "Fees fall."});
  CHECK(sentences("He said <b>no</b> twice. Then he left.") == Sentences{"He said <b>no</b> twice.", "Then he left."});
  CHECK(sentences("If a<b and c>d then stop.") == Sentences{"If a<b and c>d then stop."});
  CHECK(sentences("Use <tag> here.") == Sentences{"Use <tag> here."});
}

TEST_CASE("the native code inside TMX and XLIFF inline codes is left out with the tags") {
  CHECK(sentences("<bpt i=\"1\" type=\"bold\">&lt;b&gt;</bpt>Report.txt<ept i=\"1\">&lt;/b&gt;</ept>") ==
        Sentences{"Report.txt"});
  CHECK(sentences("Open <ph x=\"1\">&lt;br/&gt;</ph> it. <BPT i=\"2\">&lt;i&gt;</BPT>Now<EPT i=\"2\">&lt;/i&gt;</EPT>") ==
        Sentences{"Open <ph x=\"1\">&lt;br/&gt;</ph> it.", "Now"});
  CHECK(sentences("<ph x=\"1\">Not closed. <ph x=\"2\">&lt;br/&gt;</ph>") == Sentences{"Not closed."});
}

TEST_CASE("table-of-contents leaders with their page numbers and separator runs are left out") {
  CHECK(sentences("Contents\nAbout us.................. 5\nThe news desk ............ 12-14\nPreface.....ix\n") ==
        Sentences{"Contents", "About us", "The news desk", "Preface"});
  CHECK(sentences("I never meant that.... She left at 5.\nHe waited..... 10 minutes passed.") ==
        Sentences{"I never meant that....", "She left at 5.", "He waited..... 10 minutes passed."});
  CHECK(sentences("==========\nResults\n==========\n////////////Title here////////////") ==
        Sentences{"Results", "Title here"});
  CHECK(sentences("A range of 1-2--3 is fine.") == Sentences{"A range of 1-2--3 is fine."});
}

TEST_CASE("line breaks a bad export left as \\n or \\r\\n end sentences like line breaks") {
  CHECK(sentences("It rained. \\r\\n Then it stopped.") == Sentences{"It rained.", "Then it stopped."});
  CHECK(sentences("Title\\nThe first line. \\ r \\ nThe second line.") ==
        Sentences{"Title", "The first line.", "The second line."});
  CHECK(sentences("Saved in C:\\new folder and D:\\Notes today.") ==
        Sentences{"Saved in C:\\new folder and D:\\Notes today."});
  SegmentOptions markdown;
  markdown.format = SegmentFormat::markdown;
  CHECK(sentences("A soft \\nbreak in Markdown.", markdown) == Sentences{"A soft \\nbreak in Markdown."});
}

TEST_CASE("English: a capital letter alone after a lower-case word is an initial, unless it is the pronoun I") {
  CHECK(sentences("The book was written by J. Smith in Leeds. You and I. Did we?") ==
        Sentences{"The book was written by J. Smith in Leeds.", "You and I.", "Did we?"});
}
