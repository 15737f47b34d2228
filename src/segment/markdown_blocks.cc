#include "markdown_blocks.h"

#include <optional>

namespace edsync::segment_detail {

namespace {

struct Line {
  std::size_t begin = 0;
  std::size_t end = 0;  // before the line break
  std::string_view text;
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    const std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
    if (end == std::string_view::npos) end = text.size();
    std::size_t content_end = end;
    if (content_end > begin && text[content_end - 1] == '\r') --content_end;
    lines.push_back({begin, content_end, text.substr(begin, content_end - begin)});
    begin = next;
  }
  return lines;
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r\f\v") == std::string_view::npos; }

std::size_t indent_of(std::string_view line) {
  const auto first = line.find_first_not_of(' ');
  return first == std::string_view::npos ? line.size() : first;
}

bool is_fence(std::string_view line) {
  const auto indent = indent_of(line);
  if (indent > 3) return false;
  const auto rest = line.substr(indent);
  return rest.starts_with("```") || rest.starts_with("~~~");
}

bool is_thematic_break(std::string_view line) {
  const auto indent = indent_of(line);
  if (indent > 3 || indent == line.size()) return false;
  const char mark = line[indent];
  if (mark != '-' && mark != '*' && mark != '_') return false;
  int count = 0;
  for (const char c : line.substr(indent)) {
    if (c == mark) ++count;
    else if (c != ' ' && c != '\t') return false;
  }
  return count >= 3;
}

// Where the content of a heading, list item or quote line starts, if it is one.
std::optional<std::size_t> heading_content(std::string_view line) {
  const auto indent = indent_of(line);
  if (indent > 3) return std::nullopt;
  std::size_t at = indent;
  while (at < line.size() && line[at] == '#') ++at;
  const auto level = at - indent;
  if (level < 1 || level > 6) return std::nullopt;
  if (at < line.size() && line[at] != ' ' && line[at] != '\t') return std::nullopt;
  while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
  return at;
}

// A heading's text ends before its closing run of #s (when a space precedes it).
std::size_t heading_end(std::string_view line, std::size_t content) {
  std::size_t end = line.find_last_not_of(" \t");
  if (end == std::string_view::npos || end < content) return content;
  ++end;
  std::size_t hashes = end;
  while (hashes > content && line[hashes - 1] == '#') --hashes;
  if (hashes == end) return end;
  if (hashes == content) return content;
  if (line[hashes - 1] != ' ' && line[hashes - 1] != '\t') return end;
  while (hashes > content && (line[hashes - 1] == ' ' || line[hashes - 1] == '\t')) --hashes;
  return hashes;
}

std::optional<std::size_t> list_item_content(std::string_view line) {
  std::size_t at = indent_of(line);
  if (at >= line.size()) return std::nullopt;
  if (line[at] == '-' || line[at] == '*' || line[at] == '+') {
    ++at;
  } else {
    const auto digits_begin = at;
    while (at < line.size() && at - digits_begin < 9 && line[at] >= '0' && line[at] <= '9') ++at;
    if (at == digits_begin || at >= line.size() || (line[at] != '.' && line[at] != ')')) return std::nullopt;
    ++at;
  }
  if (at < line.size() && line[at] != ' ' && line[at] != '\t') return std::nullopt;
  while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
  return at;
}

std::optional<std::size_t> quote_content(std::string_view line) {
  const auto indent = indent_of(line);
  if (indent > 3 || indent >= line.size() || line[indent] != '>') return std::nullopt;
  std::size_t at = indent + 1;
  while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
  return at;
}

// Lines of a front matter block at the very start ("---" ... "---" or "...").
std::size_t front_matter_lines(const std::vector<Line>& lines) {
  if (lines.empty()) return 0;
  std::string_view first = lines[0].text;
  if (first.starts_with("\xEF\xBB\xBF")) first.remove_prefix(3);
  if (first != "---") return 0;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].text == "---" || lines[i].text == "...") return i + 1;
  }
  return 0;  // never closed: not front matter
}

class BlockBuilder {
 public:
  explicit BlockBuilder(bool soft) : soft_(soft) {}
  void start(std::size_t begin, std::size_t end) {
    finish();
    open_ = Block{begin, end, soft_};
  }
  void extend(std::size_t end) {
    if (open_) open_->end = end;
  }
  bool open() const { return open_.has_value(); }
  void finish() {
    if (open_ && open_->end > open_->begin) blocks_.push_back(*open_);
    open_.reset();
  }
  std::vector<Block> take() {
    finish();
    return std::move(blocks_);
  }

 private:
  bool soft_;
  std::optional<Block> open_;
  std::vector<Block> blocks_;
};

std::vector<Block> plain_blocks(const std::vector<Line>& lines) {
  BlockBuilder builder(false);
  for (const auto& line : lines) {
    if (is_blank(line.text)) builder.finish();
    else if (builder.open()) builder.extend(line.end);
    else builder.start(line.begin, line.end);
  }
  return builder.take();
}

std::vector<Block> markdown_blocks(const std::vector<Line>& lines) {
  BlockBuilder builder(true);
  bool in_fence = false;
  bool in_quote = false;
  for (std::size_t i = front_matter_lines(lines); i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (in_fence || is_fence(line.text)) {
      builder.finish();
      if (is_fence(line.text)) in_fence = !in_fence;
      continue;
    }
    if (is_blank(line.text) || is_thematic_break(line.text)) {
      builder.finish();
      in_quote = false;
      continue;
    }
    if (const auto content = heading_content(line.text)) {
      builder.start(line.begin + *content, line.begin + heading_end(line.text, *content));
      builder.finish();
      in_quote = false;
    } else if (const auto quoted = quote_content(line.text)) {
      if (in_quote) builder.extend(line.end);
      else builder.start(line.begin + *quoted, line.end);
      in_quote = true;
    } else if (const auto item = list_item_content(line.text)) {
      builder.start(line.begin + *item, line.end);
      in_quote = false;
    } else if (builder.open()) {
      builder.extend(line.end);  // a paragraph or a lazy continuation line
    } else {
      builder.start(line.begin + indent_of(line.text), line.end);
    }
  }
  return builder.take();
}

}  // namespace

std::vector<Block> split_blocks(std::string_view text, SegmentFormat format) {
  const auto lines = split_lines(text);
  return format == SegmentFormat::markdown ? markdown_blocks(lines) : plain_blocks(lines);
}

}  // namespace edsync::segment_detail

namespace edsync {

std::vector<Segment> text_blocks(std::string_view text, SegmentFormat format) {
  std::vector<Segment> blocks;
  for (const auto& block : segment_detail::split_blocks(text, format)) blocks.push_back({block.begin, block.end});
  return blocks;
}

}  // namespace edsync
