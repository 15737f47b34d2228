#include <doctest/doctest.h>

#include "edsync/changes.h"

using namespace edsync;

namespace {
using Kind = SentenceChange::Kind;
std::vector<std::string> S(std::initializer_list<const char*> list) { return {list.begin(), list.end()}; }
}  // namespace

TEST_CASE("sentences_of splits paragraphs and sentences and folds white space") {
  CHECK(sentences_of("\nPolice entered the camp.  Two were\nhurt.\n\nA new paragraph\n", "en") ==
        S({"Police entered the camp.", "Two were hurt.", "A new paragraph"}));
  CHECK(sentences_of("دخلت الشرطة المخيم. أصيب اثنان؟ نعم.\n", "ar") ==
        S({"دخلت الشرطة المخيم.", "أصيب اثنان؟", "نعم."}));
}

TEST_CASE("compare_sentences: one changed, one added, one removed") {
  const auto changes = compare_sentences(S({"A.", "B.", "C.", "D."}), S({"A.", "B2.", "C.", "E.", "D."}));
  REQUIRE(changes.size() == 2);
  CHECK(changes[0].kind == Kind::changed);
  CHECK(changes[0].before == "B.");
  CHECK(changes[0].after == "B2.");
  CHECK(changes[1].kind == Kind::added);
  CHECK(changes[1].after == "E.");
  const auto removed = compare_sentences(S({"A.", "B.", "C."}), S({"A.", "C."}));
  REQUIRE(removed.size() == 1);
  CHECK(removed[0].kind == Kind::removed);
  CHECK(removed[0].before == "B.");
  CHECK(compare_sentences(S({"A."}), S({"A."})).empty());
  CHECK(compare_sentences({}, S({"A."}))[0].kind == Kind::added);
}

TEST_CASE("compare_sentences says where each change stands in both lists") {
  const auto changes = compare_sentences(S({"A.", "B.", "C.", "D."}), S({"A.", "B2.", "C.", "E.", "D."}));
  REQUIRE(changes.size() == 2);
  CHECK((changes[0].before_index == 1 && changes[0].after_index == 1));
  CHECK((changes[1].before_index == 3 && changes[1].after_index == 3));
  // The second A. is the added one: the first pairs with the old A.
  const auto repeated = compare_sentences(S({"A.", "B."}), S({"A.", "A.", "B."}));
  REQUIRE(repeated.size() == 1);
  CHECK((repeated[0].kind == Kind::added && repeated[0].after_index == 1));
  const auto removed = compare_sentences(S({"A.", "B.", "C."}), S({"A.", "C."}));
  CHECK((removed[0].before_index == 1 && removed[0].after_index == 1));
}

TEST_CASE("sentences_of uses edsync's segmenter: abbreviations do not end sentences") {
  CHECK(sentences_of("A company of U. S. soldiers left, Gen. Odierno said. Then the police came.\n", "en") ==
        S({"A company of U. S. soldiers left, Gen. Odierno said.", "Then the police came."}));
  CHECK(sentences_of("---\ntitle: T\n---\n\n# Heading\n\n- One item\n- Two items\n", "en") ==
        S({"Heading", "One item", "Two items"}));
}
