#include "inline_parser.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include "syntax.h"

namespace edsync::markdown::detail {

namespace {

char32_t decode_at(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0U; };
  const unsigned first = byte(at);
  if (first < 0x80) return first;
  if ((first & 0xE0) == 0xC0) return ((first & 0x1F) << 6) | (byte(at + 1) & 0x3F);
  if ((first & 0xF0) == 0xE0) return ((first & 0x0F) << 12) | ((byte(at + 1) & 0x3F) << 6) | (byte(at + 2) & 0x3F);
  return ((first & 0x07) << 18) | ((byte(at + 1) & 0x3F) << 12) | ((byte(at + 2) & 0x3F) << 6) | (byte(at + 3) & 0x3F);
}

bool is_unicode_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool is_unicode_punctuation(char32_t c) {
  if (c < 0x80) return is_ascii_punctuation(static_cast<char>(c));
  return (c >= 0xA1 && c <= 0xBF && c != 0xAA && c != 0xB2 && c != 0xB3 && c != 0xB5 && c != 0xB9 && c != 0xBA) ||
         (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) || (c >= 0x3001 && c <= 0x3003) ||
         (c >= 0x3008 && c <= 0x3011) || c == 0x060C || c == 0x061B || c == 0x061F || (c >= 0x066A && c <= 0x066D) ||
         c == 0x06D4;
}

// One thing met while scanning, before emphasis is resolved.
struct Item {
  enum class Kind { element, delimiter, bracket } kind = Kind::element;
  Element element;
  // delimiter runs of * or _
  char mark = 0;
  std::size_t length = 0, remaining = 0;
  std::size_t front = 0;  // marks used from the start (as a closer); an opener uses them from the end
  bool can_open = false, can_close = false;
  struct Piece {
    std::size_t offset, length;
    PartKind kind;
    int match;
  };
  std::vector<Piece> pieces;
  // brackets: "[" or "!["
  bool image = false;
  bool active = true;
};

class Parser {
 public:
  Parser(std::string_view body, std::size_t begin, std::size_t end, const LinkLabels& labels)
      : body_(body), text_(body.substr(0, end)), at_(begin), labels_(labels) {}

  std::vector<Element> run() {
    while (at_ < text_.size()) step();
    process_emphasis(0);
    return flatten();
  }

 private:
  void step() {
    const char c = text_[at_];
    if (c == ' ' || c == '\t') return spaces();
    if (c == '\n' || c == '\r') return line_break(at_, false);
    if (c == '\\') return backslash();
    if (c == '`') return code_span();
    if (c == '*' || c == '_') return delimiter_run();
    if (c == '[' || (c == '!' && at_ + 1 < text_.size() && text_[at_ + 1] == '[')) return open_bracket();
    if (c == ']') return close_bracket();
    if (c == '<') return angle();
    if (c == '&') return entity();
    plain_text();
  }

  void push_element(ElementKind kind, std::size_t begin, std::size_t end, std::string text) {
    Item item;
    item.element.kind = kind;
    item.element.begin = begin;
    item.element.end = end;
    item.element.text = std::move(text);
    items_.push_back(std::move(item));
  }

  void push_code(std::size_t begin, std::size_t end, PartKind kind = PartKind::standalone, int match = -1) {
    push_element(ElementKind::code, begin, end, std::string(text_.substr(begin, end - begin)));
    items_.back().element.code = kind;
    items_.back().element.match = match;
    items_.back().element.display = display_of(items_.back().element.text);
  }

  void push_text(std::size_t begin, std::size_t end) {
    push_element(ElementKind::text, begin, end, std::string(text_.substr(begin, end - begin)));
  }

  void plain_text() {
    const std::size_t begin = at_;
    ++at_;
    while (at_ < text_.size() && std::string_view(" \t\r\n\\`*_[]!<&").find(text_[at_]) == std::string_view::npos) ++at_;
    push_text(begin, at_);
  }

