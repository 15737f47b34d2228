#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "edsync/file_io.h"
#include "edsync/sync.h"

using namespace edsync;
namespace fs = std::filesystem;

TEST_CASE("with_source_revision replaces the recorded line or adds one before the fence") {
  Article untracked;
  CHECK(with_source_revision("---\ntitle: T\n---\nBody\n", untracked, "0123456789abcdef") ==
        "---\ntitle: T\nsource_revision: 0123456789abcdef\n---\nBody\n");
  Article tracked;
  tracked.source_revision_line = 3;
  CHECK(with_source_revision("---\ntitle: T\nsource_revision: aaaaaaaaaaaaaaaa\ndate: 2013-09-08\n---\nBody\n", tracked, "0123456789abcdef") ==
        "---\ntitle: T\nsource_revision: 0123456789abcdef\ndate: 2013-09-08\n---\nBody\n");
  CHECK(with_source_revision("---\r\ntitle: T\r\n---\r\nBody\r\n", untracked, "0123456789abcdef") ==
        "---\r\ntitle: T\r\nsource_revision: 0123456789abcdef\r\n---\r\nBody\r\n");
}

TEST_CASE("mark_synced records the English revision and leaves the body byte for byte") {
  const fs::path root = fs::temp_directory_path() / ("edsync-mark-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "editions/en");
  fs::create_directories(root / "editions/ar");
  std::ofstream(root / "edsync.yaml") << "editions: [ar]\n";
  std::ofstream(root / "editions/en/a.md") << "---\ntitle: A\n---\n\nEnglish text.\n";
  const std::string body = "\nنص عربي،  مع   مسافات\n\n- قائمة\n";
  std::ofstream(root / "editions/ar/a.md") << "---\ntitle: أ\n---\n" << body;

  auto workspace = load_workspace(root);
  REQUIRE(workspace.ok());
  const auto outcomes = mark_synced(*workspace, "ar", {"a", "a"});  // given twice: written once, said twice
  REQUIRE(outcomes.ok());
  REQUIRE(outcomes->size() == 2);
  const auto& outcome = outcomes->front();
  REQUIRE(outcome.ok());
  CHECK(outcome->changed);
  REQUIRE(outcomes->back().ok());
  CHECK(outcomes->back()->changed);
  CHECK(std::distance(fs::directory_iterator(root / "editions/ar"), fs::directory_iterator()) == 1);
  CHECK(outcome->path == "editions/ar/a.md");
  CHECK(*read_file(root / "editions/ar/a.md") == "---\ntitle: أ\nsource_revision: " + outcome->revision + "\n---\n" + body);

  workspace = load_workspace(root);
  const auto again = mark_synced(*workspace, "ar", {"b", "a"});
  REQUIRE(again.ok());
  REQUIRE(again->size() == 2);
  const auto& missing = again->front();
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message == "no English article 'b' in editions/en/");
  REQUIRE(again->back().ok());
  CHECK_FALSE(again->back()->changed);
  fs::remove_all(root);
}
