#include "edsync/history.h"

#include <charconv>

#include "edsync/process.h"

namespace edsync {

namespace {

std::vector<std::string_view> split_at_nul(std::string_view text) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\0', start), text.size());
    std::string_view part = text.substr(start, end - start);
    while (!part.empty() && part.front() == '\n') part.remove_prefix(1);
    parts.push_back(part);
    start = end + 1;
  }
  return parts;
}

// ":100644 100644 <old blob> <new blob> M" -> its space-separated fields.
std::vector<std::string_view> raw_fields(std::string_view raw) {
  std::vector<std::string_view> fields;
  for (std::size_t start = 1; start <= raw.size();) {
    const std::size_t space = std::min(raw.find(' ', start), raw.size());
    fields.push_back(raw.substr(start, space - start));
    start = space + 1;
  }
  return fields;
}

HistoryCommit commit_header(std::string_view header) {
  HistoryCommit commit;
  const std::size_t space = std::min(header.find(' '), header.size());
  commit.hash = std::string(header.substr(0, space));
  if (space < header.size()) std::from_chars(header.data() + space + 1, header.data() + header.size(), commit.time);
  return commit;
}

// One version of a file: its blob, the commit that wrote it, its path then.
struct Version {
  std::string blob, commit, path;
};

// An English file traced back through history.
struct TracedFile {
  const Article* english = nullptr;
  std::set<std::string> revisions;  // still wanted
  std::vector<Version> versions;    // newest first
  std::size_t read = 0;             // versions read so far
};

// Walks a history newest commit first: each change to a traced name is a
// version of that file; a rename moves the trace to the old name, an
// addition ends it.
class Tracer {
 public:
  Tracer(std::vector<TracedFile>& files, int max_versions) : files_(files), max_versions_(static_cast<std::size_t>(max_versions)) {
    for (std::size_t i = 0; i < files.size(); ++i) names_[files[i].english->path] = i;
  }

  void trace(const History& history) {
    for (const auto& commit : history.commits)
      for (const auto& change : commit.changes) take(commit.hash, change);
  }

 private:
  void take(const std::string& commit, const FileChange& change) {
    if (change.status == 'D') return;
    const auto traced = names_.find(change.path);
    if (traced == names_.end()) return;
    const std::size_t index = traced->second;
    TracedFile& file = files_[index];
    file.versions.push_back({change.blob, commit, change.path});
    names_.erase(traced);
    if (change.status == 'R' && file.versions.size() < max_versions_) {
      names_.emplace(change.old_path, index);
    } else if (change.status != 'A' && change.status != 'C' && file.versions.size() < max_versions_) {
      names_.emplace(change.path, index);  // traced further back under the same name
    }
  }

  std::vector<TracedFile>& files_;
  std::size_t max_versions_;
  std::unordered_map<std::string, std::size_t> names_;  // name at the commit being read -> file
};

// Reads the next versions of every file still looking (`depth` at most each)
// and keeps the ones with a wanted revision. False when nothing was left to read.
bool read_round(const Workspace& workspace, std::vector<TracedFile>& files, std::size_t depth, EarlierArticles& found) {
  std::set<std::string> blobs;
  for (const auto& file : files)
    for (std::size_t i = file.read; !file.revisions.empty() && i < file.versions.size() && i < file.read + depth; ++i)
      blobs.insert(file.versions[i].blob);
  if (blobs.empty()) return false;
  const auto contents = read_blobs(workspace, blobs);
  for (auto& file : files) {
    for (std::size_t left = depth; !file.revisions.empty() && file.read < file.versions.size() && left > 0; ++file.read, --left) {
      const Version& version = file.versions[file.read];
      const auto content = contents.find(version.blob);
      if (content == contents.end()) continue;
      auto parsed = parse_article(content->second, version.path + "@" + version.commit.substr(0, 12), file.english->lang, file.english->id);
      if (!parsed.ok || !file.revisions.erase(parsed.article.revision)) continue;
      found.emplace(std::make_pair(file.english->id, parsed.article.revision), std::move(parsed.article));
    }
  }
  return true;
}

std::vector<TracedFile> traced_files(const std::vector<EarlierRevision>& wanted) {
  std::vector<TracedFile> files;
  std::map<const Article*, std::size_t> index;
  for (const auto& request : wanted) {
    const auto [it, added] = index.emplace(request.english, files.size());
    if (added) files.push_back({.english = request.english});
    files[it->second].revisions.insert(request.revision);
  }
  return files;
}

// What `wanted` asks that `found` does not hold.
std::vector<EarlierRevision> unanswered(const std::vector<EarlierRevision>& wanted, const EarlierArticles& found) {
  std::vector<EarlierRevision> left;
  for (const auto& request : wanted)
    if (!found.count({request.english->id, request.revision})) left.push_back(request);
  return left;
}