  void spaces() {
    const std::size_t begin = at_;
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\t')) ++at_;
    if (at_ < text_.size() && (text_[at_] == '\n' || text_[at_] == '\r')) {
      return line_break(begin, at_ - begin >= 2 && text_.substr(begin, 2) == "  ");
    }
    push_element(ElementKind::space, begin, at_, std::string(text_.substr(begin, at_ - begin)));
  }

  // A line break and the next line's continuation markers (indentation, ">").
  void line_break(std::size_t begin, bool hard) {
    if (text_[at_] == '\r') ++at_;
    if (at_ < text_.size() && text_[at_] == '\n') ++at_;
    for (;;) {
      while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\t')) ++at_;
      if (at_ >= text_.size() || text_[at_] != '>') break;
      ++at_;
    }
    if (hard) {
      push_code(begin, at_);
      items_.back().element.line_break = true;
      items_.back().element.display = "\u21B5";
    } else {
      push_element(ElementKind::soft_break, begin, at_, " ");
    }
  }

  void backslash() {
    const std::size_t begin = at_;
    if (at_ + 1 < text_.size() && (text_[at_ + 1] == '\n' || text_[at_ + 1] == '\r')) {
      ++at_;
      return line_break(begin, true);
    }
    if (at_ + 1 < text_.size() && is_ascii_punctuation(text_[at_ + 1])) {
      at_ += 2;
      return push_element(ElementKind::text, begin, at_, std::string(1, text_[begin + 1]));
    }
    ++at_;
    push_text(begin, at_);
  }

  std::size_t run_length(std::size_t at, char c) const {
    std::size_t end = at;
    while (end < text_.size() && text_[end] == c) ++end;
    return end - at;
  }

  void code_span() {
    const std::size_t begin = at_;
    const std::size_t length = run_length(at_, '`');
    for (std::size_t i = begin + length; i < text_.size();) {
      if (text_[i] != '`') {
        ++i;
        continue;
      }
      const std::size_t closing = run_length(i, '`');
      if (closing == length) {
        at_ = i + closing;
        return push_code(begin, at_);
      }
      i += closing;
    }
    at_ = begin + length;
    push_text(begin, at_);
  }

  void delimiter_run() {
    const char mark = text_[at_];
    const std::size_t begin = at_;
    const std::size_t length = run_length(at_, mark);
    at_ = begin + length;
    const bool space_before = begin == 0 || is_space_at(body_, previous_code_point(body_, begin));
    const bool space_after = is_space_at(text_, at_);
    const bool punct_before = begin > 0 && is_punctuation_at(body_, previous_code_point(body_, begin));
    const bool punct_after = is_punctuation_at(text_, at_);
    const bool left = !space_after && (!punct_after || space_before || punct_before);
    const bool right = !space_before && (!punct_before || space_after || punct_after);
    Item item;
    item.kind = Item::Kind::delimiter;
    item.element.begin = begin;
    item.element.end = at_;
    item.mark = mark;
    item.length = item.remaining = length;
    item.can_open = mark == '*' ? left : left && (!right || punct_before);
    item.can_close = mark == '*' ? right : right && (!left || punct_after);
    delimiters_.push_back(items_.size());
    items_.push_back(std::move(item));
  }

  void open_bracket() {
    Item item;
    item.kind = Item::Kind::bracket;
    item.image = text_[at_] == '!';
    item.element.begin = at_;
    at_ += item.image ? 2 : 1;
    item.element.end = at_;
    brackets_.push_back(items_.size());
    delimiter_floor_.push_back(delimiters_.size());
    items_.push_back(std::move(item));
  }

  // After "]" at `close`: the end of what makes the brackets a link, or 0.
  std::size_t link_end(std::size_t opener_end, std::size_t close) const {
    if (const auto tail = match_link_tail(text_, close + 1)) return close + 1 + tail;
    std::string label;
    if (const auto length = match_link_label(text_, close + 1, &label)) {
      if (label.empty()) label = std::string(text_.substr(opener_end, close - opener_end));
      return labels_.contains(normalize_label(label)) ? close + 1 + length : 0;
    }
    const auto text = normalize_label(text_.substr(opener_end, close - opener_end));
    return !text.empty() && labels_.contains(text) ? close + 1 : 0;
  }

