#include "xml_parse.h"

#include <string>

namespace edsync::xml {
namespace {

std::string describe(pugi::xml_parse_status status) {
  switch (status) {
    case pugi::status_end_element_mismatch: return "an end tag does not match the element it closes";
    case pugi::status_unrecognized_tag: return "a tag is not well formed";
    case pugi::status_bad_start_element: return "a start tag is not well formed";
    case pugi::status_bad_end_element: return "an end tag is not well formed";
    case pugi::status_bad_attribute: return "an attribute is not well formed (name=\"value\")";
    case pugi::status_bad_comment: return "a comment is not closed";
    case pugi::status_bad_cdata: return "a CDATA section is not closed";
    case pugi::status_bad_pi: return "a processing instruction is not well formed";
    case pugi::status_bad_doctype: return "a DOCTYPE may not appear here";
    case pugi::status_bad_pcdata: return "text is not well formed";
    default: return "it is not well-formed XML";
  }
}

}  // namespace

Located parse_failure(std::string_view markup, const pugi::xml_parse_result& result) {
  auto offset = result.offset > 0 ? static_cast<std::size_t>(result.offset) : 0;
  // pugixml points past "</" of a mismatched end tag; point at its '<'.
  if (result.status == pugi::status_end_element_mismatch && offset >= 2 && markup.substr(offset - 2, 2) == "</") {
    offset -= 2;
  }
  return Located{offset, describe(result.status)};
}

}  // namespace edsync::xml
