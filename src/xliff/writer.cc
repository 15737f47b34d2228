// Documents as XLIFF 1.2 (strict) or 2.0 (core, mtc, mda): fixed element and
// attribute order, two-space indentation, LF.
#include <span>

#include "vocabulary.h"
#include "writing.h"
#include "xml_text.h"

namespace edsync::xliff {
namespace {

using Run = std::span<const Unit>;

// Consecutive units with the same id: one container.
std::vector<Run> runs_of(const std::vector<Unit>& units) {
  std::vector<Run> out;
  std::size_t begin = 0;
  for (std::size_t i = 1; i <= units.size(); ++i) {
    if (i < units.size() && units[i].id == units[begin].id) continue;
    out.push_back(Run(units).subspan(begin, i - begin));
    begin = i;
  }
  return out;
}

// A segment's id in its container: its own, else its place ("s2").
std::string segment_id_of(Run run, const Unit& unit) {
  if (!unit.segment_id.empty()) return unit.segment_id;
  return "s" + std::to_string(&unit - run.data() + 1);
}

std::string element(std::string_view name, std::string_view attributes, std::string_view text) {
  return "<" + std::string(name) + std::string(attributes) + ">" + xml::escape_text(text) + "</" + std::string(name) + ">";
}

class Writer {
 public:
  Writer(const Document& document, Version version) : document_(document), version_(version) {}

  Result<std::string> write() {
    out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    const bool v12 = version_ == Version::v1_2;
    if (v12) {
      out_ += "<xliff version=\"1.2\"" + attribute_markup("xmlns", kNamespace12) + ">\n";
    } else {
      out_ += "<xliff" + attribute_markup("xmlns", kNamespace20) + attribute_markup("xmlns:mda", kMetadata20) +
              attribute_markup("xmlns:mtc", kMatches20) + " version=\"2.0\"" +
              attribute_markup("srcLang", document_.source_lang) +
              (document_.target_lang.empty() ? "" : attribute_markup("trgLang", document_.target_lang)) + ">\n";
    }
    for (std::size_t i = 0; i < document_.files.size(); ++i) {
      const Status written = v12 ? file_12(document_.files[i]) : file_20(document_.files[i], i);
      if (!written) return written.error();
    }
    out_ += "</xliff>\n";
    return std::move(out_);
  }

 private:
  void line(int depth, std::string_view text) {
    out_.append(static_cast<std::size_t>(depth) * 2, ' ');
    out_ += text;
    out_ += '\n';
  }

  Result<std::string> content(const Content& content, const std::string& where, DataRefs* refs) const {
    return content_markup(content, ContentStyle{version_, document_.version == version_, refs, where});
  }

  // ---- 1.2 ----

  std::string note_12(const Note& note) const {
    std::string attributes;
    if (!note.from.empty()) attributes += attribute_markup("from", note.from);
    if (note.priority > 0) attributes += attribute_markup("priority", std::to_string(note.priority));
    if (!note.applies_to.empty()) attributes += attribute_markup("annotates", note.applies_to);
    return element("note", attributes, note.text);
  }

  Status file_12(const File& file) {
    line(1, "<file" + attribute_markup("original", file.original) +
                attribute_markup("source-language", document_.source_lang) +
                (document_.target_lang.empty() ? "" : attribute_markup("target-language", document_.target_lang)) +
                attribute_markup("datatype", file.datatype.empty() ? "plaintext" : file.datatype) + ">");
    if (!file.tool.empty() || !file.notes.empty() || !file.metadata.empty()) {
      line(2, "<header>");
      if (!file.tool.empty()) line(3, "<tool" + attribute_markup("tool-id", file.tool) + attribute_markup("tool-name", file.tool) + "/>");
      for (const auto& note : file.notes) line(3, note_12(note));
      for (const auto& meta : file.metadata) {
        line(3, "<reference>" +
                    element("internal-file", attribute_markup("form", std::string(kOurMetaForm) + meta.type), meta.value) +
                    "</reference>");
      }
      line(2, "</header>");
    }
    line(2, "<body>");
    for (const auto& group : file.groups) {
      if (group.units.empty()) continue;  // 1.2 has no empty group
      const int depth = group.id.empty() ? 3 : 4;
      if (!group.id.empty()) line(3, "<group" + attribute_markup("id", group.id) + ">");
      for (const auto& note : group.notes) line(depth, note_12(note));
      for (const Run run : runs_of(group.units))
        if (Status written = trans_unit(run, depth); !written) return written;
      if (!group.id.empty()) line(3, "</group>");
    }
    line(2, "</body>");
    line(1, "</file>");
    return success();
  }

