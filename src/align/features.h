// What the aligner sees of a sentence: its length in characters, the anchors
// that survive translation, and its words (for the learned translation table).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace edsync::align_detail {

// Anchor tokens carry their class in the top bits.
enum class TokenClass : std::uint32_t { number = 0, punctuation = 1, latin = 2, word = 3 };
inline constexpr int kTokenClasses = 4;
inline constexpr std::uint32_t kClassShift = 28;
inline TokenClass class_of(std::uint32_t token) { return TokenClass(token >> kClassShift); }
std::uint32_t make_token(TokenClass kind, std::string_view text);

struct Features {
  double length = 0;                  // characters other than white space
  std::vector<std::uint32_t> tokens;  // anchors (and later word translations), sorted
  std::vector<std::uint32_t> words;   // word ids of every form of every word, sorted, unique
  // Each word's forms in text order, every occurrence (a bead's word tokens
  // count occurrences, as its anchors do): with clitics the whole word first
  // then the word without them; forms_per_word[w] of them for word w.
  std::vector<std::uint32_t> forms;
  std::vector<std::uint8_t> forms_per_word;
};

// Clitics a language writes onto its words: a conjunction, preposition or
// article in front, a pronoun or plural behind.
enum class Clitics { none, arabic, persian };
Clitics clitics_of(std::string_view language);

struct FeatureOptions {
  // In a Latin-script text only capitalised words, acronyms and URLs are
  // anchors; in another script every Latin-script token is one.
  bool latin_script = true;
  Clitics clitics = Clitics::none;
};

// The ids of a word written with clitics: the whole word, then each form
// with a clitic taken off (front, back, both) that leaves three letters.
std::vector<std::uint32_t> word_forms(std::string_view word, Clitics clitics);

Features features_of(std::string_view sentence, const FeatureOptions& options);

// The share of letters in Latin script, to tell how a side is written.
double latin_share(const std::vector<std::string>& sentences);

// Word ids as features_of() computes them (normalised, hashed), in text order.
std::vector<std::uint32_t> word_ids(std::string_view text);

// Digits of any of the three systems as ASCII, separators dropped, leading
// zeros removed: "١٬٢٠٠" and "1,200" and "۱۲۰۰" all give "1200".
std::string normalized_number(std::u32string_view digits_and_separators);

}  // namespace edsync::align_detail
