// Parses the XML of one <tu> (or the <header>) into the data model, and the
// inside of a <seg> into its canonical form and its readable text.
#pragma once

#include <optional>
#include <string_view>

#include "edsync/tmx.h"
#include "xml_text.h"

namespace edsync::tmx {

// The XML character rules shared with the XLIFF reader (src/xml).
using xml::check_characters_and_references;
using xml::escape_attribute;
using xml::escape_text;
using xml::is_xml_name;
using xml::Located;
using xml::xml_safe;

// The xmlns:prefix declarations of the elements around a unit (<tmx>, <header>).
using Declarations = std::vector<Attribute>;

// `markup` is exactly "<tu ...>...</tu>" (or "<tu .../>"); problems are located
// by byte offset into it. A prefix the unit uses but does not declare gets
// its declaration from `inherited`, as an attribute of the <tu>.
std::optional<Located> parse_unit(std::string_view markup, Unit& unit, const Declarations& inherited = {});

// `markup` is exactly "<header ...>...</header>" (or "<header .../>"); the
// same for the prefixes it uses. Adds its own declarations to `declarations`.
std::optional<Located> parse_header(std::string_view markup, Header& header, Declarations& declarations);

// `markup` is a start tag "<tmx ...>"; fills header.version and the
// namespaces it declares.
std::optional<Located> parse_tmx_start(std::string_view markup, Header& header, Declarations& declarations);

// The canonical XML of a <seg>'s inside (comments dropped, CDATA as escaped
// text, empty elements as <x/>, attributes in the file's order, double
// quotes) and its readable text. Used by the writer on content it is given.
struct Segment {
  std::string content;
  std::string text;
};
std::optional<Located> parse_segment_content(std::string_view content, Segment& segment);

}  // namespace edsync::tmx
