// The write path of tm/ under concurrent writers and faults: nothing is lost.
#include <doctest/doctest.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>

#include "edsync/file_io.h"
#include "edsync/tm_text.h"
#include "test_store.h"
#include "text_test_support.h"

namespace edsync::tm {

namespace fs = std::filesystem;
using test::files_in;
using test::kData;
using test::layout_in;

namespace {

// `count` units with English and each of `langs`, their text tagged with `tag`.
fs::path tmx_file(const fs::path& path, const std::string& tag, int count, const std::vector<std::string>& langs) {
  std::string text = "<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n";
  for (int i = 0; i < count; ++i) {
    const std::string n = tag + " " + std::to_string(i);
    text += "<tu><tuv xml:lang=\"en\"><seg>Report " + n + " on the talks.</seg></tuv>";
    for (const auto& lang : langs) text += "<tuv xml:lang=\"" + lang + "\"><seg>" + lang + " " + n + "</seg></tuv>";
    text += "</tu>\n";
  }
  REQUIRE(write_file_atomically(path, text + "</body></tmx>\n").ok());
  return path;
}

// A one-way signal between processes: wait() gives up after `ms`.
struct Signal {
  int fds[2] = {-1, -1};
  Signal() { REQUIRE(::pipe(fds) == 0); }
  ~Signal() {
    ::close(fds[0]);
    ::close(fds[1]);
  }
  void post() const {
    const char byte = 'x';
    (void)!::write(fds[1], &byte, 1);
  }
  bool wait(int ms) const {
    pollfd ready{fds[0], POLLIN, 0};
    char byte = 0;
    return ::poll(&ready, 1, ms) == 1 && ::read(fds[0], &byte, 1) == 1;
  }
};

template <typename Body>
pid_t child(Body body) {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(body() ? 0 : 1);
  return pid;
}

int exit_of(pid_t pid) {
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 100;
}

bool import_in(const fs::path& db, const TextLayout& layout, const fs::path& file, const TextImportHooks& hooks = {}) {
  auto store = Store::open(db);
  return store && import_tmx_as_text(*store, layout, file, {}, hooks).ok();
}

}  // namespace

TEST_CASE("a second import started while the first finishes waits for it, and tm/ holds both") {
  const auto folder = test::fresh_folder("two-writers");
  const TextLayout layout = layout_in(folder);
  const fs::path db = folder / "tm.sqlite";
  const fs::path a = tmx_file(folder / "a.tmx", "a", 300, {"ar", "fa"});
  const fs::path b = tmx_file(folder / "b.tmx", "b", 3, {"ar", "fa"});
  const fs::path c = tmx_file(folder / "c.tmx", "c", 1, {"sq"});
  REQUIRE(import_in(db, layout, kData / "news.tmx"));

  // As it was seen: the second import reaches the point where it keeps the
  // previous files aside while the first has committed and not yet cleaned up.
  Signal a_committed, b_keeping, a_done;
  const pid_t first = child([&] {
    TextImportHooks hooks;
    hooks.after_commit = [&] {
      a_committed.post();
      (void)b_keeping.wait(2000);
    };
    return import_in(db, layout, a, hooks);
  });
  REQUIRE(a_committed.wait(20000));
  const pid_t second = child([&] {
    TextImportHooks hooks;
    bool first_file = true;
    hooks.link_aside = [&](const fs::path& from, const fs::path& to) {
      if (std::exchange(first_file, false)) {
        b_keeping.post();
        (void)a_done.wait(2000);
      }
      std::error_code error;
      fs::create_hard_link(from, to, error);
      return error;
    };
    return import_in(db, layout, b, hooks);
  });
  CHECK(exit_of(first) == 0);
  a_done.post();
  CHECK(exit_of(second) == 0);
  CHECK(import_in(db, layout, c));

  test::TestStore reference;
  const TextLayout in_sequence = layout_in(reference.folder);
  for (const auto& file : {kData / "news.tmx", a, b, c})
    REQUIRE(import_tmx_as_text(reference.store, in_sequence, file).ok());
  CHECK(files_in(layout.dir) == files_in(in_sequence.dir));
  const auto synced = sync_index(db, layout);
  REQUIRE(synced.ok());
  CHECK(synced->action == IndexSync::Action::none);
  auto store = Store::open(db);
  CHECK(*store->content_digest() == *reference.store.content_digest());
  fs::remove_all(folder);
}

TEST_CASE("the previous file neither linked nor copied aside (disk full): tm/ is left byte for byte") {
  test::TestStore t;
  const TextLayout layout = layout_in(t.folder);
  REQUIRE(import_tmx_as_text(t.store, layout, kData / "news.tmx").ok());
  const auto before = files_in(layout.dir);
  TextImportHooks hooks;
  hooks.link_aside = [](const fs::path&, const fs::path&) { return std::make_error_code(std::errc::operation_not_permitted); };
  hooks.copy_aside = [](const fs::path& from, const fs::path& to) -> Status {
    const std::string bytes = *read_file(from);
    std::ofstream(to, std::ios::binary) << bytes.substr(0, 100);  // what fit before the disk was full
    return io_error(to.string() + ": cannot keep the previous file: No space left on device");
  };
  const auto failed = import_tmx_as_text(t.store, layout, tmx_file(t.folder / "more.tmx", "m", 2, {"ar"}), {}, hooks);
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.error().message.ends_with("cannot keep the previous file: No space left on device"));
  CHECK(files_in(layout.dir) == before);
  CHECK(*t.store.unit_count() == 4);
  CHECK(sync_index(t.folder / "tm.sqlite", layout)->action == IndexSync::Action::none);
}

