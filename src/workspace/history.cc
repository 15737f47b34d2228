#include "edsync/history.h"

#include <set>
#include <string_view>
#include <unordered_map>

#include "edsync/process.h"

namespace edsync {

namespace {

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

// git names paths from the top of the repository, which may lie above the workspace.
std::optional<std::string> repository_prefix(const Workspace& workspace) {
  const auto prefix = run_process({"git", "rev-parse", "--show-prefix"}, workspace.root.string());
  if (!prefix || prefix->exit_code != 0) return std::nullopt;
  std::string text = prefix->out;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

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

// Walks `git log --raw -z` (newest commit first): each change to a traced
// name is a version of that file; a rename moves the trace to the old name,
// an addition ends it.
class LogReader {
 public:
  LogReader(std::vector<TracedFile>& files, const std::string& prefix, int max_versions)
      : files_(files), max_versions_(static_cast<std::size_t>(max_versions)) {
    for (std::size_t i = 0; i < files.size(); ++i) names_[prefix + files[i].english->path] = i;
  }

  void read(std::string_view log) {
    const auto parts = split_at_nul(log);
    std::string_view commit;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const std::string_view part = parts[i];
      if (!part.empty() && part.front() == '\x01') commit = part.substr(1);
      if (part.empty() || part.front() != ':') continue;
      const char status = part[part.rfind(' ') + 1];
      const bool renamed = status == 'R' || status == 'C';
      if (i + (renamed ? 2 : 1) >= parts.size()) break;
      const std::string_view old_path = parts[i + 1];
      const std::string_view new_path = renamed ? parts[i + 2] : old_path;
      i += renamed ? 2 : 1;
      change(commit, status, blob_of(part), old_path, new_path);
    }
  }

 private:
  static std::string_view blob_of(std::string_view raw) {
    // ":100644 100644 <old blob> <new blob> M"
    std::size_t field = 0, start = 1;
    for (std::size_t i = 1; i <= raw.size(); ++i) {
      if (i < raw.size() && raw[i] != ' ') continue;
      if (field++ == 3) return raw.substr(start, i - start);
      start = i + 1;
    }
    return {};
  }

  void change(std::string_view commit, char status, std::string_view blob, std::string_view old_path,
              std::string_view new_path) {
    if (status == 'D') return;
    const auto traced = names_.find(std::string(new_path));
    if (traced == names_.end()) return;
    const std::size_t index = traced->second;
    TracedFile& file = files_[index];
    file.versions.push_back({std::string(blob), std::string(commit), std::string(new_path)});
    names_.erase(traced);
    if (status == 'R' && file.versions.size() < max_versions_) {
      names_.emplace(std::string(old_path), index);
    } else if (status != 'A' && status != 'C' && file.versions.size() < max_versions_) {
      names_.emplace(std::string(new_path), index);  // traced further back under the same name
    }
  }

  std::vector<TracedFile>& files_;
  std::size_t max_versions_;
  std::unordered_map<std::string, std::size_t> names_;  // name at the commit being read -> file
};

// blob -> content, read through one `git cat-file --batch`.
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

// Reads the next versions of every file still looking (`depth` at most each)
// and keeps the ones with a wanted revision. False when nothing was left to read.
bool read_round(const Workspace& workspace, std::vector<TracedFile>& files, const std::string& prefix,
                std::size_t depth, EarlierArticles& found) {
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
      const std::string path = version.path.rfind(prefix, 0) == 0 ? version.path.substr(prefix.size()) : version.path;
      auto parsed = parse_article(content->second, path + "@" + version.commit.substr(0, 12), file.english->lang, file.english->id);
      if (!parsed.ok || !file.revisions.erase(parsed.article.revision)) continue;
      found.emplace(std::make_pair(file.english->id, parsed.article.revision), std::move(parsed.article));
    }
  }
  return true;
}

}  // namespace

EarlierArticles english_at_revisions(const Workspace& workspace, const std::vector<EarlierRevision>& wanted,
                                     int max_versions, const WorkProgress& on_progress) {
  EarlierArticles found;
  if (wanted.empty()) return found;
  const auto prefix = repository_prefix(workspace);
  if (!prefix) return found;
  std::vector<TracedFile> files;
  std::map<const Article*, std::size_t> index;
  for (const auto& request : wanted) {
    const auto [it, added] = index.emplace(request.english, files.size());
    if (added) files.push_back({.english = request.english});
    files[it->second].revisions.insert(request.revision);
  }
  if (on_progress) on_progress("reading git history", 0, 0);
  const std::string english_folder = workspace.config.editions_dir + "/" + workspace.config.source_lang;
  const auto log = run_process({"git", "log", "-z", "--raw", "--no-abbrev", "-M", "--format=%x01%H", "--", english_folder},
                               workspace.root.string());
  if (!log || log->exit_code != 0) return found;
  LogReader(files, *prefix, max_versions).read(log->out);
  for (std::size_t depth = 2; read_round(workspace, files, *prefix, depth, found); depth *= 2) {
    if (on_progress) on_progress("reading git history", found.size(), wanted.size());
  }
  return found;
}

std::optional<Article> english_at_revision(const Workspace& workspace, const Article& english,
                                           const std::string& revision, int max_versions) {
  auto found = english_at_revisions(workspace, {{&english, revision}}, max_versions);
  if (found.empty()) return std::nullopt;
  return std::move(found.begin()->second);
}

bool in_shallow_clone(const Workspace& workspace) {
  const auto shallow = run_process({"git", "rev-parse", "--is-shallow-repository"}, workspace.root.string());
  return shallow && shallow->exit_code == 0 && shallow->out.rfind("true", 0) == 0;
}

}  // namespace edsync
