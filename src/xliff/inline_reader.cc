// Inline content: text and codes, of either version, into Parts.
#include <array>

#include "reading.h"

namespace edsync::xliff {
namespace {

using pugi::xml_node;

std::vector<Attribute> attributes_except(xml_node node, std::initializer_list<std::string_view> skip) {
  std::vector<Attribute> out;
  for (const auto attribute : node.attributes()) {
    const std::string_view name = attribute.name();
    bool skipped = false;
    for (const auto s : skip) skipped = skipped || s == name;
    if (!skipped) out.push_back({attribute.name(), attribute.value()});
  }
  return out;
}

std::string tag(xml_node node, const char* attribute, const std::string& value) {
  return "<" + std::string(node.name()) + " " + attribute + "=\"" + value + "\">";
}

Code code_of(CodeKind kind, xml_node node, std::string id, std::initializer_list<std::string_view> skip) {
  Code code;
  code.kind = kind;
  code.element = std::string(local_name(node));
  code.id = std::move(id);
  code.attributes = attributes_except(node, skip);
  return code;
}

bool unexpected(Reading& reading, xml_node node, xml_node parent) {
  return reading.fail(node, "<" + std::string(node.name()) + "> cannot appear in <" + std::string(parent.name()) +
                                ">; inline content holds text and the version's inline codes only");
}

// 1.2 <bpt>/<bx/> open a pair that <ept>/<ex/> with the same rid (or id) closes.
bool open_pair(Reading& reading, xml_node node, const std::string& key, OpenCodes& open) {
  if (open.codes.contains(key))
    return reading.fail(node, tag(node, "id", key) + " repeats the id of a code still open; give each pair its own id");
  open.codes[key] = node;
  return true;
}

bool close_pair(Reading& reading, xml_node node, const std::string& key, OpenCodes& open, const char* partner) {
  if (open.codes.erase(key) == 0) {
    return reading.fail(node, tag(node, "id", key) + " has no <" + partner + " id=\"" + key +
                                  "\"> before it; the codes are out of order or one is missing");
  }
  return true;
}

bool read_element_12(Reading& reading, xml_node node, xml_node parent, Content& out, OpenCodes& open) {
  const std::string_view name = local_name(node);
  const bool native = name == "ph" || name == "bpt" || name == "ept" || name == "it";
  const bool empty = name == "x" || name == "bx" || name == "ex";
  if (native || empty) {
    const auto id = reading.required(node, "id");
    if (!id) return false;
    const std::string rid = node.attribute("rid").value();
    const std::string key = rid.empty() ? *id : rid;
    CodeKind kind = CodeKind::standalone;
    if (name == "bpt" || name == "bx") kind = CodeKind::opening;
    if (name == "ept" || name == "ex") kind = CodeKind::closing;
    Code code = code_of(kind, node, *id, {"id", "pos"});
    if (name == "it") {
      const std::string_view pos = node.attribute("pos").value();
      if (pos != "open" && pos != "close")
        return reading.fail(node, "<it> needs pos=\"open\" or pos=\"close\"; add the one it is");
      code.kind = pos == "open" ? CodeKind::opening : CodeKind::closing;
      code.isolated = true;
    }
    if (native) code.data = text_of(node);
    if (kind == CodeKind::opening && !open_pair(reading, node, key, open)) return false;
    if (kind == CodeKind::closing && !close_pair(reading, node, key, open, name == "ept" ? "bpt" : "bx")) return false;
    out.push_back(code_part(std::move(code)));
    return true;
  }
  if (name == "g" || name == "mrk") {
    std::string id;
    if (name == "g") {
      const auto given = reading.required(node, "id");
      if (!given) return false;
      id = *given;
    } else {
      if (!reading.required(node, "mtype")) return false;
      id = node.attribute("mid").value();
    }
    out.push_back(code_part(code_of(CodeKind::opening, node, id, {"id", name == "mrk" ? "mid" : "id"})));
    if (!read_content_12(reading, node, out, open)) return false;
    Code closing;
    closing.kind = CodeKind::closing;
    closing.element = std::string(name);
    closing.id = id;
    out.push_back(code_part(std::move(closing)));
    return true;
  }
  return unexpected(reading, node, parent);
}

bool read_element_20(Reading& reading, xml_node node, xml_node parent, const OriginalData& data, Content& out,
                     OpenCodes& open) {
  const std::string_view name = local_name(node);
  const auto data_of = [&](const char* attribute, std::string& into) {
    const std::string ref = node.attribute(attribute).value();
    if (ref.empty()) return true;
    const auto found = data.find(ref);
    if (found == data.end())
      return reading.fail(node, tag(node, attribute, ref) + " names no <data> in the unit's <originalData>; add it");
    into = found->second;
    return true;
  };
  const bool isolated = std::string_view(node.attribute("isolated").value()) == "yes";
  if (name == "ph" || name == "sc" || name == "cp" || name == "sm" || (name == "ec" && isolated)) {
    const auto id = reading.required(node, name == "cp" ? "hex" : "id");
    if (!id) return false;
    const CodeKind kind = name == "sc" || name == "sm" ? CodeKind::opening
                          : name == "ec"               ? CodeKind::closing
                                                       : CodeKind::standalone;
    Code code = code_of(kind, node, name == "cp" ? "" : *id, {"id", "dataRef", "isolated"});
    code.isolated = isolated;
    if (!data_of("dataRef", code.data)) return false;
    auto& pending = name == "sm" ? open.markers : open.codes;
    if (kind == CodeKind::opening && !isolated) {
      if (pending.contains(*id)) return reading.fail(node, tag(node, "id", *id) + " repeats the id of a code still open");
      pending[*id] = node;
    }
    out.push_back(code_part(std::move(code)));
    return true;
  }
  if (name == "ec" || name == "em") {
    const auto start = reading.required(node, "startRef", "; it names the <sc/> or <sm/> it closes");
    if (!start) return false;
    auto& pending = name == "em" ? open.markers : open.codes;
    if (pending.erase(*start) == 0) {
      return reading.fail(node, tag(node, "startRef", *start) + " has no <" + (name == "em" ? "sm" : "sc") +
                                    " id=\"" + *start + "\"> before it in this unit; the codes are out of order or one is missing");
    }
    Code code = code_of(CodeKind::closing, node, *start, {"startRef", "dataRef"});
    if (!data_of("dataRef", code.data)) return false;
    out.push_back(code_part(std::move(code)));
    return true;
  }
  if (name == "pc" || name == "mrk") {
    const auto id = reading.required(node, "id");
    if (!id) return false;
    Code opening = code_of(CodeKind::opening, node, *id, {"id", "dataRefStart", "dataRefEnd"});
    Code closing;
    closing.kind = CodeKind::closing;
    closing.element = std::string(name);
    closing.id = *id;
    if (!data_of("dataRefStart", opening.data) || !data_of("dataRefEnd", closing.data)) return false;
    out.push_back(code_part(std::move(opening)));
    if (!read_content_20(reading, node, data, out, open)) return false;
    out.push_back(code_part(std::move(closing)));
    return true;
  }
  return unexpected(reading, node, parent);
}

}  // namespace

void append_text(Content& content, std::string_view text) {
  if (text.empty()) return;
  if (!content.empty() && !content.back().code) {
    content.back().text += text;
  } else {
    content.push_back(text_part(std::string(text)));
  }
}

bool read_content_12(Reading& reading, xml_node parent, Content& out, OpenCodes& open) {
  for (const auto child : parent.children()) {
    if (is_text(child)) append_text(out, child.value());
    else if (child.type() == pugi::node_element && !read_element_12(reading, child, parent, out, open)) return false;
  }
  return true;
}

bool check_closed_12(Reading& reading, const OpenCodes& open) {
  if (open.codes.empty()) return true;
  const auto& [key, node] = *open.codes.begin();
  const bool bpt = local_name(node) == "bpt";
  return reading.fail(node, tag(node, "id", key) + " is not closed by an <" + (bpt ? "ept" : "ex") + " id=\"" + key +
                                "\"> after it; close it, or make it an <it pos=\"open\">");
}

bool read_original_data(Reading& reading, xml_node original_data, OriginalData& out) {
  for (const auto data : original_data.children()) {
    if (data.type() != pugi::node_element) continue;
    const auto id = reading.required(data, "id");
    if (!id) return false;
    if (out.contains(*id)) {
      return reading.fail(data, tag(data, "id", *id) + " repeats an id of this unit's <originalData>; give each <data> its own id");
    }
    out[*id] = text_of(data);
  }
  return true;
}

bool read_content_20(Reading& reading, xml_node parent, const OriginalData& data, Content& out, OpenCodes& open) {
  for (const auto child : parent.children()) {
    if (is_text(child)) append_text(out, child.value());
    else if (child.type() == pugi::node_element && !read_element_20(reading, child, parent, data, out, open)) return false;
  }
  return true;
}

bool check_closed_20(Reading& reading, const OpenCodes& open) {
  for (const auto* pending : {&open.codes, &open.markers}) {
    if (pending->empty()) continue;
    const auto& [id, node] = *pending->begin();
    const bool code = pending == &open.codes;
    return reading.fail(node, tag(node, "id", id) + " is not closed by an <" + (code ? "ec" : "em") +
                                  " startRef=\"" + id + "\"> in this unit; close it" +
                                  (code ? ", or mark it isolated=\"yes\"" : ""));
  }
  return true;
}

}  // namespace edsync::xliff