TEST_CASE("where the previous file cannot be linked aside it is copied, and a failed commit puts it back whole") {
  test::TestStore t;
  const TextLayout layout = layout_in(t.folder);
  REQUIRE(import_tmx_as_text(t.store, layout, kData / "news.tmx").ok());
  const auto before = files_in(layout.dir);
  TextImportHooks hooks;
  hooks.link_aside = [](const fs::path&, const fs::path&) { return std::make_error_code(std::errc::cross_device_link); };
  hooks.before_commit = []() -> Status { return io_error("the database could not commit"); };
  const auto failed = import_tmx_as_text(t.store, layout, tmx_file(t.folder / "more.tmx", "m", 2, {"ar", "fa"}), {}, hooks);
  REQUIRE_FALSE(failed.ok());
  CHECK(files_in(layout.dir) == before);
  CHECK_FALSE(fs::exists(layout.dir / ".staged"));
  hooks.before_commit = nullptr;
  REQUIRE(import_tmx_as_text(t.store, layout, t.folder / "more.tmx", {}, hooks).ok());
  CHECK(files_in(layout.dir) == *render_text(t.store, layout));
}

TEST_CASE("an import that cannot get the write lock in time stops with tm/ untouched") {
  const auto folder = test::fresh_folder("lock-timeout");
  TextLayout layout = layout_in(folder);
  const fs::path db = folder / "tm.sqlite";
  REQUIRE(import_in(db, layout, kData / "news.tmx"));
  const auto before = files_in(layout.dir);
  Signal locked, release;
  const pid_t holder = child([&] {
    auto lock = FileLock::acquire(lock_file_of(layout));
    locked.post();
    (void)release.wait(5000);
    return lock.ok();
  });
  REQUIRE(locked.wait(5000));
  int notices = 0;
  layout.lock_wait.timeout = std::chrono::milliseconds(300);
  layout.lock_wait.notice_after = std::chrono::milliseconds(100);
  layout.lock_wait.on_wait = [&] { ++notices; };
  auto store = Store::open(db);
  const auto refused = import_tmx_as_text(*store, layout, tmx_file(folder / "more.tmx", "m", 2, {"ar"}));
  release.post();
  CHECK(exit_of(holder) == 0);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().kind == ErrorKind::io);
  CHECK(refused.error().message.find("another edsync command still holds the lock after 0.3 s") != std::string::npos);
  CHECK(notices == 1);
  CHECK(files_in(layout.dir) == before);
  CHECK(*store->unit_count() == 4);
  fs::remove_all(folder);
}

}  // namespace edsync::tm
