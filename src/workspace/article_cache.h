// What loading learnt about each article, kept in .edsync/articles.cache like
// git's index: per file its stamp (size, times, inode) and the parsed front
// matter and revision. A file whose stamp still matches is not read again;
// any difference, or a stamp too recent to trust (racy), means reading it.
// The cache only saves time: a missing, old or damaged one is rebuilt.
#pragma once

#include <filesystem>
#include <string>
#include <unordered_map>

#include "edsync/file_stamp.h"
#include "edsync/result.h"
#include "edsync/workspace.h"

namespace edsync::detail {

struct CachedArticle {
  FileStamp stamp;
  Article article;  // without its body
  bool seen = false;  // loaded in this run
};
using CachedArticles = std::unordered_map<std::string, CachedArticle>;  // by path

class ArticleCache {
 public:
  // `now` (nanoseconds since the epoch) decides which stamps are too recent to trust.
  explicit ArticleCache(const std::filesystem::path& root, std::int64_t now = now_in_nanoseconds());

  // The article in `file` (`path` relative to the root), from the cache when
  // its stamp matches, else read and parsed. The body is never kept. An
  // Error only when the file cannot be read.
  Result<ArticleResult> load(const std::filesystem::path& file, const std::string& path, const std::string& lang,
                             const std::string& default_id);

  // Writes the cache atomically when it changed; a failure is ignored (the
  // next load reads the files again).
  void save();

 private:
  std::filesystem::path file_;
  CachedArticles entries_;        // what the last run recorded, updated by this one
  std::size_t unseen_ = 0;        // entries no load asked for (files gone): dropped on save
  std::int64_t now_ = 0;
  bool changed_ = false;
};

// The cache's text form; exposed for tests.
std::string cache_text(const CachedArticles& articles);
CachedArticles parse_cache_text(std::string_view text);  // empty when damaged or of another version

}  // namespace edsync::detail
