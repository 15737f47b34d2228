#include <doctest/doctest.h>

#include "edsync/config.h"

using namespace edsync;

namespace {
// The message of a config that must be refused as bad input.
std::string error(const char* text) {
  const auto config = parse_config(text, "edsync.yaml");
  REQUIRE_FALSE(config.ok());
  CHECK(config.error().kind == ErrorKind::bad_input);
  return config.error().message;
}
}  // namespace

TEST_CASE("a full config reads every setting") {
  const auto config = parse_config(
      "source: en\n"
      "editions:\n"
      "  ar:\n"
      "    since: 2013-09-08\n"
      "  fa: {}\n"
      "  sq:\n"
      "    required: false\n"
      "paths:\n"
      "  editions: articles\n"
      "check:\n"
      "  grace_days: 3\n"
      "  fail_on: [stale, orphan]\n",
      "edsync.yaml");
  REQUIRE(config.ok());
  CHECK(config->source_lang == "en");
  REQUIRE(config->editions.size() == 3);
  CHECK(config->editions[0].lang == "ar");
  CHECK(config->editions[0].since == Date{2013, 9, 8});
  CHECK(config->editions[1].required);
  CHECK_FALSE(config->editions[2].required);
  CHECK(config->editions_dir == "articles");
  CHECK(config->tm_dir == "tm");
  CHECK(config->check.grace_days == 3);
  CHECK(config->check.fail_on == std::vector{SyncStatus::stale, SyncStatus::orphan});
}

TEST_CASE("editions may be a plain list") {
  const auto config = parse_config("editions: [ar, fa]\n", "edsync.yaml");
  REQUIRE(config.ok());
  CHECK(config->editions.size() == 2);
  CHECK(config->edition("fa") != nullptr);
  CHECK(config->edition("sq") == nullptr);
}

TEST_CASE("config errors name the file, line and column") {
  CHECK(error("editions: [ar]\ncheck:\n  grace: 3\n") ==
        "edsync.yaml:3:3: unknown key 'grace' in check; expected one of: grace_days, fail_on");
  CHECK(error("editions: [ar, Arabic]\n") ==
        "edsync.yaml:1:16: an edition must be a language code such as 'ar' or 'fa', got 'Arabic'");
  CHECK(error("editions:\n  ar:\n    since: last year\n") ==
        "edsync.yaml:3:12: since must be a date written YYYY-MM-DD, got 'last year'");
  CHECK(error("editions: [ar]\ncheck:\n  fail_on: [stale, late]\n") ==
        "edsync.yaml:3:20: unknown status 'late'; statuses are ok, stale, untracked, missing, pending, skipped, orphan, invalid");
  CHECK(error("editions: [ar]\ncheck:\n  grace_days: -2\n") ==
        "edsync.yaml:3:15: grace_days must be a whole number of days, 0 or more, got '-2'");
  CHECK(error("source: en\n") ==
        "edsync.yaml:1:1: missing 'editions': list the edition languages, e.g. editions: [ar, fa, sq]");
  CHECK(error("editions: [ar, en]\n") == "edsync.yaml:1:11: the source language 'en' cannot also be an edition");
  CHECK(error("editions: [ar\n") == "edsync.yaml:2:1: not valid YAML: end of sequence flow not found");
  CHECK(error("") == "edsync.yaml: the file is empty; it needs at least 'source' and 'editions'");
}

TEST_CASE("align.min_confidence is a number from 0 to 1, 0.5 when absent") {
  CHECK(parse_config("editions: [ar]\n", "edsync.yaml")->align.min_confidence == 0.5);
  CHECK(parse_config("editions: [ar]\nalign:\n  min_confidence: 0.8\n", "edsync.yaml")->align.min_confidence == 0.8);
  CHECK(error("editions: [ar]\nalign:\n  min_confidence: 2\n") ==
        "edsync.yaml:3:19: min_confidence must be a number from 0 to 1, got '2'");
  CHECK(error("editions: [ar]\nalign:\n  threshold: 0.2\n") ==
        "edsync.yaml:3:3: unknown key 'threshold' in align; expected one of: min_confidence");
}

TEST_CASE("todo.bands lists the lowest score of each fuzzy band, highest first") {
  CHECK(parse_config("editions: [ar]\n", "edsync.yaml")->todo.bands == std::vector<int>{95, 85, 75, 50});
  CHECK(parse_config("editions: [ar]\ntodo:\n  bands: [90, 70]\n", "edsync.yaml")->todo.bands == std::vector<int>{90, 70});
  CHECK(error("editions: [ar]\ntodo:\n  bands: [90, 100]\n") ==
        "edsync.yaml:3:15: a band is the lowest fuzzy score it holds, a whole number from 1 to 99, got '100'");
  CHECK(error("editions: [ar]\ntodo:\n  bands: [70, 90]\n") ==
        "edsync.yaml:3:15: bands must go from the highest score down, each lower than the one before; got 90 after 70");
  CHECK(error("editions: [ar]\ntodo:\n  bands: 80\n") ==
        "edsync.yaml:3:10: bands must list the lowest score of each fuzzy band, highest first, e.g. [95, 85, 75, 50]");
  CHECK(error("editions: [ar]\ntodo:\n  band: [80]\n") ==
        "edsync.yaml:3:3: unknown key 'band' in todo; expected one of: bands");
}

TEST_CASE("paths in the config stay inside the workspace") {
  CHECK(error("editions: [ar]\npaths:\n  editions: ../../etc\n") ==
        "edsync.yaml:3:13: paths.editions must be a folder inside the workspace, such as 'editions', got '../../etc'");
  CHECK(error("editions: [ar]\npaths:\n  tm: /var/tm\n") ==
        "edsync.yaml:3:7: paths.tm must be a folder inside the workspace, such as 'tm', got '/var/tm'");
  CHECK(error("editions: [ar]\npaths:\n  editions: news/../..\n") ==
        "edsync.yaml:3:13: paths.editions must be a folder inside the workspace, such as 'editions', got 'news/../..'");
  const auto nested = parse_config("editions: [ar]\npaths:\n  editions: site/./news/\n  tm: memory/../tm\n", "edsync.yaml");
  REQUIRE(nested.ok());
  CHECK(nested->editions_dir == "site/./news/");
}

TEST_CASE("the default config parses") {
  const auto config = parse_config(default_config_text({"ar", "fa", "sq"}), "edsync.yaml");
  REQUIRE(config.ok());
  CHECK(config->editions.size() == 3);
  CHECK(config->check.grace_days == 7);
}

TEST_CASE("status names round-trip") {
  for (const auto name : {"ok", "stale", "untracked", "missing", "pending", "skipped", "orphan", "invalid"})
    CHECK(to_string(*parse_sync_status(name)) == name);
  CHECK_FALSE(parse_sync_status("late").has_value());
}
