// Fuzzy-match scoring as CAT tools do it: a token-level edit distance over
// words, where punctuation and case count for little. Pure functions, no I/O.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "edsync/tm.h"

namespace edsync::tm {

struct Token {
  std::string text;    // as written
  std::string folded;  // case-folded
  bool word = true;    // letters, digits and marks; otherwise one punctuation or symbol character
  bool space_before = false;
  std::size_t begin = 0;  // byte offsets in the text tokenized
  std::size_t end = 0;
};

// Splits NFC text into words and single punctuation or symbol characters;
// white space only separates.
std::vector<Token> tokenize(std::string_view text);

// The text with case, punctuation and white space differences removed: two
// segments that differ only in those have the same loose form.
std::string loose_form(std::string_view text);
std::string loose_form(const std::vector<Token>& tokens);  // of tokenize(text)

// 64-bit FNV-1a: the index key of a form.
std::int64_t key_of(std::string_view form);
// The key of "first\x1Fsecond": a pair of words, which never contain U+001F.
std::int64_t key_of(std::string_view first, std::string_view second);

// 0-100: 100 * (1 - distance / max(weight a, weight b)), where inserting,
// deleting or replacing a word costs 1, a punctuation mark 0.25 and a
// case-only change 0.1. 100 only for identical token sequences.
int fuzzy_score(const std::vector<Token>& a, const std::vector<Token>& b);

// The edits that turn `from` into `to`, token by token, adjacent parts of
// one kind merged; parts keep the spacing of the text they come from.
std::vector<DiffPart> token_diff(const std::vector<Token>& from, const std::vector<Token>& to);

// Where the words of `term` occur in `text`, consecutively, ignoring case
// and punctuation between them.
std::vector<Span> find_term(std::string_view text, std::string_view term);

// "same [-removed-]{+added+} same": the diff for plain-text output.
std::string render_diff(const std::vector<DiffPart>& parts);

}  // namespace edsync::tm
