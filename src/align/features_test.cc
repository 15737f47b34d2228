#include "features.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <iterator>

namespace {

using namespace edsync::align_detail;

std::vector<std::uint32_t> numbers_in(const std::string& text) {
  std::vector<std::uint32_t> numbers;
  for (const auto token : features_of(text, {}).tokens) {
    if (class_of(token) == TokenClass::number) numbers.push_back(token);
  }
  return numbers;
}

std::vector<std::uint32_t> sorted(std::vector<std::uint32_t> tokens) {
  std::sort(tokens.begin(), tokens.end());
  return tokens;
}

std::uint32_t number(const std::string& digits) { return make_token(TokenClass::number, digits); }

}  // namespace

TEST_CASE("numbers are the same anchor in ASCII, Arabic-Indic and Persian digits") {
  CHECK(normalized_number(U"1,200") == "1200");
  CHECK(normalized_number(U"١٬٢٠٠") == "1200");
  CHECK(normalized_number(U"۱۲۰۰") == "1200");
  CHECK(normalized_number(U"3٫5") == "35");
  CHECK(normalized_number(U"007") == "7");
  CHECK(normalized_number(U"0") == "0");
  CHECK(numbers_in("In 2019, 1,200 people came.") == sorted({number("1200"), number("2019")}));
  CHECK(numbers_in("في عام ٢٠١٩ جاء ١٬٢٠٠ شخص.") == sorted({number("1200"), number("2019")}));
  CHECK(numbers_in("در سال ۲۰۱۹ ۱۲۰۰ نفر آمدند.") == sorted({number("1200"), number("2019")}));
}

TEST_CASE("a date gives its numbers, a separator between digits only") {
  CHECK(numbers_in("On 12.10.2018, at 9.") == sorted({number("9"), number("12102018")}));
  CHECK(numbers_in("Score: 1-0.") == sorted({number("0"), number("1")}));
}

TEST_CASE("question and exclamation marks and quotations are anchors in every script") {
  const auto english = features_of("Why? \"no!\"", {});
  const auto arabic = features_of("لماذا؟ «لا!»", {false});
  CHECK(english.tokens == arabic.tokens);
  CHECK(english.tokens.size() == 3);
}

TEST_CASE("Latin-script names and acronyms kept in a translation are anchors") {
  const auto english = features_of("Members of the MKO met Rudy Giuliani at www.example.org.", {true});
  const auto persian = features_of("اعضای MKO با Rudy Giuliani دیدار کردند.", {false});
  std::vector<std::uint32_t> shared;
  std::set_intersection(english.tokens.begin(), english.tokens.end(), persian.tokens.begin(), persian.tokens.end(),
                        std::back_inserter(shared));
  CHECK(shared.size() == 2);  // mko, rudy giuliani
  // A name of several words is one anchor: its words are kept or dropped together.
  const auto latin_tokens = [](const Features& features) {
    return std::count_if(features.tokens.begin(), features.tokens.end(),
                         [](std::uint32_t token) { return class_of(token) == TokenClass::latin; });
  };
  CHECK(latin_tokens(features_of("So Haris told Associated Press.", {true})) == 2);
  CHECK(latin_tokens(features_of("Haris به Associated Press گفت", {false})) == 2);
  // The first word of a Latin-script sentence is capitalised anyway.
  CHECK(features_of("Members met.", {true}).tokens.empty());
}

TEST_CASE("length counts characters, not bytes, and not white space") {
  CHECK(features_of("ab cd", {}).length == 4);
  CHECK(features_of("مرحبا بك", {false}).length == 7);
}

TEST_CASE("words: the Arabic article and letter variants fold together") {
  CHECK(word_ids("الكتاب") == word_ids("كتاب"));
  CHECK(word_ids("أحمد") == word_ids("احمد"));
  CHECK(word_ids("The Book") == word_ids("the book"));
}

TEST_CASE("a word written with clitics is also looked up without them") {
  const auto id_of = [](const char* word, Clitics clitics) { return word_forms(word, clitics).front(); };
  const auto has = [](const std::vector<std::uint32_t>& forms, std::uint32_t id) {
    return std::find(forms.begin(), forms.end(), id) != forms.end();
  };
  // "and in the city", "his book", "with them": the bare words are among the forms.
  CHECK(has(word_forms("وبالمدينة", Clitics::arabic), id_of("مدينة", Clitics::arabic)));
  CHECK(has(word_forms("كتابه", Clitics::arabic), id_of("كتاب", Clitics::arabic)));
  CHECK(has(word_forms("للحكومة", Clitics::arabic), id_of("حكومة", Clitics::arabic)));
  // Persian: the plural, the object marker, the continuous prefix (with its ZWNJ).
  CHECK(has(word_forms("کتاب‌ها", Clitics::persian), id_of("کتاب", Clitics::persian)));
  CHECK(has(word_forms("می‌روند", Clitics::persian), id_of("روند", Clitics::persian)));
  // A form keeps three letters: a short word is only itself.
  CHECK(word_forms("بك", Clitics::arabic).size() == 1);
  CHECK(word_forms("city", Clitics::none).size() == 1);
  CHECK(clitics_of("ar") == Clitics::arabic);
  CHECK(clitics_of("fa-IR") == Clitics::persian);
  CHECK(clitics_of("sq") == Clitics::none);
}
