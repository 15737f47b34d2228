// An XLIFF file decoded, checked and parsed into a DOM, with what reading
// needs to say where a problem is.
#pragma once

#include <pugixml.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "edsync/diagnostic.h"
#include "edsync/result.h"
#include "edsync/text.h"

namespace edsync::xliff {

class Source {
 public:
  // Decodes `bytes` (byte order mark, UTF-16 from the first '<', the XML
  // declaration's encoding, else UTF-8), refuses a DOCTYPE that declares an
  // entity and characters or references XML does not allow, then parses.
  static Result<Source> load(std::string bytes, std::string name);

  pugi::xml_node root() const { return document_->document_element(); }
  const std::string& name() const { return name_; }
  TextPosition position(pugi::xml_node node) const;
  Diagnostic diagnostic(pugi::xml_node node, std::string message) const;

 private:
  Source() = default;
  Status decode(std::string bytes);
  void index_lines();
  TextPosition position_at(std::size_t offset) const;
  std::string name_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
  std::unique_ptr<pugi::xml_document> document_;
};

// The name after the prefix: "xliff" for "xlf:xliff".
std::string_view local_name(pugi::xml_node node);
// The namespace URI the node's prefix (or the default namespace) is bound to
// in scope; "" when none is.
std::string_view namespace_of(pugi::xml_node node);
// The text of every text node below `node`, in order.
std::string text_of(pugi::xml_node node);
bool is_text(pugi::xml_node node);

}  // namespace edsync::xliff
