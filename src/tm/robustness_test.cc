// Imports killed at random points, and two importers at once.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <random>

#include "test_store.h"

namespace edsync::tm {

namespace {

// A TMX file of `count` distinct en-ar units.
std::filesystem::path generate_tmx(const std::filesystem::path& folder, const std::string& name, int count) {
  const auto path = folder / name;
  std::ofstream out(path);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"t\" creationtoolversion=\"1\""
         " segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/><body>\n";
  for (int i = 0; i < count; ++i) {
    out << "<tu tuid=\"" << name << i << "\"><prop type=\"x-n\">" << i << "</prop><tuv xml:lang=\"en\"><seg>Sentence " << name
        << " number " << i << " about the camp and its residents.</seg></tuv><tuv xml:lang=\"ar\"><seg>الجملة " << i
        << " عن المخيم وسكانه.</seg></tuv></tu>\n";
  }
  out << "</body></tmx>\n";
  return path;
}

// Runs an import of `file` into `db` in a child process; returns its pid.
pid_t import_in_child(const std::filesystem::path& db, const std::filesystem::path& file) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    auto store = Store::open(db);
    const bool ok = store.ok() && import_tmx(*store, file).ok();
    ::_exit(ok ? 0 : 1);
  }
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

}  // namespace

TEST_CASE("an import killed at any point leaves the memory consistent and unchanged") {
  const auto folder = test::fresh_folder("kill");
  const auto db = folder / "tm.sqlite";
  const auto big = generate_tmx(folder, "big", 30'000);
  std::string before;
  {
    auto store = Store::open(db);
    REQUIRE(store.ok());
    REQUIRE(import_tmx(*store, std::filesystem::path(EDSYNC_TEST_DATA_DIR) / "tm" / "news.tmx").ok());
    before = *store->content_digest();
  }
  std::mt19937 random(12345);
  std::uniform_int_distribution<int> delay_us(1'000, 400'000);
  int killed = 0;
  for (int round = 0; round < 8; ++round) {
    const pid_t child = import_in_child(db, big);
    ::usleep(static_cast<useconds_t>(delay_us(random)));
    ::kill(child, SIGKILL);
    const int status = wait_for(child);
    CAPTURE(round);
    REQUIRE(WIFSIGNALED(status));  // the import must still be running: otherwise this tests nothing
    ++killed;
    auto store = Store::open(db);
    REQUIRE(store.ok());
    CHECK(*store->integrity_check() == "ok");
    CHECK(*store->content_digest() == before);
    CHECK(*store->unit_count() == 4);
  }
  CHECK(killed == 8);
  std::filesystem::remove_all(folder);
}

TEST_CASE("two processes importing at once both succeed and the union is kept") {
  const auto folder = test::fresh_folder("concurrent");
  const auto db = folder / "tm.sqlite";
  const auto one = generate_tmx(folder, "one", 3'000);
  const auto two = generate_tmx(folder, "two", 3'000);
  const pid_t first = import_in_child(db, one);
  const pid_t second = import_in_child(db, two);
  const int first_status = wait_for(first);
  const int second_status = wait_for(second);
  CHECK((WIFEXITED(first_status) && WEXITSTATUS(first_status) == 0));
  CHECK((WIFEXITED(second_status) && WEXITSTATUS(second_status) == 0));
  auto store = Store::open(db);
  REQUIRE(store.ok());
  CHECK(*store->unit_count() == 6'000);
  CHECK(*store->integrity_check() == "ok");
  std::filesystem::remove_all(folder);
}

}  // namespace edsync::tm
