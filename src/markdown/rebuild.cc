// rebuild_body: the English structure around translated segments, the codes
// turned back into their Markdown, text escaped where Markdown would read it.
#include <map>
#include <set>

#include "edsync/markdown.h"
#include "inline_parser.h"
#include "syntax.h"

namespace edsync::markdown {

namespace {

using detail::is_punctuation_at;
using detail::is_space_at;
using detail::previous_code_point;

std::string kind_name(PartKind kind) {
  switch (kind) {
    case PartKind::opening: return "an opening code";
    case PartKind::closing: return "a closing code";
    case PartKind::standalone: return "a standalone code";
    case PartKind::text: break;
  }
  return "text";
}

std::string segment_name(std::size_t number) { return "segment " + std::to_string(number) + ": "; }

Error code_error(std::size_t number, int id, const std::string& what) {
  return input_error(segment_name(number) + "code " + std::to_string(id) + " " + what);
}

// Every code of the English there once, of the same kind, each closing after
// its opening and inside the codes opened after it.
Status check_codes(const Segment& english, const std::vector<Part>& translation, std::size_t number) {
  std::map<int, const Part*> codes;
  for (const auto& part : english.content) {
    if (part.kind != PartKind::text) codes[part.id] = &part;
  }
  std::set<int> seen;
  std::vector<int> open;
  for (const auto& part : translation) {
    if (part.kind == PartKind::text) continue;
    const auto found = codes.find(part.id);
    if (found == codes.end()) return code_error(number, part.id, "is not in the English segment");
    if (found->second->kind != part.kind)
      return code_error(number, part.id, "is " + kind_name(found->second->kind) + " in the English, not " + kind_name(part.kind));
    if (!seen.insert(part.id).second) return code_error(number, part.id, "appears twice");
    if (part.kind == PartKind::opening) open.push_back(part.id);
    if (part.kind != PartKind::closing) continue;
    const int opening = found->second->pair;
    if (!seen.contains(opening)) return code_error(number, part.id, "closes code " + std::to_string(opening) + " before it opens");
    if (open.back() != opening)
      return code_error(number, part.id, "closes code " + std::to_string(opening) + " while code " +
                                            std::to_string(open.back()) + " inside it is still open");
    open.pop_back();
  }
  for (const auto& [id, code] : codes) {
    if (!seen.contains(id)) return code_error(number, id, "(\"" + code->text + "\") is missing");
  }
  return success();
}

bool is_emphasis(std::string_view markdown) {
  return !markdown.empty() && markdown.find_first_not_of(markdown[0] == '*' ? "*" : "_") == std::string_view::npos &&
         (markdown[0] == '*' || markdown[0] == '_');
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void move_space_before_openings(std::vector<Part>& parts) {
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    Part& next = parts[i + 1];
    if (parts[i].kind != PartKind::opening || !is_emphasis(parts[i].text) || next.kind != PartKind::text) continue;
    const auto keep = std::min(next.text.find_first_not_of(" \t"), next.text.size());
    if (keep == 0) continue;
    std::string moved = next.text.substr(0, keep);
    next.text.erase(0, keep);
    if (i > 0 && parts[i - 1].kind == PartKind::text) parts[i - 1].text += moved;
    else parts.insert(parts.begin() + static_cast<std::ptrdiff_t>(i++), Part{PartKind::text, std::move(moved)});
  }
}

void move_space_after_closings(std::vector<Part>& parts) {
  for (std::size_t i = parts.size(); i-- > 1;) {
    Part& before = parts[i - 1];
    if (parts[i].kind != PartKind::closing || !is_emphasis(parts[i].text) || before.kind != PartKind::text) continue;
    const auto last = before.text.find_last_not_of(" \t");
    const auto keep = last == std::string::npos ? 0 : last + 1;
    if (keep == before.text.size()) continue;
    std::string moved = before.text.substr(keep);
    before.text.resize(keep);
    if (i + 1 < parts.size() && parts[i + 1].kind == PartKind::text) parts[i + 1].text.insert(0, moved);
    else parts.insert(parts.begin() + static_cast<std::ptrdiff_t>(i + 1), Part{PartKind::text, std::move(moved)});
  }
}

void trim_ends(std::vector<Part>& parts) {
  if (!parts.empty() && parts.front().kind == PartKind::text)
    parts.front().text.erase(0, std::min(parts.front().text.find_first_not_of(" \t"), parts.front().text.size()));
  if (!parts.empty() && parts.back().kind == PartKind::text) {
    auto& text = parts.back().text;
    while (!text.empty() && is_blank(text.back())) text.pop_back();
  }
  std::erase_if(parts, [](const Part& part) { return part.kind == PartKind::text && part.text.empty(); });
}

// What stands between a span's opening code and its closing code `id`.
std::string span_text(const std::vector<Part>& parts, int id) {
  std::string inside;
  int opening = 0;
  bool in_span = false;
  for (const auto& part : parts) {
    if (part.kind == PartKind::closing && part.id == id) return in_span ? inside : std::string();
    if (in_span) inside += std::to_string(static_cast<int>(part.kind)) + part.text + '\x01';
    if (part.kind == PartKind::opening && part.pair == id) opening = part.id, in_span = true;
  }
  return opening == 0 ? std::string() : inside;
}

// A shortcut or collapsed reference link ("[Text]", "[Text][]") takes its
// label from its text: once the text is translated, the label is written.
void keep_reference_labels(const Segment& english, std::vector<Part>& parts) {
  for (auto& part : parts) {
    if (part.kind != PartKind::closing || (part.text != "]" && part.text != "][]")) continue;
    if (span_text(parts, part.id) != span_text(english.content, part.id)) part.text = part.display;
  }
}

// The translation with the English Markdown in its codes, line breaks as
// spaces, white space moved out of emphasis (where "** a**" would not be
// emphasis) and trimmed at the ends.
std::vector<Part> prepared(const Segment& english, const std::vector<Part>& translation) {
  std::map<int, const Part*> codes;
  for (const auto& part : english.content) codes[part.id] = &part;
  std::vector<Part> parts;
  for (Part part : translation) {
    if (part.kind == PartKind::text) {
      for (auto& c : part.text) c = c == '\n' || c == '\r' ? ' ' : c;
      if (!parts.empty() && parts.back().kind == PartKind::text) parts.back().text += part.text;
      else parts.push_back(std::move(part));
      continue;
    }
    part.text = codes.at(part.id)->text;
    part.display = codes.at(part.id)->display;
    part.pair = codes.at(part.id)->pair;
    parts.push_back(std::move(part));
  }
  keep_reference_labels(english, parts);
  move_space_before_openings(parts);
  move_space_after_closings(parts);
  trim_ends(parts);
  return parts;
}

struct TextContext {
  bool line_start = false;
  bool in_link = false;
  bool heading_end = false;     // the text ends a heading
  std::string_view next_code;   // the Markdown right after the text
  const std::set<std::string>* labels = nullptr;
};

class TextEscaper {
 public:
  TextEscaper(std::string_view text, const TextContext& context) : text_(text), context_(context) {}

