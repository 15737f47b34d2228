#include "edsync/language.h"

#include <doctest/doctest.h>

namespace edsync {

TEST_CASE("canonical_language folds case and separators, keeps regions") {
  CHECK(canonical_language("ar") == "ar");
  CHECK(canonical_language("AR_eg") == "ar-EG");
  CHECK(canonical_language("fa-ir") == "fa-IR");
  CHECK(canonical_language("EN-US") == "en-US");
  CHECK(canonical_language("En-uS") == "en-US");
  CHECK(canonical_language("sq-XK") == "sq-XK");
  CHECK(canonical_language("sr-latn-rs") == "sr-Latn-RS");
}

TEST_CASE("canonical_language maps individual languages to the editions' macrolanguage") {
  CHECK(canonical_language("pes") == "fa");
  CHECK(canonical_language("PES_ir") == "fa-IR");
  CHECK(canonical_language("arb") == "ar");
  CHECK(canonical_language("als") == "sq");
  CHECK(canonical_language("fas") == "fa");
}

TEST_CASE("canonical_language keeps other languages and *all*") {
  CHECK(canonical_language("fr-CA") == "fr-CA");
  CHECK(canonical_language("be") == "be");
  CHECK(canonical_language("*all*") == "*all*");
}

TEST_CASE("canonical_language refuses what is not a tag") {
  CHECK_FALSE(canonical_language(""));
  CHECK_FALSE(canonical_language("en us"));
  CHECK_FALSE(canonical_language("-"));
  CHECK_FALSE(canonical_language("toolongsubtag"));
}

TEST_CASE("language_matches: a language matches its regions, a region only itself") {
  CHECK(language_matches("fa-IR", "fa"));
  CHECK(language_matches("fa", "fa"));
  CHECK(language_matches("fa-IR", "fa-IR"));
  CHECK_FALSE(language_matches("fa-AF", "fa-IR"));
  CHECK_FALSE(language_matches("far", "fa"));
  CHECK(language_matches("be", "*all*"));
  CHECK(primary_language("sq-XK") == "sq");
}

}  // namespace edsync
