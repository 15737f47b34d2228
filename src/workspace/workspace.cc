#include "edsync/workspace.h"

#include <algorithm>
#include <system_error>

#include "edsync/file_io.h"

namespace edsync {

namespace fs = std::filesystem;

const Article* Workspace::find(const std::string& lang, const std::string& id) const {
  const auto edition = articles.find(lang);
  if (edition == articles.end()) return nullptr;
  const auto article = edition->second.find(id);
  return article == edition->second.end() ? nullptr : &article->second;
}

std::optional<fs::path> find_workspace_root(const fs::path& start) {
  std::error_code error;
  fs::path folder = fs::absolute(start, error);
  if (error) return std::nullopt;
  for (;;) {
    if (fs::is_regular_file(folder / kConfigFileName, error)) return folder;
    if (!folder.has_relative_path()) return std::nullopt;
    folder = folder.parent_path();
  }
}

namespace {

std::string known_languages(const WorkspaceConfig& config) {
  std::string list = config.source_lang;
  for (const auto& edition : config.editions) list += ", " + edition.lang;
  return list;
}

bool is_known_language(const WorkspaceConfig& config, const std::string& lang) {
  return lang == config.source_lang || config.edition(lang) != nullptr;
}

// Markdown files below `folder`, in a stable order; hidden files (editors'
// swap files, our own temporary files) are not articles.
Result<std::vector<fs::path>> article_files(const fs::path& folder) {
  std::vector<fs::path> files;
  std::error_code error;
  for (fs::recursive_directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (!name.empty() && name.front() == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && it->path().extension() == ".md") files.push_back(it->path());
  }
  if (error) return io_error(folder.string() + ": cannot list: " + error.message());
  std::sort(files.begin(), files.end());
  return files;
}

void load_article(Workspace& workspace, const std::string& lang, const fs::path& file) {
  const std::string path = file.lexically_relative(workspace.root).generic_string();
  const std::string default_id = file.stem().string();
  auto text = read_file(file);
  if (!text) {
    workspace.invalid_files.push_back({lang, default_id, {path, 0, 0, "cannot read the file: " + text.error().message}});
    return;
  }
  ArticleResult parsed = parse_article(*text, path, lang, default_id);
  if (!parsed.ok) {
    workspace.invalid_files.push_back({lang, default_id, parsed.problem, parsed.bad_revision_line});
    return;
  }
  auto& edition = workspace.articles[lang];
  if (const auto existing = edition.find(parsed.article.id); existing != edition.end()) {
    workspace.invalid_files.push_back({lang, parsed.article.id, {path, 1, 1, "duplicate id '" + parsed.article.id + "': " + existing->second.path + " has it already; rename one of the files or give it another 'id'"}});
    return;
  }
  edition.emplace(parsed.article.id, std::move(parsed.article));
}

}  // namespace

Result<Workspace> load_workspace(const fs::path& root) {
  Workspace workspace;
  workspace.root = root;
  auto config = load_config(root);
  if (!config) return config.error();
  workspace.config = std::move(*config);

  const fs::path editions = root / workspace.config.editions_dir;
  std::error_code error;
  if (!fs::is_directory(editions, error)) {
    return input_error(workspace.config.editions_dir + ": no such folder; create " + workspace.config.editions_dir + "/" + workspace.config.source_lang + "/ for the English articles");
  }
  std::vector<fs::path> folders;
  for (fs::directory_iterator it(editions, error), end; !error && it != end; it.increment(error))
    if (it->is_directory() && it->path().filename().string().front() != '.') folders.push_back(it->path());
  if (error) return io_error(editions.string() + ": cannot list: " + error.message());
  std::sort(folders.begin(), folders.end());

  for (const auto& folder : folders) {
    const std::string lang = folder.filename().string();
    const std::string path = folder.lexically_relative(root).generic_string();
    if (!is_known_language(workspace.config, lang)) {
      workspace.invalid_files.push_back({"", "", {path, 0, 0, "unknown language folder '" + lang + "': " + std::string(kConfigFileName) + " lists " + known_languages(workspace.config) + "; add '" + lang + "' under editions or move the folder out"}});
      continue;
    }
    auto files = article_files(folder);
    if (!files) return files.error();
    for (const auto& file : *files) load_article(workspace, lang, file);
  }
  return workspace;
}

Status init_workspace(const fs::path& root, const std::string& source_lang,
                      const std::vector<std::string>& edition_langs) {
  std::error_code error;
  const fs::path config = root / kConfigFileName;
  if (fs::exists(config, error)) return usage_error(config.string() + ": already exists; this folder is a workspace already");
  fs::create_directories(root / "editions" / source_lang, error);
  for (const auto& lang : edition_langs)
    if (!error) fs::create_directories(root / "editions" / lang, error);
  if (!error) fs::create_directories(root / "tm", error);
  if (error) return io_error(root.string() + ": cannot create the workspace folders: " + error.message());
  return write_file_atomically(config, default_config_text(edition_langs));
}

}  // namespace edsync
