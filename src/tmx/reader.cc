// The reader scans the decoded text for the prolog, the <header> and then one
// <tu>...</tu> at a time, and hands each piece to pugixml: memory holds one
// unit and one decoding chunk, whatever the size of the file.
#include <fstream>
#include <sstream>

#include "decoder.h"
#include "edsync/diagnostic.h"
#include "edsync/file_io.h"
#include "edsync/text.h"
#include "edsync/tmx.h"
#include "elements.h"

namespace edsync::tmx {
namespace {

using xml::Decoder;

constexpr std::size_t kMaxUnitBytes = 64 * 1024 * 1024;
constexpr std::size_t kCompactAfter = 1024 * 1024;
constexpr std::string_view kBlank = " \t\r\n";

// Decoded text with the line and column of its first unconsumed character.
class Cursor {
 public:
  Cursor(Decoder decoder, std::string name) : decoder_(std::move(decoder)), name_(std::move(name)) {}

  const std::string& name() const { return name_; }
  std::string_view rest() const { return std::string_view(buffer_).substr(pos_); }
  TextPosition position() const { return {line_, column_}; }

  // The location of `offset` bytes past the cursor.
  TextPosition position_at(std::size_t offset) const { return shifted(position(), rest().substr(0, offset)); }

  Error error_at(std::size_t offset, std::string message) const {
    const auto where = position_at(offset);
    return input_error(Diagnostic{name_, where.line, where.column, std::move(message)}.to_string());
  }

  // Makes at least `count` bytes available past the cursor, if the file has them.
  Status need(std::size_t count) {
    while (rest().size() < count && !done_) {
      if (auto status = more(); !status) return status;
    }
    return success();
  }

  // Offset past the cursor of `what` at or after `from`, reading on as needed;
  // npos at the end of the file or beyond `limit`.
  Result<std::size_t> find(std::string_view what, std::size_t from, std::size_t limit = kMaxUnitBytes) {
    while (true) {
      const auto found = rest().find(what, from);
      if (found != std::string_view::npos) return found;
      if (done_ || rest().size() > limit) return std::string_view::npos;
      from = rest().size() >= what.size() ? rest().size() - what.size() + 1 : 0;
      if (auto status = more(); !status) return status.error();
    }
  }

  // Offset of the first byte that is not white space; npos at the end of the file.
  Result<std::size_t> skip_blank() {
    while (true) {
      const auto found = rest().find_first_not_of(kBlank);
      if (found != std::string_view::npos) return found;
      if (done_) return std::string_view::npos;
      if (auto status = more(); !status) return status.error();
    }
  }

  // Offset just past the '>' that ends the tag starting at `start`, skipping
  // quoted attribute values; npos when the file ends first.
  Result<std::size_t> tag_end(std::size_t start) {
    char quote = 0;
    for (std::size_t i = start + 1;; ++i) {
      if (i >= rest().size()) {
        if (done_ || i > kMaxUnitBytes) return std::string_view::npos;
        if (auto status = more(); !status) return status.error();
        --i;
        continue;
      }
      const char c = rest()[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i + 1;
      } else if (c == '<' && i > start + 1) {
        return std::string_view::npos - 1;  // a '<' inside a tag: not well formed
      }
    }
  }

  // True when the text past the cursor starts with `name` as a whole tag name.
  Result<bool> starts_with_tag(std::string_view prefix) {
    if (auto status = need(prefix.size() + 1); !status) return status.error();
    if (!rest().starts_with(prefix)) return false;
    if (rest().size() == prefix.size()) return true;
    const char next = rest()[prefix.size()];
    return next == '>' || next == '/' || kBlank.find(next) != std::string_view::npos;
  }

  bool at_end() const { return done_ && rest().empty(); }

  void consume(std::size_t count) {
    const auto moved = position_at(count);
    line_ = moved.line;
    column_ = moved.column;
    pos_ += count;
    if (pos_ > kCompactAfter && pos_ * 2 > buffer_.size()) {
      buffer_.erase(0, pos_);
      pos_ = 0;
    }
  }

 private:
  static TextPosition shifted(TextPosition from, std::string_view text) {
    const auto inside = position_of(text, text.size());
    if (inside.line == 1) return {from.line, from.column + inside.column - 1};
    return {from.line + inside.line - 1, inside.column};
  }

  Status more() {
    auto read = decoder_.read(buffer_);
    if (!read) {
      done_ = true;
      return error_at(buffer_.size() - pos_, read.error().message + " (the encoding the file is read in); "
                                             "fix the XML declaration or convert the file to UTF-8");
    }
    if (!*read) done_ = true;
    return success();
  }

