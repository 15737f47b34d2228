// Earlier versions of English articles, from the workspace's git history.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "edsync/workspace.h"

namespace edsync {

// An English article and a revision it once had (what a translation recorded).
struct EarlierRevision {
  const Article* english = nullptr;
  std::string revision;
};

// (article id, revision) -> the English article as it was at that revision.
using EarlierArticles = std::map<std::pair<std::string, std::string>, Article>;

// Finds every wanted revision in one walk of the history of the English
// folder (one `git log`, renames followed) and reads the versions it needs
// through `git cat-file --batch`, each version once, newest first, at most
// `max_versions` per file. A request with no answer is missing from the
// result: the workspace is not in git, git is not installed, or no version
// in reach has that revision.
// `on_progress` hears of each version read.
EarlierArticles english_at_revisions(const Workspace& workspace, const std::vector<EarlierRevision>& wanted,
                                     int max_versions = 100, const WorkProgress& on_progress = {});

// The same for one article.
std::optional<Article> english_at_revision(const Workspace& workspace, const Article& english,
                                           const std::string& revision, int max_versions = 100);

// Whether the workspace is in a shallow git clone (CI checkouts of one
// commit), where earlier versions of an article are out of reach.
bool in_shallow_clone(const Workspace& workspace);

}  // namespace edsync
