#include <doctest/doctest.h>

#include "edsync/revision.h"
#include "edsync/sync.h"

using namespace edsync;

namespace {

Article article(const std::string& lang, const std::string& id, const std::string& body,
                std::optional<Date> date = Date{2013, 9, 8}) {
  Article a;
  a.lang = lang;
  a.id = id;
  a.path = "editions/" + lang + "/" + id + ".md";
  a.title = id;
  a.body = body;
  a.date = date;
  a.revision = revision_of(a.title, a.body);
  return a;
}

Article translation(const std::string& lang, const Article& english, std::optional<std::string> recorded) {
  Article t = article(lang, english.id, "translated " + english.body);
  t.source_revision = std::move(recorded);
  t.source_revision_line = 4;
  return t;
}

struct Fixture {
  Workspace workspace;
  Fixture() {
    workspace.config.editions = {{"ar", true, std::nullopt}};
    workspace.config.check.grace_days = 7;
  }
  void add(Article a) { workspace.articles[a.lang][a.id] = std::move(a); }
  std::map<std::string, SyncStatus> statuses(CheckOptions options = {}) {
    if (options.today == Date::today_utc()) options.today = Date{2014, 1, 1};
    const auto report = run_check(workspace, options);
    REQUIRE(report.ok());
    std::map<std::string, SyncStatus> result;
    for (const auto& finding : report->editions.at(0).findings) result[finding.id] = finding.status;
    return result;
  }
};

}  // namespace

TEST_CASE("each status, one article at a time") {
  Fixture f;
  const Article current = article("en", "current", "Text.");
  const Article edited = article("en", "edited", "New text.");
  const Article unmarked = article("en", "unmarked", "Text.");
  const Article untranslated = article("en", "untranslated", "Text.");
  f.add(current);
  f.add(edited);
  f.add(unmarked);
  f.add(untranslated);
  f.add(translation("ar", current, current.revision));
  f.add(translation("ar", edited, revision_of("edited", "Old text.")));
  f.add(translation("ar", unmarked, std::nullopt));
  f.add(translation("ar", article("en", "removed", "Gone."), "0123456789abcdef"));
  CHECK(f.statuses() == std::map<std::string, SyncStatus>{{"current", SyncStatus::ok},
                                                          {"edited", SyncStatus::stale},
                                                          {"unmarked", SyncStatus::untracked},
                                                          {"untranslated", SyncStatus::missing},
                                                          {"removed", SyncStatus::orphan}});
}

TEST_CASE("grace period: pending until the English is grace_days old") {
  Fixture f;
  f.add(article("en", "new", "Text.", Date{2013, 12, 28}));
  CheckOptions options;
  options.today = Date{2014, 1, 1};
  CHECK(f.statuses(options).at("new") == SyncStatus::pending);
  options.today = Date{2014, 1, 4};
  CHECK(f.statuses(options).at("new") == SyncStatus::missing);
  options.grace_days = 30;
  CHECK(f.statuses(options).at("new") == SyncStatus::pending);
}

TEST_CASE("since and required decide what is skipped, undated ones stay required") {
  Fixture f;
  f.workspace.config.editions[0].since = Date{2013, 9, 9};
  f.add(article("en", "before", "Text.", Date{2013, 9, 8}));
  f.add(article("en", "on-the-day", "Text.", Date{2013, 9, 9}));
  f.add(article("en", "undated", "Text.", std::nullopt));
  auto statuses = f.statuses();
  CHECK(statuses.at("before") == SyncStatus::skipped);
  CHECK(statuses.at("on-the-day") == SyncStatus::missing);
  CHECK(statuses.at("undated") == SyncStatus::missing);
  CheckOptions options;
  options.required_editions = std::vector<std::string>{};
  statuses = f.statuses(options);
  CHECK(statuses.at("on-the-day") == SyncStatus::skipped);
}

TEST_CASE("fail_on decides whether the report fails, invalid files count") {
  Fixture f;
  const Article english = article("en", "a", "Text.");
  f.add(english);
  f.add(translation("ar", english, std::nullopt));
  f.workspace.invalid_files.push_back({"ar", "b", {"editions/ar/b.md", 2, 8, "'title' is empty"}});
  CheckOptions options;
  options.today = Date{2014, 1, 1};
  auto report = run_check(f.workspace, options);
  REQUIRE(report.ok());
  CHECK(report->failed);
  CHECK(report->counts.at(SyncStatus::invalid) == 1);
  CHECK(report->editions[0].findings.back().detail == "'title' is empty");
  options.fail_on = std::vector<SyncStatus>{SyncStatus::stale};
  report = run_check(f.workspace, options);
  CHECK_FALSE(report->failed);
}

TEST_CASE("translations of an invalid English article are not orphans") {
  Fixture f;
  f.workspace.invalid_files.push_back({"en", "a", {"editions/en/a.md", 1, 1, "missing 'title'"}});
  f.add(translation("ar", article("en", "a", "Text."), std::nullopt));
  const auto report = run_check(f.workspace, {});
  REQUIRE(report.ok());
  CHECK(report->editions[0].findings.empty());
  CHECK(report->source_problems.size() == 1);
}

TEST_CASE("filters: --lang must name an edition, article patterns are globs") {
  Fixture f;
  f.add(article("en", "camp-ashraf-raid", "Text."));
  f.add(article("en", "other", "Text."));
  CheckOptions options;
  options.article_patterns = {"camp-*"};
  CHECK(f.statuses(options).size() == 1);
  options.langs = {"de"};
  const auto report = run_check(f.workspace, options);
  REQUIRE_FALSE(report.ok());
  CHECK(report.error().kind == ErrorKind::usage);
  CHECK(report.error().message == "unknown edition 'de'; the workspace has ar");
}

TEST_CASE("an invalid translation is reported once, as invalid, not also as missing") {
  Fixture f;
  f.add(article("en", "a", "Text."));
  f.workspace.invalid_files.push_back({"ar", "a", {"editions/ar/a.md", 3, 7, "'date' must be a date"}});
  const auto statuses = f.statuses();
  CHECK(statuses.size() == 1);
  CHECK(statuses.at("a") == SyncStatus::invalid);
}

TEST_CASE("list_ok false counts ok translations without listing them, unless ok fails") {
  Fixture f;
  const Article current = article("en", "current", "Text.");
  const Article edited = article("en", "edited", "New text.");
  f.add(current);
  f.add(edited);
  f.add(translation("ar", current, current.revision));
  f.add(translation("ar", edited, revision_of("edited", "Old text.")));
  CheckOptions options;
  options.list_ok = false;
  CHECK(f.statuses(options) == std::map<std::string, SyncStatus>{{"edited", SyncStatus::stale}});
  const auto report = run_check(f.workspace, options);
  REQUIRE(report.ok());
  CHECK(report->editions.at(0).counts.at(SyncStatus::ok) == 1);
  CHECK(report->counts.at(SyncStatus::ok) == 1);
  CHECK(report->editions.at(0).required == 2);
  options.fail_on = std::vector<SyncStatus>{SyncStatus::ok};
  CHECK(f.statuses(options).size() == 2);
}

TEST_CASE("exact_pattern escapes the glob characters of an id") {
  CHECK(exact_pattern("camp-raid") == "camp-raid");
  CHECK(exact_pattern("a*b?[c]\\d") == "a\\*b\\?\\[c]\\\\d");
}
