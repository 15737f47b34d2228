// Coverage over time. The editions' history (one `git log --raw` stream, read
// once per command and shared with the check's stale lookup) names every
// version of every file; their texts come through one `git cat-file --batch`,
// each once. The files are rebuilt commit by commit in memory and only the
// changed ones parsed again: one parse per file version.
#include <map>
#include <set>
#include <string_view>

#include "edsync/history.h"
#include "edsync/report.h"

namespace edsync {

namespace {

using Blobs = std::unordered_map<std::string, std::string>;

struct FileState {
  std::string lang;
  std::string id;
  std::optional<Date> date;
  std::string revision;
  std::optional<std::string> source_revision;
};

struct Walk {
  const Workspace& workspace;
  std::map<std::string, FileState> files;                    // path -> the file as of the current commit
  std::map<std::pair<std::string, std::string>, long> first_seen;  // (lang, id) -> day of the first commit holding it
  std::map<std::string, std::vector<long>> lags;             // lang -> lag in days
  std::map<std::string, long> english_dates;                 // id -> the English article's date, as a day
};

Date date_of_day(long days) {
  // Howard Hinnant's civil_from_days.
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long doe = days - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (month <= 2)), month, day};
}

void record_first_sight(Walk& walk, const FileState& state, long day) {
  if (!walk.first_seen.emplace(std::make_pair(state.lang, state.id), day).second) return;
  const std::string& source = walk.workspace.config.source_lang;
  if (state.lang == source) return;
  const auto english = walk.first_seen.find({source, state.id});
  if (english == walk.first_seen.end()) return;
  const auto dated = walk.english_dates.find(state.id);
  const long english_day = dated != walk.english_dates.end() ? dated->second : english->second;
  walk.lags[state.lang].push_back(day - english_day);
}

void apply_version(Walk& walk, const std::string& path, const std::string* text, long day) {
  const auto key = article_path(walk.workspace.config, path);
  if (!key) return;
  if (!text) {
    walk.files.erase(path);
    return;
  }
  const auto parsed = parse_article(*text, path, key->lang, key->stem);
  if (!parsed.ok) {
    walk.files.erase(path);
    return;
  }
  FileState state{key->lang, parsed.article.id, parsed.article.date, parsed.article.revision, parsed.article.source_revision};
  walk.files[path] = state;
  if (state.lang == walk.workspace.config.source_lang && state.date) walk.english_dates[state.id] = state.date->days_since_epoch();
  record_first_sight(walk, state, day);
}

// The text of a change's new version; null when it leaves no article file
// there (a deletion, a symbolic link: its text is a path, not an article).
const std::string* new_text(const FileChange& change, const Blobs& blobs) {
  if (change.status == 'D' || !change.regular) return nullptr;
  const auto blob = blobs.find(change.blob);
  return blob == blobs.end() ? nullptr : &blob->second;
}

HistoryPoint point_for(const Walk& walk, const EditionPolicy& edition) {
  HistoryPoint point;
  std::map<std::string, const FileState*> translations;
  for (const auto& [path, file] : walk.files)
    if (file.lang == edition.lang) translations[file.id] = &file;
  for (const auto& [path, file] : walk.files) {
    if (file.lang != walk.workspace.config.source_lang) continue;
    if (!edition.required || (edition.since && file.date && *file.date < *edition.since)) continue;
    ++point.required;
    const auto translation = translations.find(file.id);
    if (translation == translations.end()) continue;
    ++point.translated;
    point.up_to_date += translation->second->source_revision == file.revision ? 1 : 0;
  }
  return point;
}

std::set<std::size_t> sample(std::size_t count, int max_points) {
  std::set<std::size_t> chosen;
  if (count == 0) return chosen;
  const std::size_t points = std::min<std::size_t>(count, static_cast<std::size_t>(std::max(max_points, 2)));
  for (std::size_t k = 0; k < points; ++k) chosen.insert(points == 1 ? 0 : k * (count - 1) / (points - 1));
  return chosen;
}

void take_commit(Walk& walk, const HistoryCommit& commit, const Blobs& blobs, CoverageHistory& history, bool sampled) {
  const long day = static_cast<long>(commit.time / 86400);
  for (const auto& change : commit.changes) {
    if (change.old_path != change.path && change.status == 'R') apply_version(walk, change.old_path, nullptr, day);
    apply_version(walk, change.path, new_text(change, blobs), day);
  }
  if (!sampled) return;
  for (std::size_t e = 0; e < walk.workspace.config.editions.size(); ++e) {
    HistoryPoint point = point_for(walk, walk.workspace.config.editions[e]);
    point.commit = commit.hash.substr(0, 12);
    point.date = date_of_day(day);
    history.editions[e].points.push_back(point);
  }
}

// Every version the walk parses: the new side of each change to an article file.
std::set<std::string> article_blobs(const Workspace& workspace, const History& log) {
  std::set<std::string> blobs;
  for (const auto& commit : log.commits)
    for (const auto& change : commit.changes)
      if (change.status != 'D' && change.regular && article_path(workspace.config, change.path)) blobs.insert(change.blob);
  return blobs;
}

}  // namespace

CoverageHistory coverage_from_history(const Workspace& workspace, const History& log, const Blobs& blobs, int max_points,
                                      const ReportProgressCallback& on_progress) {
  CoverageHistory history;
  if (!log.available || log.commits.empty()) return history;
  history.available = true;
  history.commits = static_cast<int>(log.commits.size());
  for (const auto& edition : workspace.config.editions) history.editions.push_back({.lang = edition.lang});
  Walk walk{workspace, {}, {}, {}, {}};
  const std::size_t count = log.commits.size();
  const auto chosen = sample(count, max_points);
  for (std::size_t i = 0; i < count; ++i) {  // oldest first
    take_commit(walk, log.commits[count - 1 - i], blobs, history, chosen.count(i) > 0);
    if (on_progress) on_progress({"reading history", i + 1, count});
  }
  for (auto& edition : history.editions) edition.lag_days = walk.lags[edition.lang];
  return history;
}

CoverageHistory read_coverage_history(const Workspace& workspace, const History& log, int max_points,
                                      const ReportProgressCallback& on_progress) {
  if (!log.available) return {};
  return coverage_from_history(workspace, log, read_blobs(workspace, article_blobs(workspace, log)), max_points, on_progress);
}

}  // namespace edsync
