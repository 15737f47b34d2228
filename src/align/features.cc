#include "features.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace edsync::align_detail {

namespace {

std::uint32_t fnv1a(std::string_view text) {
  std::uint32_t hash = 2166136261u;
  for (const unsigned char c : text) hash = (hash ^ c) * 16777619u;
  return hash;
}

std::u32string decode(std::string_view text) {
  std::u32string result;
  result.reserve(text.size());
  std::int32_t i = 0;
  const auto length = static_cast<std::int32_t>(text.size());
  while (i < length) {
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    result.push_back(c < 0 ? 0xFFFD : static_cast<char32_t>(c));
  }
  return result;
}

void append_utf8(std::string& out, char32_t c) {
  char buffer[4];
  std::int32_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, static_cast<UChar32>(c));
  out.append(buffer, static_cast<std::size_t>(length));
}

int digit_value(char32_t c) {
  if (c >= U'0' && c <= U'9') return int(c - U'0');
  if (c >= 0x0660 && c <= 0x0669) return int(c - 0x0660);  // Arabic-Indic
  if (c >= 0x06F0 && c <= 0x06F9) return int(c - 0x06F0);  // Persian
  return -1;
}

bool is_number_separator(char32_t c) {
  return c == U',' || c == U'.' || c == 0x066B || c == 0x066C || c == 0x2019 || c == U'\'';
}

bool is_word_char(char32_t c) {
  return u_isalpha(static_cast<UChar32>(c)) || u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK ||
         c == 0x200C;  // zero-width non-joiner inside Persian words
}

bool is_latin(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_LATIN;
}

bool is_quote(char32_t c) {
  return c == U'"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB;
}

