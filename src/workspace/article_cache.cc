#include "article_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>

#include "edsync/file_io.h"

namespace edsync::detail {

namespace fs = std::filesystem;

namespace {

// Bump when Article or the revision changes meaning: an older cache is then ignored.
constexpr std::string_view kHeader = "edsync article cache 2\n";

// Fields are written as <length>:<bytes>, so any byte may appear in them.
void put(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
}

void put(std::string& out, std::int64_t number) { put(out, std::to_string(number)); }

class FieldReader {
 public:
  explicit FieldReader(std::string_view text) : text_(text) {}
  bool at_end() const { return at_ >= text_.size(); }
  std::size_t offset() const { return at_; }
  bool ok() const { return ok_; }

  std::string_view next() {
    const std::size_t colon = text_.find(':', at_);
    std::size_t length = 0;
    if (!ok_ || colon == std::string_view::npos ||
        std::from_chars(text_.data() + at_, text_.data() + colon, length).ptr != text_.data() + colon ||
        length > text_.size() - colon - 1) {
      ok_ = false;
      return {};
    }
    at_ = colon + 1 + length;
    return text_.substr(colon + 1, length);
  }

  template <typename Number>
  Number number() {
    const std::string_view field = next();
    Number value{};
    if (std::from_chars(field.data(), field.data() + field.size(), value).ptr != field.data() + field.size()) ok_ = false;
    return value;
  }

