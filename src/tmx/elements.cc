#include "elements.h"
#include "xml_parse.h"
#include "xml_text.h"

#include <pugixml.hpp>

#include <map>
#include <set>
#include <string>

namespace edsync::tmx {
namespace {

using pugi::xml_node;
using Problem = std::optional<Located>;

constexpr unsigned kParseOptions =
    pugi::parse_cdata | pugi::parse_escapes | pugi::parse_eol | pugi::parse_ws_pcdata;

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool is_text(xml_node node) {
  return node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata;
}

std::string quoted_text(std::string_view text) {
  const std::string_view trimmed = text.substr(text.find_first_not_of(" \t\r\n"));
  return "\"" + std::string(trimmed.substr(0, 20)) + (trimmed.size() > 20 ? "...\"" : "\"");
}

class Builder {
 public:
  std::optional<Located> problem;

  // Where the node's markup starts, as a byte offset into the parsed text.
  static std::size_t offset_of(xml_node node) {
    const auto offset = node.offset_debug();
    if (offset <= 0) return 0;
    return static_cast<std::size_t>(node.type() == pugi::node_element ? offset - 1 : offset);
  }

  bool fail(xml_node node, std::string message) {
    if (!problem) problem = Located{offset_of(node), std::move(message)};
    return false;
  }

  static std::vector<Attribute> attributes_of(xml_node node, std::string_view skip = {}) {
    std::vector<Attribute> out;
    for (const auto attribute : node.attributes()) {
      if (attribute.name() == skip) continue;
      out.push_back({attribute.name(), attribute.value()});
    }
    return out;
  }

  // The text of a <prop> or <note>, which holds no elements.
  bool text_only(xml_node node, std::string& text) {
    for (const auto child : node.children()) {
      if (is_text(child)) {
        text += child.value();
      } else if (child.type() == pugi::node_element) {
        return fail(child, "<" + std::string(node.name()) + "> contains <" + child.name() +
                               ">; it may hold text only");
      }
    }
    return true;
  }

  template <typename Annotation>
  bool annotation(xml_node node, std::vector<Annotation>& into) {
    Annotation item{attributes_of(node), {}};
    if (!text_only(node, item.text)) return false;
    into.push_back(std::move(item));
    return true;
  }

  bool no_stray_text(xml_node child, std::string_view parent) {
    if (!is_text(child) || is_blank(child.value())) return true;
    return fail(child, "text " + quoted_text(child.value()) + " directly inside <" + std::string(parent) +
                           ">; move it into a <seg>, <note> or <prop>");
  }

  bool unit(xml_node tu, Unit& out) {
    out.attributes = attributes_of(tu);
    for (const auto child : tu.children()) {
      if (!no_stray_text(child, "tu")) return false;
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = child.name();
      bool ok = true;
      if (name == "prop") {
        ok = annotation(child, out.props);
      } else if (name == "note") {
        ok = annotation(child, out.notes);
      } else if (name == "tuv") {
        ok = variant(child, out.variants.emplace_back());
      } else {
        ok = fail(child, "unexpected <" + std::string(name) + "> in <tu>; a <tu> holds <note>, <prop> and <tuv>");
      }
      if (!ok) return false;
    }
    if (out.variants.empty()) return fail(tu, "<tu> has no <tuv>; add one or remove the <tu>");
    return true;
  }

  bool language(xml_node tuv, Variant& out) {
    const auto xml_lang = tuv.attribute("xml:lang");
    const auto old_lang = tuv.attribute("lang");
    if (xml_lang && old_lang && std::string_view(xml_lang.value()) != old_lang.value()) {
      return fail(tuv, "<tuv> has xml:lang=\"" + std::string(xml_lang.value()) + "\" and lang=\"" +
                           old_lang.value() + "\"; keep one");
    }
    out.lang = xml_lang ? xml_lang.value() : old_lang.value();
    if (out.lang.empty()) {
      return fail(tuv, "<tuv> has no xml:lang (or lang in TMX 1.1); add the language of its segment");
    }
    for (const auto attribute : tuv.attributes()) {
      const std::string_view name = attribute.name();
      if (name != "xml:lang" && name != "lang") out.attributes.push_back({attribute.name(), attribute.value()});
    }
    return true;
  }