EarlierArticles find_in(const Workspace& workspace, const History& history, const std::vector<EarlierRevision>& wanted,
                        int max_versions, const WorkProgress& on_progress) {
  EarlierArticles found;
  if (wanted.empty() || !history.available) return found;
  std::vector<TracedFile> files = traced_files(wanted);
  Tracer(files, max_versions).trace(history);
  for (std::size_t depth = 2; read_round(workspace, files, depth, found); depth *= 2) {
    if (on_progress) on_progress("reading git history", found.size(), wanted.size());
  }
  return found;
}

std::string english_folder(const Workspace& workspace) { return workspace.config.editions_dir + "/" + workspace.config.source_lang; }

}  // namespace

History parse_history(std::string_view log) {
  History history;
  const auto parts = split_at_nul(log);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string_view part = parts[i];
    if (!part.empty() && part.front() == '\x01') {
      history.commits.push_back(commit_header(part.substr(1)));
      continue;
    }
    if (part.empty() || part.front() != ':' || history.commits.empty()) continue;
    const auto fields = raw_fields(part);
    if (fields.size() < 5 || fields[4].empty()) continue;
    const char status = fields[4].front();
    const bool two_paths = status == 'R' || status == 'C';
    if (i + (two_paths ? 2 : 1) >= parts.size()) break;
    FileChange change{.status = status, .regular = fields[1].substr(0, 3) == "100", .blob = std::string(fields[3]),
                      .old_path = std::string(parts[i + 1]), .path = std::string(parts[i + (two_paths ? 2 : 1)])};
    i += two_paths ? 2 : 1;
    history.commits.back().changes.push_back(std::move(change));
  }
  history.available = true;
  return history;
}

History read_history(const Workspace& workspace, const std::string& folder, bool first_parent) {
  std::vector<std::string> argv = {"git", "log", "-z", "--raw", "--no-abbrev", "-M", "--relative", "--no-ext-diff", "--format=%x01%H %ct"};
  if (first_parent) argv.insert(argv.end(), {"--first-parent", "--diff-merges=first-parent"});
  argv.insert(argv.end(), {"--", folder});
  const auto log = run_process(argv, workspace.root.string());
  if (!log || log->exit_code != 0) return {};
  return parse_history(log->out);
}

std::unordered_map<std::string, std::string> read_blobs(const Workspace& workspace, const std::set<std::string>& blobs) {
  std::string request;
  for (const auto& blob : blobs) request += blob + '\n';
  std::unordered_map<std::string, std::string> contents;
  const auto answer = run_process({"git", "cat-file", "--batch"}, workspace.root.string(), request);
  if (!answer || answer->exit_code != 0) return contents;
  const std::string& out = answer->out;
  for (std::size_t at = 0; at < out.size();) {
    const std::size_t line_end = out.find('\n', at);
    if (line_end == std::string::npos) break;
    const std::string_view header(out.data() + at, line_end - at);
    at = line_end + 1;
    const std::size_t first_space = header.find(' '), last_space = header.rfind(' ');
    if (first_space == std::string_view::npos || header.substr(first_space + 1, 5) != "blob ") continue;
    const std::size_t size = std::stoul(std::string(header.substr(last_space + 1)));
    contents.emplace(std::string(header.substr(0, first_space)), out.substr(at, size));
    at += size + 1;
  }
  return contents;
}

EarlierArticles english_at_revisions(const Workspace& workspace, const std::vector<EarlierRevision>& wanted,
                                     int max_versions, const WorkProgress& on_progress) {
  if (wanted.empty()) return {};
  if (on_progress) on_progress("reading git history", 0, 0);
  return find_in(workspace, read_history(workspace, english_folder(workspace), false), wanted, max_versions, on_progress);
}

EarlierArticles english_at_revisions(const Workspace& workspace, const History& history,
                                     const std::vector<EarlierRevision>& wanted, int max_versions,
                                     const WorkProgress& on_progress) {
  EarlierArticles found = find_in(workspace, history, wanted, max_versions, on_progress);
  const auto left = unanswered(wanted, found);
  if (!left.empty() && history.available) found.merge(english_at_revisions(workspace, left, max_versions, on_progress));
  return found;
}

std::optional<Article> english_at_revision(const Workspace& workspace, const Article& english,
                                           const std::string& revision, int max_versions) {
  auto found = english_at_revisions(workspace, {{&english, revision}}, max_versions);
  if (found.empty()) return std::nullopt;
  return std::move(found.begin()->second);
}

bool in_shallow_clone(const Workspace& workspace) {
  return run_for_line({"git", "rev-parse", "--is-shallow-repository"}, workspace.root.string()) == std::optional<std::string>("true");
}

}  // namespace edsync
