// The sync check: how each edition stands against the English articles.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "edsync/changes.h"
#include "edsync/config.h"
#include "edsync/date.h"
#include "edsync/history.h"
#include "edsync/result.h"
#include "edsync/workspace.h"

namespace edsync {

struct Finding {
  std::string lang;        // the edition; the source language for an invalid English file
  std::string id;          // the article id; empty for a bad language folder
  SyncStatus status = SyncStatus::ok;
  std::string path;        // the file to open: the translation, or the English article when there is none
  int line = 0;            // where in `path`, when it matters
  int column = 0;
  std::string detail;      // one line a person reads
  bool fails = false;      // the policy counts this status as a failure
  std::optional<std::string> recorded_revision;  // stale: what the translation records
  std::optional<std::string> current_revision;   // stale/ok: the English revision now
  std::vector<SentenceChange> changes;           // stale: what changed, when git history has the old text
};

struct EditionReport {
  std::string lang;
  std::vector<Finding> findings;               // by article id
  std::map<SyncStatus, int> counts;
  int required = 0;                            // English articles the edition must carry
};

struct CheckOptions {
  std::vector<std::string> langs;              // empty: every edition
  std::vector<std::string> article_patterns;   // shell globs on ids (exact_pattern: one id); empty: every article
  std::optional<std::vector<std::string>> required_editions;  // overrides each edition's `required`
  std::optional<int> grace_days;               // overrides check.grace_days
  std::optional<std::vector<SyncStatus>> fail_on;  // overrides check.fail_on
  Date today = Date::today_utc();
  bool explain_stale = true;                   // look up the old English in git to list changed sentences
  const History* history = nullptr;            // the editions' history when the caller has read it already
  WorkProgress on_progress;                    // reading history and comparing sentences report here
  bool list_ok = true;                         // false: ok findings are counted, not listed (unless ok fails)
};

struct CheckReport {
  std::string source_lang;
  int source_articles = 0;                     // English articles in the report (after filters)
  std::vector<Finding> source_problems;        // invalid English files and folders
  std::vector<EditionReport> editions;
  std::map<SyncStatus, int> counts;            // over every edition and source_problems
  bool failed = false;
};

// The pattern of article_patterns that matches this id alone (its glob
// characters escaped).
std::string exact_pattern(const std::string& id);

// What a check with these options needs loaded: its editions and the
// articles its patterns match.
LoadScope check_scope(const CheckOptions& options);

// Rejects options that name unknown editions; otherwise never fails.
Result<CheckReport> run_check(const Workspace& workspace, const CheckOptions& options);

struct EditionCoverage {
  std::string lang;
  int english = 0;      // English articles
  int required = 0;     // of those, the ones the edition must carry
  int translated = 0;   // translations of existing English articles
  int up_to_date = 0;   // translations made from the current English revision
};
std::vector<EditionCoverage> coverage(const Workspace& workspace);

// Records the current English revision in the translations LANG/ID of
// `ids`: only the source_revision line of the front matter changes. The new
// files are all written beside the old ones first and then renamed into
// place with one wait for the disk (AtomicWrites), so a failure while
// writing changes no file. One outcome per id, in order: an id that cannot
// be marked (no such article, a translation to fix first) is an Error in
// its place and the others go on; the Error of the whole is a file that
// could not be read or written.
struct MarkSyncedOutcome {
  std::string path;
  std::string revision;
  bool changed = false;  // false when it recorded that revision already
};
Result<std::vector<Result<MarkSyncedOutcome>>> mark_synced(const Workspace& workspace, const std::string& lang,
                                                           const std::vector<std::string>& ids,
                                                           const WorkProgress& on_progress = {});

// What mark_synced of these ids needs loaded: the English and LANG, those ids alone.
LoadScope mark_synced_scope(const std::string& lang, const std::vector<std::string>& ids);

// The text of a translation file with its source_revision set; exposed for tests.
std::string with_source_revision(const std::string& text, const Article& translation,
                                 const std::string& revision);

}  // namespace edsync
