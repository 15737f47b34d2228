// Text that belongs to no sentence: markup tags (and the native code inside
// TMX/XLIFF inline codes), table-of-contents leaders with their page numbers,
// separator runs, and line breaks a bad export left as literal "\n".
#pragma once

#include <unicode/unistr.h>

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace edsync::segment_detail {

// Whether a block's UTF-8 bytes hold the characters that start markup and
// escaped line breaks. An ASCII byte in UTF-8 is always that character, and
// memchr over the bytes is far cheaper than reading the UTF-16 text for
// them; most blocks hold neither, and then those passes are skipped.
struct MaskHints {
  bool angle_brackets = true;  // '<'
  bool backslashes = true;     // '\'
};
// `within`: the hints of a text that holds these bytes; a character it
// lacks is not looked for again in each of its blocks.
MaskHints mask_hints(std::string_view utf8, MaskHints within = {});

// [begin, end) ranges of UTF-16 units.
using UnitRanges = std::vector<std::pair<std::int32_t, std::int32_t>>;

// Overwrites such text with white space in the copy the segmenter reads, so
// that no segment starts or ends with it and none is made of it alone. The
// length and every other unit stay as they are: positions still map onto the
// input, whose bytes are never changed. Escaped line breaks become line breaks.
// `changed`, if given, gets the ranges overwritten (classes read from the
// text before must be made again there).
void mask_non_sentence_text(icu::UnicodeString& text, MaskHints hints, UnitRanges* changed = nullptr);

}  // namespace edsync::segment_detail
