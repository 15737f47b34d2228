// Character-level XML rules the TMX and XLIFF readers and writers share:
// characters and references a document may hold, and escaping for output.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace edsync::xml {

// A problem at a byte offset into the text that was checked.
struct Located {
  std::size_t offset = 0;
  std::string message;
};

// Checks markup for what XML 1.0 forbids but pugixml lets through: characters
// outside the XML character range (C0 controls but tab, LF and CR; U+FFFE;
// U+FFFF) and references other than the five predefined entities and
// character references to allowed characters. No entity is ever expanded, so
// a reference to a declared one is refused too.
std::optional<Located> check_characters_and_references(std::string_view markup);

// Checks a DOCTYPE's text up to the end of its internal subset: a subset
// that declares an entity is refused (nothing is ever expanded, so an entity
// bomb costs nothing). The offset is that of "<!ENTITY".
std::optional<Located> check_doctype_subset(std::string_view doctype);

// `text` with every character XML cannot hold dropped (C0 controls other than
// tab, LF and CR; U+FFFE; U+FFFF) and every byte that is not UTF-8 (lone
// surrogates included) replaced by U+FFFD.
std::string xml_safe(std::string_view text);

// Escaped for element content: & < > and CR (as &#13;, which survives reading).
std::string escape_text(std::string_view text);
// Escaped for a double-quoted attribute value: also " and tab, LF, CR as
// character references, which attribute-value normalisation leaves alone.
std::string escape_attribute(std::string_view text);

// An xs:NMTOKEN (what XLIFF 2.0 ids must be): letters, digits, '_', ':',
// '.', '-' and any non-ASCII.
bool is_name_token(std::string_view text);

// A plausible XML name: letters, digits, '_', ':', '.', '-' and any non-ASCII,
// not starting with a digit, '.' or '-'.
bool is_xml_name(std::string_view name);

}  // namespace edsync::xml
