// segment_article: the segmenter's blocks and sentences, each sentence's
// inline Markdown as codes.
#include <algorithm>
#include <map>
#include <optional>

#include "block_shape.h"
#include "edsync/markdown.h"
#include "edsync/segment.h"
#include "inline_parser.h"

namespace edsync::markdown {

namespace {

using detail::Element;
using detail::ElementKind;

bool is_separator(const Element& element) {
  return element.kind == ElementKind::space || element.kind == ElementKind::soft_break || element.line_break;
}

bool has_text(const std::vector<Element>& elements, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    if (elements[i].kind == ElementKind::text) return true;
  }
  return false;
}

// Makes `position` an element boundary if it falls inside plain text;
// returns the index of the element starting there, or nullopt.
std::optional<std::size_t> boundary_at(std::vector<Element>& elements, std::size_t from, std::size_t position) {
  for (std::size_t i = from; i < elements.size(); ++i) {
    Element& element = elements[i];
    if (element.begin == position) return i;
    if (element.begin > position || element.end <= position) continue;
    const bool plain = element.kind == ElementKind::text && element.text.size() == element.end - element.begin;
    if (!plain) return std::nullopt;
    Element rest = element;
    rest.begin = position;
    rest.text = element.text.substr(position - element.begin);
    element.text.resize(position - element.begin);
    element.end = position;
    elements.insert(elements.begin() + static_cast<std::ptrdiff_t>(i) + 1, std::move(rest));
    return i + 1;
  }
  return std::nullopt;
}

// Between two segments: elements [first, after) are the white space (or
// hard line break) that joins them.
struct Cut {
  std::size_t first = 0;
  std::size_t after = 0;
};

std::optional<Cut> cut_between(std::vector<Element>& elements, std::size_t from, const edsync::Segment& left,
                               const edsync::Segment& right) {
  for (std::size_t i = from; i < elements.size(); ++i) {
    if (elements[i].begin < left.end || !is_separator(elements[i])) continue;
    if (elements[i].end > right.begin) break;
    std::size_t after = i;
    while (after < elements.size() && is_separator(elements[after]) && elements[after].end <= right.begin) ++after;
    return Cut{i, after};
  }
  const auto at = boundary_at(elements, from, right.begin);
  if (!at) return std::nullopt;
  return Cut{*at, *at};
}

std::vector<Cut> cuts_of(std::vector<Element>& elements, const std::vector<edsync::Segment>& sentences) {
  std::vector<Cut> cuts;
  for (std::size_t k = 0; k + 1 < sentences.size(); ++k) {
    const auto cut = cut_between(elements, cuts.empty() ? 0 : cuts.back().after, sentences[k], sentences[k + 1]);
    if (cut && (cuts.empty() || cut->first >= cuts.back().after) && cut->first > 0 && cut->after < elements.size())
      cuts.push_back(*cut);
  }
  // A segment of codes or white space alone is nothing to translate: it joins its neighbour.
  for (std::size_t k = 0; k <= cuts.size() && cuts.size() > 0;) {
    const std::size_t from = k == 0 ? 0 : cuts[k - 1].after;
    const std::size_t to = k == cuts.size() ? elements.size() : cuts[k].first;
    if (has_text(elements, from, to)) {
      ++k;
    } else {
      cuts.erase(cuts.begin() + static_cast<std::ptrdiff_t>(k == cuts.size() ? k - 1 : k));
    }
  }
  return cuts;
}

struct OpenCode {
  int match = 0;
  std::string display;
};

class SegmentBuilder {
 public:
  explicit SegmentBuilder(std::vector<OpenCode>& open) : open_(open) {}

  Segment build(const std::vector<Element>& elements, std::size_t from, std::size_t to) {
    segment_.begin = elements[from].begin;
    segment_.end = elements[to - 1].end;
    for (const auto& code : open_) add_code(PartKind::opening, "", "\u2026" + code.display, code.match);
    for (std::size_t i = from; i < to; ++i) add(elements[i]);
    for (auto code = open_.rbegin(); code != open_.rend(); ++code)
      add_code(PartKind::closing, "", code->display + "\u2026", code->match);
    return std::move(segment_);
  }

 private:
  void add(const Element& element) {
    if (element.kind != ElementKind::code) {
      segment_.plain += element.text;
      if (segment_.content.empty() || segment_.content.back().kind != PartKind::text) segment_.content.push_back({});
      segment_.content.back().text += element.text;
      return;
    }
    add_code(element.code, element.text, element.display, element.match);
    if (element.code == PartKind::opening) open_.push_back({element.match, element.display});
    if (element.code == PartKind::closing && !open_.empty()) open_.pop_back();
  }

  void add_code(PartKind kind, std::string markdown, std::string display, int match) {
    Part part{kind, std::move(markdown), next_id_++, 0, std::move(display)};
    if (kind == PartKind::opening) opening_of_[match] = segment_.content.size();
    if (kind == PartKind::closing) {
      Part& opening = segment_.content[opening_of_.at(match)];
      opening.pair = part.id;
      part.pair = opening.id;
    }
    segment_.content.push_back(std::move(part));
  }

  std::vector<OpenCode>& open_;
  Segment segment_;
  int next_id_ = 1;
  std::map<int, std::size_t> opening_of_;  // match -> index in content
};


class ArticleBuilder {
 public:
  ArticleBuilder(std::string_view body, std::string_view language) : body_(body) {
    SegmentOptions options;
    options.language = std::string(language);
    options.format = SegmentFormat::markdown;
    sentences_ = Segmenter::built_in().segment(body, options);
  }

