#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "edsync/revision.h"
#include "edsync/workspace.h"

using namespace edsync;
namespace fs = std::filesystem;

namespace {

struct TempWorkspace {
  fs::path root = fs::temp_directory_path() / ("edsync-ws-" + std::to_string(::getpid()));
  TempWorkspace() {
    fs::remove_all(root);
    fs::create_directories(root);
    write("edsync.yaml", "editions: [ar, fa]\n");
  }
  ~TempWorkspace() { fs::remove_all(root); }
  void write(const std::string& path, const std::string& text) const {
    fs::create_directories((root / path).parent_path());
    std::ofstream(root / path, std::ios::binary) << text;
  }
};

std::vector<std::string> problems(const Workspace& workspace) {
  std::vector<std::string> lines;
  for (const auto& file : workspace.invalid_files) lines.push_back(file.diagnostic.to_string());
  return lines;
}

}  // namespace

TEST_CASE("loading goes on past bad files and reports each one") {
  TempWorkspace temp;
  temp.write("editions/en/a.md", "---\ntitle: A\n---\nText.\n");
  temp.write("editions/en/2013/b.md", "---\ntitle: B\n---\nText.\n");
  temp.write("editions/en/broken.md", "---\ntitle: [\n---\n");
  temp.write("editions/en/.a.md.swp", "not an article");
  temp.write("editions/en/notes.txt", "not an article");
  temp.write("editions/ar/a.md", "---\ntitle: أ\n---\nنص.\n");
  temp.write("editions/ar/c.md", "---\ntitle: ج\nid: a\n---\n");
  temp.write("editions/de/a.md", "---\ntitle: A\n---\n");
  const auto workspace = load_workspace(temp.root);
  REQUIRE(workspace.ok());
  CHECK(workspace->articles.at("en").size() == 2);
  CHECK(workspace->find("en", "b") != nullptr);
  CHECK(workspace->find("en", "b")->path == "editions/en/2013/b.md");
  CHECK(workspace->find("ar", "a")->title == "أ");
  CHECK(problems(*workspace) == std::vector<std::string>{
      "editions/ar/c.md:1:1: duplicate id 'a': editions/ar/a.md has it already; rename one of the files or give it another 'id'",
      "editions/de: unknown language folder 'de': edsync.yaml lists en, ar, fa; add 'de' under editions or move the folder out",
      "editions/en/broken.md:3:1: front matter is not valid YAML: end of sequence flow not found",
  });
  CHECK(workspace->invalid_files[2].lang == "en");
  CHECK(workspace->invalid_files[2].id == "broken");
}

TEST_CASE("links that lead outside the workspace are not followed; links inside it are") {
  TempWorkspace temp;
  const fs::path outside = temp.root.string() + "-outside";
  fs::create_directories(outside);
  std::ofstream(outside / "x.md") << "---\ntitle: X\n---\nOutside.\n";
  temp.write("editions/en/a.md", "---\ntitle: A\n---\nText.\n");
  fs::create_directories(temp.root / "editions/ar");
  fs::create_symlink(outside / "x.md", temp.root / "editions/ar/x.md");
  fs::create_symlink("../en/a.md", temp.root / "editions/ar/a.md");
  fs::create_directory_symlink(outside, temp.root / "editions/fa");
  const auto workspace = load_workspace(temp.root);
  REQUIRE(workspace.ok());
  CHECK(workspace->find("ar", "a") != nullptr);
  const std::string leads = "a symbolic link that leads outside the workspace (to " + fs::canonical(outside).string();
  CHECK(problems(*workspace) == std::vector<std::string>{
      "editions/ar/x.md: " + leads + "/x.md); edsync reads only files inside it: replace the link by the file or point it inside the workspace",
      "editions/fa: " + leads + "); edsync reads only files inside it: replace the link by the file or point it inside the workspace",
  });
  fs::remove_all(temp.root / "editions");
  fs::create_directory_symlink(outside, temp.root / "editions");
  const auto linked = load_workspace(temp.root);
  REQUIRE_FALSE(linked.ok());
  CHECK(linked.error().message == "editions: " + leads + "); edsync reads only files inside it: replace the link by the file or point it inside the workspace");
  fs::remove_all(outside);
}

