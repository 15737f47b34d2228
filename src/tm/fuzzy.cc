#include "fuzzy.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>

namespace edsync::tm {

namespace {

constexpr double kWordCost = 1.0;
constexpr double kPunctuationCost = 0.25;
constexpr double kCaseCost = 0.1;

bool is_word_character(UChar32 c) {
  return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0 || c == 0x200C || c == 0x200D;
}

void append_utf8(std::string& out, UChar32 c) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, U8_MAX_LENGTH, c, error);
  if (!error) out.append(buffer, static_cast<std::size_t>(length));
}

// U+0009-U+000D and U+0020: the ASCII characters ICU calls white space.
bool is_ascii_space(UChar32 c) { return c == ' ' || (c >= 0x09 && c <= 0x0D); }
bool is_ascii_alnum(UChar32 c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char ascii_lower(UChar32 c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c); }

double weight(const Token& token) { return token.word ? kWordCost : kPunctuationCost; }

double substitution_cost(const Token& a, const Token& b) {
  if (a.text == b.text) return 0;
  if (a.folded == b.folded) return kCaseCost;
  return std::max(weight(a), weight(b));
}

double total_weight(const std::vector<Token>& tokens) {
  double total = 0;
  for (const auto& token : tokens) total += weight(token);
  return total;
}

// Edit-distance table, (a.size()+1) x (b.size()+1), row-major.
std::vector<double> distance_table(const std::vector<Token>& a, const std::vector<Token>& b) {
  const std::size_t columns = b.size() + 1;
  std::vector<double> d((a.size() + 1) * columns, 0.0);
  for (std::size_t j = 1; j <= b.size(); ++j) d[j] = d[j - 1] + weight(b[j - 1]);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    d[i * columns] = d[(i - 1) * columns] + weight(a[i - 1]);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i * columns + j] = std::min({d[(i - 1) * columns + j] + weight(a[i - 1]),
                                     d[i * columns + j - 1] + weight(b[j - 1]),
                                     d[(i - 1) * columns + j - 1] + substitution_cost(a[i - 1], b[j - 1])});
    }
  }
  return d;
}

void add_part(std::vector<DiffPart>& parts, DiffPart::Kind kind, const Token& token) {
  const bool space = token.space_before;
  if (!parts.empty() && parts.back().kind == kind) {
    if (space) parts.back().text += ' ';
    parts.back().text += token.text;
    return;
  }
  DiffPart part{kind, std::string(space ? " " : "") + token.text};
  parts.push_back(std::move(part));
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 4 + 1);  // about one token per word of prose: fewer moves
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  bool in_word = false;
  bool space = false;
  for (int32_t offset = 0; offset < length;) {
    const auto start = static_cast<std::size_t>(offset);
    UChar32 c;
    U8_NEXT(bytes, offset, length, c);
    const bool valid = c >= 0;
    if (!valid) c = 0xFFFD;
    if (c < 0x80 ? is_ascii_space(c) : u_isUWhiteSpace(c)) {
      in_word = false;
      space = true;
      continue;
    }
    const bool word = c < 0x80 ? is_ascii_alnum(c) : is_word_character(c);
    if (!word || !in_word) {
      tokens.push_back({"", "", word, space && !tokens.empty(), start, start});
      space = false;
    }
    Token& token = tokens.back();
    token.end = static_cast<std::size_t>(offset);
    // Most text is ASCII: its bytes are the character and its folding is tolower.
    if (c < 0x80) {
      token.text += static_cast<char>(c);
      token.folded += ascii_lower(c);
    } else {
      if (valid) token.text.append(text.substr(start, token.end - start));
      else append_utf8(token.text, c);
      append_utf8(token.folded, u_foldCase(c, U_FOLD_CASE_DEFAULT));
    }
    in_word = word;
  }
  return tokens;
}

std::string loose_form(const std::vector<Token>& tokens) {
  std::string form;
  for (const auto& token : tokens) {
    if (!token.word) continue;
    if (!form.empty()) form += ' ';
    form += token.folded;
  }
  return form;
}

