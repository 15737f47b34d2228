#include "edsync/changes.h"

#include "edsync/common_subsequence.h"
#include "edsync/segment.h"
#include "edsync/text.h"

namespace edsync {

std::vector<std::string> sentences_of(std::string_view body, std::string_view lang) {
  SegmentOptions options;
  options.language = std::string(lang);
  options.format = SegmentFormat::markdown;
  std::vector<std::string> sentences;
  for (const Segment& segment : Segmenter::built_in().segment(body, options)) {
    std::string sentence = normalize_text(body.substr(segment.begin, segment.end - segment.begin));
    if (!sentence.empty()) sentences.push_back(std::move(sentence));
  }
  return sentences;
}

std::vector<SentenceChange> compare_sentences(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  const std::size_t n = before.size(), m = after.size();
  const CommonSubsequence common(n, m, [&](std::size_t i, std::size_t j) { return before[i] == after[j]; });

  std::vector<SentenceChange> changes;
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] == after[j]) {
      ++i, ++j;
    } else if (i < n && j < m && common.from(i + 1, j) == common.from(i, j + 1) &&
               common.from(i + 1, j + 1) == common.from(i, j)) {
      changes.push_back({SentenceChange::Kind::changed, before[i], after[j], i, j});
      ++i, ++j;
    } else if (j < m && (i == n || common.from(i, j + 1) >= common.from(i + 1, j))) {
      changes.push_back({SentenceChange::Kind::added, "", after[j], i, j});
      ++j;
    } else {
      changes.push_back({SentenceChange::Kind::removed, before[i], "", i, j});
      ++i;
    }
  }
  return changes;
}

std::string_view to_string(SentenceChange::Kind kind) {
  switch (kind) {
    case SentenceChange::Kind::added: return "added";
    case SentenceChange::Kind::removed: return "removed";
    case SentenceChange::Kind::changed: return "changed";
  }
  return "changed";
}

}  // namespace edsync
