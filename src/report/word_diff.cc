#include <algorithm>
#include <sstream>

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

// Longest common subsequence table over words; sentences are short, so the
// quadratic table costs little.
std::vector<std::vector<int>> common_lengths(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::vector<int>> lengths(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;)
    for (std::size_t j = b.size(); j-- > 0;)
      lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : std::max(lengths[i + 1][j], lengths[i][j + 1]);
  return lengths;
}

}  // namespace

SentenceDiff diff_words(const SentenceChange& change) {
  SentenceDiff diff{.kind = change.kind};
  const auto before = words_of(change.before);
  const auto after = words_of(change.after);
  const auto lengths = common_lengths(before, after);
  std::size_t i = 0, j = 0;
  while (i < before.size() || j < after.size()) {
    if (i < before.size() && j < after.size() && before[i] == after[j]) {
      append(diff.before, before[i++], false);
      append(diff.after, after[j++], false);
    } else if (j == after.size() || (i < before.size() && lengths[i + 1][j] >= lengths[i][j + 1])) {
      append(diff.before, before[i++], change.kind == SentenceChange::Kind::changed);
    } else {
      append(diff.after, after[j++], change.kind == SentenceChange::Kind::changed);
    }
  }
  return diff;
}

}  // namespace edsync