  void end_of_entry() {
    if (at_ < text_.size() && text_[at_] == '\n') ++at_;
    else ok_ = false;
  }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

// Path and stamp, which decide whether the rest is read.
bool read_key(FieldReader& in, std::string_view& path, FileStamp& stamp) {
  path = in.next();
  stamp.size = in.number<std::int64_t>();
  stamp.modified = in.number<std::int64_t>();
  stamp.changed = in.number<std::int64_t>();
  stamp.inode = in.number<std::uint64_t>();
  return in.ok();
}

// Steps over the fields after the key without reading them: an entry is
// parsed only when its stamp matches (a damaged one then means reading the file).
constexpr int kArticleFields = 9;
bool skip_article(FieldReader& in) {
  for (int i = 0; i < kArticleFields; ++i) (void)in.next();
  in.end_of_entry();
  return in.ok();
}

bool read_article(FieldReader& in, Article& article) {
  for (std::string* field : {&article.id, &article.lang, &article.title, &article.category, &article.author, &article.revision})
    *field = in.next();
  if (const auto date = in.next(); !date.empty()) {
    article.date = Date::parse(date);
    if (!article.date) return false;
  }
  if (const auto recorded = in.next(); !recorded.empty()) article.source_revision = std::string(recorded.substr(1));
  article.source_revision_line = in.number<int>();
  in.end_of_entry();
  return in.ok();
}

}  // namespace

std::string cache_line(const CachedArticle& entry) {
  const Article& article = entry.article;
  std::string out;
  put(out, entry.path);
  put(out, entry.stamp.size);
  put(out, entry.stamp.modified);
  put(out, entry.stamp.changed);
  put(out, static_cast<std::int64_t>(entry.stamp.inode));
  for (const std::string* field : {&article.id, &article.lang, &article.title, &article.category, &article.author, &article.revision})
    put(out, *field);
  put(out, article.date ? article.date->to_string() : "");
  put(out, article.source_revision ? "=" + *article.source_revision : "");
  put(out, article.source_revision_line);
  out += '\n';
  return out;
}

std::optional<CachedArticle> parse_cache_line(std::string_view line) {
  FieldReader in(line);
  CachedArticle entry;
  std::string_view path;
  if (!read_key(in, path, entry.stamp) || !read_article(in, entry.article) || !in.at_end()) return std::nullopt;
  entry.path = std::string(path);
  entry.article.path = entry.path;
  return entry;
}

MappedFile::MappedFile(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  struct stat info {};
  if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
    const auto size = static_cast<std::size_t>(info.st_size);
    // Populated at once: every page is read, one call instead of a fault each.
    void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (mapped != MAP_FAILED) {
      data_ = static_cast<const char*>(mapped);
      size_ = size;
    }
  }
  ::close(fd);
}

MappedFile::~MappedFile() {
  if (data_) ::munmap(const_cast<char*>(data_), size_);
}

ArticleCache::ArticleCache(const fs::path& root, std::int64_t now)
    : file_(root / ".edsync" / "articles.cache"), text_(file_), now_(now) {
  const std::string_view text = text_.text();
  if (text.substr(0, kHeader.size()) != kHeader) return;
  const std::string_view entries = text.substr(kHeader.size());
  // Entries take 180 bytes or more: reserved once, not grown by copying.
  records_.reserve(entries.size() / 160 + 1);
  FieldReader in(entries);
  while (!in.at_end()) {
    const std::size_t start = in.offset();
    Record record;
    if (!read_key(in, record.path, record.stamp) || !skip_article(in)) {
      records_.clear();  // damaged: read every file again
      return;
    }
    record.line = entries.substr(start, in.offset() - start);
    records_.push_back(record);
  }
}

const ArticleCache::Record* ArticleCache::locate(std::string_view path) {
  if (cursor_ < records_.size() && records_[cursor_].path == path) return &records_[cursor_];
  if (index_.empty())
    for (std::size_t i = 0; i < records_.size(); ++i) index_.emplace(records_[i].path, i);
  const auto found = index_.find(path);
  if (found == index_.end()) return nullptr;
  cursor_ = found->second;  // the files after it are likely in the same order
  return &records_[found->second];
}

const ArticleCache::Record* ArticleCache::find(std::string_view path) {
  const Record* known = locate(path);
  if (known) ++cursor_;
  return known;
}

bool ArticleCache::trusted(const Record* known, const std::optional<FileStamp>& stamp) const {
  return stamp && known && known->stamp == *stamp && !is_racy(*stamp, now_);
}

bool ArticleCache::left_out(const std::optional<FileStamp>& stamp, std::string_view path,
                            const std::function<bool(std::string_view id)>& keeps_id) {
  const Record* known = locate(path);
  if (!trusted(known, stamp)) return false;
  FieldReader in(known->line);
  std::string_view unused_path;
  FileStamp unused_stamp;
  if (!read_key(in, unused_path, unused_stamp)) return false;
  const std::string_view id = in.next();
  if (!in.ok() || keeps_id(id)) return false;
  ++cursor_;
  next_.push_back(known->line);
  return true;
}

Result<ArticleResult> ArticleCache::load(const fs::path& file, const std::string& path, const std::string& lang,
                                         const std::string& default_id) {
  // The stamp is taken before reading: a change after it makes the next stamp differ.
  return load(stamp_of(file), path, lang, default_id, [&file] { return file; });
}

Result<ArticleResult> ArticleCache::load(const std::optional<FileStamp>& stamp, const std::string& path,
                                         const std::string& lang, const std::string& default_id,
                                         const std::function<fs::path()>& file) {
  const Record* known = find(path);
  if (trusted(known, stamp)) {
    if (auto cached = parse_cache_line(known->line)) {
      next_.push_back(known->line);
      return ArticleResult{.ok = true, .article = std::move(cached->article)};
    }
  }
  auto text = read_file(file());
  if (!text) return text.error();
  ArticleResult parsed = parse_article(*text, path, lang, default_id);
  std::string().swap(parsed.article.body);  // the revision is known; the text is not kept (nor its capacity)
  changed_ = true;
  if (parsed.ok && stamp && !is_racy(*stamp, now_)) next_.push_back(fresh_.emplace_back(cache_line({path, *stamp, parsed.article})));
  return parsed;
}

void ArticleCache::keep_under(std::string_view prefix) {
  for (const auto& record : records_)
    if (record.path.substr(0, prefix.size()) == prefix) next_.push_back(record.line);
}

void ArticleCache::save() {
  if (!changed_ && next_.size() == records_.size()) return;
  std::string text(kHeader);
  for (const auto line : next_) text += line;
  std::error_code error;
  fs::create_directories(file_.parent_path(), error);
  if (!error) (void)write_file_atomically(file_, text);
}

}  // namespace edsync::detail
