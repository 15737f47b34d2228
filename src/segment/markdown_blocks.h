// The blocks of a text that are segmented on their own: no sentence crosses
// a block boundary.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "edsync/segment.h"

namespace edsync::segment_detail {

struct Block {
  std::size_t begin = 0;  // byte range in the text
  std::size_t end = 0;
  // Line breaks inside the block are soft (Markdown paragraphs): they count
  // as spaces. Markers of continuation lines (block quotes) are masked too.
  bool soft_line_breaks = false;
};

// Plain text: paragraphs separated by blank lines.
// Markdown: front matter and fenced code are left out; headings, list items,
// block quotes and paragraphs are blocks of their own, without their markers.
std::vector<Block> split_blocks(std::string_view text, SegmentFormat format);

}  // namespace edsync::segment_detail
