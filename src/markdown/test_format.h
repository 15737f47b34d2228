// Tests show a segment's content in one line: text as it is, an opening code
// as {id:markdown}, a closing one as {/id:markdown}, a standalone one as
// {id=markdown}.
#pragma once

#include <string>
#include <vector>

#include "edsync/markdown.h"

namespace edsync::markdown::test {

inline std::string shown(const std::vector<Part>& parts) {
  std::string out;
  for (const auto& part : parts) {
    const std::string id = std::to_string(part.id);
    switch (part.kind) {
      case PartKind::text: out += part.text; break;
      case PartKind::opening: out += "{" + id + ":" + part.text + "}"; break;
      case PartKind::closing: out += "{/" + id + ":" + part.text + "}"; break;
      case PartKind::standalone: out += "{" + id + "=" + part.text + "}"; break;
    }
  }
  return out;
}

// Every body segment shown, in order.
inline std::vector<std::string> shown_segments(const Article& article) {
  std::vector<std::string> out;
  for (const auto& block : article.blocks) {
    for (const auto& segment : block.segments) out.push_back(shown(segment.content));
  }
  return out;
}

inline Part text(std::string value) { return {PartKind::text, std::move(value)}; }
inline Part opening(int id) { return {PartKind::opening, "", id}; }
inline Part closing(int id) { return {PartKind::closing, "", id}; }
inline Part standalone(int id) { return {PartKind::standalone, "", id}; }

}  // namespace edsync::markdown::test
