#include "article_cache.h"

#include <algorithm>
#include <charconv>

#include "edsync/file_io.h"

namespace edsync::detail {

namespace fs = std::filesystem;

namespace {

// Bump when Article or the revision changes meaning: an older cache is then ignored.
constexpr std::string_view kHeader = "edsync article cache 1\n";

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

void put_entry(std::string& out, const std::string& path, const CachedArticle& entry) {
  const Article& article = entry.article;
  put(out, path);
  put(out, entry.stamp.size);
  put(out, entry.stamp.modified);
  put(out, entry.stamp.changed);
  put(out, static_cast<std::int64_t>(entry.stamp.inode));
  for (const std::string* field : {&article.id, &article.lang, &article.path, &article.title, &article.category,
                                   &article.author, &article.revision})
    put(out, *field);
  put(out, article.date ? article.date->to_string() : "");
  put(out, article.source_revision ? "=" + *article.source_revision : "");
  put(out, article.source_revision_line);
  out += '\n';
}

bool read_entry(FieldReader& in, CachedArticles& articles) {
  const std::string path(in.next());
  CachedArticle entry;
  entry.stamp.size = in.number<std::int64_t>();
  entry.stamp.modified = in.number<std::int64_t>();
  entry.stamp.changed = in.number<std::int64_t>();
  entry.stamp.inode = in.number<std::uint64_t>();
  Article& article = entry.article;
  for (std::string* field : {&article.id, &article.lang, &article.path, &article.title, &article.category,
                             &article.author, &article.revision})
    *field = in.next();
  if (const auto date = in.next(); !date.empty()) {
    article.date = Date::parse(date);
    if (!article.date) return false;
  }
  if (const auto recorded = in.next(); !recorded.empty()) article.source_revision = std::string(recorded.substr(1));
  article.source_revision_line = in.number<int>();
  in.end_of_entry();
  if (!in.ok()) return false;
  articles.emplace(path, std::move(entry));
  return true;
}

}  // namespace

std::string cache_text(const CachedArticles& articles) {
  std::string out(kHeader);
  for (const auto& [path, entry] : articles)
    if (entry.seen) put_entry(out, path, entry);
  return out;
}

CachedArticles parse_cache_text(std::string_view text) {
  CachedArticles articles;
  if (text.substr(0, kHeader.size()) != kHeader) return articles;
  articles.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
  FieldReader in(text.substr(kHeader.size()));
  while (!in.at_end())
    if (!read_entry(in, articles)) return {};
  return articles;
}

ArticleCache::ArticleCache(const fs::path& root, std::int64_t now) : file_(root / ".edsync" / "articles.cache"), now_(now) {
  if (const auto text = read_file(file_)) entries_ = parse_cache_text(*text);
  unseen_ = entries_.size();
}

Result<ArticleResult> ArticleCache::load(const fs::path& file, const std::string& path, const std::string& lang,
                                         const std::string& default_id) {
  // The stamp is taken before reading: a change after it makes the next stamp differ.
  const auto stamp = stamp_of(file);
  auto known = entries_.find(path);
  if (known != entries_.end() && !known->second.seen) {
    known->second.seen = true;
    --unseen_;
  }
  if (stamp && known != entries_.end() && known->second.stamp == *stamp && !is_racy(*stamp, now_))
    return ArticleResult{.ok = true, .article = known->second.article};
  auto text = read_file(file);
  if (!text) return text.error();
  ArticleResult parsed = parse_article(*text, path, lang, default_id);
  parsed.article.body = std::string();  // the revision is known; the text is not kept
  changed_ = true;
  if (parsed.ok && stamp && !is_racy(*stamp, now_)) entries_.insert_or_assign(path, CachedArticle{*stamp, parsed.article, true});
  else if (known != entries_.end()) entries_.erase(known);
  return parsed;
}

void ArticleCache::save() {
  if (!changed_ && unseen_ == 0) return;
  std::error_code error;
  fs::create_directories(file_.parent_path(), error);
  if (!error) (void)write_file_atomically(file_, cache_text(entries_));
}

}  // namespace edsync::detail
