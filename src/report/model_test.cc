#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "edsync/report.h"
#include "edsync/revision.h"

using namespace edsync;

namespace {

Article article(const std::string& lang, const std::string& id, const std::string& title, std::optional<Date> date = Date{2013, 9, 8}) {
  Article a;
  a.lang = lang;
  a.id = id;
  a.path = "editions/" + lang + "/" + id + ".md";
  a.title = title;
  a.body = "Body of " + id + ".";
  a.date = date;
  a.revision = revision_of(a.title, a.body);
  return a;
}

struct Fixture {
  Workspace workspace;
  Fixture() {
    workspace.root = "/nonexistent-edsync-report-test";
    workspace.config.editions = {{"ar", true, Date{2013, 9, 1}}, {"sq", false, std::nullopt}};
    workspace.config.check.grace_days = 7;
    const Article current = article("en", "current", "Current <b>news</b>");
    const Article edited = article("en", "edited", "Edited");
    add(current);
    add(edited);
    const Article old = article("en", "old", "Old", Date{2013, 1, 1});
    add(old);
    Article welcome = article("ar", "old", "قديم");  // translated though the edition does not require it
    welcome.source_revision = old.revision;
    add(welcome);
    add(article("en", "fresh", "Fresh", Date{2013, 12, 30}));
    add(article("en", "absent", "Absent"));
    Article done = article("ar", "current", "خبر");
    done.source_revision = current.revision;
    add(done);
    Article behind = article("ar", "edited", "معدل");
    behind.source_revision = "0000000000000000";
    add(behind);
    add(article("ar", "gone", "محذوف"));
  }
  void add(Article a) { workspace.articles[a.lang][a.id] = std::move(a); }
  Report report() {
    CheckOptions options;
    options.today = Date{2014, 1, 1};
    options.explain_stale = false;
    const auto check = run_check(workspace, options);
    REQUIRE(check.ok());
    return report_from_check(workspace, *check, Date{2014, 1, 1});
  }
};

}  // namespace

TEST_CASE("the front page counts each edition's statuses") {
  const Report report = Fixture().report();
  REQUIRE(report.editions.size() == 2);
  const CoverageCounts& ar = report.editions[0].counts;
  CHECK(report.editions[0].lang == "ar");
  CHECK(ar.english == 5);
  CHECK(ar.required == 4);  // "old" is dated before the edition starts
  CHECK(ar.translated == 3);
  CHECK(ar.up_to_date == 2);
  CHECK(ar.stale == 1);
  CHECK(ar.missing == 1);
  CHECK(ar.pending == 1);
  CHECK(ar.skipped == 0);
  CHECK(ar.orphan == 1);
  CHECK(ar.required_translated == 2);
  CHECK(ar.required_up_to_date == 1);
  const CoverageCounts& sq = report.editions[1].counts;
  CHECK(sq.required == 0);
  CHECK(sq.skipped == 5);
  CHECK(report.generated == Date{2014, 1, 1});
  CHECK(report.commit.empty());  // not in git
  CHECK(report.failed);
}

TEST_CASE("failing findings come first, ok and skipped ones are left out") {
  const Report report = Fixture().report();
  std::vector<std::string> order;
  for (const auto& row : report.findings) order.push_back(row.lang + "/" + row.id + " " + std::string(to_string(row.status)) + (row.fails ? " fails" : ""));
  CHECK(order == std::vector<std::string>{"ar/absent missing fails", "ar/edited stale fails", "ar/gone orphan fails", "ar/fresh pending"});
}

TEST_CASE("an edition page lists every article with its titles, an article page every edition") {
  const Report report = Fixture().report();
  const auto& rows = report.editions[0].articles;
  REQUIRE(rows.size() == 6);
  CHECK(rows[1].id == "current");
  CHECK(rows[1].title == "خبر");
  CHECK(rows[1].english_title == "Current <b>news</b>");
  CHECK(rows[1].path == "editions/ar/current.md");
  CHECK(rows[0].path == "editions/en/absent.md");  // untranslated: the English file
  REQUIRE(report.articles.size() == 6);            // five English articles and the orphan
  CHECK(report.articles[1].id == "current");
  CHECK(report.articles[1].title == "Current <b>news</b>");
  REQUIRE(report.articles[1].editions.size() == 2);
  CHECK(report.articles[1].editions[0].status == SyncStatus::ok);
  CHECK(report.articles[1].editions[1].status == SyncStatus::skipped);
  CHECK(report.articles[5].id == "gone");
  CHECK(report.articles[5].path.empty());
  CHECK(report.policy.grace_days == 7);
}

