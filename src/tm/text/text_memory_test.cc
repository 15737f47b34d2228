#include <doctest/doctest.h>

#include <sys/wait.h>

#include <fstream>
#include <unistd.h>

#include <sstream>

#include "edsync/file_io.h"
#include "edsync/tm_text.h"
#include "test_store.h"
#include "text_test_support.h"

namespace edsync::tm {

using test::TestStore;
using test::unit_of;
namespace fs = std::filesystem;
using test::files_in;
using test::kData;
using test::layout_in;

namespace {

// An index at `db` made by importing news.tmx as text.
void import_news(const fs::path& db, const TextLayout& layout) {
  auto store = Store::open(db);
  REQUIRE(import_tmx_as_text(*store, layout, kData / "news.tmx").ok());
}

// What tm/ holds after a whole import of news.tmx.
std::map<std::string, std::string> files_after_news() {
  TestStore reference;
  const TextLayout layout = layout_in(reference.folder);
  REQUIRE(import_tmx_as_text(reference.store, layout, kData / "news.tmx").ok());
  return files_in(layout.dir);
}

std::string exported(Store& store) {
  std::ostringstream out;
  REQUIRE(export_tmx(store, out).ok());
  return out.str();
}

}  // namespace

TEST_CASE("each edition file holds English and its language; split units carry one label") {
  TestStore t;
  const TextLayout layout = layout_in(t.folder);
  REQUIRE(t.store.add(unit_of({{"en", "Hello."}, {"ar", "مرحبا."}, {"fa", "سلام."}})).ok());
  REQUIRE(t.store.add(unit_of({{"en", "Bye."}, {"de", "Tschüss."}})).ok());
  const auto rendered = render_text(t.store, layout);
  REQUIRE(rendered.ok());
  CHECK(rendered->size() == 3);  // ar, fa, other: no sq.tmx without Albanian
  const std::string& fa = rendered->at("fa.tmx");
  const auto at = fa.find("x-edsync-unit\">");
  REQUIRE(at != std::string::npos);
  const std::string label = fa.substr(at + 15, 16);
  CHECK(label.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(rendered->at("ar.tmx") ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<tmx version=\"1.4\">\n"
        "  <header creationtool=\"edsync\" creationtoolversion=\"text-1\" segtype=\"sentence\" o-tmf=\"edsync\" "
        "adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>\n"
        "  <body>\n"
        "    <tu>\n"
        "      <prop type=\"x-edsync-unit\">" + label + "</prop>\n"
        "      <tuv xml:lang=\"en\">\n"
        "        <seg>Hello.</seg>\n"
        "      </tuv>\n"
        "      <tuv xml:lang=\"ar\">\n"
        "        <seg>مرحبا.</seg>\n"
        "      </tuv>\n"
        "    </tu>\n"
        "  </body>\n"
        "</tmx>\n");
  CHECK(fa.find("<tuv xml:lang=\"ar\">") == std::string::npos);
  CHECK(rendered->at("other.tmx").find("Tschüss.") != std::string::npos);
  CHECK(rendered->at("other.tmx").find("x-edsync-unit") == std::string::npos);  // whole, not split
}

TEST_CASE("the text does not depend on the order units were added in") {
  TestStore a, b;
  const std::vector<tmx::Unit> units = {unit_of({{"en", "B sentence."}, {"ar", "ب"}}),
                                        unit_of({{"en", "A sentence."}, {"ar", "أ"}, {"fa", "الف"}}),
                                        unit_of({{"en", "A sentence."}, {"ar", "ا"}}),
                                        unit_of({{"ar", "بلا إنجليزية"}, {"fa", "بدون انگلیسی"}})};
  for (const auto& unit : units) REQUIRE(a.store.add(unit).ok());
  for (auto it = units.rbegin(); it != units.rend(); ++it) REQUIRE(b.store.add(*it).ok());
  const auto first = render_text(a.store, layout_in(a.folder));
  REQUIRE(first.ok());
  CHECK(*first == *render_text(b.store, layout_in(b.folder)));
  CHECK(*first == *render_text(a.store, layout_in(a.folder)));
  const std::string& ar = first->at("ar.tmx");
  CHECK(ar.find("A sentence.") < ar.find("B sentence."));
  CHECK(first->at("other.tmx").find("بلا إنجليزية") != std::string::npos);
}

TEST_CASE("writing the text, then rebuilding from it, gives the same memory and the same files") {
  TestStore t;
  const TextLayout layout = layout_in(t.folder);
  REQUIRE(import_tmx(t.store, kData / "news.tmx").ok());
  REQUIRE(t.store.transaction([&]() -> Status { return write_text(t.store, layout).ok() ? success() : io_error("write"); }).ok());
  const auto written = files_in(layout.dir);
  CHECK(written.size() == 4);  // ar, fa, sq, other (fr-CA)

  TestStore rebuilt;
  const auto units = load_text(rebuilt.store, layout.dir);
  REQUIRE(units.ok());
  CHECK(*units == 4);  // the unit with ar-EG and fa is one unit again
  CHECK(*render_text(rebuilt.store, layout) == written);
  // Only the order of variants inside a unit may differ: source first.
  CHECK(exported(rebuilt.store).size() == exported(t.store).size());
}

TEST_CASE("tm/ keeps each file's header: a rebuild from the text gives the same sources and units") {
  TestStore t;
  const TextLayout layout = layout_in(t.folder);
  REQUIRE(import_tmx_as_text(t.store, layout, kData / "news.tmx").ok());
  REQUIRE(import_tmx_as_text(t.store, layout, kData / "rich-header.tmx").ok());
  const auto written = files_in(layout.dir);
  // ar.tmx holds units of both files; fa.tmx and sq.tmx only news.tmx's, so they list that one header.
  CHECK(written.at("ar.tmx").find("datatype=\"unknown\">") != std::string::npos);
  CHECK(written.at("ar.tmx").find("&lt;ude name=\"Desk\"") != std::string::npos);
  CHECK(written.at("fa.tmx").find("datatype=\"plaintext\">\n    <prop type=\"x-project\">camp-ashraf</prop>\n") !=
        std::string::npos);
  CHECK(written.at("fa.tmx").find("x-client") == std::string::npos);

  TestStore rebuilt;
  REQUIRE(load_text(rebuilt.store, layout.dir).ok());
  CHECK(*render_text(rebuilt.store, layout) == written);
  const auto sources = rebuilt.store.sources();
  REQUIRE(sources->size() == 2);
  CHECK((*sources)[0].markup == (*t.store.sources())[0].markup);
  CHECK((*sources)[1].markup == (*t.store.sources())[1].markup);
  // Units come in another order (and a unit's variants: source first), nothing else differs.
  CHECK(exported(rebuilt.store).size() == exported(t.store).size());
}

TEST_CASE("a unit split over several files keeps its import source and written tags when tm/ is read back") {
  TestStore t;
  const fs::path file = t.folder / "split.tmx";
  REQUIRE(write_file_atomically(file,
                                "<tmx version=\"1.4\"><header srclang=\"en\" datatype=\"html\"><note>desk</note></header><body>"
                                "<tu><tuv xml:lang=\"en\"><seg>Hello.</seg></tuv><tuv xml:lang=\"arb\"><seg>\u0645\u0631\u062d\u0628\u0627.</seg></tuv>"
                                "<tuv xml:lang=\"pes\"><seg>\u0633\u0644\u0627\u0645.</seg></tuv></tu></body></tmx>")
              .ok());
  const TextLayout layout = layout_in(t.folder);
  REQUIRE(import_tmx_as_text(t.store, layout, file).ok());
  const auto written = files_in(layout.dir);
  REQUIRE(written.size() == 2);  // ar.tmx and fa.tmx, a part in each
  CHECK(written.at("fa.tmx").find("<prop type=\"x-edsync-lang\">pes</prop>") != std::string::npos);

  TestStore rebuilt;
  REQUIRE(load_text(rebuilt.store, layout.dir).ok());
  // The joined unit refers to the source again: a prop naming an unknown source would list none.
  const auto sources = rebuilt.store.sources();
  REQUIRE(sources->size() == 1);
  CHECK((*sources)[0].markup == (*t.store.sources())[0].markup);
  CHECK(rebuilt.store.sources("fa")->size() == 1);
  CHECK(*render_text(rebuilt.store, layout) == written);
  CHECK(exported(rebuilt.store) == exported(t.store));
}

TEST_CASE("importing what is already there leaves the files byte for byte") {
  TestStore t;
  const TextLayout layout = layout_in(t.folder);
  REQUIRE(import_tmx_as_text(t.store, layout, kData / "news.tmx").ok());
  const auto before = files_in(layout.dir);
  const auto report = import_tmx_as_text(t.store, layout, kData / "news.tmx");
  REQUIRE(report.ok());
  CHECK(report->merged == 4);
  CHECK(files_in(layout.dir) == before);
  const auto again = write_text(t.store, layout);
  REQUIRE(again.ok());
  CHECK(again->empty());
  CHECK(sync_index(t.folder / "tm.sqlite", layout)->action == IndexSync::Action::none);
}

TEST_CASE("a crash after the files are written and before the commit loses nothing") {
  TestStore t;
  const TextLayout layout = layout_in(t.folder);
  // What a crash leaves: the transaction never commits, the files are written.
  const Status crashed = t.store.transaction([&]() -> Status {
    REQUIRE(import_tmx(t.store, kData / "news.tmx").ok());
    REQUIRE(write_text(t.store, layout).ok());
    return io_error("simulated crash");
  });
  REQUIRE_FALSE(crashed.ok());
  CHECK(*t.store.unit_count() == 0);
  CHECK(files_in(layout.dir).size() == 4);

  const auto synced = sync_index(t.folder / "tm.sqlite", layout);
  REQUIRE(synced.ok());
  CHECK(synced->action == IndexSync::Action::rebuilt);
  CHECK(synced->units == 4);
  auto reopened = Store::open(t.folder / "tm.sqlite");
  REQUIRE(reopened.ok());
  CHECK(*reopened->unit_count() == 4);
}

TEST_CASE("a failed commit puts the previous files back") {
  TestStore t;
  const TextLayout layout = layout_in(t.folder);
  REQUIRE(t.store.add(unit_of({{"en", "Kept."}, {"ar", "محفوظ."}})).ok());
  REQUIRE(t.store.transaction([&]() -> Status { return write_text(t.store, layout).ok() ? success() : io_error("write"); }).ok());
  const auto before = files_in(layout.dir);
  TextImportHooks hooks;
  bool files_were_new = false;
  hooks.before_commit = [&]() -> Status {
    files_were_new = files_in(layout.dir) != before;
    return io_error("disk full");
  };
  const auto failed = import_tmx_as_text(t.store, layout, kData / "news.tmx", {}, hooks);
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.error().message == "disk full");
  CHECK(files_were_new);
  CHECK(files_in(layout.dir) == before);
  CHECK(*t.store.unit_count() == 1);
}

TEST_CASE("the index is rebuilt when the files' bytes change, not their times") {
  TestStore t;
  const TextLayout layout = layout_in(t.folder);
  const fs::path db = t.folder / "index.sqlite";
  import_news(db, layout);
  fs::last_write_time(layout.dir / "ar.tmx", fs::file_time_type::clock::now() - std::chrono::hours(24));
  CHECK(sync_index(db, layout)->action == IndexSync::Action::none);

  std::string ar = *read_file(layout.dir / "ar.tmx");
  const std::string added = "    <tu>\n      <tuv xml:lang=\"en\"><seg>Added by hand.</seg></tuv>\n"
                            "      <tuv xml:lang=\"ar\"><seg>أضيف يدويا.</seg></tuv>\n    </tu>\n";
  ar.insert(ar.find("  </body>"), added);
  REQUIRE(write_file_atomically(layout.dir / "ar.tmx", ar).ok());
  const auto synced = sync_index(db, layout);
  REQUIRE(synced.ok());
  CHECK(synced->action == IndexSync::Action::rebuilt);
  CHECK(synced->units == 5);
  CHECK(sync_index(db, layout)->action == IndexSync::Action::none);

  fs::remove(db);
  CHECK(sync_index(db, layout)->action == IndexSync::Action::rebuilt);
  CHECK(fs::exists(db));
  CHECK_FALSE(fs::exists(db.string() + "-wal"));
}

TEST_CASE("English edited by hand in one file splits that part off") {
  TestStore t;
  const TextLayout layout = layout_in(t.folder);
  REQUIRE(t.store.add(unit_of({{"en", "Same."}, {"ar", "نفس."}, {"fa", "همان."}})).ok());
  REQUIRE(t.store.transaction([&]() -> Status { return write_text(t.store, layout).ok() ? success() : io_error("write"); }).ok());
  std::string fa = *read_file(layout.dir / "fa.tmx");
  fa.replace(fa.find("Same."), 5, "Changed.");
  REQUIRE(write_file_atomically(layout.dir / "fa.tmx", fa).ok());
  TestStore rebuilt;
  CHECK(*load_text(rebuilt.store, layout.dir) == 2);
}

TEST_CASE("a database from before the text keeps its units and writes them out") {
  TestStore t;
  const TextLayout layout = layout_in(t.folder);
  const fs::path db = t.folder / "old.sqlite";
  {
    auto store = Store::open(db);
    REQUIRE(import_tmx(*store, kData / "news.tmx").ok());
  }
  fs::create_directories(layout.dir);
  REQUIRE(write_file_atomically(layout.dir / "ar.tmx",
                                "<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu>"
                                "<tuv xml:lang=\"en\"><seg>From a colleague.</seg></tuv>"
                                "<tuv xml:lang=\"ar\"><seg>من زميل.</seg></tuv></tu></body></tmx>")
              .ok());
  const auto synced = sync_index(db, layout);
  REQUIRE(synced.ok());
  CHECK(synced->action == IndexSync::Action::adopted);
  CHECK(synced->units == 5);
  CHECK(read_file(layout.dir / "ar.tmx")->find("From a colleague.") != std::string::npos);
  CHECK(read_file(layout.dir / "ar.tmx")->find("Sunday") != std::string::npos);
  CHECK(sync_index(db, layout)->action == IndexSync::Action::none);
}

TEST_CASE("a broken file stops the rebuild with its place and keeps the old index") {
  TestStore t;
  const TextLayout layout = layout_in(t.folder);
  const fs::path db = t.folder / "index.sqlite";
  import_news(db, layout);
  REQUIRE(write_file_atomically(layout.dir / "fa.tmx",
                                "<tmx version=\"1.4\"><header/><body>\n<tu><tuv xml:lang=\"fa\"></tuv></tu></body></tmx>")
              .ok());
  const auto synced = sync_index(db, layout);
  REQUIRE_FALSE(synced.ok());
  CHECK(synced.error().kind == ErrorKind::bad_input);
  CHECK(synced.error().message.starts_with("tm/fa.tmx:2:"));
  CHECK(*Store::open(db)->unit_count() == 4);
  CHECK(fs::directory_iterator(t.folder) != fs::directory_iterator());
  for (const auto& entry : fs::directory_iterator(t.folder))
    CHECK(entry.path().filename().string().find(".rebuild-") == std::string::npos);
}

TEST_CASE("an import killed between renaming two files is finished by the next command") {
  const auto folder = test::fresh_folder("stopped-renames");
  const TextLayout layout = layout_in(folder);
  const fs::path db = folder / "tm.sqlite";
  const pid_t child = ::fork();
  if (child == 0) {
    auto store = Store::open(db);
    TextImportHooks hooks;
    hooks.after_file_replaced = [](const std::string&) { ::_exit(9); };
    (void)import_tmx_as_text(*store, layout, kData / "news.tmx", {}, hooks);
    ::_exit(0);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WEXITSTATUS(status) == 9);
  CHECK(files_in(layout.dir).size() == 1);  // ar.tmx so far
  CHECK(fs::exists(layout.dir / ".staged" / "plan"));

  const auto synced = sync_index(db, layout);
  REQUIRE(synced.ok());
  CHECK(synced->action == IndexSync::Action::rebuilt);
  CHECK(synced->units == 4);
  CHECK(files_in(layout.dir) == files_after_news());
  fs::remove_all(folder);
}

TEST_CASE("an import killed before its plan was written leaves tm/ as it was") {
  TestStore t;
  const TextLayout layout = layout_in(t.folder);
  REQUIRE(t.store.add(unit_of({{"en", "Kept."}, {"ar", "محفوظ."}})).ok());
  REQUIRE(t.store.transaction([&]() -> Status { return write_text(t.store, layout).ok() ? success() : io_error("write"); }).ok());
  const auto before = files_in(layout.dir);
  // What a crash while staging leaves: new bytes beside tm/, no plan.
  fs::create_directories(layout.dir / ".staged");
  REQUIRE(write_file_atomically(layout.dir / ".staged" / "ar.tmx", "half").ok());

  const auto synced = sync_index(t.folder / "tm.sqlite", layout);
  REQUIRE(synced.ok());
  CHECK(synced->action == IndexSync::Action::none);
  CHECK(files_in(layout.dir) == before);
}

TEST_CASE("an import rewrites only the files its units land in") {
  TestStore t;
  const TextLayout layout = layout_in(t.folder);
  REQUIRE(import_tmx_as_text(t.store, layout, kData / "news.tmx").ok());
  const auto fa_before = fs::last_write_time(layout.dir / "fa.tmx");
  const fs::path more = t.folder / "more.tmx";
  REQUIRE(write_file_atomically(more,
                                "<tmx version=\"1.4\"><header srclang=\"en\"/><body>"
                                "<tu><tuv xml:lang=\"en\"><seg>New here.</seg></tuv>"
                                "<tuv xml:lang=\"ar\"><seg>جديد هنا.</seg></tuv></tu></body></tmx>")
              .ok());
  std::vector<std::string> replaced;
  TextImportHooks hooks;
  hooks.after_file_replaced = [&](const std::string& file) { replaced.push_back(file); };
  REQUIRE(import_tmx_as_text(t.store, layout, more, {}, hooks).ok());
  CHECK(replaced == std::vector<std::string>{"ar.tmx"});
  CHECK(fs::last_write_time(layout.dir / "fa.tmx") == fa_before);
  // The same files as writing the whole memory out would give.
  const auto whole = render_text(t.store, layout);
  REQUIRE(whole.ok());
  std::map<std::string, std::string> on_disk = files_in(layout.dir);
  CHECK(on_disk == *whole);
  CHECK(sync_index(t.folder / "tm.sqlite", layout)->action == IndexSync::Action::none);
}

namespace {

// A TMX file of `count` distinct units in English, Arabic and Persian.
fs::path generated_tmx(const fs::path& folder, int count) {
  const fs::path path = folder / ("units-" + std::to_string(count) + ".tmx");
  std::string text = "<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n";
  for (int i = 0; i < count; ++i) {
    const std::string n = std::to_string(i);
    text += "<tu><tuv xml:lang=\"en\"><seg>Sentence " + n + " tells of the camp, its residents and the talks.</seg></tuv>"
            "<tuv xml:lang=\"ar\"><seg>الجملة " + n + " تروي قصة المخيم وسكانه والمحادثات.</seg></tuv>"
            "<tuv xml:lang=\"fa\"><seg>جمله " + n + " از اردوگاه، ساکنانش و گفتگوها می‌گوید.</seg></tuv></tu>\n";
  }
  REQUIRE(write_file_atomically(path, text + "</body></tmx>\n").ok());
  return path;
}

std::int64_t peak_kilobytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.starts_with("VmHWM:")) return std::stoll(line.substr(6));
  return -1;
}

