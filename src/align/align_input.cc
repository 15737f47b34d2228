// The two forms of aligner input: text cut by the segmenter, and one
// sentence per line as hunalign reads it.
#include <algorithm>
#include <fstream>

#include "edsync/align.h"
#include "edsync/diagnostic.h"
#include "edsync/file_io.h"
#include "edsync/text.h"
#include <cstdio>

#include "lines.h"

namespace edsync {

namespace {

using align_detail::take_line;
using align_detail::trimmed;

}  // namespace

Result<AlignText> read_presegmented(std::string_view text, const std::string& file_name) {
  if (auto utf8 = check_utf8(text, file_name); !utf8) return utf8.error();
  AlignText result;
  result.name = file_name;
  std::size_t paragraph = 0, line = 0;
  bool paragraph_open = false;
  while (!text.empty()) {
    const std::string_view content = trimmed(take_line(text));
    if (content.empty() || content == "<p>") {
      if (paragraph_open) ++paragraph;
      paragraph_open = false;
    } else {
      result.sentences.emplace_back(content);
      result.paragraph_of.push_back(paragraph);
      result.line_of.push_back(line);
      paragraph_open = true;
    }
    ++line;
  }
  return result;
}

Result<AlignText> segment_for_alignment(std::string_view text, const std::string& file_name,
                                        const SegmentOptions& options) {
  if (auto utf8 = check_utf8(text, file_name); !utf8) return utf8.error();
  const auto blocks = text_blocks(text, options.format);
  AlignText result;
  result.name = file_name;
  std::size_t block = 0, line = 0, counted = 0;
  for (const auto& segment : Segmenter::built_in().segment(text, options)) {
    while (block + 1 < blocks.size() && blocks[block].end <= segment.begin) ++block;
    line += static_cast<std::size_t>(std::count(text.begin() + counted, text.begin() + segment.begin, '\n'));
    counted = segment.begin;
    std::string sentence(text.substr(segment.begin, segment.end - segment.begin));
    std::replace(sentence.begin(), sentence.end(), '\n', ' ');
    result.sentences.push_back(std::move(sentence));
    result.paragraph_of.push_back(block);
    result.line_of.push_back(line);
  }
  return result;
}

}  // namespace edsync

namespace edsync::align_detail {

Status check_utf8(std::string_view text, const std::string& file_name) { return edsync::check_utf8(text, file_name); }

}  // namespace edsync::align_detail
