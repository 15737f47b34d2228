#include "source.h"

#include <algorithm>
#include <sstream>

#include "decoder.h"
#include "xml_parse.h"
#include "xml_text.h"

namespace edsync::xliff {
namespace {

constexpr unsigned kParseOptions =
    pugi::parse_cdata | pugi::parse_escapes | pugi::parse_eol | pugi::parse_ws_pcdata;

// Where the root element starts: the first '<' followed by a name, past the
// prolog (declaration, comments, processing instructions, DOCTYPE).
std::size_t prolog_end(std::string_view text) {
  for (std::size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at + 1)) {
    if (at + 1 < text.size() && text[at + 1] != '?' && text[at + 1] != '!') return at;
  }
  return text.size();
}

}  // namespace

Result<Source> Source::load(std::string bytes, std::string name) {
  Source source;
  source.name_ = std::move(name);
  if (const Status decoded = source.decode(std::move(bytes)); !decoded) return decoded.error();
  const std::string_view text = source.text_;
  const auto located = [&](const xml::Located& problem) {
    const auto where = source.position_at(problem.offset);
    return input_error(Diagnostic{source.name_, where.line, where.column, problem.message}.to_string());
  };
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return located({0, "the file is empty; an XLIFF file starts with <?xml ...?> and holds <xliff>"});
  }
  if (const auto first = text.find_first_not_of(" \t\r\n"); text[first] != '<') {
    return located({first, "this is not XML: text where the <xliff> element should start; is it an XLIFF file?"});
  }
  if (const auto problem = xml::check_doctype_subset(text.substr(0, prolog_end(text)))) return located(*problem);
  if (const auto problem = xml::check_characters_and_references(text)) return located(*problem);
  source.document_ = std::make_unique<pugi::xml_document>();
  const auto result = source.document_->load_buffer(text.data(), text.size(), kParseOptions, pugi::encoding_utf8);
  if (!result) {
    auto failure = xml::parse_failure(text, result);
    failure.message = "this is not well-formed XML: " + failure.message;
    return located(failure);
  }
  if (!source.root()) return located({0, "the file holds no element; an XLIFF file holds <xliff>"});
  return source;
}

Status Source::decode(std::string bytes) {
  auto decoder = xml::Decoder::open(std::make_unique<std::istringstream>(std::move(bytes)));
  if (!decoder) return input_error(Diagnostic{name_, 1, 1, decoder.error().message}.to_string());
  while (true) {
    auto more = decoder->read(text_);
    if (more && !*more) break;
    if (more) continue;
    index_lines();
    const auto where = position_at(text_.size());  // the good text before the bad bytes
    return input_error(Diagnostic{name_, where.line, where.column,
                                  more.error().message + " (the encoding the file is read in); "
                                                         "fix the XML declaration or convert the file to UTF-8"}
                           .to_string());
  }
  index_lines();
  return success();
}

void Source::index_lines() {
  line_starts_.assign(1, 0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

TextPosition Source::position_at(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - line_starts_.begin();
  const std::size_t start = line_starts_[static_cast<std::size_t>(line - 1)];
  int column = 1;
  for (std::size_t i = start; i < offset; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  return {static_cast<int>(line), column};
}

TextPosition Source::position(pugi::xml_node node) const {
  const auto offset = node.offset_debug();
  if (offset <= 0) return {1, 1};
  return position_at(static_cast<std::size_t>(node.type() == pugi::node_element ? offset - 1 : offset));
}

Diagnostic Source::diagnostic(pugi::xml_node node, std::string message) const {
  const auto where = position(node);
  return Diagnostic{name_, where.line, where.column, std::move(message)};
}

std::string_view local_name(pugi::xml_node node) {
  const std::string_view name = node.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view namespace_of(pugi::xml_node node) {
  const std::string_view name = node.name();
  const auto colon = name.find(':');
  const std::string attribute =
      colon == std::string_view::npos ? std::string("xmlns") : "xmlns:" + std::string(name.substr(0, colon));
  for (auto at = node; at && at.type() == pugi::node_element; at = at.parent()) {
    if (const auto declared = at.attribute(attribute.c_str())) return declared.value();
  }
  return "";
}

bool is_text(pugi::xml_node node) { return node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata; }

std::string text_of(pugi::xml_node node) {
  std::string out;
  for (const auto child : node.children()) {
    if (is_text(child)) out += child.value();
    else if (child.type() == pugi::node_element) out += text_of(child);
  }
  return out;
}

}  // namespace edsync::xliff
