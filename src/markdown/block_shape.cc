#include "block_shape.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include "edsync/segment.h"
#include "syntax.h"

namespace edsync::markdown::detail {

namespace {

constexpr std::array<std::string_view, 40> kBlockTags{
    "address", "article", "aside",  "blockquote", "body",   "center", "dd",     "details", "dialog", "div",
    "dl",      "dt",      "fieldset", "figcaption", "figure", "footer", "form",  "h1",      "h2",     "h3",
    "h4",      "h5",      "h6",     "header",     "hr",     "iframe", "li",     "main",    "nav",    "ol",
    "p",       "pre",     "section", "table",     "tbody",  "td",     "th",     "thead",   "tr",     "ul"};

std::size_t line_start(std::string_view body, std::size_t at) {
  const auto newline = at == 0 ? std::string_view::npos : body.rfind('\n', at - 1);
  return newline == std::string_view::npos ? 0 : newline + 1;
}

std::size_t line_end(std::string_view body, std::size_t at) {
  const auto newline = body.find('\n', at);
  return newline == std::string_view::npos ? body.size() : newline;
}

std::string_view line_at(std::string_view body, std::size_t at) {
  const auto begin = line_start(body, at);
  auto end = line_end(body, at);
  if (end > begin && body[end - 1] == '\r') --end;
  return body.substr(begin, end - begin);
}

bool only_of(std::string_view line, char mark) {
  const auto last = line.find_last_not_of(" \t");
  if (last == std::string_view::npos) return false;
  const auto first = line.find_first_not_of(' ');
  if (first > 3) return false;
  return line.substr(first, last + 1 - first).find_first_not_of(mark) == std::string_view::npos;
}

// A list marker at the start of `text`: its length without the spaces after it.
std::size_t list_marker(std::string_view text) {
  if (text.empty()) return 0;
  std::size_t at = 0;
  if (text[0] == '-' || text[0] == '*' || text[0] == '+') {
    at = 1;
  } else {
    while (at < text.size() && at < 9 && text[at] >= '0' && text[at] <= '9') ++at;
    if (at == 0 || at >= text.size() || (text[at] != '.' && text[at] != ')')) return 0;
    ++at;
  }
  return at >= text.size() || is_space_or_tab(text[at]) ? at : 0;
}

bool is_html_block(std::string_view text) {
  if (text.empty() || text[0] != '<') return false;
  if (text.starts_with("<!--") || text.starts_with("<?") || text.starts_with("<!")) return true;
  std::size_t at = text[1] == '/' ? 2 : 1;
  std::size_t name_end = at;
  while (name_end < text.size() && std::isalnum(static_cast<unsigned char>(text[name_end]))) ++name_end;
  std::string name(text.substr(at, name_end - at));
  for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto tag : kBlockTags) {
    if (name == tag) return true;
  }
  const auto first_line = text.substr(0, text.find('\n'));
  std::size_t length = match_html_tag(first_line, 0);
  return length > 0 && first_line.find_first_not_of(" \t\r", length) == std::string_view::npos;
}

bool is_table(std::string_view text) {
  const auto newline = text.find('\n');
  if (newline == std::string_view::npos) return false;
  auto second = text.substr(newline + 1);
  second = second.substr(0, second.find('\n'));
  return text.substr(0, newline).find('|') != std::string_view::npos &&
         second.find('-') != std::string_view::npos &&
         second.find_first_not_of("|-: \t\r") == std::string_view::npos;
}

bool is_link_definition(std::string_view text) {
  std::string label;
  const auto length = match_link_label(text, 0, &label);
  return length > 0 && length < text.size() && text[length] == ':' && !normalize_label(label).empty();
}

class Classifier {
 public:
  explicit Classifier(std::string_view body) : body_(body) {}

  BlockShape classify(std::size_t begin, std::size_t end) {
    BlockShape shape;
    const auto start = line_start(body_, begin);
    const auto prefix = body_.substr(start, begin - start);
    shape.begin = begin;
    shape.end = end;
    if (prefix.find('#') != std::string_view::npos) {
      shape.kind = BlockKind::heading;
      shape.level = static_cast<int>(std::count(prefix.begin(), prefix.end(), '#'));
      lists_.clear();
    } else if (prefix.find('>') != std::string_view::npos) {
      quoted(shape);
    } else if (const auto marker = list_marker(prefix.substr(std::min(prefix.find_first_not_of(" \t"), prefix.size())))) {
      list_item(shape, prefix, marker);
    } else {
      paragraph(shape, prefix.size());
    }
    trim(shape);
    return shape;
  }

