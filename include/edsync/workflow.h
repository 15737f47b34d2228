// The translator's work: per edition, the segments still to translate (every
// segment of a missing or pending article; the changed, added and removed
// ones of a stale article), each with its best memory match, and the
// analysis a CAT tool gives (segments and words per match band).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edsync/config.h"
#include "edsync/date.h"
#include "edsync/markdown.h"
#include "edsync/memory.h"
#include "edsync/result.h"
#include "edsync/workspace.h"

namespace edsync::workflow {

// Why a segment is work.
enum class SegmentWork {
  translate,  // the article has no translation yet
  changed,    // stale: the English of this segment changed since the translation
  added,      // stale: a new English segment
  removed,    // stale: gone from the English; the translator deletes its translation
};
std::string_view to_string(SegmentWork work);

enum class MatchLevel {
  in_context,  // 101%: exact, and the same English around it or the same article and paragraph
  exact,       // 100%
  fuzzy,       // its score (a normalised match counts here, at most 99)
  none,
};
std::string_view to_string(MatchLevel level);

struct SegmentMatch {
  MatchLevel level = MatchLevel::none;
  int score = 0;                  // 101, 100, the fuzzy score, 0
  std::optional<tm::Match> match; // the memory's unit, unless none
};

// Where a segment stands, as the aligner records it on a unit.
struct SegmentPlace {
  std::string article_id;
  std::string edition;
  std::size_t paragraph = 0;  // block index: 0 is the title
  std::string before;         // the English sentence before it, "" at the start
  std::string after;          // the English sentence after it, "" at the end
};

struct WorkSegment {
  // Stable while its English does not change: "title", or "s" and 16 hex
  // digits of the SHA-256 of its English, with "-N" for its N-th occurrence
  // (from 2) in the article. A removed segment's id is that of the old English.
  std::string id;
  std::size_t paragraph = 0;  // block index in the article (0 the title); of the old English when removed
  std::size_t index = 0;      // sentence index inside the paragraph
  std::string english;        // white space folded, NFC; the old English when removed
  std::string old_english;    // changed: the English the translation was made from
  SegmentWork work = SegmentWork::translate;
  int words = 0;              // count_words(english)
  SegmentMatch match;         // none for removed segments and repetitions
  bool repetition = false;    // an earlier segment of the edition's work has the same English
  SegmentPlace place;
};

struct ArticleWork {
  std::string id;
  SyncStatus status = SyncStatus::missing;  // missing, pending or stale
  Article english;                          // the current English article, body included
  std::string translation_path;             // stale: the translation's file; else where it goes
  std::optional<std::string> recorded_revision;  // stale: what the translation was made from
  // Stale, but the English it was made from is not in git history (every
  // current segment is listed then, as for a missing article); or the
  // article could not be read. "" otherwise.
  std::string note;
  std::vector<WorkSegment> segments;  // in the order of the English (removed ones where they stood)
  // Stale: every segment of the English the translation was made from, as
  // git history has it (empty when it has it not), so that the export can
  // pair them with the translation without reading history again.
  std::vector<WorkSegment> earlier;
  // With TodoOptions::keep_markdown: the current English as
  // markdown::segment_article cut it (inline codes and all), which the
  // export writes; shared by the editions of one English article.
  std::shared_ptr<const markdown::Article> markdown;
};

// One line of the analysis.
struct BandTotal {
  std::string name;  // "101%", "100%", "95-99%", ..., "no match", "repetitions"
  int segments = 0;
  int words = 0;
};

struct Analysis {
  std::vector<BandTotal> bands;  // 101%, 100%, the fuzzy bands highest first, no match, repetitions
  int segments = 0;
  int words = 0;
};

struct EditionWork {
  std::string lang;
  std::vector<ArticleWork> articles;  // by id
  Analysis analysis;                  // removed segments are not counted (nothing to translate)
};

struct TodoOptions {
  std::vector<std::string> langs;             // empty: every edition
  std::vector<std::string> article_patterns;  // shell globs on ids; empty: all
  Date today = Date::today_utc();             // for pending against missing
  // Articles no edition policy requires (skipped) and not translated are
  // work too: a translator who names one wants to translate it.
  bool include_skipped = false;
  bool keep_markdown = false;  // ArticleWork::markdown (the export wants it)
  std::function<void(std::size_t done, std::size_t total)> on_progress;  // per article
};

struct TodoReport {
  std::vector<EditionWork> editions;
  std::vector<int> bands;  // the fuzzy bands used (workspace.config.todo.bands)
};

// Everything above, for the workspace: the check (run_check) says which
// articles are work; each English article is read and cut once; the English
// a stale translation was made from comes from git history in one walk; the
// memory is asked once per distinct English sentence and edition. Errors:
// an unknown edition or a pattern that matches nothing (usage, as check),
// a memory error.
Result<TodoReport> list_work(const Workspace& workspace, tm::Memory& memory, const TodoOptions& options);

// What list_work with these options needs loaded: its editions and the
// articles its patterns match.
LoadScope todo_scope(const TodoOptions& options);

// --- the pieces, for the export and for tests ---------------------------

// The best of a lookup's matches (best first, as tm lookups give them) for a
// segment at `place`: in context over exact over fuzzy; fuzzy under
// `threshold` is none.
SegmentMatch choose_match(const std::vector<tm::Match>& matches, const SegmentPlace& place, int threshold);

// Words as CAT tools count them: ICU word boundaries, each piece holding a
// letter or a digit (so "1,000" and "al-Maliki's" are one word each,
// punctuation none).
int count_words(std::string_view text);

// The band a segment counts in, as an index into Analysis::bands.
std::size_t band_of(const WorkSegment& segment, const std::vector<int>& bands);

// The totals per band over segments (removed ones left out).
Analysis analyse(const std::vector<const WorkSegment*>& segments, const std::vector<int>& bands);

}  // namespace edsync::workflow