  void close_bracket() {
    const std::size_t close = at_;
    ++at_;
    if (brackets_.empty()) return push_text(close, at_);
    const std::size_t opener = brackets_.back();
    const std::size_t floor = delimiter_floor_.back();
    brackets_.pop_back();
    delimiter_floor_.pop_back();
    Item& open = items_[opener];
    const std::size_t end = open.active ? link_end(open.element.end, close) : 0;
    if (end == 0) return push_text(close, at_);
    at_ = end;
    if (open.image) return make_image(opener, floor);
    const int match = next_match_++;
    process_emphasis(floor);
    open.kind = Item::Kind::element;
    open.element.kind = ElementKind::code;
    open.element.text = "[";
    open.element.code = PartKind::opening;
    open.element.match = match;
    open.element.display = "[";
    const auto label = text_.substr(open.element.end, close - open.element.end);
    push_code(close, end, PartKind::closing, match);  // `open` dangles from here
    if (end - close <= 3) {  // "]" or "][]": the link text is the label, which the rebuild may need to write
      items_.back().element.display = "][" + std::string(label) + "]";
    }
    for (const std::size_t earlier : brackets_) {
      if (!items_[earlier].image) items_[earlier].active = false;
    }
  }

  // An image is one code: its alt text is not translated apart from it.
  void make_image(std::size_t opener, std::size_t floor) {
    const std::size_t begin = items_[opener].element.begin;
    items_.resize(opener);
    delimiters_.resize(std::min(delimiters_.size(), floor));
    while (!brackets_.empty() && brackets_.back() >= opener) {
      brackets_.pop_back();
      delimiter_floor_.pop_back();
    }
    push_code(begin, at_);
  }

  void angle() {
    const std::size_t begin = at_;
    std::size_t length = match_autolink(text_, at_);
    if (length == 0) length = match_html_tag(text_, at_);
    if (length == 0) {
      ++at_;
      return push_text(begin, at_);
    }
    at_ += length;
    push_code(begin, at_);
  }

  void entity() {
    const std::size_t begin = at_;
    if (const auto found = match_entity(text_, at_)) {
      at_ += found->length;
      return push_element(ElementKind::text, begin, at_, found->text);
    }
    ++at_;
    push_text(begin, at_);
  }

  bool rule_of_three(const Item& opener, const Item& closer) const {
    if (!opener.can_close && !closer.can_open) return true;
    return (opener.length + closer.length) % 3 != 0 || (opener.length % 3 == 0 && closer.length % 3 == 0);
  }

  // CommonMark's "process emphasis" over delimiters_[floor...]. Where no
  // opener was found for a kind of closer, later closers of that kind stop
  // looking at the same place (an item index: positions in delimiters_ shift).
  void process_emphasis(std::size_t floor) {
    std::map<std::tuple<char, bool, std::size_t>, std::size_t> openers_bottom;  // no opener at or before this item
    std::size_t closer = floor;
    while (closer < delimiters_.size()) {
      const Item& c = items_[delimiters_[closer]];
      if (!c.can_close) {
        ++closer;
        continue;
      }
      const auto key = std::make_tuple(c.mark, c.can_open, c.length % 3);
      const auto bottom = openers_bottom.find(key);
      std::optional<std::size_t> opener;
      for (std::size_t o = closer; o-- > floor;) {
        if (bottom != openers_bottom.end() && delimiters_[o] <= bottom->second) break;
        const Item& candidate = items_[delimiters_[o]];
        if (candidate.mark == c.mark && candidate.can_open && rule_of_three(candidate, c)) {
          opener = o;
          break;
        }
      }
      if (opener) {
        closer = match_pair(*opener, closer);
        continue;
      }
      if (closer > floor) openers_bottom[key] = delimiters_[closer - 1];
      if (!c.can_open) delimiters_.erase(delimiters_.begin() + static_cast<std::ptrdiff_t>(closer));
      else ++closer;
    }
    delimiters_.resize(floor);
  }