  Decoder decoder_;
  std::string name_;
  std::string buffer_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
  bool done_ = false;
};

}  // namespace

struct Reader::State {
  Cursor cursor;
  Header header;
  Declarations declarations;  // the namespaces <tmx> and <header> declare
  bool finished = false;
  std::optional<Error> fatal;

  Error fail(std::size_t offset, std::string message) {
    fatal = cursor.error_at(offset, std::move(message));
    return *fatal;
  }

  Error located(const Located& problem, std::size_t base) {
    return cursor.error_at(base + problem.offset, problem.message);
  }

  // Skips white space, comments and processing instructions; with
  // `doctype`, a DOCTYPE too (refused when it declares entities).
  Status skip_misc(bool doctype) {
    while (true) {
      auto start = cursor.skip_blank();
      if (!start) return start.error();
      if (*start == std::string_view::npos) {
        cursor.consume(cursor.rest().size());
        return success();
      }
      cursor.consume(*start);
      std::string_view close;
      if (auto status = cursor.need(9); !status) return status;
      const auto rest = cursor.rest();
      if (rest.starts_with("<!--")) close = "-->";
      else if (rest.starts_with("<?")) close = "?>";
      else if (doctype && rest.starts_with("<!DOCTYPE")) return skip_doctype();
      else return success();
      auto end = cursor.find(close, 2);
      if (!end) return end.error();
      if (*end == std::string_view::npos) {
        return fail(0, std::string(close == "-->" ? "a comment" : "a processing instruction") +
                           " is not closed; the file is truncated or not well formed");
      }
      cursor.consume(*end + close.size());
    }
  }

  Status skip_doctype() {
    auto end = cursor.tag_end(0);
    if (!end) return end.error();
    const auto subset = cursor.rest().find('[');
    if (*end != std::string_view::npos && *end != std::string_view::npos - 1 && (subset == std::string_view::npos || subset > *end)) {
      cursor.consume(*end);
      return skip_misc(true);
    }
    auto subset_end = cursor.find("]", 0);
    if (!subset_end) return subset_end.error();
    if (*subset_end == std::string_view::npos) return fail(0, "the DOCTYPE is not closed; the file is truncated");
    if (const auto entity = xml::check_doctype_subset(cursor.rest().substr(0, *subset_end))) {
      return fail(entity->offset, entity->message);
    }
    auto close = cursor.find(">", *subset_end);
    if (!close) return close.error();
    if (*close == std::string_view::npos) return fail(0, "the DOCTYPE is not closed; the file is truncated");
    cursor.consume(*close + 1);
    return skip_misc(true);
  }

  // The name of the tag at the cursor ("tu", "/body", ...), for messages.
  std::string tag_name() const {
    const auto rest = cursor.rest();
    const auto end = rest.find_first_of(" \t\r\n/>", 2);
    return std::string(rest.substr(1, end == std::string_view::npos ? 20 : end - 1));
  }

  // The element at the cursor, when it is `name`: start tag to end tag, as
  // one piece of markup; its length in bytes, or an Error.
  Result<std::size_t> element_extent(std::string_view name, std::string_view truncated_hint) {
    auto start_end = cursor.tag_end(0);
    if (!start_end) return start_end.error();
    if (*start_end == std::string_view::npos - 1) {
      return fail(0, "the <" + std::string(name) + "> start tag is not closed with '>'");
    }
    if (*start_end == std::string_view::npos) {
      return fail(0, "the file ends inside the <" + std::string(name) + "> start tag; it is truncated");
    }
    if (cursor.rest()[*start_end - 2] == '/') return *start_end;
    auto close = cursor.find("</" + std::string(name), *start_end);
    if (!close) return close.error();
    if (*close == std::string_view::npos) {
      return fail(0, "<" + std::string(name) + "> has no </" + std::string(name) + ">; " + std::string(truncated_hint));
    }
    auto end = cursor.find(">", *close);
    if (!end) return end.error();
    if (*end == std::string_view::npos) return fail(*close, "the file ends inside </" + std::string(name) + ">; it is truncated");
    return *end + 1;
  }

  Status read_prolog() {
    if (auto status = cursor.need(1); !status) return status;
    if (cursor.at_end()) return fail(0, "the file is empty; a TMX file starts with <?xml ...?> and holds <tmx>");
    if (auto status = skip_misc(true); !status) return status;
    if (cursor.at_end()) return fail(0, "the file holds no element; a TMX file holds <tmx>");
    if (!cursor.rest().starts_with('<')) {
      return fail(0, "this is not XML: text where the <tmx> element should start; is it a TMX file?");
    }
    auto is_tmx = cursor.starts_with_tag("<tmx");
    if (!is_tmx) return is_tmx.error();
    if (!*is_tmx) return fail(0, "the root element is <" + tag_name() + ">, not <tmx>; this is not a TMX file");
    auto end = cursor.tag_end(0);
    if (!end) return end.error();
    if (*end >= std::string_view::npos - 1) return fail(0, "the <tmx> start tag is not closed with '>'");
    if (auto problem = parse_tmx_start(cursor.rest().substr(0, *end), header, declarations)) return located(*problem, 0);
    if (cursor.rest()[*end - 2] == '/') return fail(0, "<tmx> is empty; it needs a <header> and a <body>");
    cursor.consume(*end);
    return read_header();
  }

