#include <doctest/doctest.h>

#include "edsync/align.h"

namespace {

using edsync::AlignText;
using edsync::Bead;

AlignText text_of(std::vector<std::string> sentences, std::vector<std::size_t> paragraphs = {}) {
  AlignText text;
  if (paragraphs.empty()) paragraphs.assign(sentences.size(), 0);
  text.paragraph_of = paragraphs;
  for (std::size_t s = 0; s < sentences.size(); ++s) text.line_of.push_back(s);
  text.sentences = std::move(sentences);
  return text;
}

std::vector<std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> shapes(const std::vector<Bead>& beads) {
  std::vector<std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> result;
  for (const auto& bead : beads) result.emplace_back(bead.source, bead.target);
  return result;
}

const std::vector<std::string> kEnglish = {
    "Iraqi forces entered Camp Ashraf on Friday.",
    "At least 52 members of the MKO were killed, the UN said.",
    "The UN office in Baghdad said the 3,000 residents would be moved to another camp.",
    "It gave no date for the move.",
    "Officials in Tehran did not comment on the report?",
    "\"We will not leave,\" a resident said."};
const std::vector<std::string> kArabic = {
    "دخلت القوات العراقية مخيم أشرف يوم الجمعة.",
    "وقالت الأمم المتحدة إن ما لا يقل عن ٥٢ عضواً من منظمة MKO قُتلوا.",
    "قال مكتب الأمم المتحدة في بغداد إن السكان البالغ عددهم ٣٬٠٠٠ سينقلون إلى مخيم آخر، ولم يحدد موعداً لعملية النقل.",
    "ولم يعلق المسؤولون في طهران على التقرير؟",
    "وقال أحد السكان: «لن نغادر»."};

}  // namespace

TEST_CASE("a merged translation gives a 2-1 bead between 1-1 beads, with paragraphs and confidences") {
  edsync::AlignOptions options;
  options.target_language = "ar";
  const auto beads = edsync::align_texts(text_of(kEnglish, {0, 0, 1, 1, 1, 1}), text_of(kArabic, {0, 0, 1, 1, 1}), options);
  REQUIRE(beads.ok());
  using Shapes = decltype(shapes(*beads));
  CHECK(shapes(*beads) == Shapes{{{0}, {0}}, {{1}, {1}}, {{2, 3}, {2}}, {{4}, {3}}, {{5}, {4}}});
  CHECK((*beads)[2].source_paragraph == 1);
  CHECK((*beads)[2].target_paragraph == 1);
  for (const auto& bead : *beads) {
    CHECK(bead.confidence >= 0.5);
    CHECK(bead.confidence <= 1.0);
  }
}

TEST_CASE("an empty side and sides too unequal are bad input that says what was found") {
  edsync::AlignOptions options;
  AlignText empty = text_of({});
  empty.name = "ar.txt";
  auto beads = edsync::align_texts(text_of(kEnglish), empty, options);
  REQUIRE_FALSE(beads.ok());
  CHECK(beads.error().kind == edsync::ErrorKind::bad_input);
  CHECK(beads.error().message ==
        "ar.txt: no sentence to align (the text is empty, or only blank lines and paragraph marks)");
  std::vector<std::string> many(30, "A sentence.");
  beads = edsync::align_texts(text_of(many), text_of({"جملة."}), options);
  REQUIRE_FALSE(beads.ok());
  CHECK(beads.error().message == "the source has 30 sentences and the target 1: too unequal to be translations of "
                                 "each other (a bead pairs at most 3 sentences with 1)");
}

TEST_CASE("dictionaries: tab-separated pairs and FreeDict entries") {
  const auto freedict = edsync::read_dictionary(EDSYNC_TEST_DATA_DIR "/align/tiny-eng-ara.index");
  REQUIRE(freedict.ok());
  REQUIRE(freedict->size() == 5);
  CHECK((*freedict)[0].source == "camp");
  CHECK((*freedict)[0].target == "المعسكر");
  CHECK((*freedict)[1].target == "مخيم");
  CHECK((*freedict)[4].target == "قُتل");
  const auto missing = edsync::read_dictionary(EDSYNC_TEST_DATA_DIR "/align/none.index");
  CHECK_FALSE(missing.ok());
}