  std::string run() {
    const std::size_t line_escape = context_.line_start ? detail::block_start_escape(text_) : std::string_view::npos;
    const std::size_t heading_escape = context_.heading_end ? closing_hashes() : std::string_view::npos;
    for (std::size_t i = 0; i < text_.size(); ++i) {
      const char c = text_[i];
      if (i == line_escape || i == heading_escape || needs_escape(i)) out_ += '\\';
      if (c == '[' && !context_.in_link) last_bracket_ = i;
      out_ += c;
    }
    return std::move(out_);
  }

 private:
  bool needs_escape(std::size_t i) const {
    const char c = text_[i];
    const bool last = i + 1 == text_.size();
    switch (c) {
      case '\\': return last || detail::is_ascii_punctuation(text_[i + 1]);
      case '`': return true;
      case '*':
      case '_': return run_may_delimit(i);
      case '[': return context_.in_link;
      case ']': return context_.in_link || closes_link(i);
      case '<': return detail::match_autolink(text_, i) > 0 || detail::match_html_tag(text_, i) > 0;
      case '&': return detail::match_entity(text_, i).has_value();
      case '!': return last && context_.next_code.starts_with("[");
      default: return false;
    }
  }

  // A run of * or _ with white space on both sides opens and closes
  // nothing; nor does _ between letters. Any other run is escaped whole.
  bool run_may_delimit(std::size_t i) const {
    std::size_t begin = i, end = i;
    while (begin > 0 && text_[begin - 1] == text_[i]) --begin;
    while (end < text_.size() && text_[end] == text_[i]) ++end;
    if (space_before(begin) && space_after(end - 1)) return false;
    return text_[i] == '*' || !(word_before(begin) && word_after(end - 1));
  }