  Status read_header() {
    if (auto status = skip_misc(false); !status) return status;
    if (cursor.at_end()) return fail(0, "the file ends after <tmx>; it is truncated");
    auto is_header = cursor.starts_with_tag("<header");
    if (!is_header) return is_header.error();
    if (!*is_header) return fail(0, "expected <header> after <tmx>, found <" + tag_name() + ">; add a <header>");
    auto extent = element_extent("header", "the file is truncated or not well formed");
    if (!extent) return extent.error();
    if (auto problem = parse_header(cursor.rest().substr(0, *extent), header, declarations)) return fail(problem->offset, problem->message);
    cursor.consume(*extent);
    if (auto status = skip_misc(false); !status) return status;
    if (cursor.at_end()) return fail(0, "the file ends after <header>; it is truncated (no <body>)");
    auto is_body = cursor.starts_with_tag("<body");
    if (!is_body) return is_body.error();
    if (!*is_body) return fail(0, "expected <body> after <header>, found <" + tag_name() + ">; add a <body>");
    auto body_end = cursor.tag_end(0);
    if (!body_end) return body_end.error();
    if (*body_end >= std::string_view::npos - 1) return fail(0, "the <body> start tag is not closed with '>'");
    const bool empty = cursor.rest()[*body_end - 2] == '/';
    cursor.consume(*body_end);
    if (empty) return read_end(false);
    return success();
  }

  // After </body> (or <body/>): </tmx>, then nothing but comments.
  Status read_end(bool has_body_end) {
    if (has_body_end) {
      auto end = cursor.tag_end(0);
      if (!end) return end.error();
      if (*end >= std::string_view::npos - 1) return fail(0, "</body> is not closed with '>'");
      cursor.consume(*end);
    }
    if (auto status = skip_misc(false); !status) return status;
    if (cursor.at_end()) return fail(0, "the file ends before </tmx>; it is truncated");
    auto is_end = cursor.starts_with_tag("</tmx");
    if (!is_end) return is_end.error();
    if (!*is_end) return fail(0, "expected </tmx> after the body, found <" + tag_name() + ">");
    auto end = cursor.find(">", 0);
    if (!end) return end.error();
    if (*end == std::string_view::npos) return fail(0, "the file ends inside </tmx>; it is truncated");
    cursor.consume(*end + 1);
    if (auto status = skip_misc(false); !status) return status;
    if (!cursor.at_end()) return fail(0, "content after </tmx>; remove it");
    finished = true;
    return success();
  }

  // The length of the <tu> at the cursor; a unit that runs into the next
  // <tu> or </body> without its </tu> is an error that reading survives.
  Result<std::size_t> unit_extent(bool& recoverable) {
    recoverable = false;
    auto start_end = cursor.tag_end(0);
    if (!start_end) return start_end.error();
    if (*start_end == std::string_view::npos) return fail(0, "the file ends inside a <tu> start tag; it is truncated");
    if (*start_end == std::string_view::npos - 1) {
      recoverable = true;
      return cursor.error_at(0, "the <tu> start tag is not closed with '>'; close it");
    }
    if (cursor.rest()[*start_end - 2] == '/') return *start_end;
    std::size_t at = *start_end;
    while (true) {
      auto next = cursor.find("<", at);
      if (!next) return next.error();
      if (*next == std::string_view::npos) {
        if (cursor.rest().size() > kMaxUnitBytes) return fail(0, "this <tu> is larger than 64 MiB; split it");
        return fail(0, "the file ends inside this <tu>; it is truncated");
      }
      at = *next;
      if (auto status = cursor.need(at + 10); !status) return status.error();
      const auto tail = cursor.rest().substr(at);
      if (tail.starts_with("<!--") || tail.starts_with("<![CDATA[")) {
        auto close = cursor.find(tail.starts_with("<!--") ? "-->" : "]]>", at);
        if (!close) return close.error();
        if (*close == std::string_view::npos) return fail(0, "the file ends inside this <tu>; it is truncated");
        at = *close + 3;
        continue;
      }
      const auto name_end = tail.find_first_of(" \t\r\n/>", 2);
      const std::string_view name = tail.substr(1, name_end == std::string_view::npos ? 0 : name_end - 1);
      if (name == "/tu") {
        auto close = cursor.find(">", at);
        if (!close) return close.error();
        if (*close == std::string_view::npos) return fail(0, "the file ends inside this <tu>; it is truncated");
        return *close + 1;
      }
      if (name == "tu" || name == "/body") {
        recoverable = true;
        return cursor.error_at(0, "<tu> has no </tu> before the next <" + std::string(name) + ">; add </tu>");
      }
      at += 1;
    }
  }

