// XLIFF into the memory: the translated segments of a document as TMX units.
#pragma once

#include <cstdint>
#include <vector>

#include "edsync/tmx.h"
#include "edsync/xliff.h"

namespace edsync::tm {

struct XliffUnits {
  std::vector<tmx::Unit> units;
  std::int64_t untranslated = 0;  // segments left out: no target text, or a state before translation
};

// Each segment with a translation (xliff::has_translation) becomes a unit
// with a source variant and a target variant in the document's languages.
// Inline codes become TMX codes, numbered alike in both variants: a pair
// within the segment <bpt i>/<ept i>, an opening or closing whose partner
// lies elsewhere <it pos>, a standalone code <ph x>, each with its native
// data; markers (<mrk>, <sm/>/<em/>) and <cp/> are left out, their text
// kept. The unit's notes become notes.
XliffUnits units_of_xliff(const xliff::Document& document);

}  // namespace edsync::tm
