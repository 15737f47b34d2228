// XLIFF 2.0 core, with the Translation Candidates (mtc) and Metadata (mda) modules.
#include "reading.h"
#include "vocabulary.h"

namespace edsync::xliff {
namespace {

using pugi::xml_node;

bool is_element(xml_node node, std::string_view ns, std::string_view name) {
  return node.type() == pugi::node_element && local_name(node) == name && namespace_of(node) == ns;
}

xml_node child_of(xml_node node, std::string_view name) {
  for (const auto child : node.children())
    if (is_element(child, kNamespace20, name)) return child;
  return {};
}

std::vector<Note> notes_of(xml_node node) {
  std::vector<Note> out;
  for (const auto note : child_of(node, "notes").children()) {
    if (!is_element(note, kNamespace20, "note")) continue;
    Note item;
    item.text = text_of(note);
    item.category = note.attribute("category").value();
    const std::string_view applies = note.attribute("appliesTo").value();
    if (applies == "source" || applies == "target") item.applies_to = std::string(applies);
    item.priority = note.attribute("priority").as_int(0);
    out.push_back(std::move(item));
  }
  return out;
}

class Reader20 {
 public:
  Reader20(Reading& reading, Document& document) : reading_(reading), document_(document) {}

  bool file(xml_node node) {
    File file;
    const auto id = reading_.required(node, "id");
    if (!id) return false;
    file.id = *id;
    file.original = node.attribute("original").value();
    file.notes = notes_of(node);
    for (const auto child : node.children()) {
      if (is_element(child, kMetadata20, "metadata")) metadata(child, file);
    }
    if (!container(node, "", file)) return false;
    document_.files.push_back(std::move(file));
    return true;
  }

 private:
  // <mda:metaGroup category="edsync"> holds ours; the tool is one of its metas.
  static void metadata(xml_node node, File& file) {
    for (const auto group : node.children()) {
      if (!is_element(group, kMetadata20, "metaGroup")) continue;
      if (std::string_view(group.attribute("category").value()) != kOurMetaGroup) continue;
      for (const auto meta : group.children()) {
        if (!is_element(meta, kMetadata20, "meta")) continue;
        const std::string type = meta.attribute("type").value();
        if (type == "tool") file.tool = text_of(meta);
        else file.metadata.push_back({type, text_of(meta)});
      }
    }
  }

  bool container(xml_node node, const std::string& id, File& file) {
    GroupRun run(file, id, id.empty() ? std::vector<Note>{} : notes_of(node));
    for (const auto child : node.children()) {
      if (is_element(child, kNamespace20, "group")) {
        run.interrupt();
        const auto group_id = reading_.required(child, "id");
        if (!group_id || !container(child, *group_id, file)) return false;
      }
      if (is_element(child, kNamespace20, "unit") && !run.add(reading_, [&](std::vector<Unit>& units) { return unit(child, units); }))
        return false;
    }
    return true;
  }

  bool unit(xml_node node, std::vector<Unit>& out) {
    const auto id = reading_.required(node, "id");
    if (!id) return false;
    OriginalData data;
    if (!read_original_data(reading_, child_of(node, "originalData"), data)) return false;
    OpenCodes source_open, target_open;
    for (const auto child : node.children()) {
      const bool segment = is_element(child, kNamespace20, "segment");
      if (!segment && !is_element(child, kNamespace20, "ignorable")) continue;
      Unit item;
      if (!segment_of(child, data, source_open, target_open, item)) return false;
      if (!segment) continue;
      item.id = *id;
      item.translate = std::string_view(node.attribute("translate").value()) != "no";
      out.push_back(std::move(item));
    }
    if (out.empty()) return reading_.fail(node, "<unit id=\"" + *id + "\"> has no <segment>; add one");
    if (!check_closed_20(reading_, source_open) || !check_closed_20(reading_, target_open)) return false;
    // Our writer gives a lone segment the unit's id (a candidate's ref needs one).
    if (out.size() == 1 && out.front().segment_id == *id) out.front().segment_id.clear();
    out.front().notes = notes_of(node);
    return candidates(node, data, out);
  }

  bool segment_of(xml_node node, const OriginalData& data, OpenCodes& source_open, OpenCodes& target_open, Unit& out) {
    const auto where = reading_.position(node);
    out.line = where.line;
    out.column = where.column;
    out.segment_id = node.attribute("id").value();
    const auto source = child_of(node, "source");
    if (!source) return reading_.fail(node, "<" + std::string(node.name()) + "> has no <source>; add it");
    if (!read_content_20(reading_, source, data, out.source, source_open)) return false;
    if (const auto target = child_of(node, "target")) {
      if (!read_content_20(reading_, target, data, out.target.emplace(), target_open)) return false;
    }
    const std::string state = node.attribute("state").value();
    if (!state.empty()) {
      const auto known = state_from(Version::v2_0, state);
      if (!known) {
        return reading_.fail(node, "state=\"" + state + "\" is not an XLIFF 2.0 state; write initial, translated, "
                                   "reviewed or final (subState takes other values)");
      }
      out.state = *known;
    }
    out.sub_state = node.attribute("subState").value();
    return true;
  }

  bool candidates(xml_node node, const OriginalData& unit_data, std::vector<Unit>& units) {
    for (const auto matches : node.children()) {
      if (!is_element(matches, kMatches20, "matches")) continue;
      for (const auto match : matches.children()) {
        if (!is_element(match, kMatches20, "match")) continue;
        Candidate candidate;
        if (!match_of(match, unit_data, candidate)) return false;
        std::string ref = match.attribute("ref").value();
        if (ref.starts_with('#')) ref.erase(0, 1);
        Unit* owner = &units.front();
        for (auto& unit : units)
          if (!ref.empty() && unit.segment_id == ref) owner = &unit;
        owner->candidates.push_back(std::move(candidate));
      }
    }
    return true;
  }

  bool match_of(xml_node match, const OriginalData& unit_data, Candidate& candidate) {
    OriginalData data = unit_data;
    OriginalData own;
    if (!read_original_data(reading_, child_of(match, "originalData"), own)) return false;
    for (auto& [id, text] : own) data[id] = text;
    const auto source = child_of(match, "source");
    const auto target = child_of(match, "target");
    if (!source || !target) return reading_.fail(match, "<mtc:match> needs a <source> and a <target>; add them");
    OpenCodes source_open, target_open;
    if (!read_content_20(reading_, source, data, candidate.source, source_open)) return false;
    if (!read_content_20(reading_, target, data, candidate.target, target_open)) return false;
    candidate.match_quality = match.attribute("matchQuality").value();
    candidate.similarity = match.attribute("similarity").value();
    candidate.origin = match.attribute("origin").value();
    candidate.type = match.attribute("type").value();
    return true;
  }

  Reading& reading_;
  Document& document_;
};

}  // namespace

bool read_20(Reading& reading, xml_node root, Document& document) {
  document.version = Version::v2_0;
  const auto source_lang = reading.required(root, "srcLang", "; it names the language of the sources");
  if (!source_lang) return false;
  document.source_lang = *source_lang;
  document.target_lang = root.attribute("trgLang").value();
  Reader20 reader(reading, document);
  for (const auto child : root.children()) {
    if (is_element(child, kNamespace20, "file") && !reader.file(child)) return false;
  }
  return true;
}

}  // namespace edsync::xliff
