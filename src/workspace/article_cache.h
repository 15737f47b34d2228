// What loading learnt about each article, kept in .edsync/articles.cache like
// git's index: per file its stamp (size, times, inode) and the parsed front
// matter and revision. A file whose stamp still matches is not read again;
// any difference, or a stamp too recent to trust (racy), means reading it.
// The cache only saves time: a missing, old or damaged one is rebuilt.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <deque>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "edsync/file_stamp.h"
#include "edsync/result.h"
#include "edsync/workspace.h"

namespace edsync::detail {

struct CachedArticle {
  std::string path;
  FileStamp stamp;
  Article article;  // without its body
};

// A file's bytes mapped read-only (empty when it cannot be): the cache is
// read once from start to end, and a mapping costs neither the copy nor
// the zeroed pages of a buffer. The cache is only ever replaced by a
// rename, never rewritten in place, so the mapped bytes do not change.
class MappedFile {
 public:
  explicit MappedFile(const std::filesystem::path& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view text() const { return {data_, size_}; }

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

class ArticleCache {
 public:
  // `now` (nanoseconds since the epoch) decides which stamps are too recent to trust.
  explicit ArticleCache(const std::filesystem::path& root, std::int64_t now = now_in_nanoseconds());

  // The article in `file` (`path` relative to the root), from the cache when
  // its stamp matches, else read and parsed. The body is never kept. An
  // Error only when the file cannot be read.
  Result<ArticleResult> load(const std::filesystem::path& file, const std::string& path, const std::string& lang,
                             const std::string& default_id);
  // The same with the file's stamp taken already (before it is read); the
  // file's full path is made only when it has to be read.
  Result<ArticleResult> load(const std::optional<FileStamp>& stamp, const std::string& path, const std::string& lang,
                             const std::string& default_id, const std::function<std::filesystem::path()>& file);

  // True when the file is unchanged since its entry and `keeps_id` refuses
  // the id the entry holds: the file is left out of the load without
  // parsing the entry, which is kept for the next run. False otherwise,
  // and then `load` is the next call for the file.
  bool left_out(const std::optional<FileStamp>& stamp, std::string_view path,
                const std::function<bool(std::string_view id)>& keeps_id);

  // Keeps the entries of the files under `prefix` (a folder's path and a
  // slash) for the next run as they are: a load that leaves the folder out.
  void keep_under(std::string_view prefix);

  // Writes the cache atomically when it changed; a failure is ignored (the
  // next load reads the files again).
  void save();

 private:
  struct Record {
    std::string_view path, line;  // line: the whole entry in text_
    FileStamp stamp;
  };
  const Record* locate(std::string_view path);  // leaves the cursor at the record
  const Record* find(std::string_view path);    // and past it
  bool trusted(const Record* known, const std::optional<FileStamp>& stamp) const;

  std::filesystem::path file_;
  MappedFile text_;              // the cache as the last run wrote it
  std::vector<Record> records_;  // in its order, which is the order loading asks in
  std::size_t cursor_ = 0;
  std::unordered_map<std::string_view, std::size_t> index_;  // built when a path is not at the cursor
  std::vector<std::string_view> next_;  // the entries for the next run, in load order
  std::deque<std::string> fresh_;       // the new ones among them
  std::int64_t now_ = 0;
  bool changed_ = false;
};

// One entry of the cache, and back (nullopt when damaged); exposed for tests.
std::string cache_line(const CachedArticle& entry);
std::optional<CachedArticle> parse_cache_line(std::string_view line);

}  // namespace edsync::detail
