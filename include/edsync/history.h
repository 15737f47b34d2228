// Earlier versions of an English article, from the workspace's git history.
#pragma once

#include <optional>
#include <string>

#include "edsync/workspace.h"

namespace edsync {

// The body of `english` as it was when its revision was `revision`, found by
// walking back through the git history of its file (renames followed, at
// most `max_versions` versions). nullopt when the workspace is not in git,
// git is not installed, or no version in reach has that revision.
std::optional<Article> english_at_revision(const Workspace& workspace, const Article& english,
                                           const std::string& revision, int max_versions = 100);

// Whether the workspace is in a shallow git clone (CI checkouts of one
// commit), where earlier versions of an article are out of reach.
bool in_shallow_clone(const Workspace& workspace);

}  // namespace edsync
