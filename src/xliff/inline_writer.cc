// Inline content as XLIFF markup. Codes of the version written keep their
// element and attributes; codes of the other version (or without an element)
// are written by kind: 1.2 <ph>/<bpt>/<ept>/<it>, 2.0 <ph/>/<sc/>/<ec/>, and
// markers are left out, as they annotate text the other version marks otherwise.
#include <optional>

#include "vocabulary.h"
#include "writing.h"
#include "xml_text.h"

namespace edsync::xliff {
namespace {

bool is_paired_element(std::string_view element) { return element == "g" || element == "mrk" || element == "pc"; }

class ContentWriter {
 public:
  ContentWriter(const Content& content, const ContentStyle& style) : content_(content), style_(style) {}

  Result<std::string> write() {
    if (auto status = range(0, content_.size()); !status) return status.error();
    return std::move(out_);
  }

 private:
  // The element a code is written as, "" to leave it out.
  std::string element_of(const Code& code) const {
    if (style_.same_version && is_code_element(style_.version, code.element)) return code.element;
    if (code.is_marker() || code.element == "cp") return "";
    const bool v12 = style_.version == Version::v1_2;
    switch (code.kind) {
      case CodeKind::standalone: return "ph";
      case CodeKind::opening: return v12 ? (code.isolated ? "it" : "bpt") : "sc";
      case CodeKind::closing: return v12 ? (code.isolated ? "it" : "ept") : "ec";
    }
    return "";
  }

  bool keeps_attributes(const Code& code) const {
    return style_.same_version && is_code_element(style_.version, code.element);
  }

  // The closing code that ends the paired element opened at `at`.
  Result<std::size_t> closing_of(std::size_t at, std::size_t end) const {
    const Code& opening = *content_[at].code;
    int depth = 0;
    for (std::size_t i = at + 1; i < end; ++i) {
      const auto& code = content_[i].code;
      if (!code || code->element != opening.element || !is_paired_element(code->element)) continue;
      if (code->kind == CodeKind::opening) ++depth;
      if (code->kind == CodeKind::closing && depth-- == 0) {
        if (code->id == opening.id) return i;
        break;
      }
    }
    return input_error(style_.where + ": <" + opening.element + " id=\"" + opening.id +
                       "\"> is not closed where it should be; the codes are out of order");
  }

  std::string attributes(const Code& code, const std::string& element) const {
    std::string out;
    const bool v12 = style_.version == Version::v1_2;
    const bool closes_by_ref = !v12 && (element == "ec" || element == "em") && !code.isolated;
    if (closes_by_ref) out += attribute_markup("startRef", code.id);
    else if (!(v12 && element == "mrk") && element != "cp") out += attribute_markup("id", code.id);
    if (v12 && element == "mrk" && !code.id.empty()) out += attribute_markup("mid", code.id);
    if (element == "it") out += attribute_markup("pos", code.kind == CodeKind::opening ? "open" : "close");
    if (!v12 && code.isolated && (element == "sc" || element == "ec")) out += attribute_markup("isolated", "yes");
    if (keeps_attributes(code))
      for (const auto& attribute : code.attributes) out += attribute_markup(attribute.name, attribute.value);
    return out;
  }

  std::string data_ref(const char* name, const std::string& data) const {
    if (data.empty() || !style_.refs) return "";
    return attribute_markup(name, style_.refs->add(data));
  }

  Status code(std::size_t& at, std::size_t end) {
    const Code& code = *content_[at].code;
    const std::string element = element_of(code);
    if (element.empty()) return success();
    const bool v12 = style_.version == Version::v1_2;
    if (is_paired_element(element)) {
      if (code.kind != CodeKind::opening) {
        return input_error(style_.where + ": </" + element + "> (id \"" + code.id + "\") closes no open <" + element + ">");
      }
      auto closing = closing_of(at, end);
      if (!closing) return closing.error();
      out_ += "<" + element + attributes(code, element);
      if (element == "pc") {
        out_ += data_ref("dataRefStart", code.data);
        out_ += data_ref("dataRefEnd", content_[*closing].code->data);
      }
      out_ += ">";
      if (auto inner = range(at + 1, *closing); !inner) return inner;
      out_ += "</" + element + ">";
      at = *closing;
      return success();
    }
    out_ += "<" + element + attributes(code, element);
    if (v12 && (element == "ph" || element == "bpt" || element == "ept" || element == "it")) {
      out_ += ">" + xml::escape_text(code.data) + "</" + element + ">";
    } else {
      if (!v12) out_ += data_ref("dataRef", code.data);
      out_ += "/>";
    }
    return success();
  }

  Status range(std::size_t begin, std::size_t end) {
    for (std::size_t at = begin; at < end; ++at) {
      if (!content_[at].code) {
        out_ += xml::escape_text(content_[at].text);
      } else if (auto status = code(at, end); !status) {
        return status;
      }
    }
    return success();
  }

  const Content& content_;
  const ContentStyle& style_;
  std::string out_;
};

}  // namespace

std::string attribute_markup(std::string_view name, std::string_view value) {
  return " " + std::string(name) + "=\"" + xml::escape_attribute(value) + "\"";
}

Result<std::string> content_markup(const Content& content, const ContentStyle& style) {
  return ContentWriter(content, style).write();
}

}  // namespace edsync::xliff
