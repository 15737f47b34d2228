#include <doctest/doctest.h>

#include "edsync/report.h"

using namespace edsync;

namespace {

std::string shown(const std::vector<WordRun>& runs) {
  std::string text;
  for (const auto& run : runs) text += (text.empty() ? "" : " ") + (run.changed ? "[" + run.text + "]" : run.text);
  return text;
}

}  // namespace

TEST_CASE("a changed sentence marks the words that differ on each side") {
  const auto diff = diff_words({SentenceChange::Kind::changed, "Three people were killed on Monday.", "Five people were killed on Monday morning."});
  CHECK(shown(diff.before) == "[Three] people were killed on [Monday.]");
  CHECK(shown(diff.after) == "[Five] people were killed on [Monday morning.]");
}

TEST_CASE("added and removed sentences keep their words unmarked") {
  const auto added = diff_words({SentenceChange::Kind::added, "", "Reporters were kept out."});
  CHECK(added.before.empty());
  CHECK(shown(added.after) == "Reporters were kept out.");
  const auto removed = diff_words({SentenceChange::Kind::removed, "Gone now.", ""});
  CHECK(shown(removed.before) == "Gone now.");
  CHECK(removed.after.empty());
}
