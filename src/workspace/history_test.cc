#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "edsync/history.h"
#include "edsync/process.h"

using namespace edsync;
namespace fs = std::filesystem;

namespace {

struct GitWorkspace {
  fs::path repo = fs::temp_directory_path() / ("edsync-history-" + std::to_string(::getpid()));
  fs::path root = repo / "site";  // the workspace sits below the top of the repository
  GitWorkspace() {
    fs::remove_all(repo);
    fs::create_directories(root / "editions/en");
    std::ofstream(root / "edsync.yaml") << "editions: [ar]\n";
    git({"init", "-q"});
  }
  ~GitWorkspace() { fs::remove_all(repo); }
  void git(std::vector<std::string> args) const {
    args.insert(args.begin(), {"git", "-c", "user.name=t", "-c", "user.email=t@example.org"});
    REQUIRE(run_process(args, repo.string())->exit_code == 0);
  }
  void commit_article(const std::string& path, const std::string& body) const {
    std::ofstream(root / path) << "---\ntitle: Raid\n---\n\n" << body;
    git({"add", "-A"});
    git({"commit", "-q", "-m", "edit"});
  }
};

}  // namespace

TEST_CASE("english_at_revision finds an earlier version in git, across a rename") {
  GitWorkspace temp;
  temp.commit_article("editions/en/raid.md", "Police entered the camp.\n");
  temp.commit_article("editions/en/raid.md", "Police entered the camp. Two were hurt.\n");
  temp.git({"mv", "site/editions/en/raid.md", "site/editions/en/camp-raid.md"});
  temp.git({"commit", "-q", "-m", "rename"});
  temp.commit_article("editions/en/camp-raid.md", "Police entered the camp at dawn. Two were hurt.\n");

  const auto workspace = load_workspace(temp.root);
  REQUIRE(workspace.ok());
  const Article* now = workspace->find("en", "camp-raid");
  REQUIRE(now != nullptr);
  const auto first = parse_article("---\ntitle: Raid\n---\n\nPolice entered the camp.\n", "x", "en", "raid");
  const auto found = english_at_revision(*workspace, *now, first.article.revision);
  REQUIRE(found.has_value());
  CHECK(found->body == "\nPolice entered the camp.\n");
  CHECK_FALSE(english_at_revision(*workspace, *now, "0123456789abcdef").has_value());
}

TEST_CASE("english_at_revision outside git finds nothing") {
  const fs::path root = fs::temp_directory_path() / ("edsync-nogit-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "editions/en");
  std::ofstream(root / "edsync.yaml") << "editions: [ar]\n";
  std::ofstream(root / "editions/en/a.md") << "---\ntitle: A\n---\nText.\n";
  const auto workspace = load_workspace(root);
  REQUIRE(workspace.ok());
  CHECK_FALSE(english_at_revision(*workspace, *workspace->find("en", "a"), "0123456789abcdef").has_value());
  fs::remove_all(root);
}

TEST_CASE("english_at_revisions answers many articles from one walk, skipping what is not there") {
  GitWorkspace temp;
  temp.commit_article("editions/en/a.md", "First A.\n");
  temp.commit_article("editions/en/b.md", "First B.\n");
  temp.commit_article("editions/en/a.md", "Second A.\n");
  temp.commit_article("editions/en/b.md", "Second B.\n");
  temp.commit_article("editions/en/a.md", "Third A.\n");

  const auto workspace = load_workspace(temp.root);
  REQUIRE(workspace.ok());
  const Article* a = workspace->find("en", "a");
  const Article* b = workspace->find("en", "b");
  const auto revision = [](const char* body) { return parse_article(std::string("---\ntitle: Raid\n---\n\n") + body, "x", "en", "x").article.revision; };
  const auto found = english_at_revisions(*workspace, {{a, revision("First A.\n")}, {a, revision("Second A.\n")},
                                                       {b, revision("First B.\n")}, {b, "0123456789abcdef"}});
  REQUIRE(found.size() == 3);
  CHECK(found.at({"a", revision("First A.\n")}).body == "\nFirst A.\n");
  CHECK(found.at({"a", revision("Second A.\n")}).body == "\nSecond A.\n");
  CHECK(found.at({"b", revision("First B.\n")}).body == "\nFirst B.\n");
  CHECK(found.at({"b", revision("First B.\n")}).path == "editions/en/b.md@" + found.at({"b", revision("First B.\n")}).path.substr(17));
  CHECK(english_at_revisions(*workspace, {{b, revision("First B.\n")}}, 1).empty());  // one version in reach: the newest
}

TEST_CASE("parse_history reads git log --raw -z: commits newest first, renames, links, names with any bytes") {
  using namespace std::string_literals;
  const std::string log = "\x01" "2222 172800\0\n"s + ":100644 100644 aaaa bbbb R100\0editions/en/x.md\0editions/en/y z.md\0"s +
                          ":000000 120000 0000 cccc A\0editions/ar/l.md\0"s + "\x01" "1111 86400\0\n:000000 100644 0000 aaaa A\0editions/en/x.md\0"s;
  const History history = parse_history(log);
  CHECK(history.available);
  REQUIRE(history.commits.size() == 2);
  CHECK(history.commits[0].hash == "2222");
  CHECK(history.commits[0].time == 172800);
  REQUIRE(history.commits[0].changes.size() == 2);
  const FileChange& renamed = history.commits[0].changes[0];
  CHECK(renamed.status == 'R');
  CHECK(renamed.blob == "bbbb");
  CHECK(renamed.old_path == "editions/en/x.md");
  CHECK(renamed.path == "editions/en/y z.md");
  CHECK(renamed.regular);
  CHECK_FALSE(history.commits[0].changes[1].regular);  // a symbolic link
  CHECK(history.commits[1].changes.at(0).path == "editions/en/x.md");
  CHECK(parse_history("not a log").commits.empty());
}
