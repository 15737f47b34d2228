#include "xliff_units.h"

#include <map>
#include <set>

#include "xml_text.h"

namespace edsync::tm {
namespace {

using xliff::Code;
using xliff::CodeKind;
using xliff::Content;

// Which codes of a content have their partner in it: those are a pair.
std::set<std::size_t> paired_codes(const Content& content) {
  std::set<std::size_t> paired;
  std::map<std::string, std::vector<std::size_t>> open;
  for (std::size_t i = 0; i < content.size(); ++i) {
    const auto& code = content[i].code;
    if (!code || code->is_marker() || code->isolated) continue;
    if (code->kind == CodeKind::opening) open[code->id].push_back(i);
    if (code->kind != CodeKind::closing) continue;
    auto found = open.find(code->id);
    if (found == open.end() || found->second.empty()) continue;
    paired.insert(found->second.back());
    paired.insert(i);
    found->second.pop_back();
  }
  return paired;
}

// TMX numbers for XLIFF code ids, shared by the source and the target.
class Numbering {
 public:
  std::string operator()(const std::string& id) {
    const auto [at, added] = numbers_.try_emplace(id, numbers_.size() + 1);
    return std::to_string(at->second);
  }

 private:
  std::map<std::string, std::size_t> numbers_;
};

// An element in the canonical form the TMX reader gives (empty as <x/>).
std::string element(const std::string& name, const std::string& attributes, const std::string& data) {
  if (data.empty()) return "<" + name + attributes + "/>";
  return "<" + name + attributes + ">" + xml::escape_text(data) + "</" + name + ">";
}

std::string tmx_content(const Content& content, Numbering& number) {
  const auto paired = paired_codes(content);
  std::string out;
  for (std::size_t i = 0; i < content.size(); ++i) {
    const auto& part = content[i];
    if (!part.code) {
      out += xml::escape_text(part.text);
      continue;
    }
    const Code& code = *part.code;
    if (code.is_marker() || code.element == "cp") continue;
    const std::string n = number(code.id);
    if (code.kind == CodeKind::standalone) {
      out += element("ph", " x=\"" + n + "\"", code.data);
    } else if (paired.contains(i)) {
      out += element(code.kind == CodeKind::opening ? "bpt" : "ept", " i=\"" + n + "\"", code.data);
    } else {
      out += element("it", std::string(" pos=\"") + (code.kind == CodeKind::opening ? "begin" : "end") + "\" x=\"" + n + "\"",
                     code.data);
    }
  }
  return out;
}

tmx::Variant variant(const std::string& lang, const Content& content, Numbering& number) {
  tmx::Variant out;
  out.lang = lang;
  out.content = tmx_content(content, number);
  out.text = xml::xml_safe(xliff::plain_text(content));
  return out;
}

}  // namespace

XliffUnits units_of_xliff(const xliff::Document& document) {
  XliffUnits out;
  for (const xliff::Unit* unit : document.units()) {
    if (!xliff::has_translation(*unit)) {
      ++out.untranslated;
      continue;
    }
    Numbering number;
    tmx::Unit tu;
    tu.line = unit->line;
    tu.column = unit->column;
    tu.variants.push_back(variant(document.source_lang, unit->source, number));
    tu.variants.push_back(variant(document.target_lang, *unit->target, number));
    for (const auto& note : unit->notes) tu.notes.push_back(tmx::Note{{}, xml::xml_safe(note.text)});
    out.units.push_back(std::move(tu));
  }
  return out;
}

}  // namespace edsync::tm