std::string loose_form(std::string_view text) { return loose_form(tokenize(text)); }

namespace {

constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;

std::uint64_t fnv1a(std::uint64_t hash, std::string_view bytes) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

}  // namespace

std::int64_t key_of(std::string_view form) { return static_cast<std::int64_t>(fnv1a(kFnvOffset, form)); }

std::int64_t key_of(std::string_view first, std::string_view second) {
  return static_cast<std::int64_t>(fnv1a(fnv1a(fnv1a(kFnvOffset, first), "\x1F"), second));
}

int fuzzy_score(const std::vector<Token>& a, const std::vector<Token>& b) {
  const double longest = std::max(total_weight(a), total_weight(b));
  if (longest == 0) return 100;
  const double distance = distance_table(a, b).back();
  if (distance == 0) return 100;
  const int score = static_cast<int>(std::floor(100.0 * (1.0 - distance / longest) + 1e-9));
  return std::clamp(score, 0, 99);
}

std::vector<DiffPart> token_diff(const std::vector<Token>& from, const std::vector<Token>& to) {
  const auto d = distance_table(from, to);
  const std::size_t columns = to.size() + 1;
  std::vector<std::pair<DiffPart::Kind, const Token*>> steps;
  std::size_t i = from.size(), j = to.size();
  while (i > 0 || j > 0) {
    const double here = d[i * columns + j];
    if (i > 0 && j > 0 && from[i - 1].text == to[j - 1].text && here == d[(i - 1) * columns + j - 1]) {
      steps.emplace_back(DiffPart::Kind::same, &to[j - 1]);
      --i, --j;
    } else if (j > 0 && (i == 0 || here == d[i * columns + j - 1] + weight(to[j - 1]))) {
      steps.emplace_back(DiffPart::Kind::added, &to[j - 1]);
      --j;
    } else if (i > 0 && (j == 0 || here == d[(i - 1) * columns + j] + weight(from[i - 1]))) {
      steps.emplace_back(DiffPart::Kind::removed, &from[i - 1]);
      --i;
    } else {  // a substitution: show the old token removed before the new one added
      steps.emplace_back(DiffPart::Kind::added, &to[j - 1]);
      steps.emplace_back(DiffPart::Kind::removed, &from[i - 1]);
      --i, --j;
    }
  }
  std::reverse(steps.begin(), steps.end());
  std::vector<DiffPart> parts;
  for (const auto& [kind, token] : steps) add_part(parts, kind, *token);
  return parts;
}

std::vector<Span> find_term(std::string_view text, std::string_view term) {
  std::vector<Token> wanted;
  for (auto& token : tokenize(term))
    if (token.word) wanted.push_back(std::move(token));
  std::vector<Token> words;
  for (auto& token : tokenize(text))
    if (token.word) words.push_back(std::move(token));
  std::vector<Span> spans;
  if (wanted.empty()) return spans;
  for (std::size_t i = 0; i + wanted.size() <= words.size(); ++i) {
    std::size_t k = 0;
    while (k < wanted.size() && words[i + k].folded == wanted[k].folded) ++k;
    if (k < wanted.size()) continue;
    spans.push_back({words[i].begin, words[i + k - 1].end});
    i += k - 1;
  }
  return spans;
}

std::string render_diff(const std::vector<DiffPart>& parts) {
  std::string out;
  const DiffPart* previous = nullptr;
  for (const auto& part : parts) {
    const std::size_t lead = part.text.starts_with(' ') ? 1 : 0;
    // A replacement reads as one edit: no space between what went and what came.
    const bool replacement = previous && previous->kind != DiffPart::Kind::same && part.kind != DiffPart::Kind::same;
    if (!replacement) out += part.text.substr(0, lead);
    previous = &part;
    const std::string body = part.text.substr(lead);
    switch (part.kind) {
      case DiffPart::Kind::same: out += body; break;
      case DiffPart::Kind::removed: out += "[-" + body + "-]"; break;
      case DiffPart::Kind::added: out += "{+" + body + "+}"; break;
    }
  }
  return out;
}

}  // namespace edsync::tm