  Status trans_unit(Run run, int depth) {
    const Unit& first = run.front();
    const std::string where = "unit \"" + xml::xml_safe(first.id) + "\"";
    if (first.id.empty()) return input_error("a unit has no id; give every unit one");
    const bool segmented = run.size() > 1 || !first.segment_id.empty();
    line(depth, "<trans-unit" + attribute_markup("id", first.id) + (first.translate ? "" : " translate=\"no\"") + ">");
    std::string source, seg_source, target;
    bool any_target = false;
    for (const Unit& unit : run) {
      const std::string mid = segment_id_of(run, unit);
      if (segmented && !xml::is_name_token(mid)) {
        return input_error(where + ": segment id \"" + xml::xml_safe(mid) +
                           "\" is not an XML name token (letters, digits, . - _ :); use another");
      }
      auto source_markup = content(unit.source, where, nullptr);
      if (!source_markup) return source_markup.error();
      const std::string mrk = "<mrk mtype=\"seg\"" + attribute_markup("mid", mid) + ">";
      source += (source.empty() ? "" : " ") + *source_markup;
      seg_source += mrk + *source_markup + "</mrk>";
      if (!unit.target) continue;
      auto target_markup = content(*unit.target, where, nullptr);
      if (!target_markup) return target_markup.error();
      any_target = true;
      target += segmented ? mrk + *target_markup + "</mrk>" : *target_markup;
    }
    line(depth + 1, "<source>" + source + "</source>");
    if (segmented) line(depth + 1, "<seg-source>" + seg_source + "</seg-source>");
    if (any_target) line(depth + 1, "<target" + state_12(first) + ">" + target + "</target>");
    for (const Unit& unit : run)
      for (const auto& candidate : unit.candidates)
        if (Status written = alt_trans(candidate, segmented ? segment_id_of(run, unit) : "", where, depth + 1); !written)
          return written;
    for (const Unit& unit : run)
      for (const auto& note : unit.notes) line(depth + 1, note_12(note));
    line(depth, "</trans-unit>");
    return success();
  }

  std::string state_12(const Unit& unit) const {
    std::string out;
    const std::string state = !unit.state_raw.empty() && is_state_value(Version::v1_2, unit.state_raw)
                                  ? unit.state_raw
                                  : std::string(state_name(Version::v1_2, unit.state));
    if (!state.empty()) out += attribute_markup("state", state);
    if (!unit.state_qualifier.empty()) out += attribute_markup("state-qualifier", unit.state_qualifier);
    return out;
  }

  Status alt_trans(const Candidate& candidate, const std::string& mid, const std::string& where, int depth) {
    std::string attributes;
    if (!mid.empty()) attributes += attribute_markup("mid", mid);
    if (!candidate.match_quality.empty()) attributes += attribute_markup("match-quality", candidate.match_quality);
    if (!candidate.origin.empty()) attributes += attribute_markup("origin", candidate.origin);
    if (is_candidate_type(Version::v1_2, candidate.type)) attributes += attribute_markup("alttranstype", candidate.type);
    auto source = content(candidate.source, where, nullptr);
    auto target = content(candidate.target, where, nullptr);
    if (!source) return source.error();
    if (!target) return target.error();
    line(depth, "<alt-trans" + attributes + ">");
    if (!candidate.source.empty()) line(depth + 1, "<source>" + *source + "</source>");
    line(depth + 1, "<target>" + *target + "</target>");
    line(depth, "</alt-trans>");
    return success();
  }

  // ---- 2.0 ----

  void notes_20(const std::vector<Note>& notes, int depth) {
    if (notes.empty()) return;
    line(depth, "<notes>");
    for (const auto& note : notes) {
      std::string attributes;
      if (!note.applies_to.empty()) attributes += attribute_markup("appliesTo", note.applies_to);
      if (!note.category.empty()) attributes += attribute_markup("category", note.category);
      if (note.priority > 0) attributes += attribute_markup("priority", std::to_string(note.priority));
      line(depth + 1, element("note", attributes, note.text));
    }
    line(depth, "</notes>");
  }

  Status check_token(const std::string& what, const std::string& id) const {
    if (xml::is_name_token(id)) return success();
    return input_error(what + " \"" + xml::xml_safe(id) + "\" cannot be an XLIFF 2.0 id (an XML name token: "
                       "letters, digits, . - _ :); use another");
  }

  Status file_20(const File& file, std::size_t index) {
    const std::string id = file.id.empty() ? "f" + std::to_string(index + 1) : file.id;
    if (Status token = check_token("file id", id); !token) return token;
    line(1, "<file" + attribute_markup("id", id) + (file.original.empty() ? "" : attribute_markup("original", file.original)) + ">");
    if (!file.tool.empty() || !file.metadata.empty()) {
      line(2, "<mda:metadata>");
      line(3, "<mda:metaGroup" + attribute_markup("category", kOurMetaGroup) + ">");
      if (!file.tool.empty()) line(4, element("mda:meta", attribute_markup("type", "tool"), file.tool));
      for (const auto& meta : file.metadata) line(4, element("mda:meta", attribute_markup("type", meta.type), meta.value));
      line(3, "</mda:metaGroup>");
      line(2, "</mda:metadata>");
    }
    notes_20(file.notes, 2);
    for (const auto& group : file.groups) {
      if (group.units.empty()) continue;
      const int depth = group.id.empty() ? 2 : 3;
      if (!group.id.empty()) {
        if (Status token = check_token("group id", group.id); !token) return token;
        line(2, "<group" + attribute_markup("id", group.id) + ">");
        notes_20(group.notes, 3);
      }
      for (const Run run : runs_of(group.units))
        if (Status written = unit_20(run, depth); !written) return written;
      if (!group.id.empty()) line(2, "</group>");
    }
    line(1, "</file>");
    return success();
  }

