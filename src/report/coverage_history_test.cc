#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "edsync/process.h"
#include "edsync/report.h"
#include "edsync/revision.h"

using namespace edsync;
namespace fs = std::filesystem;

namespace {

// A workspace in git whose commits the test makes, each on a given day.
struct GitWorkspace {
  fs::path root = fs::temp_directory_path() / ("edsync-report-history-" + std::to_string(::getpid()));
  Workspace workspace;
  GitWorkspace() {
    fs::remove_all(root);
    fs::create_directories(root / "editions" / "en");
    fs::create_directories(root / "editions" / "ar");
    git({"init", "-q"});
    workspace.root = root;
    workspace.config.editions = {{"ar", true, Date{2013, 9, 1}}};
  }
  ~GitWorkspace() { fs::remove_all(root); }
  void git(std::vector<std::string> args) const {
    args.insert(args.begin(), {"git", "-c", "user.name=t", "-c", "user.email=t@example.org"});
    REQUIRE(run_process(args, root.string())->exit_code == 0);
  }
  void write(const std::string& path, const std::string& text) const { std::ofstream(root / path) << text; }
  void english(const std::string& id, const std::string& date, const std::string& body) const {
    write("editions/en/" + id + ".md", "---\ntitle: " + id + "\ndate: " + date + "\n---\n\n" + body + "\n");
  }
  void arabic(const std::string& id, const std::string& english_body) const {
    write("editions/ar/" + id + ".md", "---\ntitle: ar " + id + "\nsource_revision: " + revision_of(id, english_body + "\n") + "\n---\n\nنص.\n");
  }
  void commit(const std::string& day) const {
    git({"add", "-A"});
    const std::string date = "--date=" + day + "T12:00:00Z";
    setenv("GIT_COMMITTER_DATE", (day + "T12:00:00Z").c_str(), 1);
    git({"commit", "-q", "--allow-empty", date, "-m", "on " + day});
    unsetenv("GIT_COMMITTER_DATE");
  }
};

std::vector<std::string> points_of(const CoverageHistory& history) {
  std::vector<std::string> points;
  for (const auto& point : history.editions.at(0).points)
    points.push_back(point.date.to_string() + " " + std::to_string(point.up_to_date) + "/" + std::to_string(point.translated) + "/" +
                     std::to_string(point.required));
  return points;
}

}  // namespace

TEST_CASE("coverage at each commit that touched the editions: added, translated, edited, translated again") {
  GitWorkspace git;
  git.english("raid", "2013-09-08", "Police entered the camp.");
  git.english("old", "2013-01-01", "Before the edition.");
  git.commit("2013-09-08");
  git.arabic("raid", "Police entered the camp.");
  git.commit("2013-09-10");
  git.english("raid", "2013-09-08", "Police entered the camp on Monday.");
  git.english("talks", "2013-09-12", "Talks began.");
  git.commit("2013-09-12");
  git.write("README", "not under editions\n");
  git.commit("2013-09-13");
  git.arabic("raid", "Police entered the camp on Monday.");
  git.arabic("talks", "Talks began.");
  git.commit("2013-09-20");

  const CoverageHistory history = read_coverage_history(git.workspace, read_history(git.workspace, "editions", true), 60);
  REQUIRE(history.available);
  CHECK(history.commits == 4);  // the README commit did not touch editions/
  CHECK(points_of(history) == std::vector<std::string>{"2013-09-08 0/0/1", "2013-09-10 1/1/1", "2013-09-12 0/1/2", "2013-09-20 2/2/2"});
  CHECK(history.editions[0].points[0].commit.size() == 12);
  // raid: English dated 09-08, translated 09-10; talks: dated 09-12, translated 09-20.
  CHECK(history.editions[0].lag_days == std::vector<long>{2, 8});
}