  void build(Article& article) {
    const auto shapes = detail::block_shapes(body_);
    const auto labels = detail::link_labels(body_, shapes);
    article.link_labels.assign(labels.begin(), labels.end());
    bool setext = false;
    for (const auto& shape : shapes) {
      gap(article, shape.begin, setext);
      setext = shape.setext;
      Block block = shape.kind == BlockKind::verbatim ? Block{} : text_block(shape, labels);
      if (block.segments.empty()) {
        block.kind = BlockKind::verbatim;
        block.verbatim = std::string(body_.substr(shape.begin, shape.end - shape.begin));
      }
      block.begin = shape.begin;
      block.end = shape.end;
      block.lead = std::move(lead_);
      lead_.clear();
      article.blocks.push_back(std::move(block));
      done_ = shape.end;
    }
    gap(article, body_.size(), setext);
    article.tail = std::move(lead_);
  }

 private:
  Block text_block(const detail::BlockShape& shape, const detail::LinkLabels& labels) {
    Block block;
    block.kind = shape.kind;
    block.level = shape.level;
    block.marker = shape.marker;
    block.nesting = shape.nesting;
    auto elements = detail::parse_inline(body_, shape.begin, shape.end, labels);
    if (!has_text(elements, 0, elements.size())) return block;
    const auto cuts = cuts_of(elements, sentences_within(shape.begin, shape.end));
    std::vector<OpenCode> open;
    std::size_t from = 0;
    for (std::size_t k = 0; k <= cuts.size(); ++k) {
      const std::size_t to = k == cuts.size() ? elements.size() : cuts[k].first;
      block.segments.push_back(SegmentBuilder(open).build(elements, from, to));
      if (k == cuts.size()) break;
      const auto begin = elements[cuts[k].first].begin, end = elements[cuts[k].after - 1].end;
      block.separators.emplace_back(cuts[k].after > cuts[k].first ? body_.substr(begin, end - begin) : "");
      from = cuts[k].after;
    }
    return block;
  }

  // The sentences of blocks in order, clipped to [begin, end).
  std::vector<edsync::Segment> sentences_within(std::size_t begin, std::size_t end) {
    while (next_sentence_ < sentences_.size() && sentences_[next_sentence_].end <= begin) ++next_sentence_;
    std::vector<edsync::Segment> inside;
    for (std::size_t k = next_sentence_; k < sentences_.size() && sentences_[k].begin < end; ++k) {
      const auto from = std::max(sentences_[k].begin, begin), to = std::min(sentences_[k].end, end);
      if (from < to) inside.push_back({from, to});
    }
    return inside;
  }

  // The bytes from the last block to `to`: lines of their own that are not
  // blank (code, front matter, thematic breaks) become a verbatim block.
  void gap(Article& article, std::size_t to, bool skip_underline) {
    std::size_t at = done_;
    if (at > 0 && body_[at - 1] != '\n') at = next_line(at, to);
    if (skip_underline) at = next_line(at, to);
    const std::size_t prefix = to == body_.size() ? to : (to == 0 ? 0 : body_.rfind('\n', to - 1) + 1);
    std::size_t first = std::string_view::npos, last = 0;
    for (std::size_t line = at; line < prefix && line < to;) {
      const std::size_t end = std::min(body_.find('\n', line), prefix);
      if (body_.substr(line, end - line).find_first_not_of(" \t\r") != std::string_view::npos) {
        if (first == std::string_view::npos) first = line;
        last = end;
      }
      line = end + 1;
    }
    if (first == std::string_view::npos || first >= to) {
      lead_ += body_.substr(done_, to - done_);
      return;
    }
    Block verbatim;
    verbatim.kind = BlockKind::verbatim;
    verbatim.begin = first;
    verbatim.end = last;
    verbatim.lead = lead_ + std::string(body_.substr(done_, first - done_));
    verbatim.verbatim = std::string(body_.substr(first, last - first));
    article.blocks.push_back(std::move(verbatim));
    lead_ = std::string(body_.substr(last, to - last));
  }

  std::size_t next_line(std::size_t at, std::size_t limit) const {
    const auto newline = body_.find('\n', at);
    return newline == std::string_view::npos || newline >= limit ? limit : newline + 1;
  }

  std::string_view body_;
  std::vector<edsync::Segment> sentences_;
  std::size_t next_sentence_ = 0;
  std::size_t done_ = 0;  // the end of the last block
  std::string lead_;
};

}  // namespace

Article segment_article(std::string_view title, std::string_view body, std::string_view language) {
  Article article;
  article.title.begin = 0;
  article.title.end = title.size();
  article.title.plain = std::string(title);
  if (!title.empty()) article.title.content.push_back({PartKind::text, std::string(title)});
  ArticleBuilder(body, language).build(article);
  return article;
}

std::vector<const Segment*> Article::segments() const {
  std::vector<const Segment*> all{&title};
  for (const auto& block : blocks) {
    for (const auto& segment : block.segments) all.push_back(&segment);
  }
  return all;
}

std::vector<std::vector<Part>> english_contents(const Article& english) {
  std::vector<std::vector<Part>> contents;
  for (const auto& block : english.blocks) {
    for (const auto& segment : block.segments) contents.push_back(segment.content);
  }
  return contents;
}

}  // namespace edsync::markdown
