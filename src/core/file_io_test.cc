#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "edsync/file_io.h"

using namespace edsync;
namespace fs = std::filesystem;

namespace {
fs::path fresh_folder(const std::string& name) {
  const fs::path folder = fs::temp_directory_path() / ("edsync-test-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(folder);
  fs::create_directories(folder);
  return folder;
}
}  // namespace

TEST_CASE("a streamed write that runs out of space says so") {
  if (!std::filesystem::exists("/dev/full")) {
    MESSAGE("skipped: no /dev/full here");
    return;
  }
  const Status written = edsync::write_file_streamed("/dev/full", [](std::ostream& out) -> edsync::Status {
    for (int i = 0; i < 10000 && out; ++i) out << "<tu>a unit of the memory</tu>\n";
    return edsync::success();
  });
  REQUIRE_FALSE(written.ok());
  CHECK(written.error().kind == edsync::ErrorKind::io);
  CHECK(written.error().message == "/dev/full: cannot write: No space left on device");
}

TEST_CASE("write_file_atomically replaces content, keeps permissions, leaves no temporary file") {
  const fs::path folder = fresh_folder("atomic");
  const fs::path file = folder / "article.md";
  REQUIRE(write_file_atomically(file, "first\n").ok());
  ::chmod(file.c_str(), 0600);
  REQUIRE(write_file_atomically(file, "second\n").ok());
  CHECK(*read_file(file) == "second\n");
  CHECK((fs::status(file).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
  CHECK(std::distance(fs::directory_iterator(folder), fs::directory_iterator()) == 1);
  fs::remove_all(folder);
}

TEST_CASE("write_file_atomically without the flush still replaces through a renamed temporary file") {
  const fs::path folder = fresh_folder("atomic-no-flush");
  const fs::path file = folder / "page.html";
  REQUIRE(write_file_atomically(file, "first\n", Flush::no).ok());
  const auto inode = [&] {
    struct stat info {};
    ::stat(file.c_str(), &info);
    return info.st_ino;
  };
  const auto before = inode();
  ::chmod(file.c_str(), 0600);
  REQUIRE(write_file_atomically(file, "second\n", Flush::no).ok());
  CHECK(*read_file(file) == "second\n");
  CHECK(inode() != before);  // a new file renamed over the old one, not the old one rewritten
  CHECK((fs::status(file).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
  CHECK(std::distance(fs::directory_iterator(folder), fs::directory_iterator()) == 1);
  fs::remove_all(folder);
}

TEST_CASE("write_file_atomically into a missing folder is an I/O error naming the file") {
  const auto written = write_file_atomically("/nonexistent-edsync-folder/x.md", "text");
  REQUIRE_FALSE(written.ok());
  CHECK(written.error().kind == ErrorKind::io);
  CHECK(written.error().message.rfind("/nonexistent-edsync-folder/x.md: cannot create a temporary file beside it: ", 0) == 0);
}

TEST_CASE("read_file of a missing file is an I/O error") {
  const auto text = read_file("/nonexistent-edsync-folder/x.md");
  REQUIRE_FALSE(text.ok());
  CHECK(text.error().kind == ErrorKind::io);
  CHECK(text.error().message == "/nonexistent-edsync-folder/x.md: cannot open: No such file or directory");
}

TEST_CASE("read_file of a folder is bad input that says it is a folder") {
  const fs::path folder = fresh_folder("read-folder");
  const auto text = read_file(folder, "a TMX file");
  REQUIRE_FALSE(text.ok());
  CHECK(text.error().kind == ErrorKind::bad_input);
  CHECK(text.error().message == folder.string() + ": is a folder; give a TMX file");
  CHECK(read_file(folder).error().message == folder.string() + ": is a folder; give a file");
  fs::remove_all(folder);
}

TEST_CASE("write_file_atomically through a symbolic link keeps the link and replaces its target") {
  const fs::path folder = fresh_folder("atomic-link");
  REQUIRE(write_file_atomically(folder / "target.md", "first\n").ok());
  fs::create_symlink("target.md", folder / "link.md");
  REQUIRE(write_file_atomically(folder / "link.md", "second\n").ok());
  CHECK(fs::is_symlink(folder / "link.md"));
  CHECK(*read_file(folder / "target.md") == "second\n");
  fs::remove_all(folder);
}

TEST_CASE("a batch of atomic writes changes nothing until committed, then replaces every file, links kept") {
  const fs::path folder = fresh_folder("atomic-batch");
  const fs::path a = folder / "a.md", b = folder / "b.md", link = folder / "link.md";
  REQUIRE(write_file_atomically(a, "old a\n").ok());
  REQUIRE(write_file_atomically(b, "old b\n").ok());
  ::chmod(b.c_str(), 0600);
  fs::create_symlink("a.md", link);
  const auto entries = [&] { return std::distance(fs::directory_iterator(folder), fs::directory_iterator()); };
  {
    AtomicWrites writes;
    REQUIRE(writes.stage(b, "new b\n").ok());
    CHECK(*read_file(b) == "old b\n");
    CHECK(entries() == 4);  // a temporary file beside b
  }
  CHECK(entries() == 3);  // dropped, not committed: removed
  CHECK(*read_file(b) == "old b\n");
  AtomicWrites writes;
  REQUIRE(writes.stage(link, "new a\n").ok());
  REQUIRE(writes.stage(b, "new b\n").ok());
  const Status nowhere = writes.stage(folder / "no-such-folder" / "c.md", "c\n");
  REQUIRE_FALSE(nowhere.ok());
  CHECK(nowhere.error().message.find("no-such-folder/c.md: cannot create a temporary file beside it") != std::string::npos);
  REQUIRE(writes.commit().ok());
  CHECK(*read_file(a) == "new a\n");
  CHECK(fs::is_symlink(link));
  CHECK(*read_file(b) == "new b\n");
  CHECK((fs::status(b).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
  CHECK(entries() == 3);
  fs::remove_all(folder);
}
