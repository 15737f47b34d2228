// `edsync align` in a workspace: every translation in step with its English
// article (a stale one with the English revision it was made from) is
// aligned, and its beads become memory units with their provenance.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "edsync/align.h"
#include "edsync/result.h"
#include "edsync/tmx.h"
#include "edsync/workspace.h"

namespace edsync::cli {

// A bead that stays out of the memory, and why.
struct LeftOutBead {
  std::size_t paragraph = 0;  // of the English (0 is the title)
  std::string english;
  std::string translation;
  double confidence = 0;
  std::string reason;
};

struct ArticleAlignment {
  std::string lang;
  std::string id;
  std::string path;              // the translation
  std::string english_revision;  // the revision aligned with
  bool stale = false;            // aligned with an earlier English revision
  std::vector<tmx::Unit> units;  // one per bead kept
  std::vector<LeftOutBead> left_out;
  std::string note;              // why the article was not aligned at all, "" when it was
};

struct WorkspaceAlignOptions {
  std::vector<std::string> langs;             // empty: every edition
  std::vector<std::string> article_patterns;  // shell globs on ids; empty: all
  double min_confidence = 0.5;
  std::function<void(std::size_t done, std::size_t total)> on_progress;
};

// Article by article, in edition then id order; an error only for a
// translation the aligner refuses (named with its file).
Result<std::vector<ArticleAlignment>> align_workspace(const Workspace& workspace, const WorkspaceAlignOptions& options);

// The text of sentences `sentences` of `text`, joined by spaces.
std::string joined(const std::vector<std::size_t>& sentences, const AlignText& text);

}  // namespace edsync::cli
