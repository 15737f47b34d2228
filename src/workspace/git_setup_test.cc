#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>

#include "edsync/file_io.h"
#include "edsync/process.h"
#include "edsync/workspace.h"
#include "git_setup.h"

namespace edsync {

namespace fs = std::filesystem;

namespace {

struct TempFolder {
  fs::path root = fs::temp_directory_path() / ("edsync-git-setup-" + std::to_string(::getpid()));
  TempFolder() {
    fs::remove_all(root);
    fs::create_directories(root);
  }
  ~TempFolder() { fs::remove_all(root); }
};

bool git_available() {
  const auto version = run_process({"git", "--version"}, ".");
  return version && version->exit_code == 0;
}

}  // namespace

TEST_CASE("add_line keeps the file's lines and adds a line once") {
  TempFolder temp;
  const fs::path file = temp.root / ".gitattributes";
  REQUIRE(write_file_atomically(file, "*.md text").ok());
  REQUIRE(detail::add_line(file, "tm/*.tmx merge=edsync-tm").ok());
  REQUIRE(detail::add_line(file, "tm/*.tmx merge=edsync-tm").ok());
  CHECK(*read_file(file) == "*.md text\ntm/*.tmx merge=edsync-tm\n");
}

TEST_CASE("init outside git writes .gitattributes and configures nothing") {
  TempFolder temp;
  const auto report = init_workspace(temp.root / "news", "en", {"ar"});
  REQUIRE(report.ok());
  CHECK(*read_file(temp.root / "news" / ".gitattributes") == "tm/*.tmx merge=edsync-tm\n");
  if (git_available()) CHECK_FALSE(report->git_configured);
}

TEST_CASE("init inside a git repository names the merge driver in its config") {
  if (!git_available()) return;
  TempFolder temp;
  REQUIRE(run_process({"git", "init", "-q", "."}, temp.root.string())->exit_code == 0);
  const auto report = init_workspace(temp.root / "news", "en", {"ar"});
  REQUIRE(report.ok());
  CHECK(report->git_configured);
  const auto driver = run_process({"git", "config", "merge.edsync-tm.driver"}, temp.root.string());
  CHECK(driver->out == "edsync tm merge-driver %O %A %B %P\n");
  const auto name = run_process({"git", "config", "merge.edsync-tm.name"}, temp.root.string());
  CHECK(name->out == "edsync translation memory\n");
}

}  // namespace edsync