 private:
  // A quote's first line may hold a heading or a list item.
  void quoted(BlockShape& shape) {
    shape.kind = BlockKind::quote;
    const auto text = body_.substr(shape.begin, shape.end - shape.begin);
    std::size_t hashes = 0;
    while (hashes < text.size() && text[hashes] == '#') ++hashes;
    if (hashes >= 1 && hashes <= 6 && hashes < text.size() && is_space_or_tab(text[hashes]) &&
        text.find('\n') == std::string_view::npos) {
      shape.kind = BlockKind::heading;
      shape.level = static_cast<int>(hashes);
      shape.begin += hashes;
    } else if (const auto marker = list_marker(text)) {
      shape.kind = BlockKind::list_item;
      shape.marker = std::string(text.substr(0, marker));
      std::size_t at = marker;
      while (at < text.size() && is_space_or_tab(text[at])) ++at;
      shape.begin += at;
    }
  }

  void list_item(BlockShape& shape, std::string_view prefix, std::size_t marker_length) {
    const std::size_t column = prefix.find_first_not_of(" \t");
    shape.kind = BlockKind::list_item;
    shape.marker = std::string(prefix.substr(column, marker_length));
    while (!lists_.empty() && lists_.back() >= column) lists_.pop_back();
    shape.nesting = static_cast<int>(lists_.size());
    lists_.push_back(column);
  }

  void paragraph(BlockShape& shape, std::size_t indent) {
    const auto text = body_.substr(shape.begin, shape.end - shape.begin);
    if (indent == 0) lists_.clear();
    if ((indent >= 4 && lists_.empty()) || is_html_block(text) || is_table(text) || is_link_definition(text)) {
      shape.kind = BlockKind::verbatim;
      shape.begin -= indent;
      return;
    }
    setext(shape);
  }

  void setext(BlockShape& shape) {
    const auto last_line_start = line_start(body_, shape.end);
    if (last_line_start > shape.begin && only_of(line_at(body_, shape.end), '=')) {
      shape.kind = BlockKind::heading;
      shape.level = 1;
      shape.setext = true;
      shape.end = last_line_start - 1;
      if (shape.end > shape.begin && body_[shape.end - 1] == '\r') --shape.end;
      return;
    }
    const auto next = line_end(body_, shape.end);
    if (next < body_.size() && only_of(line_at(body_, next + 1), '-')) {
      shape.kind = BlockKind::heading;
      shape.level = 2;
      shape.setext = true;
    }
  }

  // A list item's text may start on the next line ("-\n text").
  void trim(BlockShape& shape) const {
    while (shape.kind != BlockKind::verbatim && shape.begin < shape.end &&
           std::string_view(" \t\r\n").find(body_[shape.begin]) != std::string_view::npos)
      ++shape.begin;
    while (shape.end > shape.begin && std::string_view(" \t\r").find(body_[shape.end - 1]) != std::string_view::npos)
      --shape.end;
  }

  std::string_view body_;
  std::vector<std::size_t> lists_;  // marker columns of the open list items
};

}  // namespace

std::vector<BlockShape> block_shapes(std::string_view body) {
  Classifier classifier(body);
  std::vector<BlockShape> shapes;
  for (const auto& block : text_blocks(body, SegmentFormat::markdown)) {
    auto shape = classifier.classify(block.begin, block.end);
    if (shape.end > shape.begin) shapes.push_back(std::move(shape));
  }
  return shapes;
}

LinkLabels link_labels(std::string_view body, const std::vector<BlockShape>& shapes) {
  LinkLabels labels;
  for (const auto& shape : shapes) {
    if (shape.kind != BlockKind::verbatim) continue;
    auto text = body.substr(shape.begin, shape.end - shape.begin);
    while (is_link_definition(text)) {
      std::string label;
      match_link_label(text, 0, &label);
      labels.insert(normalize_label(label));
      const auto newline = text.find('\n');
      if (newline == std::string_view::npos) break;
      text.remove_prefix(newline + 1);
      text.remove_prefix(std::min(text.find_first_not_of(" \t"), text.size()));
    }
  }
  return labels;
}

}  // namespace edsync::markdown::detail
