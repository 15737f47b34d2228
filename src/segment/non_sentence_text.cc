#include "non_sentence_text.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace edsync::segment_detail {

namespace {

using Index = std::int32_t;

// HTML elements, and the inline elements of TMX and XLIFF 1.2 and 2.0. Only
// these count as tags, so that "if a<b and c>d" stays text.
constexpr std::u16string_view kTagNames[] = {
    u"a",       u"abbr",   u"acronym", u"address", u"area",   u"article", u"aside",    u"audio",   u"b",
    u"bdi",     u"bdo",    u"big",     u"blockquote", u"body", u"br",     u"button",   u"caption", u"center",
    u"cite",    u"code",   u"col",     u"colgroup", u"dd",    u"del",     u"details",  u"dfn",     u"div",
    u"dl",      u"dt",     u"em",      u"figcaption", u"figure", u"font", u"footer",   u"form",    u"h1",
    u"h2",      u"h3",     u"h4",      u"h5",      u"h6",     u"head",    u"header",   u"hr",      u"html",
    u"i",       u"iframe", u"img",     u"input",   u"ins",    u"kbd",     u"label",    u"li",      u"link",
    u"main",    u"mark",   u"meta",    u"nav",     u"ol",     u"p",       u"picture",  u"pre",     u"q",
    u"s",       u"samp",   u"script",  u"section", u"small",  u"source",  u"span",     u"strike",  u"strong",
    u"style",   u"sub",    u"summary", u"sup",     u"table",  u"tbody",   u"td",       u"tfoot",   u"th",
    u"thead",   u"time",   u"title",   u"tr",      u"tt",     u"u",       u"ul",       u"var",     u"wbr",
    u"bpt",     u"ept",    u"ph",      u"it",      u"ut",     u"hi",      u"g",        u"x",       u"bx",
    u"ex",      u"mrk",    u"pc",      u"sc",      u"ec",
};

// Elements whose content is code, not text: TMX/XLIFF inline codes hold the
// native markup they stand for ("<bpt i="1">&lt;b&gt;</bpt>").
constexpr std::u16string_view kCodeNames[] = {u"bpt", u"ept", u"ph", u"it", u"ut", u"script", u"style"};

constexpr Index kMaxTagLength = 1000;
constexpr Index kMaxCodeLength = 2000;
constexpr Index kMinLeaderDots = 5;
constexpr Index kMinSeparatorRun = 10;

bool is_ascii_letter(char16_t c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'); }
bool is_ascii_digit(char16_t c) { return c >= u'0' && c <= u'9'; }
bool is_line_end(char16_t c) { return c == u'\n' || c == u'\r'; }
bool is_space(char16_t c) { return u_isUWhiteSpace(c); }
char16_t ascii_lower(char16_t c) { return c >= u'A' && c <= u'Z' ? static_cast<char16_t>(c + (u'a' - u'A')) : c; }

// White space over [begin, end), keeping line breaks where they are.
void blank_out(icu::UnicodeString& text, Index begin, Index end, UnitRanges* changed) {
  if (changed && begin < end) changed->emplace_back(begin, end);
  for (Index at = begin; at < end; ++at) {
    if (!is_line_end(text.charAt(at))) text.setCharAt(at, u' ');
  }
}

// The characters a leader or separator run is made of: a dot, or one of the
// separator marks / \ = - _ * ~ # +; as bits over ASCII.
constexpr std::array<std::uint64_t, 2> kRunMarks = [] {
  std::array<std::uint64_t, 2> bits{};
  for (const char16_t c : std::u16string_view(u"./\\=-_*~#+")) bits[c / 64] |= std::uint64_t{1} << (c % 64);
  return bits;
}();

// One test of a table instead of a chain of comparisons, whose branches the
// letters and spaces of ordinary text take at random.
bool may_start_run(char16_t c) { return c < 128 && ((kRunMarks[c / 64] >> (c % 64)) & 1U) != 0; }

bool is_in(std::u16string_view set, char16_t c) { return c != u'\0' && set.find(c) != std::u16string_view::npos; }

// Whether text[begin, end) is one of the names, ignoring ASCII case.
bool is_one_of(const icu::UnicodeString& text, Index begin, Index end, std::span<const std::u16string_view> names) {
  return std::any_of(names.begin(), names.end(), [&](std::u16string_view name) {
    if (static_cast<Index>(name.size()) != end - begin) return false;
    for (Index at = begin; at < end; ++at) {
      if (ascii_lower(text.charAt(at)) != name[static_cast<std::size_t>(at - begin)]) return false;
    }
    return true;
  });
}

// Reads one tag from '<': "<name attr="v" ...>", "<name/>" or "</name>".
// Every attribute needs a value, which keeps "a <b and c> d" out.
class TagReader {
 public:
  struct Tag {
    Index end = 0;  // after '>'
    Index name_begin = 0;
    Index name_end = 0;
    bool closing = false;  // "</...>"
    bool opening = true;   // neither "</...>" nor "<.../>"
  };

  TagReader(const icu::UnicodeString& text, Index begin)
      : text_(text), at_(begin + 1), limit_(std::min(text.length(), begin + kMaxTagLength)) {}

  std::optional<Tag> read() {
    Tag tag;
    const bool closing = take(u'/');
    tag.name_begin = at_;
    if (!name()) return std::nullopt;
    tag.name_end = at_;
    if (!is_one_of(text_, tag.name_begin, tag.name_end, kTagNames)) return std::nullopt;
    while (!closing && spaces() && attribute()) {
    }
    spaces();
    const bool self_closing = !closing && take(u'/');
    if (!take(u'>')) return std::nullopt;
    tag.end = at_;
    tag.closing = closing;
    tag.opening = !closing && !self_closing;
    return tag;
  }

 private:
  bool more() const { return at_ < limit_; }
  char16_t peek() const { return more() ? text_.charAt(at_) : u'\0'; }
  bool take(char16_t c) {
    if (peek() != c) return false;
    ++at_;
    return true;
  }
  bool spaces() {
    const Index begin = at_;
    while (more() && is_space(peek())) ++at_;
    return at_ > begin;
  }
  bool name() {
    if (!is_ascii_letter(peek())) return false;
    while (more() && (is_ascii_letter(peek()) || is_ascii_digit(peek()) || peek() == u'-' || peek() == u':' ||
                      peek() == u'_' || peek() == u'.')) {
      ++at_;
    }
    return true;
  }
  bool attribute() {
    const Index begin = at_;
    if (!name() || !take(u'=')) {
      at_ = begin;
      return false;
    }
    const char16_t quote = peek();
    if (quote == u'"' || quote == u'\'') {
      ++at_;
      while (more() && peek() != quote && peek() != u'<') ++at_;
      return take(quote);
    }
    const Index value = at_;
    while (more() && !is_space(peek()) && peek() != u'>' && peek() != u'<' && peek() != u'"' && peek() != u'\'') ++at_;
    return at_ > value;
  }

  const icu::UnicodeString& text_;
  Index at_;
  Index limit_;
};

bool same_name(const icu::UnicodeString& text, const TagReader::Tag& a, const TagReader::Tag& b) {
  if (a.name_end - a.name_begin != b.name_end - b.name_begin) return false;
  for (Index i = 0; i < a.name_end - a.name_begin; ++i) {
    if (ascii_lower(text.charAt(a.name_begin + i)) != ascii_lower(text.charAt(b.name_begin + i))) return false;
  }
  return true;
}

// Where the element that `opening` starts is closed, or nothing (inline codes
// do not nest: another opening tag of the same name ends the search).
std::optional<Index> closing_tag_end(const icu::UnicodeString& text, const TagReader::Tag& opening) {
  const Index limit = std::min(text.length(), opening.end + kMaxCodeLength);
  for (Index at = text.indexOf(u'<', opening.end); at >= 0 && at < limit; at = text.indexOf(u'<', at + 1)) {
    const auto tag = TagReader(text, at).read();
    if (!tag || !same_name(text, *tag, opening)) continue;
    if (tag->closing) return tag->end;
    if (tag->opening) return std::nullopt;
  }
  return std::nullopt;
}

void mask_markup(icu::UnicodeString& text, UnitRanges* changed) {
  for (Index at = text.indexOf(u'<'); at >= 0; at = text.indexOf(u'<', at + 1)) {
    const auto tag = TagReader(text, at).read();
    if (!tag) continue;
    Index end = tag->end;
    if (tag->opening && is_one_of(text, tag->name_begin, tag->name_end, kCodeNames)) {
      end = closing_tag_end(text, *tag).value_or(tag->end);
    }
    blank_out(text, at, end, changed);
    at = end - 1;
  }
}

// After a run of dots: " 12", "16-17" or "xiv" up to the end of the line.
std::optional<Index> page_reference_end(const icu::UnicodeString& text, Index at) {
  while (at < text.length() && (text.charAt(at) == u' ' || text.charAt(at) == u'\t')) ++at;
  const Index begin = at;
  while (at < text.length() && at - begin < 12 &&
         (is_ascii_digit(text.charAt(at)) || text.charAt(at) == u'-' || text.charAt(at) == u'\u2013' ||
          is_in(u"ivxlcIVXLC", text.charAt(at)))) {
    ++at;
  }
  if (at == begin) return std::nullopt;
  const Index end = at;
  while (at < text.length() && (text.charAt(at) == u' ' || text.charAt(at) == u'\t')) ++at;
  if (at < text.length() && !is_line_end(text.charAt(at))) return std::nullopt;
  return end;
}

// "About Me..........5" (a table of contents) and "/////////////" or
// "==========" (separators). Shorter runs of dots are ellipses. This runs
// over every block, so it looks at every fifth character only: a run long
// enough to matter always holds one of them.
void mask_leaders_and_separators(icu::UnicodeString& text, UnitRanges* changed) {
  static_assert(kMinLeaderDots <= kMinSeparatorRun);
  std::vector<std::pair<Index, Index>> blanks;
  const char16_t* units = text.getBuffer();
  const Index length = text.length();
  Index done = 0;  // runs before this are read
  for (Index probe = 0; probe < length; probe += kMinLeaderDots) {
    const char16_t c = units[probe];
    if (!may_start_run(c) || probe < done) continue;
    Index begin = probe;
    while (begin > done && units[begin - 1] == c) --begin;
    Index end = probe + 1;
    while (end < length && units[end] == c) ++end;
    if (c == u'.' && end - begin >= kMinLeaderDots) {
      if (const auto page = page_reference_end(text, end)) blanks.emplace_back(begin, *page);
    } else if (c != u'.' && end - begin >= kMinSeparatorRun) {
      blanks.emplace_back(begin, end);
    }
    done = end;
  }
  for (const auto& [begin, end] : blanks) blank_out(text, begin, end, changed);
}

// "\n", "\r\n" and the typed "\ n" of a bad export ("Title\nThe text",
// "end. \ r \ nNext"), not the start of a word ("\new") nor a path ("C:\Notes").
void mask_escaped_line_breaks(icu::UnicodeString& text, UnitRanges* changed) {
  Index previous_end = -1;
  for (Index at = text.indexOf(u'\\'); at >= 0; at = text.indexOf(u'\\', at + 1)) {
    const bool spaced = at + 1 < text.length() && text.charAt(at + 1) == u' ';
    const Index letter = at + (spaced ? 2 : 1);
    if (letter >= text.length() || (text.charAt(letter) != u'n' && text.charAt(letter) != u'r')) continue;
    const char16_t before = at > 0 ? text.charAt(at - 1) : u' ';
    const char16_t after = letter + 1 < text.length() ? text.charAt(letter + 1) : u' ';
    const bool starts_well = at == previous_end || is_space(before) || (!spaced && !is_in(u":/\\", before));
    const bool ends_well = is_space(after) || after == u'\\' || u_isupper(after) || is_ascii_digit(after);
    if (!starts_well || !ends_well) continue;
    blank_out(text, at, letter + 1, changed);  // the letter too, which becomes a line break
    text.setCharAt(letter, u'\n');
    previous_end = letter + 1;
    at = letter;
  }
}

}  // namespace

MaskHints mask_hints(std::string_view utf8, MaskHints within) {
  return {within.angle_brackets && utf8.find('<') != std::string_view::npos,
          within.backslashes && utf8.find('\\') != std::string_view::npos};
}

void mask_non_sentence_text(icu::UnicodeString& text, MaskHints hints, UnitRanges* changed) {
  if (hints.angle_brackets) mask_markup(text, changed);
  mask_leaders_and_separators(text, changed);
  if (hints.backslashes) mask_escaped_line_breaks(text, changed);
}

}  // namespace edsync::segment_detail