TEST_CASE("many commits are sampled, keeping the first and the last") {
  GitWorkspace git;
  for (int day = 10; day < 30; ++day) {
    git.english("a" + std::to_string(day), "2013-09-" + std::to_string(day), "Text.");
    git.commit("2013-09-" + std::to_string(day));
  }
  const CoverageHistory history = read_coverage_history(git.workspace, read_history(git.workspace, "editions", true), 5);
  CHECK(history.commits == 20);
  const auto points = points_of(history);
  CHECK(points == std::vector<std::string>{"2013-09-10 0/0/1", "2013-09-14 0/0/5", "2013-09-19 0/0/10", "2013-09-24 0/0/15", "2013-09-29 0/0/20"});
}

TEST_CASE("outside git there is no history") {
  Workspace workspace;
  workspace.root = fs::temp_directory_path();
  const fs::path lone = fs::temp_directory_path() / ("edsync-report-nogit-" + std::to_string(::getpid()));
  fs::create_directories(lone);
  workspace.root = lone;
  setenv("GIT_CEILING_DIRECTORIES", fs::temp_directory_path().c_str(), 1);
  const History none = read_history(workspace, "editions", true);
  CHECK_FALSE(none.available);
  CHECK_FALSE(read_coverage_history(workspace, none, 60).available);
  unsetenv("GIT_CEILING_DIRECTORIES");
  fs::remove_all(lone);
}

TEST_CASE("coverage from a history: renames, deletions, links and paths that are no articles") {
  Workspace workspace;
  workspace.config.editions = {{"ar", true, std::nullopt}};
  const std::string english = "---\ntitle: X\n---\nBody.\n", arabic = "---\ntitle: س\n---\nنص.\n";
  const std::unordered_map<std::string, std::string> blobs = {{"e", english}, {"a", arabic}, {"l", "x.md"}};
  History log;
  log.available = true;
  const auto commit = [](std::int64_t day, std::vector<FileChange> changes) { return HistoryCommit{"c" + std::to_string(day), day * 86400, std::move(changes)}; };
  log.commits = {  // newest first, as git gives them
      commit(5, {{'D', true, "0", "editions/en/y.md", "editions/en/y.md"}}),
      commit(4, {{'R', true, "e", "editions/en/x.md", "editions/en/y.md"}}),
      commit(3, {{'A', false, "l", "editions/ar/link.md", "editions/ar/link.md"},      // a symbolic link: its text is a path
                 {'A', true, "a", "editions/xx/x.md", "editions/xx/x.md"},             // not a language of the workspace
                 {'A', true, "a", "editions/ar/.x.md", "editions/ar/.x.md"}}),         // hidden
      commit(2, {{'A', true, "a", "editions/ar/x.md", "editions/ar/x.md"}, {'A', true, "a", "notes/x.md", "notes/x.md"}}),
      commit(1, {{'A', true, "e", "editions/en/x.md", "editions/en/x.md"}}),
  };
  const CoverageHistory history = coverage_from_history(workspace, log, blobs, 60);
  CHECK(history.commits == 5);
  CHECK(points_of(history) == std::vector<std::string>{"1970-01-02 0/0/1", "1970-01-03 0/1/1", "1970-01-04 0/1/1", "1970-01-05 0/0/1", "1970-01-06 0/0/0"});
  CHECK(history.editions[0].points[0].commit == "c1");
  CHECK(history.editions[0].lag_days == std::vector<long>{1});  // the English has no date: its first commit counts
  CHECK_FALSE(coverage_from_history(workspace, History{}, blobs, 60).available);
}

TEST_CASE("report progress: one step per commit of the history") {
  GitWorkspace git;
  git.english("a", "2013-09-10", "Text.");
  git.commit("2013-09-10");
  git.english("b", "2013-09-11", "Text.");
  git.commit("2013-09-11");
  std::vector<std::string> steps;
  read_coverage_history(git.workspace, read_history(git.workspace, "editions", true), 60,
                        [&](const ReportProgress& p) { steps.push_back(std::string(p.stage) + " " + std::to_string(p.done) + "/" + std::to_string(p.total)); });
  CHECK(steps == std::vector<std::string>{"reading history 1/2", "reading history 2/2"});
}
