#include "edsync/workspace.h"

#include <algorithm>
#include <system_error>

#include "article_cache.h"
#include "git_setup.h"
#include "article_files.h"
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

bool is_known_language(const WorkspaceConfig& config, std::string_view lang) {
  return lang == config.source_lang || config.edition(lang) != nullptr;
}

bool is_hidden(std::string_view name) { return !name.empty() && name.front() == '.'; }

bool is_markdown(std::string_view name) { return name.size() > 3 && name.substr(name.size() - 3) == ".md"; }

bool is_inside(const fs::path& path, const fs::path& root) {
  const auto [stop, unused] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return stop == root.end();
}

// Where `path` really leads when that is outside the workspace (`real_root`
// is the root with links resolved): a link out of it is never followed, so
// nothing outside the workspace is read or written through an article.
std::optional<fs::path> outside_target(const fs::path& path, const fs::path& real_root) {
  std::error_code error;
  const fs::path target = fs::weakly_canonical(path, error);
  if (error || is_inside(target, real_root)) return std::nullopt;
  return target;
}

std::string outside_message(const fs::path& target) {
  return "a symbolic link that leads outside the workspace (to " + target.string() +
         "); edsync reads only files inside it: replace the link by the file or point it inside the workspace";
}

// What loading an edition needs besides the workspace: the root with links
// resolved, against which links are judged, the cache of parsed articles,
// and where to report how far it is.
struct Loader {
  fs::path real_root;
  detail::ArticleCache cache;
  const WorkProgress& on_progress;
  const LoadScope& scope;
  std::size_t total = 0, done = 0;

  void count_one() {
    if (on_progress && (++done % 256 == 0 || done == total)) on_progress("reading articles", done, total);
  }
};

std::string default_id_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  const std::string name = path.substr(slash == std::string::npos ? 0 : slash + 1);
  return name.substr(0, name.size() - 3);  // without .md
}

// One edition as it loads: its articles and problems, each with the place
// of its file in path order, which decides which file keeps a repeated id
// and the order of the problems.
struct EditionLoad {
  std::vector<std::pair<std::size_t, Article>> articles;
  std::vector<std::pair<std::size_t, InvalidFile>> problems;
};

void load_article(const Workspace& workspace, Loader& loader, const std::string& lang, const detail::ArticleFile& listed,
                  std::size_t index, EditionLoad& load) {
  const std::string& path = listed.path;
  const std::string default_id = default_id_of(path);
  if (listed.is_link) {
    if (const auto target = outside_target(workspace.root / path, loader.real_root)) {
      load.problems.push_back({index, {lang, default_id, {path, 0, 0, outside_message(*target)}}});
      return;
    }
  }
  const auto& keeps_id = loader.scope.keeps_id;
  if (keeps_id && loader.cache.left_out(listed.stamp, path, keeps_id)) return;
  auto loaded = loader.cache.load(listed.stamp, path, lang, default_id, [&] { return workspace.root / path; });
  if (!loaded) {
    load.problems.push_back({index, {lang, default_id, {path, 0, 0, "cannot read the file: " + loaded.error().message}}});
  } else if (!loaded->ok) {
    load.problems.push_back({index, {lang, default_id, loaded->problem, loaded->bad_revision_line}});
  } else if (!keeps_id || keeps_id(loaded->article.id)) {
    load.articles.emplace_back(index, std::move(loaded->article));
  }
}

}  // namespace

