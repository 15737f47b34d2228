// A workspace: edsync.yaml, editions/<lang>/*.md and tm/.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edsync/config.h"
#include "edsync/date.h"
#include "edsync/diagnostic.h"
#include "edsync/result.h"

namespace edsync {

struct Article {
  std::string id;
  std::string lang;
  std::string path;  // relative to the workspace root, with '/' separators
  std::string title;
  std::optional<Date> date;
  std::string category;
  std::string author;
  std::optional<std::string> source_revision;  // translations: the English revision recorded
  int source_revision_line = 0;
  std::string body;      // empty after load_workspace (see reload_article)
  std::string revision;  // this file's own revision (see revision.h)
};

// A file that could not be loaded as an article.
struct InvalidFile {
  std::string lang;  // empty when the problem is the language folder itself
  std::string id;    // the id the file would have had, when known
  Diagnostic diagnostic;
  int bad_revision_line = 0;  // set when an unreadable source_revision is the only problem
};

struct Workspace {
  std::filesystem::path root;
  WorkspaceConfig config;
  // lang -> id -> article; the source language is included.
  std::map<std::string, std::map<std::string, Article>> articles;
  std::vector<InvalidFile> invalid_files;

  const Article* find(const std::string& lang, const std::string& id) const;
};

// Which paths are articles: <editions>/<lang>/.../<name>.md (workspace-relative,
// '/' separators) where <lang> is the source or an edition and no part of the
// path is hidden (".name": editors' swap files, edsync's temporary files).
// Loading applies it to the files it finds, the history readers to the paths git names.
struct ArticlePath {
  std::string lang;
  std::string stem;  // the file name without ".md": the id unless the front matter sets one
};
std::optional<ArticlePath> article_path(const WorkspaceConfig& config, std::string_view path);

// The folder holding edsync.yaml: `start` or its nearest ancestor.
std::optional<std::filesystem::path> find_workspace_root(const std::filesystem::path& start);

// Reads and parses <root>/edsync.yaml alone, for commands that need no article.
Result<WorkspaceConfig> load_config(const std::filesystem::path& root);

// How far a long job has come: `done` of `total` (0 when not known yet).
using WorkProgress = std::function<void(std::string_view task, std::size_t done, std::size_t total)>;

// Loads every article. Bad files are collected in invalid_files and loading
// goes on; only an unreadable config or editions folder is an Error.
Result<Workspace> load_workspace(const std::filesystem::path& root, const WorkProgress& on_progress = {});

// What a command looks at, so that loading leaves the rest out.
struct LoadScope {
  // The editions besides the English (--lang); empty: every edition. The
  // others' folders are not even listed (their entries in the article
  // cache are kept as they were).
  std::vector<std::string> langs;
  // The article ids wanted (--article); empty: every article. Every file is
  // still stamped, since an id may come from front matter and any changed
  // file may have become the article asked for; an unchanged one whose
  // cached id is refused is neither parsed nor kept. Files that cannot be
  // loaded are reported whatever their id.
  std::function<bool(std::string_view id)> keeps_id;
};
Result<Workspace> load_workspace(const std::filesystem::path& root, const LoadScope& scope,
                                 const WorkProgress& on_progress = {});

// Loading keeps no article's body, so that memory does not grow with the
// text: this reads a loaded article's file again, body included. An error
// when the file can no longer be read as an article.
Result<Article> reload_article(const Workspace& workspace, const Article& article);

// Reads one article from text. `path` is only used in diagnostics.
struct ArticleResult {
  bool ok = false;
  Article article;
  Diagnostic problem;
  int bad_revision_line = 0;  // the only problem is this source_revision line
};
ArticleResult parse_article(std::string_view text, const std::string& path,
                            const std::string& lang, const std::string& default_id);

// How git merges tm/*.tmx: the line init adds to .gitattributes, and the
// driver it names in the repository's config.
inline constexpr std::string_view kTmMergeAttribute = "tm/*.tmx merge=edsync-tm";
inline constexpr std::string_view kTmMergeDriverName = "edsync translation memory";
inline constexpr std::string_view kTmMergeDriverCommand = "edsync tm merge-driver %O %A %B %P";

struct InitReport {
  bool git_configured = false;  // the folder is in a git repository, whose config now names the merge driver
};

// Creates a workspace in `root`: edsync.yaml, editions/<lang>/ for each
// language, tm/, the .gitignore and .gitattributes lines (keeping what those
// files hold), and, inside a git repository, the merge driver for tm/*.tmx.
// Refuses when edsync.yaml already exists.
Result<InitReport> init_workspace(const std::filesystem::path& root, const std::string& source_lang,
                                  const std::vector<std::string>& edition_langs);

}  // namespace edsync
