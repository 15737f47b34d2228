// An English article cut into the segments a translator works on. Private
// to the workflow module.
#pragma once

#include <vector>

#include "edsync/changes.h"
#include "edsync/markdown.h"
#include "edsync/result.h"
#include "edsync/workflow.h"

namespace edsync::workflow {

// An article cut once, by markdown::segment_article: the Markdown segments
// (with their inline codes, what the XLIFF export writes and the import
// rebuilds) and the work segments made of them, segments[i] being
// markdown.segments()[i]. The title is paragraph 0 with id "title"; each
// block that holds sentences is a paragraph, counted from 1, as the aligner
// counts them, so paragraph numbers and the sentences around each one are
// those the aligner records. A segment's English is its plain text (inline
// Markdown left out), NFC with white space folded. Every segment is work
// `translate`, without a match.
struct ArticleCut {
  markdown::Article markdown;
  std::vector<WorkSegment> segments;
};
ArticleCut cut_article(const Article& article);
// The same from an article cut already (markdown::segment_article, the
// costly part): its sentences numbered and given their ids.
ArticleCut cut_markdown(markdown::Article article);

// The work segments of cut_article.
Result<std::vector<WorkSegment>> article_segments(const Article& article);

// Their English, in order: what compare_sentences compares.
std::vector<std::string> english_of(const std::vector<WorkSegment>& segments);

// The segments of a stale article: those of `now` that changed or were
// added since `before`, and those of `before` that were removed, in order.
std::vector<WorkSegment> changed_segments(const std::vector<WorkSegment>& before, const std::vector<WorkSegment>& now);

}  // namespace edsync::workflow
