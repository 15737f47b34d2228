// libFuzzer target: any bytes as an article body, cut into segments with
// inline codes and rebuilt with each segment's own content. The rebuild must
// succeed, every segment must be balanced, the rebuilt Markdown must hold the
// same text and the same codes as the input (an escape that let text become
// markup, or markup become text, shows there), and the normal form must be
// reached: the segmenter reads the Markdown with its escapes, so the first
// rebuild may be cut differently (a soft line break inside a sentence then
// becomes a space), but rebuilding that changes no byte.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>

#include "edsync/markdown.h"

namespace {

using edsync::markdown::Article;
using edsync::markdown::PartKind;

[[noreturn]] void fail(const char* what, std::string_view detail) {
  std::fprintf(stderr, "markdown_rebuild: %s\n%.*s\n", what, static_cast<int>(detail.size()), detail.data());
  std::abort();
}

void check_balanced(const Article& article) {
  for (const auto& block : article.blocks) {
    if (!block.segments.empty() && block.separators.size() + 1 != block.segments.size()) fail("separators", "");
    for (const auto& segment : block.segments) {
      std::map<int, PartKind> kinds;
      std::vector<int> open;
      int expected_id = 1;
      for (const auto& part : segment.content) {
        if (part.kind == PartKind::text) continue;
        if (part.id != expected_id++) fail("ids not 1, 2, ... in order", segment.plain);
        if (part.kind == PartKind::opening) open.push_back(part.id);
        if (part.kind == PartKind::closing && (open.empty() || open.back() != part.pair)) fail("unbalanced", segment.plain);
        if (part.kind == PartKind::closing) open.pop_back();
      }
      if (!open.empty()) fail("left open", segment.plain);
    }
  }
}

// The text, white space folded, and the codes' Markdown (those a cut cannot move).
std::string substance(const Article& article) {
  std::string text, codes;
  for (const auto& block : article.blocks) {
    for (const auto& segment : block.segments) {
      for (const auto& part : segment.content) {
        if (part.kind != PartKind::text) {
          if (!part.text.empty() && part.text.find('\n') == std::string::npos) codes += part.text + '\x01';
          continue;
        }
        for (const char c : part.text) {
          const bool space = c == ' ' || c == '\t';
          if (!space) text += c;
        }
      }
    }
  }
  return text + '\x02' + codes;
}

std::string rebuilt(const Article& article) {
  auto body = edsync::markdown::rebuild_body(article, edsync::markdown::english_contents(article));
  if (!body) fail("rebuild failed", body.error().message);
  return *body;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const Article first = edsync::markdown::segment_article("", input);
  check_balanced(first);
  const std::string once = rebuilt(first);
  const Article second = edsync::markdown::segment_article("", once);
  check_balanced(second);
  if (substance(second) != substance(first)) fail("text or codes changed", once);
  const std::string twice = rebuilt(second);
  if (twice == once) return 0;
  const Article third = edsync::markdown::segment_article("", twice);
  if (substance(third) != substance(first)) fail("text or codes changed", twice);
  if (rebuilt(third) != twice) fail("the rebuilt Markdown does not reach a normal form", twice);
  return 0;
}