  // A lone segment without an id takes its unit's; one of several, its place ("s2").
  static std::string segment_id_20(Run run, const Unit& unit) {
    return run.size() == 1 && unit.segment_id.empty() ? unit.id : segment_id_of(run, unit);
  }

  Status unit_20(Run run, int depth) {
    const Unit& first = run.front();
    if (Status token = check_token("unit id", first.id); !token) return token;
    const std::string where = "unit \"" + first.id + "\"";
    DataRefs refs;
    std::vector<std::string> segments;
    for (const Unit& unit : run) {
      const std::string id = segment_id_20(run, unit);
      if (Status token = check_token(where + ": segment id", id); !token) return token;
      auto source = content(unit.source, where, &refs);
      if (!source) return source.error();
      std::string segment = "<segment" + attribute_markup("id", id) + state_20(unit) + ">\n";
      segment += std::string((depth + 2) * 2, ' ') + "<source>" + *source + "</source>\n";
      if (unit.target) {
        auto target = content(*unit.target, where, &refs);
        if (!target) return target.error();
        segment += std::string((depth + 2) * 2, ' ') + "<target>" + *target + "</target>\n";
      }
      segments.push_back(std::move(segment) + std::string((depth + 1) * 2, ' ') + "</segment>");
    }
    line(depth, "<unit" + attribute_markup("id", first.id) + (first.translate ? "" : " translate=\"no\"") + ">");
    if (Status matches = matches_20(run, where, depth + 1); !matches) return matches;
    std::vector<Note> notes;
    for (const Unit& unit : run) notes.insert(notes.end(), unit.notes.begin(), unit.notes.end());
    notes_20(notes, depth + 1);
    original_data(refs, depth + 1);
    for (const auto& segment : segments) line(depth + 1, segment);
    line(depth, "</unit>");
    return success();
  }

  std::string state_20(const Unit& unit) const {
    std::string out;
    const auto state = state_name(Version::v2_0, unit.state);
    if (!state.empty()) out += attribute_markup("state", state);
    if (!unit.sub_state.empty()) out += attribute_markup("subState", unit.sub_state);
    return out;
  }

  void original_data(const DataRefs& refs, int depth) {
    if (refs.data.empty()) return;
    line(depth, "<originalData>");
    for (std::size_t i = 0; i < refs.data.size(); ++i)
      line(depth + 1, element("data", attribute_markup("id", "d" + std::to_string(i + 1)), refs.data[i]));
    line(depth, "</originalData>");
  }

  static bool is_similarity(const std::string& value) {
    if (value.empty() || value.find_first_not_of("0123456789.") != std::string::npos) return false;
    try {
      const double number = std::stod(value);
      return number >= 0 && number <= 100;
    } catch (...) {
      return false;
    }
  }

  Status matches_20(Run run, const std::string& where, int depth) {
    bool any = false;
    for (const Unit& unit : run) any = any || !unit.candidates.empty();
    if (!any) return success();
    line(depth, "<mtc:matches>");
    for (const Unit& unit : run) {
      for (const auto& candidate : unit.candidates) {
        DataRefs refs;
        auto source = content(candidate.source, where, &refs);
        auto target = content(candidate.target, where, &refs);
        if (!source) return source.error();
        if (!target) return target.error();
        std::string attributes = attribute_markup("ref", "#" + segment_id_20(run, unit));
        if (is_similarity(candidate.match_quality)) attributes += attribute_markup("matchQuality", candidate.match_quality);
        if (is_similarity(candidate.similarity)) attributes += attribute_markup("similarity", candidate.similarity);
        if (!candidate.origin.empty()) attributes += attribute_markup("origin", candidate.origin);
        if (is_candidate_type(Version::v2_0, candidate.type)) attributes += attribute_markup("type", candidate.type);
        line(depth + 1, "<mtc:match" + attributes + ">");
        original_data(refs, depth + 2);
        line(depth + 2, "<source>" + *source + "</source>");
        line(depth + 2, "<target>" + *target + "</target>");
        line(depth + 1, "</mtc:match>");
      }
    }
    line(depth, "</mtc:matches>");
    return success();
  }

  const Document& document_;
  Version version_;
  std::string out_;
};

}  // namespace

Result<std::string> write(const Document& document, Version version) { return Writer(document, version).write(); }

}  // namespace edsync::xliff