  bool closes_link(std::size_t i) const {
    const char next = i + 1 < text_.size() ? text_[i + 1] : context_.next_code.empty() ? '\0' : context_.next_code[0];
    if (next == '(' || next == '[') return true;
    if (last_bracket_ == std::string_view::npos || context_.labels == nullptr) return false;
    const auto label = detail::normalize_label(text_.substr(last_bracket_ + 1, i - last_bracket_ - 1));
    return context_.labels->contains(label);
  }

  // A run of # at the end that a heading would read as its closing sequence.
  std::size_t closing_hashes() const {
    std::size_t run = text_.size();
    while (run > 0 && text_[run - 1] == '#') --run;
    if (run == text_.size()) return std::string_view::npos;
    return run == 0 || text_[run - 1] == ' ' || text_[run - 1] == '\t' ? run : std::string_view::npos;
  }

  bool space_before(std::size_t i) const { return i > 0 && is_space_at(text_, previous_code_point(text_, i)); }
  bool space_after(std::size_t i) const { return i + 1 < text_.size() && is_space_at(text_, i + 1); }
  bool word_before(std::size_t i) const {
    const auto at = previous_code_point(text_, i);
    return i > 0 && !is_space_at(text_, at) && !is_punctuation_at(text_, at);
  }
  bool word_after(std::size_t i) const {
    return i + 1 < text_.size() && !is_space_at(text_, i + 1) && !is_punctuation_at(text_, i + 1);
  }

  std::string_view text_;
  const TextContext& context_;
  std::string out_;
  std::size_t last_bracket_ = std::string_view::npos;
};

struct SegmentPlace {
  bool line_start = false;  // the segment starts a line
  bool heading = false;     // it is the last segment of a heading
  const std::set<std::string>* labels = nullptr;
};

std::string write_segment(const std::vector<Part>& parts, const SegmentPlace& place) {
  std::string out;
  bool line_start = place.line_start;
  int links = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const Part& part = parts[i];
    if (part.kind == PartKind::text) {
      TextContext context{line_start, links > 0, place.heading && i + 1 == parts.size(), {}, place.labels};
      if (i + 1 < parts.size()) context.next_code = parts[i + 1].text;
      out += TextEscaper(part.text, context).run();
      line_start = false;
      continue;
    }
    // A link reopened after a sentence boundary has no Markdown; its display says what it is.
    if (part.kind == PartKind::opening && (part.text == "[" || part.display == "\u2026[")) ++links;
    if (part.kind == PartKind::closing && (part.text.starts_with("]") || part.display == "[\u2026") && links > 0) --links;
    out += part.text;
    if (!part.text.empty()) line_start = part.text.back() == '\n' || part.text.find('\n') != std::string::npos;
  }
  return out;
}

}  // namespace

Result<std::string> rebuild_body(const Article& english, const std::vector<std::vector<Part>>& translations) {
  std::size_t count = 0;
  for (const auto& block : english.blocks) count += block.segments.size();
  if (translations.size() < count)
    return input_error(segment_name(translations.size() + 1) + "no translation (" + std::to_string(translations.size()) +
                       " given for " + std::to_string(count) + " segments)");
  if (translations.size() > count)
    return input_error(std::to_string(translations.size()) + " translations given for " + std::to_string(count) +
                       " segments");
  const std::set<std::string> labels(english.link_labels.begin(), english.link_labels.end());
  std::string out;
  std::size_t index = 0;
  for (const auto& block : english.blocks) {
    out += block.lead;
    out += block.verbatim;
    for (std::size_t k = 0; k < block.segments.size(); ++k, ++index) {
      const Segment& segment = block.segments[k];
      if (auto checked = check_codes(segment, translations[index], index + 1); !checked) return checked.error();
      const bool line_start = k == 0 || block.separators[k - 1].find('\n') != std::string::npos;
      if (k > 0) out += block.separators[k - 1];
      const SegmentPlace place{line_start, block.kind == BlockKind::heading && k + 1 == block.segments.size(), &labels};
      out += write_segment(prepared(segment, translations[index]), place);
    }
  }
  out += english.tail;
  return out;
}

}  // namespace edsync::markdown
