#include "article_cache.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <fstream>

#include "edsync/file_io.h"

using namespace edsync;
using namespace edsync::detail;
namespace fs = std::filesystem;

namespace {

struct TempWorkspace {
  fs::path root = fs::temp_directory_path() / ("edsync-cache-" + std::to_string(::getpid()));
  TempWorkspace() {
    fs::remove_all(root);
    fs::create_directories(root / "editions/en");
    fs::create_directories(root / "editions/ar");
    std::ofstream(root / "edsync.yaml") << "editions: [ar]\n";
  }
  ~TempWorkspace() { fs::remove_all(root); }
  void write(const std::string& path, const std::string& text) const { std::ofstream(root / path) << text; }
  // Rewrites a file in place with text of the same size and puts its
  // modification time back: only the change time tells.
  void write_behind_the_stamp(const std::string& path, const std::string& text) const {
    const auto written = fs::last_write_time(root / path);
    std::fstream(root / path, std::ios::in | std::ios::out) << text;
    fs::last_write_time(root / path, written);
  }
  fs::path cache() const { return root / ".edsync/articles.cache"; }
  // Loads editions/<lang>/<id>.md through `cache`, as loading a workspace would.
  Result<ArticleResult> load(ArticleCache& cache, const std::string& path) const {
    return cache.load(root / path, path, path.substr(9, 2), fs::path(path).stem().string());
  }
  // A time ten seconds on: no stamp written now is racy then.
  static std::int64_t later() { return now_in_nanoseconds() + 10'000'000'000; }
  // Loads editions/en/a.md through a cache that believes it is `now`, and saves it.
  std::string title_in_cache(std::int64_t now) const {
    ArticleCache cache(root, now);
    const auto loaded = cache.load(root / "editions/en/a.md", "editions/en/a.md", "en", "a");
    cache.save();
    REQUIRE(loaded.ok());
    return loaded->article.title;
  }
};

}  // namespace

TEST_CASE("the article cache keeps front matter and revision, never the body, and round-trips any bytes") {
  Article article{.id = "a\nb", .lang = "ar", .path = "editions/ar/x.md", .title = "12:34 \"quoted\"\n",
                  .date = Date{2013, 5, 1}, .source_revision = "0123456789abcdef", .source_revision_line = 4,
                  .body = "not kept", .revision = "fedcba9876543210"};
  const std::string line = cache_line({"editions/ar/x.md", FileStamp{10, 20, 30, 40}, article});
  const auto back = parse_cache_line(line);
  REQUIRE(back.has_value());
  CHECK(back->path == "editions/ar/x.md");
  CHECK(back->stamp == FileStamp{10, 20, 30, 40});
  CHECK(back->article.id == "a\nb");
  CHECK(back->article.path == "editions/ar/x.md");
  CHECK(back->article.title == "12:34 \"quoted\"\n");
  CHECK(back->article.date == Date{2013, 5, 1});
  CHECK(back->article.source_revision == "0123456789abcdef");
  CHECK(back->article.source_revision_line == 4);
  CHECK(back->article.revision == "fedcba9876543210");
  CHECK(back->article.body.empty());
  const auto plain = parse_cache_line(cache_line({"y.md", FileStamp{1, 2, 3, 4}, Article{.id = "y", .title = "Y"}}));
  REQUIRE(plain.has_value());
  CHECK_FALSE(plain->article.source_revision.has_value());
  CHECK_FALSE(plain->article.date.has_value());

  CHECK_FALSE(parse_cache_line(line.substr(0, line.size() - 7)).has_value());
  CHECK_FALSE(parse_cache_line(line + "x").has_value());
  CHECK_FALSE(parse_cache_line("99999:editions").has_value());
}

TEST_CASE("the cache answers for files whose stamp holds, and reads any other again") {
  TempWorkspace temp;
  const std::int64_t later = now_in_nanoseconds() + 10'000'000'000;  // the files' stamps are old by then
  temp.write("editions/en/a.md", "---\ntitle: First\n---\nText.\n");
  CHECK(temp.title_in_cache(later) == "First");
  REQUIRE(fs::exists(temp.cache()));
  std::string text = *read_file(temp.cache());
  text.replace(text.find("5:First"), 7, "5:Cache");
  REQUIRE(write_file_atomically(temp.cache(), text).ok());
  CHECK(temp.title_in_cache(later) == "Cache");  // the stamp holds: the cache answers, the file is not read
  temp.write_behind_the_stamp("editions/en/a.md", "---\ntitle: Other\n---\nText.\n");
  CHECK(temp.title_in_cache(later) == "Other");  // its change time moved

  // The same size and time, but another inode: read again.
  temp.write("editions/en/a.md.new", "---\ntitle: Newer\n---\nText.\n");
  const auto written = fs::last_write_time(temp.root / "editions/en/a.md");
  fs::rename(temp.root / "editions/en/a.md.new", temp.root / "editions/en/a.md");
  fs::last_write_time(temp.root / "editions/en/a.md", written);
  CHECK(temp.title_in_cache(later) == "Newer");

  fs::remove(temp.cache());  // deleting it only costs time
  CHECK(temp.title_in_cache(later) == "Newer");
  REQUIRE(write_file_atomically(temp.cache(), "garbage").ok());
  CHECK(temp.title_in_cache(later) == "Newer");
}

TEST_CASE("a file changed just now is never taken from the cache (racy stamps), even with the same size and time") {
  TempWorkspace temp;
  temp.write("editions/en/a.md", "---\ntitle: First\n---\nText.\n");
  const std::int64_t now = now_in_nanoseconds() + 1'000'000'000;  // within two seconds of the write
  CHECK(temp.title_in_cache(now) == "First");
  temp.write_behind_the_stamp("editions/en/a.md", "---\ntitle: Fixed\n---\nText.\n");
  CHECK(temp.title_in_cache(now) == "Fixed");
  if (fs::exists(temp.cache())) CHECK(read_file(temp.cache())->find("First") == std::string::npos);
}

TEST_CASE("loading through the cache gives what loading without one gives, and drops vanished files") {
  TempWorkspace temp;
  temp.write("editions/en/a.md", "---\ntitle: A\ndate: 2013-05-01\n---\nText.\n");
  temp.write("editions/ar/a.md", "---\ntitle: أ\nsource_revision: 0123456789ABCDEF\n---\nنص.\n");
  temp.write("editions/ar/b.md", "---\ntitle: ب\nid: bee\n---\nنص.\n");
  const std::int64_t later = TempWorkspace::later();
  {
    ArticleCache cache(temp.root, later);
    for (const auto* path : {"editions/en/a.md", "editions/ar/a.md", "editions/ar/b.md"})
      (void)cache.load(temp.root / path, path, fs::path(path).parent_path().filename().string(), fs::path(path).stem().string());
    cache.save();
  }
  const auto loaded = load_workspace(temp.root);
  REQUIRE(loaded.ok());
  const Article* cached = loaded->find("ar", "a");
  REQUIRE(cached != nullptr);
  CHECK(cached->source_revision == "0123456789abcdef");
  CHECK(cached->source_revision_line == 3);
  CHECK(cached->revision == parse_article(*read_file(temp.root / "editions/ar/a.md"), "x", "ar", "a").article.revision);
  CHECK(cached->body.empty());
  CHECK(loaded->find("ar", "bee") != nullptr);
  CHECK(loaded->find("en", "a")->date == Date{2013, 5, 1});
  fs::remove(temp.root / "editions/ar/b.md");
  CHECK(load_workspace(temp.root)->find("ar", "bee") == nullptr);
  CHECK(read_file(temp.cache())->find("bee") == std::string::npos);
}

TEST_CASE("a load that leaves a folder out keeps its entries for the next load as they were") {
  TempWorkspace temp;
  const std::int64_t later = TempWorkspace::later();
  temp.write("editions/en/a.md", "---\ntitle: First\n---\nText.\n");
  temp.write("editions/ar/a.md", "---\ntitle: Arabic\n---\nنص.\n");
  const auto load = [&](ArticleCache& cache, const std::string& path) { return temp.load(cache, path); };
  {
    ArticleCache cache(temp.root, later);
    REQUIRE(load(cache, "editions/en/a.md").ok());
    REQUIRE(load(cache, "editions/ar/a.md").ok());
    cache.save();
  }
  const std::string written = *read_file(temp.cache());
  {
    ArticleCache cache(temp.root, later);  // the English alone, ar left out
    REQUIRE(load(cache, "editions/en/a.md").ok());
    cache.keep_under("editions/ar/");
    cache.save();
  }
  CHECK(*read_file(temp.cache()) == written);
  {
    ArticleCache cache(temp.root, later);  // without keep_under the entry would go
    REQUIRE(load(cache, "editions/en/a.md").ok());
    cache.save();
  }
  CHECK(read_file(temp.cache())->find("editions/ar/a.md") == std::string::npos);
}

TEST_CASE("an unchanged file whose cached id is not wanted is left out unread, its entry kept; a changed one never is") {
  TempWorkspace temp;
  const std::int64_t later = TempWorkspace::later();
  temp.write("editions/en/a.md", "---\ntitle: A\n---\nText.\n");
  temp.write("editions/en/b.md", "---\ntitle: B\nid: zed\n---\nText.\n");
  const auto load = [&](ArticleCache& cache, const std::string& path) { return temp.load(cache, path); };
  {
    ArticleCache cache(temp.root, later);
    REQUIRE(load(cache, "editions/en/a.md").ok());
    REQUIRE(load(cache, "editions/en/b.md").ok());
    cache.save();
  }
  const std::string written = *read_file(temp.cache());
  const auto wants_zed = [](std::string_view id) { return id == "zed"; };
  const auto stamp = [&](const std::string& path) { return stamp_of(temp.root / path); };
  {
    ArticleCache cache(temp.root, later);
    CHECK(cache.left_out(stamp("editions/en/a.md"), "editions/en/a.md", wants_zed));
    CHECK_FALSE(cache.left_out(stamp("editions/en/b.md"), "editions/en/b.md", wants_zed));  // its id is wanted
    const auto b = load(cache, "editions/en/b.md");
    REQUIRE(b.ok());
    CHECK(b->article.id == "zed");
    cache.save();
  }
  CHECK(*read_file(temp.cache()) == written);
  temp.write("editions/en/a.md", "---\ntitle: A\nid: zed\n---\nText.\n");  // now the article asked for
  ArticleCache cache(temp.root, later);
  CHECK_FALSE(cache.left_out(stamp("editions/en/a.md"), "editions/en/a.md", wants_zed));
  CHECK(load(cache, "editions/en/a.md")->article.id == "zed");
  ArticleCache racy(temp.root, now_in_nanoseconds());  // a stamp too recent to trust is never left out
  CHECK_FALSE(racy.left_out(stamp("editions/en/b.md"), "editions/en/b.md", [](std::string_view) { return false; }));
}
