#include <sstream>

#include "edsync/common_subsequence.h"
#include "edsync/report.h"

namespace edsync {

namespace {

std::vector<std::string> words_of(const std::string& sentence) {
  std::vector<std::string> words;
  std::istringstream in(sentence);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

// Appends a word to the runs, joining it to the last run when both agree on
// `changed`; runs are shown separated by one space.
void append(std::vector<WordRun>& runs, const std::string& word, bool changed) {
  if (!runs.empty() && runs.back().changed == changed) {
    runs.back().text += " " + word;
  } else {
    runs.push_back({word, changed});
  }
}

}  // namespace

SentenceDiff diff_words(const SentenceChange& change) {
  SentenceDiff diff{.kind = change.kind};
  const auto before = words_of(change.before);
  const auto after = words_of(change.after);
  // Sentences are short: the quadratic table costs little.
  const CommonSubsequence common(before.size(), after.size(),
                                 [&](std::size_t i, std::size_t j) { return before[i] == after[j]; });
  std::size_t i = 0, j = 0;
  while (i < before.size() || j < after.size()) {
    if (i < before.size() && j < after.size() && before[i] == after[j]) {
      append(diff.before, before[i++], false);
      append(diff.after, after[j++], false);
    } else if (j == after.size() || (i < before.size() && common.from(i + 1, j) >= common.from(i, j + 1))) {
      append(diff.before, before[i++], change.kind == SentenceChange::Kind::changed);
    } else {
      append(diff.after, after[j++], change.kind == SentenceChange::Kind::changed);
    }
  }
  return diff;
}

}  // namespace edsync
