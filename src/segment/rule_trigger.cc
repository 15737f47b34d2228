#include "rule_trigger.h"

#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <utility>

namespace edsync::segment_detail {

namespace {

// ---------------------------------------------------------------------------
// Parsing: ICU regular expressions into a small tree. Anything outside the
// understood subset becomes an Unknown node (any text) or, when it changes
// how the rest of the pattern reads ((?x), (?i), \Q), refuses the whole
// pattern.

struct Refused {};

constexpr int kMaxNesting = 64;  // deeper groups are refused (any text)

struct Node {
  enum class Kind { set, sequence, alternation, repeat, look_ahead, look_behind, text_start, text_end, empty, unknown };
  Kind kind = Kind::empty;
  icu::UnicodeSet set;          // set
  std::vector<Node> children;   // sequence, alternation; repeat and look-arounds have one
  std::int32_t min = 0;         // repeat
  std::int32_t max = -1;        // repeat, -1 = unbounded
};

// None of the sets below is frozen: the analysis changes copies of them,
// and a copy of a frozen UnicodeSet is frozen too and ignores every change.
const icu::UnicodeSet& everything() {
  static const icu::UnicodeSet all(0, 0x10FFFF);
  return all;
}

// ICU builds a property's set by visiting every range of the property's
// values, and the built-in rules name the same few properties hundreds of
// times: each body is built once per process.
icu::UnicodeSet property_set(const icu::UnicodeString& body) {
  static std::mutex mutex;
  static std::map<icu::UnicodeString, icu::UnicodeSet> built;
  std::lock_guard lock(mutex);
  if (const auto found = built.find(body); found != built.end()) return found->second;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeSet set(u"[" + body + u"]", status);
  if (U_FAILURE(status)) set = everything();
  return built.emplace(body, std::move(set)).first->second;
}

// ICU's \s is [\t\n\f\r\p{Z}]; a superset keeps the trigger safe whichever it is.
const icu::UnicodeSet& space_set() {
  static const icu::UnicodeSet set = [] {
    return property_set(u"\\p{WhiteSpace}\\p{Z}\\t\\n\\f\\r\\u000B\\u0085");
  }();
  return set;
}

// \S: everything but what is certainly white space in both readings.
const icu::UnicodeSet& non_space_set() {
  static const icu::UnicodeSet set = [] {
    icu::UnicodeSet made = property_set(u"\\p{WhiteSpace}");
    made.retainAll(property_set(u"\\p{Z}\\t\\n\\f\\r"));
    made.complement();
    return made;
  }();
  return set;
}

Node set_node(icu::UnicodeSet set) {
  Node node;
  node.kind = Node::Kind::set;
  node.set = std::move(set);
  return node;
}

Node kind_node(Node::Kind kind) {
  Node node;
  node.kind = kind;
  return node;
}

bool is_hex(char16_t c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F'); }

// (?m) or (?m:...) with other flags around it, anywhere; a stray match only
// makes the analysis more cautious.
bool has_multiline_flag(const icu::UnicodeString& pattern) {
  for (std::int32_t at = pattern.indexOf(u"(?"); at >= 0; at = pattern.indexOf(u"(?", at + 2)) {
    for (std::int32_t i = at + 2; i < pattern.length() && (u_isalpha(pattern.charAt(i)) || pattern.charAt(i) == u'-'); ++i) {
      if (pattern.charAt(i) == u'm') return true;
    }
  }
  return false;
}

class Parser {
 public:
  // With (?m) anywhere, ^ and $ also match at line ends: they then ask nothing.
  explicit Parser(const icu::UnicodeString& pattern)
      : text_(pattern), multiline_(has_multiline_flag(pattern)) {}

  Node parse() {
    Node node = alternation();
    if (at_ < text_.length()) throw Refused{};  // an unbalanced ')'
    return node;
  }

 private:
  bool done() const { return at_ >= text_.length(); }
  char16_t peek(std::int32_t ahead = 0) const {
    return at_ + ahead < text_.length() ? text_.charAt(at_ + ahead) : u'\0';
  }
  UChar32 next_code_point() {
    const UChar32 c = text_.char32At(at_);
    at_ += U16_LENGTH(c);
    return c;
  }

  Node alternation() {
    Node node = kind_node(Node::Kind::alternation);
    node.children.push_back(sequence());
    while (!done() && peek() == u'|') {
      ++at_;
      node.children.push_back(sequence());
    }
    return node.children.size() == 1 ? std::move(node.children.front()) : node;
  }

  Node sequence() {
    Node node = kind_node(Node::Kind::sequence);
    while (!done() && peek() != u'|' && peek() != u')') {
      Node atom_node = atom();
      node.children.push_back(quantified(std::move(atom_node)));
    }
    return node;
  }

  std::int32_t number() {
    std::int32_t value = 0;
    bool any = false;
    while (!done() && peek() >= u'0' && peek() <= u'9') {
      value = std::min(value * 10 + (peek() - u'0'), 1'000'000);
      ++at_;
      any = true;
    }
    if (!any) throw Refused{};
    return value;
  }

  Node quantified(Node atom_node) {
    while (!done()) {
      std::int32_t min = 0;
      std::int32_t max = -1;
      const char16_t c = peek();
      if (c == u'*') {
        ++at_;
      } else if (c == u'+') {
        ++at_;
        min = 1;
      } else if (c == u'?') {
        ++at_;
        max = 1;
      } else if (c == u'{') {
        ++at_;
        min = number();
        max = min;
        if (peek() == u',') {
          ++at_;
          max = peek() == u'}' ? -1 : number();
        }
        if (peek() != u'}') throw Refused{};
        ++at_;
      } else {
        return atom_node;
      }
      if (peek() == u'?' || peek() == u'+') ++at_;  // lazy and possessive match a subset
      Node repeat = kind_node(Node::Kind::repeat);
      repeat.min = min;
      repeat.max = max;
      repeat.children.push_back(std::move(atom_node));
      atom_node = std::move(repeat);
    }
    return atom_node;
  }

  Node atom() {
    const char16_t c = peek();
    switch (c) {
      case u'(':
        return group();
      case u'[': {
        ++at_;
        return set_node(bracket_set());
      }
      case u'.':
        ++at_;
        return set_node(everything());
      case u'^':
        ++at_;
        return kind_node(multiline_ ? Node::Kind::empty : Node::Kind::text_start);
      case u'$':  // also before a final line break: asks nothing
        ++at_;
        return kind_node(Node::Kind::empty);
      case u'\\':
        ++at_;
        return escape();
      case u'*':
      case u'+':
      case u'?':
      case u'{':
        throw Refused{};
      default: {
        const UChar32 literal = next_code_point();
        return set_node(icu::UnicodeSet(literal, literal));
      }
    }
  }

  Node group() {
    if (++depth_ > kMaxNesting) throw Refused{};  // keeps the recursion shallow on odd input
    ++at_;  // (
    Node::Kind kind = Node::Kind::sequence;
    bool negative = false;
    bool opaque = false;
    if (peek() == u'?') {
      ++at_;
      const char16_t c = peek();
      if (c == u':' || c == u'>') {
        ++at_;
      } else if (c == u'=' || c == u'!') {
        ++at_;
        kind = Node::Kind::look_ahead;
        negative = c == u'!';
      } else if (c == u'<' && (peek(1) == u'=' || peek(1) == u'!')) {
        negative = peek(1) == u'!';
        at_ += 2;
        kind = Node::Kind::look_behind;
      } else if (c == u'<') {  // a named group
        while (!done() && peek() != u'>') ++at_;
        ++at_;
      } else if (c == u'#') {
        while (!done() && peek() != u')') ++at_;
        ++at_;
        return kind_node(Node::Kind::empty);
      } else {
        opaque = flags();
        if (peek() == u')') {  // (?m) or (?s): nothing that changes which characters match
          ++at_;
          return kind_node(Node::Kind::empty);
        }
        ++at_;  // :
      }
    }
    Node body = alternation();
    if (peek() != u')') throw Refused{};
    ++at_;
    --depth_;
    if (opaque) return kind_node(Node::Kind::unknown);
    if (negative) return kind_node(Node::Kind::empty);  // zero-width, asks nothing we can use
    if (kind == Node::Kind::sequence) return body;
    Node around = kind_node(kind);
    around.children.push_back(std::move(body));
    return around;
  }

  // Inline flags; true when they change what characters match (i, x, ...).
  bool flags() {
    bool opaque = false;
    while (!done() && peek() != u':' && peek() != u')') {
      const char16_t c = peek();
      if (c == u'x') throw Refused{};  // free spacing changes how the rest reads
      if (c != u'-' && c != u'm' && c != u's' && c != u'w') opaque = true;
      ++at_;
    }
    if (done()) throw Refused{};
    if (opaque && peek() == u')') throw Refused{};  // (?i) for the rest of the pattern
    return opaque;
  }

  std::optional<icu::UnicodeSet> class_escape(char16_t c) {
    switch (c) {
      case u's':
        return space_set();
      case u'S':
        return non_space_set();
      case u'd':
        return property_set(u"\\p{Nd}");
      case u'D': {
        icu::UnicodeSet set = property_set(u"\\p{Nd}");
        set.complement();
        return set;
      }
      case u'w':
      case u'W':
      case u'h':
      case u'H':
      case u'v':
      case u'V':
      case u'N':
      case u'c':
        if (c == u'N' && peek() == u'{') skip_braces();
        if (c == u'c') ++at_;
        return everything();
      case u'p':
      case u'P': {
        icu::UnicodeString body;
        if (peek() == u'{') {
          const std::int32_t open = at_;
          skip_braces();
          body = text_.tempSubStringBetween(open, at_);
        } else {
          body = icu::UnicodeString(u"{") + icu::UnicodeString(peek()) + u"}";
          ++at_;
        }
        icu::UnicodeSet set = property_set(u"\\p" + body);
        if (c == u'P') set.complement();
        return set;
      }
      default:
        break;
    }
    if (auto literal = literal_escape(c)) return icu::UnicodeSet(*literal, *literal);
    return std::nullopt;
  }

  void skip_braces() {
    while (!done() && peek() != u'}') ++at_;
    if (done()) throw Refused{};
    ++at_;
  }

  UChar32 hex(std::int32_t digits) {
    UChar32 value = 0;
    for (std::int32_t i = 0; i < digits; ++i) {
      if (!is_hex(peek())) throw Refused{};
      value = value * 16 + static_cast<UChar32>(u_digit(peek(), 16));
      ++at_;
    }
    return value;
  }

  std::optional<UChar32> literal_escape(char16_t c) {
    switch (c) {
      case u't': return u'\t';
      case u'n': return u'\n';
      case u'r': return u'\r';
      case u'f': return u'\f';
      case u'a': return 0x07;
      case u'e': return 0x1B;
      case u'u': return hex(4);
      case u'U': return hex(8);
      case u'x': {
        if (peek() != u'{') return hex(2);
        ++at_;
        UChar32 value = 0;
        while (is_hex(peek())) {
          value = std::min(value * 16 + static_cast<UChar32>(u_digit(peek(), 16)), 0x110000);
          ++at_;
        }
        if (peek() != u'}' || value > 0x10FFFF) throw Refused{};
        ++at_;
        return value;
      }
      case u'0': {
        UChar32 value = 0;
        for (int i = 0; i < 3 && peek() >= u'0' && peek() <= u'7'; ++i, ++at_) value = value * 8 + (peek() - u'0');
        return value;
      }
      default:
        break;
    }
    if (c < 0x80 && (u_isalnum(c))) return std::nullopt;
    return c;
  }

  Node escape() {
    if (done()) throw Refused{};
    const char16_t c = peek();
    if (c == u'Q') throw Refused{};
    ++at_;
    switch (c) {
      case u'A':
        return kind_node(Node::Kind::text_start);
      case u'z':
        return kind_node(Node::Kind::text_end);
      case u'b':
      case u'B':
      case u'Z':
      case u'G':
        return kind_node(Node::Kind::empty);
      case u'X':
      case u'R':
        return kind_node(Node::Kind::unknown);
      case u'k':
        if (peek() == u'<') {
          while (!done() && peek() != u'>') ++at_;
          ++at_;
        }
        return kind_node(Node::Kind::unknown);
      default:
        break;
    }
    if (c >= u'1' && c <= u'9') {  // a backreference
      while (peek() >= u'0' && peek() <= u'9') ++at_;
      return kind_node(Node::Kind::unknown);
    }
    if (auto set = class_escape(c)) return set_node(std::move(*set));
    throw Refused{};
  }

  // After '['. Nested classes and set operations count as any character.
  icu::UnicodeSet bracket_set() {
    icu::UnicodeSet set;
    bool negated = false;
    bool understood = true;
    if (peek() == u'^') {
      negated = true;
      ++at_;
    }
    if (peek() == u']') throw Refused{};  // "[]" or "[^]": read differently by different engines
    while (!done() && peek() != u']') {
      if (peek() == u'[') {  // nested class or [:posix:]: give up on this class
        understood = false;
        skip_nested();
        continue;
      }
      if ((peek() == u'&' && peek(1) == u'&') || (peek() == u'-' && peek(1) == u'-')) {
        understood = false;
        at_ += 2;
        continue;
      }
      std::optional<UChar32> low;
      if (peek() == u'\\') {
        ++at_;
        if (done()) throw Refused{};
        const char16_t c = peek();
        ++at_;
        if (c == u'Q') throw Refused{};
        auto escaped = class_escape(c);
        if (!escaped) {
          understood = false;
          continue;
        }
        if (escaped->size() == 1 && (c == u'u' || c == u'U' || c == u'x' || c == u'0' || !u_isalnum(c) ||
                                     c == u't' || c == u'n' || c == u'r' || c == u'f' || c == u'a' || c == u'e')) {
          low = escaped->charAt(0);
        } else {
          set.addAll(*escaped);
          continue;
        }
      } else {
        low = next_code_point();
      }
      if (peek() == u'-' && peek(1) != u']' && peek(1) != u'\0') {
        ++at_;
        UChar32 high;
        if (peek() == u'\\') {
          ++at_;
          const char16_t c = peek();
          ++at_;
          auto literal = literal_escape(c);
          if (!literal) throw Refused{};
          high = *literal;
        } else if (peek() == u'[') {
          throw Refused{};
        } else {
          high = next_code_point();
        }
        if (high < *low) throw Refused{};
        set.add(*low, high);
      } else {
        set.add(*low);
      }
    }
    if (done()) throw Refused{};
    ++at_;  // ]
    if (!understood) return everything();
    if (negated) set.complement();
    return set;
  }

  void skip_nested() {
    int depth = 0;
    while (!done()) {
      const char16_t c = peek();
      ++at_;
      if (c == u'\\') {
        ++at_;
      } else if (c == u'[') {
        ++depth;
      } else if (c == u']' && --depth == 0) {
        return;
      }
    }
    throw Refused{};
  }

  const icu::UnicodeString& text_;
  const bool multiline_;
  std::int32_t at_ = 0;
  int depth_ = 0;
};

// ---------------------------------------------------------------------------
// Analysis: the shapes of the first (or last) `depth` characters of a match.
// A shape shorter than depth is a whole match: what follows it in the
// pattern continues it. A shape of full depth is cut.

constexpr std::size_t kMaxShapes = 48;

enum class Direction { forward, backward };

struct Analyzer {
  std::size_t depth;
  Direction direction;

  std::vector<Shape> unknown() const {
    std::vector<Shape> shapes;
    for (std::size_t length = 0; length <= depth; ++length) {
      shapes.push_back(Shape{std::vector<icu::UnicodeSet>(length, everything())});
    }
    return shapes;
  }

  static bool same(const Shape& a, const Shape& b) { return a.edge == b.edge && a.columns == b.columns; }

  static void add_unique(std::vector<Shape>& shapes, Shape shape) {
    for (const auto& known : shapes) {
      if (same(known, shape)) return;
    }
    shapes.push_back(std::move(shape));
  }

  // Too many shapes: merge those of equal length, column by column.
  void limit(std::vector<Shape>& shapes) const {
    if (shapes.size() <= kMaxShapes) return;
    std::vector<Shape> merged(depth + 1);
    std::vector<bool> used(depth + 1, false);
    for (auto& shape : shapes) {
      const auto length = shape.columns.size();
      if (!used[length]) {
        merged[length] = std::move(shape);
        used[length] = true;
        continue;
      }
      for (std::size_t i = 0; i < length; ++i) merged[length].columns[i].addAll(shape.columns[i]);
      merged[length].edge = merged[length].edge && shape.edge;
    }
    shapes.clear();
    for (std::size_t length = 0; length <= depth; ++length) {
      if (used[length]) shapes.push_back(std::move(merged[length]));
    }
  }

  std::vector<Shape> concat(const std::vector<Shape>& head, const std::vector<Shape>& tail) const {
    std::vector<Shape> result;
    const bool tail_may_be_empty =
        std::any_of(tail.begin(), tail.end(), [](const Shape& shape) { return shape.columns.empty(); });
    for (const auto& first : head) {
      if (first.columns.size() >= depth) {
        add_unique(result, first);
        continue;
      }
      if (first.edge) {  // nothing can follow the end of the text but an empty match
        if (tail_may_be_empty) add_unique(result, first);
        continue;
      }
      for (const auto& second : tail) {
        Shape joined = first;
        for (const auto& column : second.columns) {
          if (joined.columns.size() >= depth) break;
          joined.columns.push_back(column);
        }
        joined.edge = second.edge && joined.columns.size() == first.columns.size() + second.columns.size();
        add_unique(result, std::move(joined));
      }
    }
    limit(result);
    return result;
  }

  // Text that matches a look-around body and the rest of the sequence. The
  // body's columns beyond a whole (short) match of the rest are dropped
  // unless nothing follows in the pattern.
  std::vector<Shape> intersect(const std::vector<Shape>& around, const std::vector<Shape>& rest, bool at_end) const {
    std::vector<Shape> result;
    for (const auto& constraint : around) {
      for (const auto& shape : rest) {
        if (shape.edge && constraint.columns.size() > shape.columns.size()) continue;  // past the end of the text
        Shape both = shape;
        bool possible = true;
        for (std::size_t i = 0; i < constraint.columns.size(); ++i) {
          if (i < both.columns.size()) {
            both.columns[i].retainAll(constraint.columns[i]);
            possible = possible && !both.columns[i].isEmpty();
          } else if (at_end || both.columns.size() >= depth) {
            both.columns.push_back(constraint.columns[i]);
          }
        }
        if (constraint.edge) {  // the text ends where the look-around's match does
          if (both.columns.size() > constraint.columns.size()) possible = false;
          if (both.columns.size() == constraint.columns.size()) both.edge = true;
        }
        if (possible) add_unique(result, std::move(both));
      }
    }
    limit(result);
    return result;
  }

  bool looks_our_way(Node::Kind kind) const {
    return (kind == Node::Kind::look_ahead) == (direction == Direction::forward);
  }

  std::vector<Shape> sequence(const std::vector<Node>& items, bool at_end) const {
    std::vector<const Node*> ordered;
    for (const auto& item : items) ordered.push_back(&item);
    if (direction == Direction::backward) std::reverse(ordered.begin(), ordered.end());
    return sequence_from(ordered, 0, at_end);
  }

  std::vector<Shape> sequence_from(const std::vector<const Node*>& items, std::size_t from, bool at_end) const {
    std::vector<Shape> result{Shape{}};
    for (std::size_t i = from; i < items.size(); ++i) {
      const Node& item = *items[i];
      const bool around = item.kind == Node::Kind::look_ahead || item.kind == Node::Kind::look_behind;
      if (around && looks_our_way(item.kind)) {
        const auto body = shapes(item.children.front(), true);
        const auto rest = sequence_from(items, i + 1, at_end);
        return concat(result, intersect(body, rest, at_end));
      }
      result = concat(result, shapes(item, at_end && i + 1 == items.size()));
      if (result.empty()) return result;
    }
    return result;
  }

  static bool same_shapes(const std::vector<Shape>& a, const std::vector<Shape>& b) {
    const auto contains = [](const std::vector<Shape>& shapes, const Shape& shape) {
      return std::any_of(shapes.begin(), shapes.end(), [&](const Shape& known) { return same(known, shape); });
    };
    return a.size() == b.size() && std::all_of(a.begin(), a.end(), [&](const Shape& shape) { return contains(b, shape); });
  }

  std::vector<Shape> repeat(const Node& node) const {
    const Node& body = node.children.front();
    const auto once = shapes(body, false);
    std::vector<Shape> power{Shape{}};
    std::vector<Shape> result;
    // power holds the shapes of `count` repetitions; once another one adds
    // nothing, every larger count has the same shapes.
    const std::int64_t max = node.max < 0 ? std::numeric_limits<std::int64_t>::max() : node.max;
    const std::int64_t settle_limit = 4 * static_cast<std::int64_t>(depth) + 8;
    for (std::int64_t count = 0; count <= max; ++count) {
      if (count >= node.min) {
        for (const auto& shape : power) add_unique(result, shape);
      }
      auto next = concat(power, once);
      if (same_shapes(next, power)) {
        if (count < node.min) {
          for (const auto& shape : power) add_unique(result, shape);
        }
        limit(result);
        return result;
      }
      if (count > settle_limit) return unknown();  // does not settle: give up safely
      power = std::move(next);
    }
    limit(result);
    return result;
  }

  std::vector<Shape> shapes(const Node& node, bool at_end) const {
    switch (node.kind) {
      case Node::Kind::set:
        if (node.set.isEmpty()) return {};
        return {Shape{{node.set}}};
      case Node::Kind::text_start:
        if (direction == Direction::backward) return {Shape{{}, true}};
        return {Shape{}};
      case Node::Kind::text_end:
        if (direction == Direction::forward) return {Shape{{}, true}};
        return {Shape{}};
      case Node::Kind::empty:
      case Node::Kind::look_ahead:  // a look-around met outside a sequence
      case Node::Kind::look_behind:
        return {Shape{}};
      case Node::Kind::unknown:
        return unknown();
      case Node::Kind::sequence:
        return sequence(node.children, at_end);
      case Node::Kind::alternation: {
        std::vector<Shape> result;
        for (const auto& child : node.children) {
          for (auto& shape : shapes(child, at_end)) add_unique(result, std::move(shape));
        }
        limit(result);
        return result;
      }
      case Node::Kind::repeat:
        return repeat(node);
    }
    return unknown();
  }
};

// ---------------------------------------------------------------------------
// Requirements: a character of a small set that every match holds within a
// bounded distance of where it starts (or, backwards, ends), such as the
// opening quote of a quotation rule's look-behind. They let the engine skip
// rules whose look-arounds would scan far.

constexpr std::int32_t kUnbounded = std::numeric_limits<std::int32_t>::max();
constexpr std::int32_t kFarthest = 4000;   // requirements beyond this are not worth keeping
constexpr std::int32_t kLargestSet = 256;  // nor are sets with more code points than this

std::int32_t add_lengths(std::int32_t a, std::int32_t b) {
  return a == kUnbounded || b == kUnbounded || a + b > kFarthest ? kUnbounded : a + b;
}

struct RequirementFinder {
  Direction direction;

  bool looks_our_way(Node::Kind kind) const {
    return (kind == Node::Kind::look_ahead) == (direction == Direction::forward);
  }

  static std::int32_t max_length(const Node& node) {
    switch (node.kind) {
      case Node::Kind::set:
        return 1;
      case Node::Kind::sequence: {
        std::int32_t total = 0;
        for (const auto& child : node.children) total = add_lengths(total, max_length(child));
        return total;
      }
      case Node::Kind::alternation: {
        std::int32_t longest = 0;
        for (const auto& child : node.children) longest = std::max(longest, max_length(child));
        return longest;
      }
      case Node::Kind::repeat: {
        const std::int32_t once = max_length(node.children.front());
        if (once == 0) return 0;
        if (node.max < 0 || once == kUnbounded) return kUnbounded;
        const std::int64_t total = std::int64_t{once} * node.max;
        return total > kFarthest ? kUnbounded : static_cast<std::int32_t>(total);
      }
      case Node::Kind::unknown:
        return kUnbounded;
      default:
        return 0;  // zero-width
    }
  }

  static bool better(const Requirement& a, const Requirement& b) {
    if (b.within == 0) return a.within != 0;
    if (a.within == 0) return false;
    return a.set.size() != b.set.size() ? a.set.size() < b.set.size() : a.within < b.within;
  }

  static Requirement useful(Requirement requirement) {
    if (requirement.within == 0 || requirement.within == kUnbounded || requirement.within > kFarthest ||
        requirement.set.size() > kLargestSet) {
      return {};
    }
    return requirement;
  }

  static Requirement shifted(Requirement requirement, std::int32_t offset) {
    if (requirement.within == 0) return requirement;
    requirement.within = add_lengths(requirement.within, offset);
    return useful(std::move(requirement));
  }

  // The best requirement of a node (within 0: none).
  Requirement of(const Node& node) const {
    switch (node.kind) {
      case Node::Kind::set:
        return useful({node.set, 1});
      case Node::Kind::sequence:
        return of_sequence(node.children);
      case Node::Kind::alternation: {
        Requirement all{icu::UnicodeSet(), 0};
        for (const auto& child : node.children) {
          const Requirement one = of(child);
          if (one.within == 0) return {};
          all.set.addAll(one.set);
          all.within = std::max(all.within, one.within);
        }
        return useful(std::move(all));
      }
      case Node::Kind::repeat:
        return node.min >= 1 ? of(node.children.front()) : Requirement{};
      default:
        return {};
    }
  }

  Requirement of_sequence(const std::vector<Node>& items) const {
    std::vector<const Node*> ordered;
    for (const auto& item : items) ordered.push_back(&item);
    if (direction == Direction::backward) std::reverse(ordered.begin(), ordered.end());
    Requirement best;
    std::int32_t offset = 0;
    for (const auto* item : ordered) {
      const bool around = item->kind == Node::Kind::look_ahead || item->kind == Node::Kind::look_behind;
      if (around && !looks_our_way(item->kind)) continue;
      const Node& body = around ? item->children.front() : *item;
      if (offset != kUnbounded) {
        if (const Requirement here = shifted(of(body), offset); better(here, best)) best = here;
      }
      if (!around) offset = add_lengths(offset, max_length(*item));
    }
    return best;
  }
};

Shapes analyze(const icu::UnicodeString& pattern, int depth, Direction direction) {
  const Analyzer analyzer{static_cast<std::size_t>(std::max(depth, 1)), direction};
  Shapes result;
  try {
    const Node root = Parser(pattern).parse();
    result.alternatives = analyzer.shapes(root, true);
    result.required = RequirementFinder{direction}.of(root);
    // A near one adds little to what the shapes test, and its characters
    // (letters, full stops) are common: listing them costs more than it saves.
    if (result.required.within < 4 * depth) result.required = {};
  } catch (const Refused&) {
    result.alternatives = analyzer.unknown();
    result.required = {};
  }
  for (auto& shape : result.alternatives) {
    for (auto& column : shape.columns) column.freeze();
  }
  result.required.set.freeze();
  return result;
}

// The code points at distances 0, 1, ... from `position` going forward
// (or backward) match the shape's columns.
// The character next to `at` in `direction`, moving `at` past it; nothing at
// the edge of the text.
std::optional<UChar32> step(const icu::UnicodeString& text, std::int32_t& at, Direction direction) {
  if (direction == Direction::forward) {
    if (at >= text.length()) return std::nullopt;
    const UChar32 c = text.char32At(at);
    at += U16_LENGTH(c);
    return c;
  }
  if (at <= 0) return std::nullopt;
  const UChar32 c = text.char32At(at - 1);
  at -= U16_LENGTH(c);
  return c;
}

bool shape_holds(const Shape& shape, const icu::UnicodeString& text, std::int32_t position, Direction direction) {
  std::int32_t at = position;
  const std::int32_t length = text.length();
  for (const auto& column : shape.columns) {
    const auto c = step(text, at, direction);
    if (!c || !column.contains(*c)) return false;
  }
  if (shape.edge) return direction == Direction::forward ? at == length : at == 0;
  return true;
}

bool requirement_holds(const Requirement& required, const icu::UnicodeString& text, std::int32_t position,
                       Direction direction) {
  if (required.within == 0) return true;
  std::int32_t at = position;
  for (std::int32_t seen = 0; seen < required.within; ++seen) {
    const auto c = step(text, at, direction);
    if (!c) return false;
    if (required.set.contains(*c)) return true;
  }
  return false;
}

bool any_holds(const Shapes& shapes, const icu::UnicodeString& text, std::int32_t position, Direction direction) {
  if (!requirement_holds(shapes.required, text, position, direction)) return false;
  return std::any_of(shapes.alternatives.begin(), shapes.alternatives.end(),
                     [&](const Shape& shape) { return shape_holds(shape, text, position, direction); });
}

}  // namespace

bool Shapes::holds_everywhere() const {
  return std::any_of(alternatives.begin(), alternatives.end(),
                     [](const Shape& shape) { return shape.columns.empty() && !shape.edge; });
}

icu::UnicodeSet Shapes::first_column() const {
  if (holds_everywhere()) return everything();
  icu::UnicodeSet set;
  for (const auto& shape : alternatives) {
    if (!shape.columns.empty()) set.addAll(shape.columns.front());
  }
  return set;
}

Shapes trailing_shapes(const icu::UnicodeString& pattern, int depth) {
  return analyze(pattern, depth, Direction::backward);
}

Shapes leading_shapes(const icu::UnicodeString& pattern, int depth) {
  return analyze(pattern, depth, Direction::forward);
}

RuleTrigger::RuleTrigger(const icu::UnicodeString& beforebreak, const icu::UnicodeString& afterbreak)
    : before_(trailing_shapes(beforebreak)), after_(leading_shapes(afterbreak)) {}

bool RuleTrigger::may_match(const icu::UnicodeString& text, std::int32_t position) const {
  return any_holds(before_, text, position, Direction::backward) && any_holds(after_, text, position, Direction::forward);
}

}  // namespace edsync::segment_detail
