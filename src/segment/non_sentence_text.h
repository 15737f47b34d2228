// Text that belongs to no sentence: markup tags (and the native code inside
// TMX/XLIFF inline codes), table-of-contents leaders with their page numbers,
// separator runs, and line breaks a bad export left as literal "\n".
#pragma once

#include <unicode/unistr.h>

namespace edsync::segment_detail {

// Overwrites such text with white space in the copy the segmenter reads, so
// that no segment starts or ends with it and none is made of it alone. The
// length and every other unit stay as they are: positions still map onto the
// input, whose bytes are never changed. Escaped line breaks become line breaks.
void mask_non_sentence_text(icu::UnicodeString& text);

}  // namespace edsync::segment_detail