TEST_CASE("an edition page tells the size of the edition's memory file") {
  Fixture f;
  const auto root = std::filesystem::temp_directory_path() / ("edsync-report-memory-" + std::to_string(::getpid()));
  std::filesystem::create_directories(root / "tm");
  f.workspace.root = root;
  const std::string unit = "<tu><tuv xml:lang=\"en\"><seg>A.</seg></tuv><tuv xml:lang=\"ar\"><seg>أ.</seg></tuv></tu>\n";
  std::ofstream(root / "tm" / "ar.tmx") << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"t\" creationtoolversion=\"1\" "
                                           "segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/><body>\n"
                                        << unit << unit << "<tu><tuv xml:lang=\"en\"><seg>B.</seg></tuv><tuv xml:lang=\"ar\"><seg>ب.</seg></tuv></tu>\n</body></tmx>\n";
  const Report report = f.report();
  std::filesystem::remove_all(root);
  CHECK(report.editions[0].memory.present);
  CHECK(report.editions[0].memory.units == 3);
  CHECK(report.editions[0].memory.file == "tm/ar.tmx");
  CHECK(report.editions[0].memory.problem.empty());
  CHECK_FALSE(report.editions[1].memory.present);  // no tm/sq.tmx
}

namespace {

std::string tmx_file(const std::string& units) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"t\" creationtoolversion=\"1\" "
         "segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/><body>\n" +
         units + "</body></tmx>\n";
}

// A pair as the aligner writes it, with its provenance; an empty article: a unit without any.
std::string pair(const std::string& english, const std::string& arabic, const std::string& article = "", const std::string& revision = "",
                 const std::string& edition = "ar") {
  std::string props;
  if (!article.empty())
    props = "<prop type=\"x-edsync-article\">" + article + "</prop><prop type=\"x-edsync-edition\">" + edition +
            "</prop><prop type=\"x-edsync-revision\">" + revision + "</prop>";
  return "<tu>" + props + "<tuv xml:lang=\"en\"><seg>" + english + "</seg></tuv><tuv xml:lang=\"ar-EG\"><seg>" + arabic + "</seg></tuv></tu>\n";
}

}  // namespace

TEST_CASE("a stale translation's old sentences come with the translation made from them, where the memory has it") {
  Fixture f;
  const auto root = std::filesystem::temp_directory_path() / ("edsync-report-old-" + std::to_string(::getpid()));
  std::filesystem::create_directories(root / "tm");
  f.workspace.root = root;
  std::ofstream(root / "tm" / "ar.tmx") << tmx_file(
      pair("Old  sentence one.", "ترجمة من مراجعة أخرى", "edited", "1111111111111111") +      // another revision of the article
      pair("Old sentence one.", "ترجمة أخرى", "edited", "0000000000000000", "fa") +            // another edition's provenance
      pair("Old sentence one.", "الجملة الأولى", "edited", "0000000000000000") +              // the pair made from it
      pair("Old sentence two.", "الجملة الثانية") +                                            // no provenance: an exact match
      pair("Old sentence four", "ليست هي"));                                                 // not the same text
  CheckOptions options;
  options.today = Date{2014, 1, 1};
  options.explain_stale = false;
  auto check = run_check(f.workspace, options);
  REQUIRE(check.ok());
  Finding& stale = check->editions[0].findings[2];
  REQUIRE(stale.id == "edited");
  using Kind = SentenceChange::Kind;
  stale.changes = {{Kind::changed, "Old sentence one.", "New sentence one."},
                   {Kind::removed, "Old sentence two.", ""},
                   {Kind::added, "", "Old sentence four"},
                   {Kind::changed, "Old sentence four.", "Sentence four."}};
  const Report report = report_from_check(f.workspace, *check, Date{2014, 1, 1});
  std::filesystem::remove_all(root);
  const auto& changes = report.editions[0].articles[2].changes;
  REQUIRE(changes.size() == 4);
  using Source = OldTranslation::Source;
  CHECK(changes[0].old_translation.source == Source::aligned);
  CHECK(changes[0].old_translation.text == "الجملة الأولى");
  CHECK(changes[1].old_translation.source == Source::memory);
  CHECK(changes[1].old_translation.text == "الجملة الثانية");
  CHECK(changes[2].old_translation.source == Source::none);  // added: there is no old sentence to look up
  CHECK(changes[3].old_translation.source == Source::none);
  CHECK(changes[3].old_translation.text.empty());
  // The findings and the article page carry the same rows.
  CHECK(report.findings[1].changes[0].old_translation.text == "الجملة الأولى");
  CHECK(report.articles[2].editions[0].changes[1].old_translation.source == Source::memory);
}
