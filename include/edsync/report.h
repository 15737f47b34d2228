// The editor's coverage report: what goes on each page (the model), built
// from the check and the workspace's git history, and the static site made
// of it (HTML with inline CSS and SVG, readable without a server or script).
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "edsync/changes.h"
#include "edsync/config.h"
#include "edsync/date.h"
#include "edsync/history.h"
#include "edsync/result.h"
#include "edsync/sync.h"
#include "edsync/workspace.h"

namespace edsync {

// One edition's counts as the front page shows them.
struct CoverageCounts {
  int english = 0;     // English articles
  int required = 0;    // of those, the ones the edition must carry
  int translated = 0;  // ok + stale + untracked
  int up_to_date = 0;  // ok
  int stale = 0;
  int untracked = 0;
  int missing = 0;
  int pending = 0;
  int skipped = 0;
  int orphan = 0;
  int invalid = 0;
  int required_translated = 0;  // the share the charts show: of the required articles only
  int required_up_to_date = 0;
};

// A run of words of a changed sentence; `changed` marks words not in the other version.
struct WordRun {
  std::string text;
  bool changed = false;
};
// The edition's translation of an English sentence as it was, from the memory.
struct OldTranslation {
  enum class Source {
    none,     // no pair in tm/<lang>.tmx has that English
    aligned,  // the aligner's pair from this article at the revision the translation was made from
    memory,   // a unit elsewhere in the memory whose English is exactly that sentence
  };
  Source source = Source::none;
  std::string text;
};

struct SentenceDiff {
  SentenceChange::Kind kind = SentenceChange::Kind::changed;
  std::vector<WordRun> before;  // the English the translation was made from
  std::vector<WordRun> after;   // the English now
  OldTranslation old_translation;  // of `before`; changed and removed sentences only
};

// One article in one edition.
struct ArticleStatus {
  std::string lang;
  std::string id;
  SyncStatus status = SyncStatus::ok;
  bool fails = false;
  std::string detail;
  std::string path;         // workspace-relative file: the translation, else the English
  std::string title;        // the translation's title; empty when there is none
  std::string english_title;
  std::vector<SentenceDiff> changes;  // stale, when git history has the older English
};

// Translation units in the edition's file of the memory (tm/<lang>.tmx).
struct MemorySize {
  std::string file;      // workspace-relative
  bool present = false;
  long units = 0;
  std::string problem;   // the last error reading it, if any (the units before and after still count)
};

struct EditionPage {
  std::string lang;
  EditionPolicy policy;
  CoverageCounts counts;
  MemorySize memory;
  std::vector<ArticleStatus> articles;  // by id: every English article, then orphans and invalid files
};

struct ArticlePage {
  std::string id;
  std::string title;
  std::string path;
  std::optional<Date> date;
  std::vector<ArticleStatus> editions;  // in the config's edition order
};

// Coverage at one commit that touched the editions folder.
struct HistoryPoint {
  std::string commit;  // abbreviated
  Date date;           // the commit's date (UTC)
  int required = 0;
  int translated = 0;
  int up_to_date = 0;
};
struct EditionHistory {
  std::string lang;
  std::vector<HistoryPoint> points;  // oldest first
  std::vector<long> lag_days;        // per translated article: English date (or first commit) to the translation's first commit
};
struct CoverageHistory {
  bool available = false;  // false outside git or without commits touching the editions
  int commits = 0;         // commits read; points are sampled from them
  std::vector<EditionHistory> editions;
};

struct Report {
  std::string source_lang;
  Date generated;
  std::string commit;  // HEAD, abbreviated; empty outside git
  CheckPolicy policy;
  bool failed = false;
  std::vector<ArticleStatus> findings;  // everything not ok or skipped: failing first, then by edition and id
  std::vector<EditionPage> editions;
  std::vector<ArticlePage> articles;    // one per English article, then per orphan id
  CoverageHistory history;
};

// How far a long step of the report has come: `done` of `total` items
// (commits of the history read, pages written).
struct ReportProgress {
  std::string_view stage;  // "reading history", "writing pages"
  std::size_t done = 0;
  std::size_t total = 0;
};
using ReportProgressCallback = std::function<void(const ReportProgress&)>;

struct ReportOptions {
  Date today = Date::today_utc();
  ReportProgressCallback on_progress;
  bool history = true;   // read git for stale sentences and coverage over time
  int max_points = 60;   // history points per edition, sampled evenly when there are more commits
};

// Runs the check and reads the history: the whole model of the site.
Result<Report> build_report(const Workspace& workspace, const ReportOptions& options);
// The model from a check already run (no coverage history), for `check --format html`.
Report report_from_check(const Workspace& workspace, const CheckReport& check, Date generated);

// Coverage over time from the editions' history (`read_history` of the
// editions folder, first parent), the versions it names read through one
// `git cat-file --batch`.
CoverageHistory read_coverage_history(const Workspace& workspace, const History& log, int max_points,
                                      const ReportProgressCallback& on_progress = {});
// The same with the versions' texts at hand (object name -> text); a version
// missing from `blobs` counts as no article.
CoverageHistory coverage_from_history(const Workspace& workspace, const History& log,
                                      const std::unordered_map<std::string, std::string>& blobs, int max_points,
                                      const ReportProgressCallback& on_progress = {});

// The front page alone, with no links to other pages (`check --format html`).
std::string front_page_html(const Report& report);

// Writes index.html, editions/<lang>.html and articles/<id>.html into `folder`
// (created when missing), each file atomically. `workspace_root` is only used
// to make relative links to the articles' files. Returns the index's path.
Result<std::filesystem::path> write_report_site(const Report& report, const std::filesystem::path& folder,
                                                const std::filesystem::path& workspace_root,
                                                const ReportProgressCallback& on_progress = {});

// The words of two versions of a sentence, with what differs marked.
SentenceDiff diff_words(const SentenceChange& change);

}  // namespace edsync