std::optional<ArticlePath> article_path(const WorkspaceConfig& config, std::string_view path) {
  const std::string prefix = config.editions_dir + "/";
  if (path.substr(0, prefix.size()) != prefix) return std::nullopt;
  std::vector<std::string_view> parts;
  for (std::size_t start = prefix.size(); start <= path.size();) {
    const std::size_t slash = std::min(path.find('/', start), path.size());
    parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  if (parts.size() < 2 || !is_markdown(parts.back()) || !is_known_language(config, parts.front())) return std::nullopt;
  for (const auto part : parts)
    if (part.empty() || is_hidden(part)) return std::nullopt;
  return ArticlePath{std::string(parts.front()), std::string(parts.back().substr(0, parts.back().size() - 3))};
}

namespace {
// Sorted by id first, the map is built in one pass rather than searched for
// every insertion; of files with the same id the first in path order stays.
void add_edition(Workspace& workspace, const std::string& lang, EditionLoad& load) {
  std::vector<std::pair<std::size_t, Article>*> by_id;  // pointers are sorted, the articles stay put
  by_id.reserve(load.articles.size());
  for (auto& loaded : load.articles) by_id.push_back(&loaded);
  std::stable_sort(by_id.begin(), by_id.end(), [](const auto* a, const auto* b) { return a->second.id < b->second.id; });
  auto& edition = workspace.articles[lang];
  for (auto* loaded : by_id) {
    auto& [index, article] = *loaded;
    if (!edition.empty() && std::prev(edition.end())->first == article.id) {
      const std::string& holder = std::prev(edition.end())->second.path;
      load.problems.push_back({index, {lang, article.id, {article.path, 1, 1, "duplicate id '" + article.id + "': " + holder + " has it already; rename one of the files or give it another 'id'"}}});
      continue;
    }
    std::string id = article.id;
    edition.emplace_hint(edition.end(), std::move(id), std::move(article));
  }
  if (edition.empty()) workspace.articles.erase(lang);
  std::stable_sort(load.problems.begin(), load.problems.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& problem : load.problems) workspace.invalid_files.push_back(std::move(problem.second));
}

// The language folders in `editions`, hidden ones left out, in a stable order.
Result<std::vector<fs::path>> language_folders(const fs::path& editions) {
  std::vector<fs::path> folders;
  std::error_code error;
  for (fs::directory_iterator it(editions, error), end; !error && it != end; it.increment(error))
    if (it->is_directory() && it->path().filename().string().front() != '.') folders.push_back(it->path());
  if (error) return io_error(editions.string() + ": cannot list: " + error.message());
  std::sort(folders.begin(), folders.end());
  return folders;
}

// A language folder as listed: its files, or why it is not loaded.
struct EditionFolder {
  std::string lang;
  std::optional<InvalidFile> refused;
  std::vector<detail::ArticleFile> files;
};

Result<EditionFolder> list_edition(const Workspace& workspace, const Loader& loader, const fs::path& folder) {
  EditionFolder edition{.lang = folder.filename().string()};
  const std::string& lang = edition.lang;
  const std::string path = folder.lexically_relative(workspace.root).generic_string();
  if (!is_known_language(workspace.config, lang)) {
    edition.refused = InvalidFile{"", "", {path, 0, 0, "unknown language folder '" + lang + "': " + std::string(kConfigFileName) + " lists " + known_languages(workspace.config) + "; add '" + lang + "' under editions or move the folder out"}};
  } else if (const auto target = outside_target(folder, loader.real_root)) {
    edition.refused = InvalidFile{"", "", {path, 0, 0, outside_message(*target)}};
  } else {
    auto files = detail::list_article_files(folder.string(), path);
    if (!files) return files.error();
    edition.files = std::move(*files);
  }
  return edition;
}

// Every folder is listed before any file is read, so that progress has a total.
// A known edition the command leaves out (--lang).
bool left_out(const Workspace& workspace, const Loader& loader, const std::string& lang) {
  const auto& langs = loader.scope.langs;
  return !langs.empty() && lang != workspace.config.source_lang && is_known_language(workspace.config, lang) &&
         std::find(langs.begin(), langs.end(), lang) == langs.end();
}

Status load_editions(Workspace& workspace, Loader& loader, const std::vector<fs::path>& folders) {
  std::vector<EditionFolder> editions;
  for (const auto& folder : folders) {
    if (left_out(workspace, loader, folder.filename().string())) {
      loader.cache.keep_under(folder.lexically_relative(workspace.root).generic_string() + "/");
      continue;
    }
    auto edition = list_edition(workspace, loader, folder);
    if (!edition) return edition.error();
    loader.total += edition->files.size();
    editions.push_back(std::move(*edition));
  }
  for (auto& edition : editions) {
    if (edition.refused) workspace.invalid_files.push_back(std::move(*edition.refused));
    EditionLoad load;
    if (!loader.scope.keeps_id) load.articles.reserve(edition.files.size());
    for (std::size_t i = 0; i < edition.files.size(); ++i) {
      load_article(workspace, loader, edition.lang, edition.files[i], i, load);
      loader.count_one();
    }
    std::vector<detail::ArticleFile>().swap(edition.files);
    add_edition(workspace, edition.lang, load);
  }
  return success();
}

}  // namespace

Result<Article> reload_article(const Workspace& workspace, const Article& article) {
  const auto text = read_file(workspace.root / article.path);
  if (!text) return text.error();
  auto parsed = parse_article(*text, article.path, article.lang, article.id);
  if (!parsed.ok) return input_error(parsed.problem.to_string());
  return std::move(parsed.article);
}

Result<Workspace> load_workspace(const fs::path& root, const WorkProgress& on_progress) {
  return load_workspace(root, {}, on_progress);
}

Result<Workspace> load_workspace(const fs::path& root, const LoadScope& scope, const WorkProgress& on_progress) {
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
  Loader loader{fs::weakly_canonical(root, error), detail::ArticleCache(root), on_progress, scope};
  if (const auto target = outside_target(editions, loader.real_root)) {
    return input_error(workspace.config.editions_dir + ": " + outside_message(*target));
  }
  const auto folders = language_folders(editions);
  if (!folders) return folders.error();
  if (const Status loaded = load_editions(workspace, loader, *folders); !loaded) return loaded.error();
  loader.cache.save();
  return workspace;
}

namespace {

// What parse_config would refuse in the config init writes, said before anything is created.
Status check_init_languages(const std::string& source_lang, const std::vector<std::string>& edition_langs) {
  if (edition_langs.empty()) return usage_error("no editions given; name the languages the English is translated into, e.g. ar,fa,sq");
  for (std::size_t i = 0; i < edition_langs.size(); ++i) {
    const std::string& lang = edition_langs[i];
    if (!is_edition_language(lang)) return usage_error("edition '" + lang + "' is not a language code such as 'ar' or 'fa'; separate editions with commas");
    if (lang == source_lang) return usage_error("edition '" + lang + "' is the source language; the editions are the languages it is translated into");
    if (std::find(edition_langs.begin(), edition_langs.begin() + i, lang) != edition_langs.begin() + i)
      return usage_error("edition '" + lang + "' is given twice");
  }
  return success();
}

}  // namespace

Result<InitReport> init_workspace(const fs::path& root, const std::string& source_lang,
                                  const std::vector<std::string>& edition_langs) {
  std::error_code error;
  const fs::path config = root / kConfigFileName;
  if (fs::exists(config, error)) return usage_error(config.string() + ": already exists; this folder is a workspace already");
  if (const Status languages = check_init_languages(source_lang, edition_langs); !languages) return languages.error();
  fs::create_directories(root / "editions" / source_lang, error);
  for (const auto& lang : edition_langs)
    if (!error) fs::create_directories(root / "editions" / lang, error);
  if (!error) fs::create_directories(root / "tm", error);
  if (error) return io_error(root.string() + ": cannot create the workspace folders: " + error.message());
  // The index under .edsync/ is rebuilt from the files; git keeps only those.
  if (const Status ignored = detail::add_line(root / ".gitignore", ".edsync/"); !ignored) return ignored.error();
  if (const Status merged = detail::add_line(root / ".gitattributes", kTmMergeAttribute); !merged) return merged.error();
  if (const Status written = write_file_atomically(config, default_config_text(edition_langs)); !written)
    return written.error();
  const auto configured = detail::configure_tm_merge_driver(root);
  if (!configured) return configured.error();
  return InitReport{*configured};
}

}  // namespace edsync
