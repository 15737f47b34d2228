// What kind of block each of the segmenter's Markdown blocks is, and where
// its text starts and ends once its markers are set aside.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "edsync/markdown.h"
#include "inline_parser.h"

namespace edsync::markdown::detail {

struct BlockShape {
  BlockKind kind = BlockKind::paragraph;
  int level = 0;
  std::string marker;
  int nesting = 0;
  std::size_t begin = 0;  // the text, without markers or trailing white space
  std::size_t end = 0;
  bool setext = false;    // the underline line after `end` belongs to the block
};

// One shape per block of text_blocks(body, SegmentFormat::markdown), in order.
std::vector<BlockShape> block_shapes(std::string_view body);

// Labels of the link reference definitions among those blocks.
LinkLabels link_labels(std::string_view body, const std::vector<BlockShape>& shapes);

}  // namespace edsync::markdown::detail