// Lower case; Arabic and Persian letters folded to one form, diacritics and
// tatweel dropped.
std::u32string folded_word(std::u32string_view word) {
  std::u32string folded;
  for (const char32_t c : word) {
    if ((c >= 0x064B && c <= 0x0652) || c == 0x0640 || c == 0x200C) continue;
    if (c == 0x0623 || c == 0x0625 || c == 0x0622) folded.push_back(0x0627);
    else if (c == 0x0649 || c == 0x064A) folded.push_back(0x06CC);
    else if (c == 0x0643) folded.push_back(0x06A9);
    else if (c == 0x0629) folded.push_back(0x0647);
    else folded.push_back(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
  }
  return folded;
}

// A folded word as its id names it: the article and the conjunction taken
// off the front, then a crude stem, the word's first letters: enough to join
// the forms of a word that a table learned from a few hundred sentences sees apart.
std::string stem_of(std::u32string_view view) {
  if (view.size() >= 5 && view[0] == 0x0648 && view[1] == 0x0627 && view[2] == 0x0644) view.remove_prefix(1);
  if (view.size() >= 5 && view[0] == 0x0627 && view[1] == 0x0644) view.remove_prefix(2);
  const bool arabic_script = !view.empty() && view[0] >= 0x0600 && view[0] < 0x0700;
  const std::size_t stem = arabic_script ? 4 : 6;
  if (view.size() > stem) view = view.substr(0, stem);
  std::string result;
  for (const char32_t c : view) append_utf8(result, c);
  return result;
}

std::string normalized_word(std::u32string_view word) { return stem_of(folded_word(word)); }

// Clitics as folded letters (ي as ی, ك as ک), longest first: a conjunction,
// then a preposition or the article.
const std::vector<std::u32string>& conjunctions_of(Clitics clitics) {
  static const std::vector<std::u32string> arabic = {U"\u0648", U"\u0641"};
  static const std::vector<std::u32string> none;
  return clitics == Clitics::arabic ? arabic : none;
}

const std::vector<std::u32string>& prefixes_of(Clitics clitics) {
  static const std::vector<std::u32string> arabic = {U"\u0628\u0627\u0644", U"\u0644\u0644", U"\u0627\u0644",
                                                     U"\u0628", U"\u0644", U"\u06A9"};
  static const std::vector<std::u32string> persian = {U"\u0646\u0645\u06CC", U"\u0645\u06CC"};
  static const std::vector<std::u32string> none;
  return clitics == Clitics::arabic ? arabic : clitics == Clitics::persian ? persian : none;
}

const std::vector<std::u32string>& suffixes_of(Clitics clitics) {
  static const std::vector<std::u32string> arabic = {U"\u0647\u0645\u0627", U"\u0647\u0627", U"\u0647\u0645",
                                                     U"\u06A9\u0645", U"\u0646\u0627", U"\u0647", U"\u06CC",
                                                     U"\u06A9"};
  static const std::vector<std::u32string> persian = {U"\u0647\u0627\u06CC", U"\u0647\u0627", U"\u0631\u0627",
                                                      U"\u06CC"};
  static const std::vector<std::u32string> none;
  return clitics == Clitics::arabic ? arabic : clitics == Clitics::persian ? persian : none;
}

constexpr std::size_t kMinStem = 3;  // letters a form keeps: shorter is more often a whole word

std::u32string_view without_one(std::u32string_view word, const std::vector<std::u32string>& prefixes) {
  for (const auto& prefix : prefixes)
    if (word.size() >= prefix.size() + kMinStem && word.starts_with(prefix)) return word.substr(prefix.size());
  return word;
}

std::u32string_view without_prefix(std::u32string_view word, Clitics clitics) {
  return without_one(without_one(word, conjunctions_of(clitics)), prefixes_of(clitics));
}

std::u32string_view without_suffix(std::u32string_view word, Clitics clitics) {
  for (const auto& suffix : suffixes_of(clitics))
    if (word.size() >= suffix.size() + kMinStem && word.ends_with(suffix)) return word.substr(0, word.size() - suffix.size());
  return word;
}

void add_forms(std::u32string_view word, Clitics clitics, std::vector<std::uint32_t>& out) {
  const std::size_t first = out.size();
  const std::u32string folded = folded_word(word);
  const std::u32string_view whole = folded, front = without_prefix(whole, clitics);
  for (const auto form : {whole, front, without_suffix(whole, clitics), without_suffix(front, clitics)}) {
    const std::uint32_t id = fnv1a(stem_of(form));
    if (std::find(out.begin() + std::ptrdiff_t(first), out.end(), id) == out.end()) out.push_back(id);
  }
}

struct Word {
  std::size_t begin, end;
};

std::vector<Word> words_in(const std::u32string& text) {
  std::vector<Word> words;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_word_char(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && is_word_char(text[end])) ++end;
    words.push_back({i, end});
    i = end;
  }
  return words;
}

void add_numbers(const std::u32string& text, std::vector<std::uint32_t>& tokens) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (digit_value(text[i]) < 0) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() &&
           (digit_value(text[end]) >= 0 ||
            (is_number_separator(text[end]) && end + 1 < text.size() && digit_value(text[end + 1]) >= 0))) {
      ++end;
    }
    tokens.push_back(make_token(TokenClass::number,
                                normalized_number(std::u32string_view(text).substr(i, end - i))));
    i = end;
  }
}

void add_punctuation(const std::u32string& text, std::vector<std::uint32_t>& tokens) {
  int quotes = 0;
  for (const char32_t c : text) {
    if (c == U'?' || c == 0x061F) tokens.push_back(make_token(TokenClass::punctuation, "?"));
    if (c == U'!') tokens.push_back(make_token(TokenClass::punctuation, "!"));
    if (is_quote(c)) ++quotes;
  }
  for (int q = 0; q < (quotes + 1) / 2; ++q) tokens.push_back(make_token(TokenClass::punctuation, "\""));
}

bool is_latin_anchor(const std::u32string& text, Word word, bool first, const FeatureOptions& options) {
  if (!is_latin(text[word.begin])) return false;
  const std::size_t size = word.end - word.begin;
  if (!options.latin_script) return size >= 2 || u_isupper(static_cast<UChar32>(text[word.begin]));
  const bool capital = u_isupper(static_cast<UChar32>(text[word.begin]));
  const bool acronym = size >= 2 && std::all_of(text.begin() + word.begin, text.begin() + word.end,
                                                [](char32_t c) { return u_isupper(static_cast<UChar32>(c)); });
  return acronym || (capital && !first && size >= 2);
}

