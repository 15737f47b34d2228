// The writer emits one fixed layout (two-space indentation, LF, attributes
// in a stable order, the canonical form of each segment), so the same header
// and units always give the same bytes.
#include <array>
#include <ostream>

#include "edsync/tmx.h"
#include "elements.h"
#include "xml_text.h"

namespace edsync::tmx {
namespace {

struct Default {
  std::string_view name;
  std::string_view value;
};

// TMX 1.4b requires these on <header>; what the caller's header lacks is filled in.
constexpr std::array<Default, 7> kRequiredHeader = {{
    {"creationtool", "edsync"},
    {"creationtoolversion", EDSYNC_VERSION},
    {"segtype", "sentence"},
    {"o-tmf", "edsync"},
    {"adminlang", "en"},
    {"srclang", "*all*"},
    {"datatype", "plaintext"},
}};

bool is_date_attribute(std::string_view name) {
  return name == "creationdate" || name == "changedate" || name == "lastusagedate";
}

// "2002-05-23T09:12:00Z" and the like become TMX's "20020523T091200Z";
// anything else is kept as it was.
std::string tmx_date(std::string_view value) {
  std::string compact;
  for (const char c : value) {
    if (c != '-' && c != ':') compact += c;
  }
  if (compact.size() != 16 || compact[8] != 'T' || compact[15] != 'Z') return std::string(value);
  for (std::size_t i = 0; i < 15; ++i) {
    if (i != 8 && (compact[i] < '0' || compact[i] > '9')) return std::string(value);
  }
  return compact;
}

Status check_names(const std::vector<Attribute>& attributes, const std::string& where) {
  for (const auto& attribute : attributes) {
    if (!is_xml_name(attribute.name)) {
      return input_error(where + ": attribute name \"" + xml_safe(attribute.name) +
                         "\" is not an XML name; rename or drop it");
    }
  }
  return success();
}

void write_attributes(std::string& out, const std::vector<Attribute>& attributes, bool tmx_dates = true) {
  for (const auto& attribute : attributes) {
    const std::string value =
        tmx_dates && is_date_attribute(attribute.name) ? tmx_date(attribute.value) : attribute.value;
    out += ' ' + attribute.name + "=\"" + escape_attribute(value) + '"';
  }
}

template <typename Annotation>
void write_annotations(std::string& out, std::string_view element, const std::vector<Annotation>& items,
                       std::string_view indent, std::string_view end = "\n") {
  for (const auto& item : items) {
    out += std::string(indent) + '<' + std::string(element);
    write_attributes(out, item.attributes);
    out += '>' + escape_text(item.text) + "</" + std::string(element) + '>' + std::string(end);
  }
}

template <typename Annotated>
Status check_annotations(const Annotated& annotated, const std::string& where) {
  for (const auto& prop : annotated.props) {
    if (auto status = check_names(prop.attributes, where + ", <prop>"); !status) return status;
  }
  for (const auto& note : annotated.notes) {
    if (auto status = check_names(note.attributes, where + ", <note>"); !status) return status;
  }
  return success();
}

// Indented on lines of their own, or (`compact`) on one line.
void write_udes(std::string& out, const std::vector<Ude>& udes, bool compact = false) {
  const std::string end = compact ? "" : "\n";
  for (const auto& ude : udes) {
    out += (compact ? "" : "    ") + std::string("<ude");
    write_attributes(out, ude.attributes);
    if (ude.maps.empty()) {
      out += "/>" + end;
      continue;
    }
    out += ">" + end;
    for (const auto& map : ude.maps) {
      out += (compact ? "" : "      ") + std::string("<map");
      write_attributes(out, map);
      out += "/>" + end;
    }
    out += (compact ? "" : "    ") + std::string("</ude>") + end;
  }
}

Status check_udes(const std::vector<Ude>& udes) {
  for (const auto& ude : udes) {
    if (auto status = check_names(ude.attributes, "<header>, <ude>"); !status) return status;
    for (const auto& map : ude.maps)
      if (auto status = check_names(map, "<header>, <ude>, <map>"); !status) return status;
  }
  return success();
}

std::string describe(const Unit& unit) {
  const std::string tuid = attribute(unit.attributes, "tuid");
  if (!tuid.empty()) return "unit tuid=\"" + xml_safe(tuid) + "\"";
  if (unit.line > 0) return "unit from line " + std::to_string(unit.line);
  return "unit without tuid";
}

Result<std::string> variant_markup(const Variant& variant, const std::string& where) {
  if (variant.lang.empty()) return input_error(where + ": a <tuv> has no language; set Variant::lang");
  const std::string here = where + ", <tuv xml:lang=\"" + xml_safe(variant.lang) + "\">";
  if (auto status = check_names(variant.attributes, here); !status) return status.error();
  if (auto status = check_annotations(variant, here); !status) return status.error();
  Segment segment;
  if (auto problem = parse_segment_content(variant.content, segment)) {
    std::string reason = problem->message;
    const std::string_view prefix = "<seg> is not well-formed XML: ";
    if (reason.starts_with(prefix)) reason.erase(0, prefix.size());
    return input_error(here + ": the segment content is not well-formed XML (" + reason +
                       "); escape < and & in plain text");
  }
  std::string out = "      <tuv xml:lang=\"" + escape_attribute(variant.lang) + '"';
  write_attributes(out, variant.attributes);
  out += ">\n";
  write_annotations(out, "note", variant.notes, "        ");
  write_annotations(out, "prop", variant.props, "        ");
  out += "        <seg>" + segment.content + "</seg>\n      </tuv>\n";
  return out;
}

}  // namespace

Writer::Writer(std::ostream& out) : out_(out) {}

Status Writer::write_header(const Header& header) {
  if (header_written_) return usage_error("the TMX header is already written");
  if (auto status = check_names(header.attributes, "<header>"); !status) return status;
  if (auto status = check_annotations(header, "<header>"); !status) return status;
  if (auto status = check_udes(header.udes); !status) return status;
  std::vector<Attribute> attributes;
  for (const auto& [name, fallback] : kRequiredHeader) {
    const std::string given = attribute(header.attributes, name);
    attributes.push_back({std::string(name), given.empty() ? std::string(fallback) : given});
  }
  for (const auto& given : header.attributes) {
    if (attribute(attributes, given.name).empty()) attributes.push_back(given);
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  <header";
  write_attributes(out, attributes);
  if (header.notes.empty() && header.props.empty() && header.udes.empty()) {
    out += "/>\n";
  } else {
    out += ">\n";
    write_annotations(out, "note", header.notes, "    ");
    write_annotations(out, "prop", header.props, "    ");
    write_udes(out, header.udes);
    out += "  </header>\n";
  }
  out += "  <body>\n";
  out_ << out;
  header_written_ = true;
  if (!out_) return io_error("cannot write the TMX output");
  return success();
}

Status Writer::write(const Unit& unit) {
  if (!header_written_) return usage_error("write the TMX header before the units");
  if (finished_) return usage_error("the TMX output is already finished");
  const auto markup = unit_markup(unit);
  if (!markup) return markup.error();
  out_ << *markup;
  if (!out_) return io_error("cannot write the TMX output");
  return success();
}

Result<std::string> unit_markup(const Unit& unit) {
  const std::string where = describe(unit);
  if (auto status = check_names(unit.attributes, where); !status) return status.error();
  if (auto status = check_annotations(unit, where); !status) return status.error();
  if (unit.variants.empty()) return input_error(where + ": the unit has no variant; a <tu> needs a <tuv>");
  std::string out = "    <tu";
  write_attributes(out, unit.attributes);
  out += ">\n";
  write_annotations(out, "note", unit.notes, "      ");
  write_annotations(out, "prop", unit.props, "      ");
  for (const auto& variant : unit.variants) {
    auto markup = variant_markup(variant, where);
    if (!markup) return markup.error();
    out += *markup;
  }
  out += "    </tu>\n";
  return out;
}

Result<std::string> header_markup(const Header& header) {
  if (auto status = check_names(header.attributes, "<header>"); !status) return status.error();
  if (auto status = check_annotations(header, "<header>"); !status) return status.error();
  if (auto status = check_udes(header.udes); !status) return status.error();
  std::string out = "<header";
  write_attributes(out, header.attributes, false);
  if (header.notes.empty() && header.props.empty() && header.udes.empty()) return out + "/>";
  out += '>';
  write_annotations(out, "note", header.notes, "", "");
  write_annotations(out, "prop", header.props, "", "");
  write_udes(out, header.udes, true);
  return out + "</header>";
}

Status Writer::finish() {
  if (!header_written_) return usage_error("write the TMX header before finishing");
  if (finished_) return success();
  out_ << "  </body>\n</tmx>\n";
  out_.flush();
  finished_ = true;
  if (!out_) return io_error("cannot write the TMX output");
  return success();
}

}  // namespace edsync::tmx
