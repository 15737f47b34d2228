// What pugixml's parse failures mean, in words, for the TMX and XLIFF readers.
#pragma once

#include <pugixml.hpp>

#include <string_view>

#include "xml_text.h"

namespace edsync::xml {

// Where parsing `markup` failed and why ("an end tag does not match the
// element it closes", ...). The offset points at the start of the tag that
// is wrong where pugixml points past it.
Located parse_failure(std::string_view markup, const pugi::xml_parse_result& result);

}  // namespace edsync::xml