  bool variant(xml_node tuv, Variant& out) {
    if (!language(tuv, out)) return false;
    bool has_segment = false;
    for (const auto child : tuv.children()) {
      if (!no_stray_text(child, "tuv")) return false;
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = child.name();
      bool ok = true;
      if (name == "prop") {
        ok = annotation(child, out.props);
      } else if (name == "note") {
        ok = annotation(child, out.notes);
      } else if (name == "seg") {
        if (has_segment) return fail(child, "<tuv> has a second <seg>; keep one");
        has_segment = true;
        ok = segment(child, out.content, out.text);
      } else {
        ok = fail(child, "unexpected <" + std::string(name) + "> in <tuv>; a <tuv> holds <note>, <prop> and <seg>");
      }
      if (!ok) return false;
    }
    if (!has_segment) return fail(tuv, "<tuv> has no <seg>; add one or remove the <tuv>");
    return true;
  }

  // ---- segments ----

  static void serialize(xml_node parent, std::string& out) {
    for (const auto child : parent.children()) {
      if (is_text(child)) {
        out += escape_text(child.value());
      } else if (child.type() == pugi::node_element) {
        out += '<';
        out += child.name();
        for (const auto attribute : child.attributes()) {
          out += ' ';
          out += attribute.name();
          out += "=\"" + escape_attribute(attribute.value()) + '"';
        }
        if (!child.first_child()) {
          out += "/>";
          continue;
        }
        out += '>';
        serialize(child, out);
        out += "</" + std::string(child.name()) + '>';
      }
    }
  }

  // What a translator reads: text as is and inside <hi> (and any element TMX
  // does not define); native codes <bpt> <ept> <it> <ph> <ut> dropped whole,
  // with the <sub> flows inside them, which are not part of this sentence.
  static void readable_text(xml_node parent, std::string& out) {
    static const std::map<std::string_view, bool> codes = {
        {"bpt", true}, {"ept", true}, {"it", true}, {"ph", true}, {"ut", true}, {"sub", true}};
    for (const auto child : parent.children()) {
      if (is_text(child)) out += child.value();
      if (child.type() == pugi::node_element && !codes.contains(child.name())) readable_text(child, out);
    }
  }

  // <bpt i> and <ept i> pair up within a segment, in order.
  bool check_pairs(xml_node parent, std::map<std::string, bool>& open) {
    for (const auto child : parent.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = child.name();
      const std::string i = child.attribute("i").value();
      const std::string tag = "<" + std::string(name) + " i=\"" + i + "\">";
      if (name == "bpt") {
        if (open.contains(i)) {
          return fail(child, tag + " repeats the i of an earlier <bpt> in this segment; give each pair its own i");
        }
        open[i] = true;
      } else if (name == "ept") {
        const auto found = open.find(i);
        if (found == open.end() || !found->second) {
          return fail(child, tag + " has no <bpt i=\"" + i + "\"> before it; pair it or make it an <it pos=\"end\">");
        }
        found->second = false;
      } else if (name == "hi" && !check_pairs(child, open)) {
        return false;
      }
    }
    return true;
  }

  bool segment(xml_node seg, std::string& content, std::string& text) {
    std::map<std::string, bool> open;
    if (!check_pairs(seg, open)) return false;
    for (const auto& [i, unclosed] : open) {
      if (unclosed) {
        const auto bpt = seg.find_child_by_attribute("bpt", "i", i.c_str());
        return fail(bpt ? bpt : seg, "<bpt i=\"" + i + "\"> has no <ept i=\"" + i +
                                         "\"> after it; close it or make it an <it pos=\"begin\">");
      }
    }
    serialize(seg, content);
    readable_text(seg, text);
    return true;
  }

  bool ude(xml_node node, Ude& out) {
    out.attributes = attributes_of(node);
    for (const auto child : node.children()) {
      if (!no_stray_text(child, "ude")) return false;
      if (child.type() != pugi::node_element) continue;
      if (std::string_view(child.name()) != "map")
        return fail(child, "unexpected <" + std::string(child.name()) + "> in <ude>; a <ude> holds only <map>");
      out.maps.push_back(attributes_of(child));
    }
    return true;
  }

  bool header(xml_node node, Header& out) {
    out.attributes = attributes_of(node);
    for (const auto child : node.children()) {
      if (!no_stray_text(child, "header")) return false;
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = child.name();
      if (name == "prop" && !annotation(child, out.props)) return false;
      if (name == "note" && !annotation(child, out.notes)) return false;
      if (name == "ude" && !ude(child, out.udes.emplace_back())) return false;
    }
    return true;
  }

  // ---- namespaces ----

  static std::string_view prefix_of(std::string_view name) {
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? std::string_view() : name.substr(0, colon);
  }

