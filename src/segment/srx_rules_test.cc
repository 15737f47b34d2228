#include <doctest/doctest.h>

#include "edsync/segment.h"

namespace {

using edsync::Segmenter;
using edsync::SegmentOptions;

std::string srx_with_rules(const std::string& rules, const std::string& cascade = "yes") {
  return "<?xml version=\"1.0\"?>\n<srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\">\n"
         "<header cascade=\"" + cascade + "\"/>\n<body><languagerules>\n" + rules +
         "</languagerules><maprules>\n"
         "<languagemap languagepattern=\"EN.*\" languagerulename=\"en\"/>\n"
         "<languagemap languagepattern=\".*\" languagerulename=\"all\"/>\n"
         "</maprules></body></srx>\n";
}

}  // namespace

TEST_CASE("the built-in rules compile without a warning") {
  CHECK(Segmenter::built_in().warnings().empty());
  CHECK(edsync::built_in_srx().find("<languagerule languagerulename=\"English\">") != std::string_view::npos);
  SegmentOptions options;
  CHECK(Segmenter::built_in().rule_count(options) > 10);
}

TEST_CASE("a rule ICU cannot compile is reported with its file and line and skipped") {
  const auto segmenter = Segmenter::from_srx(srx_with_rules("<languagerule languagerulename=\"en\">\n"
                                                            "<rule break=\"no\"><beforebreak>(Mr\\.</beforebreak></rule>\n"
                                                            "</languagerule>\n<languagerule languagerulename=\"all\"/>\n"),
                                             "mine.srx");
  REQUIRE(segmenter);
  REQUIRE(segmenter->warnings().size() == 1);
  CHECK(segmenter->warnings()[0].to_string() ==
        "mine.srx:6: rule cannot be compiled by ICU (U_REGEX_MISMATCHED_PAREN at character 10 of the pattern): "
        "(?:(Mr\\.); rewrite it in ICU regular-expression syntax; it is skipped");
}

TEST_CASE("SRX rules veto and add breaks on top of ICU, the first matching rule wins") {
  const auto segmenter = Segmenter::from_srx(
      srx_with_rules("<languagerule languagerulename=\"en\">\n"
                     "<rule break=\"no\"><beforebreak>\\bMr\\.</beforebreak><afterbreak>\\s</afterbreak></rule>\n"
                     "</languagerule>\n"
                     "<languagerule languagerulename=\"all\">\n"
                     "<rule break=\"yes\"><beforebreak>;</beforebreak><afterbreak>\\s</afterbreak></rule>\n"
                     "<rule break=\"yes\"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule>\n"
                     "</languagerule>\n"),
      "mine.srx");
  REQUIRE(segmenter);
  CHECK(segmenter->warnings().empty());
  const std::string text = "Mr. Smith came; he left. Bye.";
  SegmentOptions options;
  CHECK(segmenter->segment(text, options).size() == 3);  // "Mr." vetoed, ";" added
  options.language = "fr";
  CHECK(segmenter->segment(text, options).size() == 4);  // only the "all" rules
}

TEST_CASE("without cascade only the first matching language map applies") {
  const auto segmenter = Segmenter::from_srx(
      srx_with_rules("<languagerule languagerulename=\"en\"/>\n"
                     "<languagerule languagerulename=\"all\">\n"
                     "<rule break=\"yes\"><beforebreak>;</beforebreak><afterbreak>\\s</afterbreak></rule>\n"
                     "</languagerule>\n",
                     "no"),
      "mine.srx");
  REQUIRE(segmenter);
  CHECK(segmenter->segment("One; two.").size() == 1);
}

TEST_CASE("a file that is not SRX is an error that says what to do") {
  const auto not_xml = Segmenter::from_srx("<srx><header>\n</srx>", "bad.srx");
  REQUIRE_FALSE(not_xml);
  CHECK(not_xml.error().message ==
        "bad.srx:2: not well-formed XML (Start-end tags mismatch); fix the file or give another with --rules");
  const auto not_srx = Segmenter::from_srx("<tmx/>", "tm.tmx");
  REQUIRE_FALSE(not_srx);
  CHECK(not_srx.error().message == "tm.tmx:1: the root element is <tmx>, not <srx>; give an SRX file");
}

TEST_CASE("a runaway pattern gives up instead of hanging the run") {
  const auto segmenter = Segmenter::from_srx(
      srx_with_rules("<languagerule languagerulename=\"all\">\n"
                     "<rule break=\"yes\"><beforebreak>(a+)+b</beforebreak></rule>\n"
                     "</languagerule>\n"),
      "slow.srx");
  REQUIRE(segmenter);
  const std::string text(40, 'a');
  CHECK(segmenter->segment(text).size() == 1);
}
