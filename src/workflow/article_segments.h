// An English article cut into the segments a translator works on. Private
// to the workflow module.
#pragma once

#include <vector>

#include "edsync/changes.h"
#include "edsync/result.h"
#include "edsync/workflow.h"

namespace edsync::workflow {

// The title (paragraph 0, id "title"), then every sentence of the body with
// its block index and its index inside the block, cut as the aligner cuts
// an article ("# title", a blank line, the body, as Markdown), so paragraph
// numbers and the sentences around each one are those the aligner records.
// Every segment is work `translate`, without a match.
Result<std::vector<WorkSegment>> article_segments(const Article& article);

// Their English, in order: what compare_sentences compares.
std::vector<std::string> english_of(const std::vector<WorkSegment>& segments);

// The segments of a stale article: those of `now` that changed or were
// added since `before`, and those of `before` that were removed, in order.
std::vector<WorkSegment> changed_segments(const std::vector<WorkSegment>& before, const std::vector<WorkSegment>& now);

}  // namespace edsync::workflow