bool only_space_between(const std::u32string& text, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i)
    if (!u_isUWhiteSpace(static_cast<UChar32>(text[i]))) return false;
  return true;
}

}  // namespace

std::uint32_t make_token(TokenClass kind, std::string_view text) {
  return (static_cast<std::uint32_t>(kind) << kClassShift) | (fnv1a(text) & ((1u << kClassShift) - 1));
}

std::string normalized_number(std::u32string_view digits_and_separators) {
  std::string result;
  for (const char32_t c : digits_and_separators) {
    const int digit = digit_value(c);
    if (digit < 0 || (digit == 0 && result.empty())) continue;
    result.push_back(static_cast<char>('0' + digit));
  }
  return result.empty() ? "0" : result;
}

Features features_of(std::string_view sentence, const FeatureOptions& options) {
  Features features;
  const std::u32string text = decode(sentence);
  for (const char32_t c : text) {
    if (!u_isUWhiteSpace(static_cast<UChar32>(c))) features.length += 1;
  }
  add_numbers(text, features.tokens);
  add_punctuation(text, features.tokens);
  const auto words = words_in(text);
  std::string name;  // the Latin-script name being read, its words joined
  for (std::size_t w = 0; w < words.size(); ++w) {
    const std::u32string_view view = std::u32string_view(text).substr(words[w].begin, words[w].end - words[w].begin);
    if (is_latin_anchor(text, words[w], w == 0, options)) {
      // The words of a name (Associated Press) are kept or dropped together:
      // one anchor, not one per word.
      const bool continues = !name.empty() && only_space_between(text, words[w - 1].end, words[w].begin);
      if (continues) features.tokens.pop_back();
      name = (continues ? name + " " : std::string()) + normalized_word(view);
      features.tokens.push_back(make_token(TokenClass::latin, name));
    } else {
      name.clear();
    }
    if (options.clitics == Clitics::none) {
      features.forms.push_back(fnv1a(normalized_word(view)));
      features.forms_per_word.push_back(1);
      continue;
    }
    const std::size_t before = features.forms.size();
    add_forms(view, options.clitics, features.forms);
    features.forms_per_word.push_back(std::uint8_t(features.forms.size() - before));
  }
  features.words.insert(features.words.end(), features.forms.begin(), features.forms.end());
  std::sort(features.tokens.begin(), features.tokens.end());
  std::sort(features.words.begin(), features.words.end());
  features.words.erase(std::unique(features.words.begin(), features.words.end()), features.words.end());
  return features;
}

Clitics clitics_of(std::string_view language) {
  const std::string_view primary = language.substr(0, language.find_first_of("-_"));
  if (primary == "ar" || primary == "arb") return Clitics::arabic;
  if (primary == "fa" || primary == "fas" || primary == "per") return Clitics::persian;
  return Clitics::none;
}

std::vector<std::uint32_t> word_forms(std::string_view word, Clitics clitics) {
  std::vector<std::uint32_t> forms;
  add_forms(decode(word), clitics, forms);
  return forms;
}

std::vector<std::uint32_t> word_ids(std::string_view text) {
  const std::u32string decoded = decode(text);
  std::vector<std::uint32_t> ids;
  for (const auto word : words_in(decoded)) {
    ids.push_back(fnv1a(normalized_word(std::u32string_view(decoded).substr(word.begin, word.end - word.begin))));
  }
  return ids;
}

double latin_share(const std::vector<std::string>& sentences) {
  std::size_t letters = 0, latin = 0;
  for (const auto& sentence : sentences) {
    for (const char32_t c : decode(sentence)) {
      if (!u_isalpha(static_cast<UChar32>(c))) continue;
      ++letters;
      if (is_latin(c)) ++latin;
    }
    if (letters > 20000) break;
  }
  return letters == 0 ? 1.0 : double(latin) / double(letters);
}

}  // namespace edsync::align_detail