  // Matches delimiters_[opener] with delimiters_[closer]; returns where the
  // next closer is looked for.
  std::size_t match_pair(std::size_t opener, std::size_t closer) {
    Item& o = items_[delimiters_[opener]];
    Item& c = items_[delimiters_[closer]];
    const std::size_t use = o.remaining >= 2 && c.remaining >= 2 ? 2 : 1;
    const int match = next_match_++;
    o.pieces.push_back({o.front + o.remaining - use, use, PartKind::opening, match});
    c.pieces.push_back({c.front, use, PartKind::closing, match});
    c.front += use;
    o.remaining -= use;
    c.remaining -= use;
    const auto first = delimiters_.begin() + static_cast<std::ptrdiff_t>(opener);
    delimiters_.erase(first + 1, delimiters_.begin() + static_cast<std::ptrdiff_t>(closer));
    closer = opener + 1;
    if (o.remaining == 0) {
      delimiters_.erase(delimiters_.begin() + static_cast<std::ptrdiff_t>(opener));
      --closer;
    }
    if (c.remaining == 0) delimiters_.erase(delimiters_.begin() + static_cast<std::ptrdiff_t>(closer));
    return closer;
  }

  // A run that opens or closes emphasis is written as one: marks of it left
  // over as literal text stay with the code beside them, because the run's
  // length decides which delimiters CommonMark pairs (the rule of three) and
  // an escaped mark would shorten it.
  void flatten_delimiter(const Item& item, std::vector<Element>& out) const {
    if (item.pieces.empty()) {
      out.push_back({ElementKind::text, item.element.begin, item.element.end, std::string(item.length, item.mark)});
      return;
    }
    auto pieces = item.pieces;
    std::sort(pieces.begin(), pieces.end(), [](const auto& a, const auto& b) { return a.offset < b.offset; });
    for (std::size_t k = 0; k < pieces.size(); ++k) {
      const std::size_t from = k == 0 ? 0 : pieces[k].offset;
      const std::size_t to = k + 1 == pieces.size() ? item.length : pieces[k + 1].offset;
      Element code{ElementKind::code, item.element.begin + from, item.element.begin + to,
                   std::string(to - from, item.mark), pieces[k].kind, pieces[k].match};
      code.display = std::string(pieces[k].length, item.mark);
      out.push_back(std::move(code));
    }
  }

  std::vector<Element> flatten() const {
    std::vector<Element> out;
    for (const Item& item : items_) {
      if (item.kind == Item::Kind::delimiter) {
        flatten_delimiter(item, out);
      } else if (item.kind == Item::Kind::bracket) {
        const std::size_t begin = item.element.begin;
        out.push_back({ElementKind::text, begin, item.element.end, std::string(text_.substr(begin, item.element.end - begin))});
      } else {
        out.push_back(item.element);
      }
    }
    return out;
  }

  std::string_view body_;
  std::string_view text_;  // the body up to the block's end
  std::size_t at_;
  const LinkLabels& labels_;
  std::vector<Item> items_;
  std::vector<std::size_t> delimiters_;       // indices into items_
  std::vector<std::size_t> brackets_;         // indices into items_
  std::vector<std::size_t> delimiter_floor_;  // delimiters_.size() when each bracket opened
  int next_match_ = 0;
};

}  // namespace

std::size_t previous_code_point(std::string_view text, std::size_t at) {
  if (at == 0) return 0;
  std::size_t i = at - 1;
  while (i > 0 && at - i < 4 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return i;
}

bool is_space_at(std::string_view text, std::size_t at) {
  return at >= text.size() || is_unicode_space(decode_at(text, at));
}

bool is_punctuation_at(std::string_view text, std::size_t at) {
  return at < text.size() && is_unicode_punctuation(decode_at(text, at));
}

std::string display_of(std::string_view markdown) {
  constexpr std::size_t kMax = 40;
  if (markdown.size() <= kMax) return std::string(markdown);
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(markdown[cut]) & 0xC0) == 0x80) --cut;
  return std::string(markdown.substr(0, cut)) + "\u2026";
}

std::vector<Element> parse_inline(std::string_view body, std::size_t begin, std::size_t end, const LinkLabels& labels) {
  return Parser(body, begin, end, labels).run();
}

}  // namespace edsync::markdown::detail
