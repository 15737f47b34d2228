#include "edsync/history.h"

#include <sstream>

#include "edsync/process.h"

namespace edsync {

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

// "<commit> <path at that commit>" for each version of the file, newest first.
std::vector<std::pair<std::string, std::string>> versions_of(const Workspace& workspace, const std::string& path, int max_versions) {
  const auto log = run_process({"git", "log", "--follow", "--name-only", "--format=commit %H",
                                "-n", std::to_string(max_versions), "--", path},
                               workspace.root.string());
  std::vector<std::pair<std::string, std::string>> versions;
  if (!log || log->exit_code != 0) return versions;
  for (const auto& line : lines_of(log->out)) {
    if (line.rfind("commit ", 0) == 0) versions.emplace_back(line.substr(7), "");
    else if (!versions.empty() && versions.back().second.empty()) versions.back().second = line;
  }
  return versions;
}

// git names paths from the top of the repository, which may lie above the workspace.
std::string repository_prefix(const Workspace& workspace) {
  const auto prefix = run_process({"git", "rev-parse", "--show-prefix"}, workspace.root.string());
  if (!prefix || prefix->exit_code != 0) return "";
  std::string text = prefix->out;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

}  // namespace

std::optional<Article> english_at_revision(const Workspace& workspace, const Article& english,
                                           const std::string& revision, int max_versions) {
  const std::string prefix = repository_prefix(workspace);
  for (const auto& [commit, repository_path] : versions_of(workspace, english.path, max_versions)) {
    const auto shown = run_process({"git", "show", commit + ":" + repository_path}, workspace.root.string());
    if (!shown || shown->exit_code != 0) continue;
    const std::string path = repository_path.rfind(prefix, 0) == 0 ? repository_path.substr(prefix.size()) : repository_path;
    auto parsed = parse_article(shown->out, path + "@" + commit.substr(0, 12), english.lang, english.id);
    if (parsed.ok && parsed.article.revision == revision) return std::move(parsed.article);
  }
  return std::nullopt;
}

bool in_shallow_clone(const Workspace& workspace) {
  const auto shallow = run_process({"git", "rev-parse", "--is-shallow-repository"}, workspace.root.string());
  return shallow && shallow->exit_code == 0 && shallow->out.rfind("true", 0) == 0;
}

}  // namespace edsync
