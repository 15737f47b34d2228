// Coverage over time. One `git log -p` stream with unlimited context carries
// every version of every file under editions/, whole: the files are rebuilt
// commit by commit in memory and only the changed ones are parsed again, so
// the cost is one process and one parse per file version.
#include <charconv>
#include <map>
#include <set>
#include <string_view>

#include "edsync/process.h"
#include "edsync/report.h"

namespace edsync {

namespace {

constexpr std::string_view kCommitMarker = "\x1e" "commit ";

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

// "a/editions/ar/x.md" or a C-quoted "\"b/...\"" as git writes names with unusual bytes.
std::string unquote_path(std::string_view name) {
  if (name.size() < 2 || name.front() != '"') return std::string(name.substr(name.find('/') + 1));
  std::string text;
  for (std::size_t i = 1; i + 1 < name.size(); ++i) {
    if (name[i] != '\\' || i + 2 >= name.size()) { text += name[i]; continue; }
    const char next = name[++i];
    if (next >= '0' && next <= '7' && i + 2 < name.size()) {
      text += static_cast<char>(((next - '0') << 6) | ((name[i + 1] - '0') << 3) | (name[i + 2] - '0'));
      i += 2;
    } else {
      text += next == 'n' ? '\n' : next == 't' ? '\t' : next;
    }
  }
  return text.substr(text.find('/') + 1);
}

// editions/<lang>/.../<id>.md -> (lang, file stem); nullopt for anything else.
std::optional<std::pair<std::string, std::string>> article_key(const Workspace& workspace, const std::string& path) {
  const std::string prefix = workspace.config.editions_dir + "/";
  if (path.rfind(prefix, 0) != 0 || path.size() < 3 || path.substr(path.size() - 3) != ".md") return std::nullopt;
  const std::string rest = path.substr(prefix.size());
  const auto slash = rest.find('/');
  if (slash == std::string::npos || rest.find("/.") != std::string::npos) return std::nullopt;
  const std::string file = rest.substr(rest.rfind('/') + 1);
  return std::make_pair(rest.substr(0, slash), file.substr(0, file.size() - 3));
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

void apply_version(Walk& walk, const std::string& path, const std::optional<std::string>& text, long day) {
  const auto key = article_key(walk.workspace, path);
  if (!key) return;
  if (!text) {
    walk.files.erase(path);
    return;
  }
  const auto parsed = parse_article(*text, path, key->first, key->second);
  if (!parsed.ok) {
    walk.files.erase(path);
    return;
  }
  FileState state{key->first, parsed.article.id, parsed.article.date, parsed.article.revision, parsed.article.source_revision};
  walk.files[path] = state;
  if (state.lang == walk.workspace.config.source_lang && state.date) walk.english_dates[state.id] = state.date->days_since_epoch();
  record_first_sight(walk, state, day);
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

// The whole text of a file after one diff with full context, nullopt when the diff deletes it.
struct FileDiff {
  std::string path;
  bool deleted = false;
  bool has_text = false;  // a mode change alone carries no text
  std::string text;
};

std::vector<FileDiff> parse_commit_diffs(std::string_view body) {
  std::vector<FileDiff> diffs;
  bool in_hunk = false;
  std::size_t start = 0;
  while (start < body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view line = body.substr(start, end - start);
    start = end + 1;
    if (line.rfind("diff --git ", 0) == 0) {
      diffs.emplace_back();
      in_hunk = false;
    } else if (diffs.empty()) {
      continue;
    } else if (!in_hunk && line.rfind("+++ ", 0) == 0) {
      if (line != "+++ /dev/null") diffs.back().path = unquote_path(line.substr(4));
    } else if (!in_hunk && line.rfind("--- ", 0) == 0) {
      if (line != "--- /dev/null") diffs.back().path = unquote_path(line.substr(4));
    } else if (!in_hunk && line.rfind("deleted file", 0) == 0) {
      diffs.back().deleted = true;
    } else if (!in_hunk && line.rfind("new file", 0) == 0) {
      diffs.back().has_text = true;  // an empty new file has no hunk
    } else if (line.rfind("@@", 0) == 0) {
      in_hunk = true;
      diffs.back().has_text = true;
    } else if (in_hunk && !line.empty() && (line[0] == ' ' || line[0] == '+')) {
      diffs.back().text.append(line.substr(1)).push_back('\n');
    }
  }
  return diffs;
}

struct CommitHeader {
  std::string commit;
  long day = 0;
};

CommitHeader parse_header(std::string_view line) {
  CommitHeader header;
  const auto space = line.find(' ');
  header.commit = std::string(line.substr(0, std::min<std::size_t>(space, 12)));
  long seconds = 0;
  if (space != std::string_view::npos) std::from_chars(line.data() + space + 1, line.data() + line.size(), seconds);
  header.day = seconds / 86400;
  return header;
}

std::vector<std::string_view> split_commits(std::string_view log) {
  std::vector<std::string_view> commits;
  std::size_t at = log.find(kCommitMarker);
  while (at != std::string_view::npos) {
    const std::size_t next = log.find(kCommitMarker, at + kCommitMarker.size());
    commits.push_back(log.substr(at + kCommitMarker.size(), next == std::string_view::npos ? std::string_view::npos : next - at - kCommitMarker.size()));
    at = next;
  }
  return commits;
}

std::set<std::size_t> sample(std::size_t count, int max_points) {
  std::set<std::size_t> chosen;
  if (count == 0) return chosen;
  const std::size_t points = std::min<std::size_t>(count, static_cast<std::size_t>(std::max(max_points, 2)));
  for (std::size_t k = 0; k < points; ++k) chosen.insert(points == 1 ? 0 : k * (count - 1) / (points - 1));
  return chosen;
}

void take_commit(Walk& walk, std::string_view text, CoverageHistory& history, bool sampled) {
  const std::size_t eol = text.find('\n');
  const CommitHeader header = parse_header(text.substr(0, eol));
  for (const auto& diff : parse_commit_diffs(eol == std::string_view::npos ? "" : text.substr(eol + 1))) {
    if (diff.deleted) apply_version(walk, diff.path, std::nullopt, header.day);
    else if (diff.has_text) apply_version(walk, diff.path, diff.text, header.day);
  }
  if (!sampled) return;
  for (std::size_t e = 0; e < walk.workspace.config.editions.size(); ++e) {
    HistoryPoint point = point_for(walk, walk.workspace.config.editions[e]);
    point.commit = header.commit;
    point.date = date_of_day(header.day);
    history.editions[e].points.push_back(point);
  }
}

}  // namespace

CoverageHistory coverage_from_log(const Workspace& workspace, std::string_view log, int max_points) {
  CoverageHistory history;
  const auto commits = split_commits(log);
  if (commits.empty()) return history;
  history.available = true;
  history.commits = static_cast<int>(commits.size());
  for (const auto& edition : workspace.config.editions) history.editions.push_back({.lang = edition.lang});
  Walk walk{workspace, {}, {}, {}, {}};
  const auto chosen = sample(commits.size(), max_points);
  for (std::size_t i = 0; i < commits.size(); ++i) take_commit(walk, commits[i], history, chosen.count(i) > 0);
  for (auto& edition : history.editions) edition.lag_days = walk.lags[edition.lang];
  return history;
}

CoverageHistory read_coverage_history(const Workspace& workspace, int max_points) {
  const auto log = run_process({"git", "-c", "core.quotepath=off", "log", "--reverse", "--first-parent",
                                "--diff-merges=first-parent", "--no-renames", "--no-ext-diff", "--no-textconv",
                                "--relative", "-p", "--unified=1000000000", "--format=%x1ecommit %H %ct",
                                "--", workspace.config.editions_dir},
                               workspace.root.string());
  if (!log || log->exit_code != 0) return {};
  return coverage_from_log(workspace, log->out, max_points);
}

}  // namespace edsync
