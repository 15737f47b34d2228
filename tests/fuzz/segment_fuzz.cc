// libFuzzer target: any bytes, invalid UTF-8 included, segmented in every
// language, as plain text and as Markdown, with and without clause breaks.
// The first byte picks the options; the rest is the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "edsync/segment.h"

namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Segments are ordered, non-empty, inside the text and do not start or end
// with ASCII white space: segments plus gaps rebuild the input.
void check_rebuild(std::string_view text, const std::vector<edsync::Segment>& segments) {
  std::size_t at = 0;
  for (const auto& segment : segments) {
    if (segment.begin < at || segment.end <= segment.begin || segment.end > text.size()) std::abort();
    if (is_ascii_space(text[segment.begin]) || is_ascii_space(text[segment.end - 1])) std::abort();
    at = segment.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr const char* kLanguages[] = {"en", "ar", "fa", "sq", "de", "zh"};
  const std::uint8_t choice = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  edsync::SegmentOptions options;
  options.language = kLanguages[choice % 6];
  options.format = (choice & 0x10) ? edsync::SegmentFormat::markdown : edsync::SegmentFormat::plain;
  options.clause_breaks = (choice & 0x20) != 0;
  check_rebuild(text, edsync::Segmenter::built_in().segment(text, options));
  return 0;
}