TEST_CASE("a broken config stops the load with its position") {
  TempWorkspace temp;
  temp.write("edsync.yaml", "editions: [ar]\ncheck: {grace_days: soon}\n");
  temp.write("editions/en/a.md", "---\ntitle: A\n---\n");
  const auto workspace = load_workspace(temp.root);
  REQUIRE_FALSE(workspace.ok());
  CHECK(workspace.error().message == "edsync.yaml:2:21: grace_days must be a whole number of days, 0 or more, got 'soon'");
}

TEST_CASE("find_workspace_root looks upward") {
  TempWorkspace temp;
  fs::create_directories(temp.root / "editions" / "ar");
  CHECK(find_workspace_root(temp.root / "editions" / "ar") == temp.root);
  CHECK_FALSE(find_workspace_root("/").has_value());
}

TEST_CASE("init_workspace creates the layout and refuses to overwrite") {
  TempWorkspace temp;
  const fs::path fresh = temp.root / "new";
  REQUIRE(init_workspace(fresh, "en", {"ar", "sq"}).ok());
  CHECK(fs::is_directory(fresh / "editions" / "en"));
  CHECK(fs::is_directory(fresh / "editions" / "sq"));
  CHECK(fs::is_directory(fresh / "tm"));
  const auto workspace = load_workspace(fresh);
  REQUIRE(workspace.ok());
  CHECK(workspace->config.editions.size() == 2);
  const auto again = init_workspace(fresh, "en", {"ar"});
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().message == (fresh / "edsync.yaml").string() + ": already exists; this folder is a workspace already");
}

TEST_CASE("article_path: Markdown files in a known language folder, nothing hidden") {
  WorkspaceConfig config;
  config.editions = {{"ar", true, std::nullopt}};
  const auto raid = article_path(config, "editions/ar/2013/raid.md");
  REQUIRE(raid);
  CHECK(raid->lang == "ar");
  CHECK(raid->stem == "raid");
  CHECK(article_path(config, "editions/en/raid.md"));
  CHECK_FALSE(article_path(config, "editions/xx/raid.md"));      // not a language of the workspace
  CHECK_FALSE(article_path(config, "editions/ar/.raid.md"));     // hidden
  CHECK_FALSE(article_path(config, "editions/ar/.drafts/raid.md"));
  CHECK_FALSE(article_path(config, "editions/ar/raid.txt"));
  CHECK_FALSE(article_path(config, "editions/ar/.md"));
  CHECK_FALSE(article_path(config, "editions/raid.md"));         // no language folder
  CHECK_FALSE(article_path(config, "notes/ar/raid.md"));
  CHECK_FALSE(article_path(config, "editions/ar//raid.md"));
}

TEST_CASE("files are loaded in path order: of two files with one id, the first path element by element keeps it") {
  TempWorkspace temp;
  // As strings "a-b/x.md" sorts before "a/x.md" ('-' < '/'); as paths "a" comes before "a-b".
  temp.write("editions/en/a-b/x.md", "---\ntitle: Second\n---\nText.\n");
  temp.write("editions/en/a/x.md", "---\ntitle: First\n---\nText.\n");
  temp.write("editions/en/a.md", "---\ntitle: Third\nid: x\n---\nText.\n");
  temp.write("editions/en/.hidden/x.md", "---\ntitle: Hidden\n---\nText.\n");
  temp.write("editions/en/notes.txt", "not an article\n");
  const auto workspace = load_workspace(temp.root);
  REQUIRE(workspace.ok());
  REQUIRE(workspace->find("en", "x") != nullptr);
  CHECK(workspace->find("en", "x")->path == "editions/en/a/x.md");
  CHECK(problems(*workspace) == std::vector<std::string>{
      "editions/en/a-b/x.md:1:1: duplicate id 'x': editions/en/a/x.md has it already; rename one of the files or give it another 'id'",
      "editions/en/a.md:1:1: duplicate id 'x': editions/en/a/x.md has it already; rename one of the files or give it another 'id'"});
}