  // The prefixes used in `node` and below that no element there declares
  // in scope (xml and xmlns are predeclared).
  static void undeclared_prefixes(xml_node node, std::set<std::string> in_scope, std::set<std::string>& out) {
    for (const auto attribute : node.attributes()) {
      const std::string_view name = attribute.name();
      if (name.starts_with("xmlns:")) in_scope.insert(std::string(name.substr(6)));
    }
    const auto check = [&](std::string_view name) {
      const auto prefix = prefix_of(name);
      if (!prefix.empty() && prefix != "xml" && prefix != "xmlns" && !in_scope.contains(std::string(prefix)))
        out.insert(std::string(prefix));
    };
    check(node.name());
    for (const auto attribute : node.attributes()) check(attribute.name());
    for (const auto child : node.children())
      if (child.type() == pugi::node_element) undeclared_prefixes(child, in_scope, out);
  }

  // Declares on the element itself (as attributes) the inherited namespaces it uses.
  static void declare_used(xml_node node, const Declarations& inherited, std::vector<Attribute>& attributes) {
    std::set<std::string> needed;
    undeclared_prefixes(node, {}, needed);
    for (const auto& declaration : inherited)
      if (needed.contains(declaration.name.substr(6))) attributes.push_back(declaration);
  }
};

// Adds the xmlns:prefix attributes of `node` to `declarations`, replacing
// those of an outer element with the same prefix.
void add_declarations(pugi::xml_node node, Declarations& declarations) {
  for (const auto attribute : node.attributes()) {
    const std::string_view name = attribute.name();
    if (!name.starts_with("xmlns:")) continue;
    std::erase_if(declarations, [&](const Attribute& known) { return known.name == name; });
    declarations.push_back({attribute.name(), attribute.value()});
  }
}

// Parses `markup`, which must be one `expected` element.
Problem load(pugi::xml_document& document, std::string_view markup, std::string_view expected) {
  const auto result = document.load_buffer(markup.data(), markup.size(), kParseOptions, pugi::encoding_utf8);
  if (!result) {
    auto failure = xml::parse_failure(markup, result);
    failure.message = "<" + std::string(expected) + "> is not well-formed XML: " + failure.message;
    return failure;
  }
  const auto root = document.document_element();
  if (std::string_view(root.name()) != expected) {
    return Located{0, "expected <" + std::string(expected) + ">"};
  }
  return std::nullopt;
}

}  // namespace

namespace {

// Checks and parses one element of the document, then lets `build` read it.
template <typename Build>
std::optional<Located> parse_element(std::string_view markup, const char* root, Build build) {
  if (auto problem = check_characters_and_references(markup)) return problem;
  pugi::xml_document document;
  if (auto problem = load(document, markup, root)) return problem;
  Builder builder;
  if (!build(builder, document.document_element())) return builder.problem;
  return std::nullopt;
}

}  // namespace

std::optional<Located> parse_unit(std::string_view markup, Unit& unit, const Declarations& inherited) {
  return parse_element(markup, "tu", [&](Builder& builder, pugi::xml_node tu) {
    if (!builder.unit(tu, unit)) return false;
    Builder::declare_used(tu, inherited, unit.attributes);
    return true;
  });
}

std::optional<Located> parse_header(std::string_view markup, Header& header, Declarations& declarations) {
  return parse_element(markup, "header", [&](Builder& builder, pugi::xml_node element) {
    if (!builder.header(element, header)) return false;
    Builder::declare_used(element, declarations, header.attributes);
    add_declarations(element, declarations);
    return true;
  });
}

std::optional<Located> parse_tmx_start(std::string_view markup, Header& header, Declarations& declarations) {
  if (auto problem = check_characters_and_references(markup)) return problem;
  std::string element(markup);
  if (!element.ends_with("/>")) element.insert(element.size() - 1, "/");
  pugi::xml_document document;
  if (auto problem = load(document, element, "tmx")) return problem;
  header.version = document.document_element().attribute("version").value();
  add_declarations(document.document_element(), declarations);
  return std::nullopt;
}

std::optional<Located> parse_segment_content(std::string_view content, Segment& segment) {
  const std::string markup = "<seg>" + xml_safe(content) + "</seg>";
  pugi::xml_document document;
  if (auto problem = load(document, markup, "seg")) {
    problem->offset = problem->offset >= 5 ? problem->offset - 5 : 0;
    return problem;
  }
  Builder::serialize(document.document_element(), segment.content);
  Builder::readable_text(document.document_element(), segment.text);
  return std::nullopt;
}

Variant plain_text_variant(std::string lang, std::string text) {
  Variant variant;
  variant.lang = std::move(lang);
  variant.content = escape_text(text);
  variant.text = std::move(text);
  return variant;
}

}  // namespace edsync::tmx