// Imports `file` into a fresh folder in a child process, as text or into the
// database alone; the child's peak memory in KiB.
std::int64_t peak_of_import(const fs::path& folder, const fs::path& file, bool as_text) {
  int channel[2];
  REQUIRE(::pipe(channel) == 0);
  const pid_t child = ::fork();
  if (child == 0) {
    ::close(channel[0]);
    TextLayout layout{folder / "tm", "en", {"ar", "fa", "sq"}};
    layout.sort_memory = 256u << 10;
    fs::create_directories(folder);
    auto store = Store::open(folder / "tm.sqlite");
    std::int64_t peak = -1;
    const bool imported = store && (as_text ? import_tmx_as_text(*store, layout, file).ok() : import_tmx(*store, file).ok());
    if (imported) peak = peak_kilobytes();
    (void)!::write(channel[1], &peak, sizeof peak);
    ::_exit(0);
  }
  ::close(channel[1]);
  std::int64_t peak = -1;
  CHECK(::read(channel[0], &peak, sizeof peak) == sizeof peak);
  ::close(channel[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  return peak;
}

// What writing the text adds to the peak of the import itself.
std::int64_t text_overhead(const fs::path& folder, const fs::path& file) {
  const auto with_text = peak_of_import(folder / "text", file, true);
  const auto database_only = peak_of_import(folder / "database", file, false);
  REQUIRE(with_text > 0);
  REQUIRE(database_only > 0);
  return with_text - database_only;
}

}  // namespace

TEST_CASE("writing the text takes no more memory for four times the units: sorted runs go to disk") {
  const auto folder = test::fresh_folder("bounded-text");
  const auto small = text_overhead(folder / "small", generated_tmx(folder, 4000));
  const auto large = text_overhead(folder / "large", generated_tmx(folder, 16000));
  MESSAGE("the text adds " << small << " KiB to the peak for 4,000 units, " << large << " KiB for 16,000");
  // Held in memory, the parts of 12,000 more units would take some 12 MiB more.
  CHECK(large - small < 2 * 1024);
  CHECK(fs::file_size(folder / "large" / "text" / "tm" / "ar.tmx") > 2 * (1u << 20));
  fs::remove_all(folder);
}

}  // namespace edsync::tm
