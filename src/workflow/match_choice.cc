// Which memory match a segment gets: in context over exact over fuzzy.
#include <algorithm>

#include "edsync/text.h"
#include "edsync/workflow.h"

namespace edsync::workflow {

namespace {

// The aligner wrote the English around the unit as its segmenter cut it;
// compared as the segment's own neighbours are, white space folded.
bool same_surroundings(const tm::UnitContext& context, const SegmentPlace& place) {
  return normalize_text(context.before) == place.before && normalize_text(context.after) == place.after;
}

bool same_paragraph(const tm::Match& match, const SegmentPlace& place) {
  return !match.provenance.article_id.empty() && match.provenance.article_id == place.article_id &&
         match.context.paragraph == static_cast<int>(place.paragraph) &&
         (match.context.edition.empty() || match.context.edition == place.edition);
}

bool in_context(const tm::Match& match, const SegmentPlace& place) {
  const bool aligned_here = !match.context.before.empty() || !match.context.after.empty();
  return (aligned_here && same_surroundings(match.context, place)) || same_paragraph(match, place);
}

}  // namespace

SegmentMatch choose_match(const std::vector<tm::Match>& matches, const SegmentPlace& place, int threshold) {
  const tm::Match* exact = nullptr;
  const tm::Match* fuzzy = nullptr;
  for (const tm::Match& match : matches) {
    if (match.kind == tm::MatchKind::exact) {
      if (in_context(match, place)) return {MatchLevel::in_context, 101, match};
      if (!exact) exact = &match;
    } else if (!fuzzy || std::min(match.score, 99) > std::min(fuzzy->score, 99)) {
      fuzzy = &match;
    }
  }
  if (exact) return {MatchLevel::exact, 100, *exact};
  const int score = fuzzy ? std::min(fuzzy->score, 99) : 0;
  if (!fuzzy || score < threshold) return {};
  return {MatchLevel::fuzzy, score, *fuzzy};
}

std::string_view to_string(MatchLevel level) {
  switch (level) {
    case MatchLevel::in_context: return "in-context";
    case MatchLevel::exact: return "exact";
    case MatchLevel::fuzzy: return "fuzzy";
    case MatchLevel::none: return "none";
  }
  return "none";
}

}  // namespace edsync::workflow
