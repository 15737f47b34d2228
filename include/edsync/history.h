// Earlier versions of English articles, from the workspace's git history.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "edsync/workspace.h"

namespace edsync {

// One change to a file in a commit, as `git log --raw` lists it.
struct FileChange {
  char status = 'M';     // A added, M modified, D deleted, R renamed, C copied, T type changed
  bool regular = true;   // the new version is a file, not a symbolic link or a submodule
  std::string blob;      // the new version's object (zeros for a deletion)
  std::string old_path;  // workspace-relative; differs from `path` for a rename or a copy
  std::string path;
};

struct HistoryCommit {
  std::string hash;
  std::int64_t time = 0;  // committer time, seconds since the epoch
  std::vector<FileChange> changes;
};

// What git says happened to a folder, newest commit first.
struct History {
  bool available = false;  // false outside git, or when git cannot be run
  std::vector<HistoryCommit> commits;
};

// The history of `folder` (workspace-relative) in one `git log --raw -z -M`
// stream, paths relative to the workspace. `first_parent`: the current
// branch's commits only, a merge as its change against its first parent (the
// states the branch went through); otherwise every commit that changed it.
History read_history(const Workspace& workspace, const std::string& folder, bool first_parent);
// That stream's text (`--format=%x01%H %ct`, `-z --raw --no-abbrev`) as commits;
// what is not a commit or a change is ignored.
History parse_history(std::string_view log);

// Versions of files: object name -> content, through one `git cat-file --batch`.
std::unordered_map<std::string, std::string> read_blobs(const Workspace& workspace, const std::set<std::string>& blobs);

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

// The same from a history already read (`edsync report` reads the editions'
// once): what it does not hold is looked for in the English folder's whole history.
EarlierArticles english_at_revisions(const Workspace& workspace, const History& history,
                                     const std::vector<EarlierRevision>& wanted, int max_versions = 100,
                                     const WorkProgress& on_progress = {});

// The same for one article.
std::optional<Article> english_at_revision(const Workspace& workspace, const Article& english,
                                           const std::string& revision, int max_versions = 100);

// Whether the workspace is in a shallow git clone (CI checkouts of one
// commit), where earlier versions of an article are out of reach.
bool in_shallow_clone(const Workspace& workspace);

}  // namespace edsync