  // Moves the cursor to the next <tu> or </body> after the broken unit at it.
  Status skip_to_next_unit() {
    std::size_t at = 1;
    while (true) {
      auto next = cursor.find("<", at);
      if (!next) return next.error();
      if (*next == std::string_view::npos) {
        return fail(0, "the file ends inside this <tu>; it is truncated");
      }
      at = *next;
      if (auto status = cursor.need(at + 8); !status) return status;
      const auto tail = cursor.rest().substr(at);
      const auto name_end = tail.find_first_of(" \t\r\n/>", 2);
      const std::string_view name = tail.substr(1, name_end == std::string_view::npos ? 0 : name_end - 1);
      if (name == "tu" || name == "/body") {
        cursor.consume(at);
        return success();
      }
      at += 1;
    }
  }

  Result<bool> next(Unit& unit) {
    if (fatal) {
      finished = true;  // reported once; then the stream is over, so skipping callers stop
      fatal.reset();
    }
    if (finished) return false;
    if (auto status = skip_misc(false); !status) return status.error();
    if (cursor.at_end()) return fail(0, "the file ends inside <body>; it is truncated (no </body> and </tmx>)");
    auto is_end = cursor.starts_with_tag("</body");
    if (!is_end) return is_end.error();
    if (*is_end) {
      if (auto status = read_end(true); !status) return status.error();
      return false;
    }
    auto is_unit = cursor.starts_with_tag("<tu");
    if (!is_unit) return is_unit.error();
    if (!*is_unit) {
      if (!cursor.rest().starts_with('<')) return fail(0, "text in <body> outside any <tu>; remove it");
      return fail(0, "unexpected <" + tag_name() + "> in <body>; a <body> holds only <tu> elements");
    }
    return read_unit(unit);
  }

  Result<bool> read_unit(Unit& unit) {
    bool recoverable = false;
    auto extent = unit_extent(recoverable);
    if (!extent) {
      if (!recoverable) return extent.error();
      const Error error = extent.error();
      if (auto status = skip_to_next_unit(); !status) return status.error();
      return error;
    }
    unit = Unit{};
    const auto where = cursor.position();
    unit.line = where.line;
    unit.column = where.column;
    const auto problem = parse_unit(cursor.rest().substr(0, *extent), unit, declarations);
    Error error;
    if (problem) error = located(*problem, 0);
    cursor.consume(*extent);
    if (problem) return error;
    return true;
  }
};

std::string attribute(const std::vector<Attribute>& attributes, std::string_view name) {
  for (const auto& item : attributes) {
    if (item.name == name) return item.value;
  }
  return "";
}

Result<Reader> Reader::open(const std::filesystem::path& path) { return open(path, path.string()); }

Result<Reader> Reader::open(const std::filesystem::path& path, std::string name) {
  if (const Status file = refuse_folder(path, "a TMX file"); !file) return file.error();
  auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*in) return io_error(path.string() + ": cannot open the file for reading");
  return open_stream(std::move(in), std::move(name));
}

Result<Reader> Reader::from_bytes(std::string bytes, std::string name) {
  return open_stream(std::make_unique<std::istringstream>(std::move(bytes)), std::move(name));
}

Result<Reader> Reader::open_stream(std::unique_ptr<std::istream> in, std::string name) {
  auto decoder = Decoder::open(std::move(in));
  if (!decoder) return input_error(Diagnostic{name, 1, 1, decoder.error().message}.to_string());
  auto state = std::unique_ptr<State>(new State{Cursor(std::move(*decoder), name), {}, {}, false, std::nullopt});
  if (auto status = state->read_prolog(); !status) return status.error();
  return Reader(std::move(state));
}

Reader::Reader(std::unique_ptr<State> state) : state_(std::move(state)) {}
Reader::Reader(Reader&&) noexcept = default;
Reader& Reader::operator=(Reader&&) noexcept = default;
Reader::~Reader() = default;

const Header& Reader::header() const { return state_->header; }

Result<bool> Reader::next(Unit& unit) { return state_->next(unit); }

}  // namespace edsync::tmx
