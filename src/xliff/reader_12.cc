// XLIFF 1.2, and Trados Studio's .sdlxliff (1.2 with segments as <mrk mtype="seg">).
#include <map>

#include "reading.h"
#include "vocabulary.h"

namespace edsync::xliff {
namespace {

using pugi::xml_node;

bool is_xliff_element(xml_node node) {
  return node.type() == pugi::node_element && namespace_of(node) == kNamespace12;
}

Note note_of(xml_node node) {
  Note note;
  note.text = text_of(node);
  note.from = node.attribute("from").value();
  const std::string_view annotates = node.attribute("annotates").value();
  if (annotates == "source" || annotates == "target") note.applies_to = std::string(annotates);
  note.priority = node.attribute("priority").as_int(0);
  return note;
}

// The <mrk mtype="seg"> below `node` (not inside another), in document order.
void segment_markers(xml_node node, std::vector<xml_node>& out) {
  for (const auto child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    if (local_name(child) == "mrk" && std::string_view(child.attribute("mtype").value()) == "seg") {
      out.push_back(child);
    } else {
      segment_markers(child, out);
    }
  }
}

class Reader12 {
 public:
  Reader12(Reading& reading, Document& document) : reading_(reading), document_(document) {}

  bool file(xml_node node) {
    File file;
    const auto original = reading_.required(node, "original", "; it names the document translated");
    const auto source_lang = reading_.required(node, "source-language");
    if (!original || !source_lang) return false;
    file.original = *original;
    file.datatype = node.attribute("datatype").value();
    if (!languages(node, *source_lang, node.attribute("target-language").value())) return false;
    if (const auto header = node.child("header")) read_header(header, file);
    const auto body = node.child("body");
    if (!body) return reading_.fail(node, "<file> has no <body>; add one");
    if (!container(body, "", file)) return false;
    document_.files.push_back(std::move(file));
    return true;
  }

 private:
  bool languages(xml_node node, const std::string& source, const std::string& target) {
    if (document_.files.empty()) {
      document_.source_lang = source;
      document_.target_lang = target;
      return true;
    }
    if (source == document_.source_lang && target == document_.target_lang) return true;
    return reading_.fail(node, "this <file> translates " + source + " into " + target + " but the first one " +
                                   document_.source_lang + " into " + document_.target_lang +
                                   "; edsync reads one language pair per XLIFF file: split it");
  }

  void read_header(xml_node header, File& file) {
    for (const auto child : header.children()) {
      if (!is_xliff_element(child)) continue;
      const std::string_view name = local_name(child);
      if (name == "note") file.notes.push_back(note_of(child));
      if (name == "tool" && file.tool.empty()) {
        file.tool = child.attribute("tool-name").value();
        if (file.tool.empty()) file.tool = child.attribute("tool-id").value();
      }
      const auto internal = child.child("internal-file");
      const std::string_view form = internal.attribute("form").value();
      if (name == "reference" && form.starts_with(kOurMetaForm)) {
        file.metadata.push_back({std::string(form.substr(kOurMetaForm.size())), text_of(internal)});
      }
    }
  }

  // The units of <body> or a <group>, groups inside read flattened.
  bool container(xml_node node, const std::string& id, File& file) {
    std::vector<Note> notes;
    for (const auto child : node.children())
      if (is_xliff_element(child) && local_name(child) == "note") notes.push_back(note_of(child));
    GroupRun run(file, id, std::move(notes));
    for (const auto child : node.children()) {
      if (!is_xliff_element(child)) continue;
      const std::string_view name = local_name(child);
      if (name == "group") {
        run.interrupt();
        if (!container(child, child.attribute("id").value(), file)) return false;
      }
      if (name == "trans-unit" && !run.add(reading_, [&](std::vector<Unit>& units) { return trans_unit(child, units); }))
        return false;
    }
    return true;
  }

  bool trans_unit(xml_node node, std::vector<Unit>& out) {
    const auto id = reading_.required(node, "id");
    if (!id) return false;
    const auto source = node.child("source");
    if (!source) return reading_.fail(node, "<trans-unit id=\"" + *id + "\"> has no <source>; add it");
    const auto target = node.child("target");
    const auto seg_source = node.child("seg-source");
    std::vector<xml_node> markers;
    if (seg_source) segment_markers(seg_source, markers);
    if (markers.empty()) {
      Unit unit;
      if (!segment(node, source, target, unit)) return false;
      out.push_back(std::move(unit));
    } else if (!segments(node, markers, target, out)) {
      return false;
    }
    for (auto& unit : out) {
      unit.id = *id;
      unit.translate = std::string_view(node.attribute("translate").value()) != "no";
      if (!state(target, unit)) return false;
    }
    if (document_.sdlxliff) sdl_states(node, out);
    return annotations(node, out);
  }