TEST_CASE("load_workspace reports the files read of the total") {
  TempWorkspace temp;
  temp.write("editions/en/a.md", "---\ntitle: A\n---\nText.\n");
  temp.write("editions/ar/a.md", "---\ntitle: A\n---\nText.\n");
  std::vector<std::pair<std::size_t, std::size_t>> reported;
  const auto workspace = load_workspace(temp.root, [&](std::string_view task, std::size_t done, std::size_t total) {
    CHECK(task == "reading articles");
    reported.emplace_back(done, total);
  });
  REQUIRE(workspace.ok());
  CHECK(reported == std::vector<std::pair<std::size_t, std::size_t>>{{2, 2}});
}

TEST_CASE("loading keeps no article's body, its memory freed too, and reload_article reads it again") {
  TempWorkspace temp;
  const std::string body = "\n" + std::string(5000, 'x') + " A long body.\n";
  temp.write("editions/en/a.md", "---\ntitle: A\n---\n" + body);
  temp.write("editions/ar/a.md", "---\ntitle: A\n---\nNass.\n");
  const auto workspace = load_workspace(temp.root);
  REQUIRE(workspace.ok());
  const Article* english = workspace->find("en", "a");
  REQUIRE(english);
  CHECK(english->body.empty());
  CHECK(english->body.capacity() < 1000);
  CHECK(workspace->find("ar", "a")->body.empty());
  CHECK(english->revision == revision_of("A", body));
  const auto reloaded = reload_article(*workspace, *english);
  REQUIRE(reloaded.ok());
  CHECK(reloaded->body == body);
}

TEST_CASE("a load of some editions reads the English and them, and lists no other edition's folder") {
  TempWorkspace temp;
  temp.write("editions/en/a.md", "---\ntitle: A\n---\nText.\n");
  temp.write("editions/ar/a.md", "---\ntitle: أ\n---\nنص.\n");
  temp.write("editions/fa/a.md", "---\ntitle: [\n---\n");  // broken, but not looked at
  temp.write("editions/de/a.md", "---\ntitle: A\n---\n");   // an unknown language is still said
  const auto some = load_workspace(temp.root, LoadScope{.langs = {"ar"}});
  REQUIRE(some.ok());
  CHECK(some->articles.size() == 2);
  CHECK(some->find("ar", "a") != nullptr);
  CHECK(some->articles.count("fa") == 0);
  CHECK(problems(*some) == std::vector<std::string>{
      "editions/de: unknown language folder 'de': edsync.yaml lists en, ar, fa; add 'de' under editions or move the folder out"});
  const auto all = load_workspace(temp.root, LoadScope{});
  REQUIRE(all.ok());
  CHECK(problems(*all).size() == 2);  // the broken fa file too
}

TEST_CASE("a load of some articles keeps those whose id is wanted, front matter ids too, and every bad file") {
  TempWorkspace temp;
  temp.write("editions/en/camp-a.md", "---\ntitle: A\n---\nText.\n");
  temp.write("editions/en/b.md", "---\ntitle: B\nid: camp-b\n---\nText.\n");
  temp.write("editions/en/c.md", "---\ntitle: C\n---\nText.\n");
  temp.write("editions/ar/camp-a.md", "---\ntitle: أ\n---\nنص.\n");
  temp.write("editions/ar/c.md", "---\ntitle: ج\n---\nنص.\n");
  temp.write("editions/fa/d.md", "---\ntitle: [\n---\n");
  const LoadScope scope{.keeps_id = [](std::string_view id) { return id.substr(0, 5) == "camp-"; }};
  const auto some = load_workspace(temp.root, scope);
  REQUIRE(some.ok());
  CHECK(some->articles.at("en").size() == 2);
  CHECK(some->find("en", "camp-b") != nullptr);
  CHECK(some->find("en", "c") == nullptr);
  CHECK(some->articles.at("ar").size() == 1);
  CHECK(problems(*some).size() == 1);  // the broken fa file, whatever id it would have had
  const auto again = load_workspace(temp.root, scope);  // through the cache now
  REQUIRE(again.ok());
  CHECK(again->articles.at("en").size() == 2);
  CHECK(load_workspace(temp.root)->articles.at("en").size() == 3);
}