  bool content(xml_node node, Content& out) {
    OpenCodes open;
    return read_content_12(reading_, node, out, open) && check_closed_12(reading_, open);
  }

  bool segment(xml_node unit_node, xml_node source, xml_node target, Unit& unit) {
    const auto where = reading_.position(unit_node);
    unit.line = where.line;
    unit.column = where.column;
    if (!content(source, unit.source)) return false;
    if (target && !content(target, unit.target.emplace())) return false;
    return true;
  }

  // One unit per <mrk mtype="seg"> of <seg-source>, its target the <target>'s <mrk> with the same mid.
  bool segments(xml_node unit_node, const std::vector<xml_node>& markers, xml_node target, std::vector<Unit>& out) {
    std::vector<xml_node> target_markers;
    if (target) segment_markers(target, target_markers);
    std::map<std::string, xml_node> by_mid;
    for (const auto marker : target_markers) by_mid[marker.attribute("mid").value()] = marker;
    for (const auto marker : markers) {
      const auto mid = reading_.required(marker, "mid", "; it names the segment");
      if (!mid) return false;
      Unit unit;
      unit.segment_id = *mid;
      const auto found = by_mid.find(*mid);
      const xml_node translated = found != by_mid.end() ? found->second
                                  : (markers.size() == 1 && target && target_markers.empty()) ? target
                                                                                             : xml_node();
      if (!segment(marker, marker, translated, unit)) return false;
      out.push_back(std::move(unit));
    }
    (void)unit_node;
    return true;
  }

  bool state(xml_node target, Unit& unit) {
    const std::string raw = target.attribute("state").value();
    unit.state_qualifier = target.attribute("state-qualifier").value();
    if (raw.empty()) return true;
    if (!is_state_value(Version::v1_2, raw)) {
      return reading_.fail(target, "state=\"" + raw + "\" is not an XLIFF 1.2 state; write new, needs-translation, "
                                   "needs-review-translation, translated, signed-off, final or an x- value");
    }
    unit.state = state_from(Version::v1_2, raw).value_or(State::unspecified);
    if (state_name(Version::v1_2, unit.state) != raw) unit.state_raw = raw;
    return true;
  }

  // Trados Studio keeps each segment's state in <sdl:seg-defs><sdl:seg id conf>.
  void sdl_states(xml_node node, std::vector<Unit>& units) {
    for (const auto child : node.children()) {
      if (local_name(child) != "seg-defs" || namespace_of(child) != kSdlNamespace) continue;
      for (const auto seg : child.children()) {
        const std::string id = seg.attribute("id").value();
        const std::string conf = seg.attribute("conf").value();
        const auto state = state_from_sdl(conf);
        for (auto& unit : units) {
          if (unit.segment_id != id || !state) continue;
          unit.state = *state;
          unit.state_raw = conf;
        }
      }
    }
  }

  bool annotations(xml_node node, std::vector<Unit>& units) {
    if (units.empty()) return true;
    for (const auto child : node.children()) {
      if (!is_xliff_element(child)) continue;
      const std::string_view name = local_name(child);
      if (name == "note") units.front().notes.push_back(note_of(child));
      if (name != "alt-trans") continue;
      Candidate candidate;
      if (!alt_trans(child, candidate)) return false;
      const std::string mid = child.attribute("mid").value();
      Unit* owner = &units.front();
      for (auto& unit : units)
        if (!mid.empty() && unit.segment_id == mid) owner = &unit;
      owner->candidates.push_back(std::move(candidate));
    }
    return true;
  }

  bool alt_trans(xml_node node, Candidate& candidate) {
    const auto target = node.child("target");
    if (!target) return reading_.fail(node, "<alt-trans> has no <target>; a candidate needs its translation");
    if (const auto source = node.child("source"); source && !content(source, candidate.source)) return false;
    if (!content(target, candidate.target)) return false;
    candidate.match_quality = node.attribute("match-quality").value();
    candidate.origin = node.attribute("origin").value();
    candidate.type = node.attribute("alttranstype").value();
    return true;
  }

  Reading& reading_;
  Document& document_;
};

}  // namespace

bool read_12(Reading& reading, xml_node root, Document& document) {
  document.version = Version::v1_2;
  for (const auto attribute : root.attributes()) {
    if (std::string_view(attribute.value()) == kSdlNamespace) document.sdlxliff = true;
  }
  Reader12 reader(reading, document);
  for (const auto child : root.children()) {
    if (!is_xliff_element(child) || local_name(child) != "file") continue;
    if (!reader.file(child)) return false;
  }
  return true;
}

}  // namespace edsync::xliff
