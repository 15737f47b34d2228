#include "edsync/changes.h"

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <memory>

#include "edsync/text.h"

namespace edsync {

namespace {

// Paragraphs are hard boundaries: sentences never run across a blank line.
std::vector<std::string_view> paragraphs_of(std::string_view body) {
  std::vector<std::string_view> paragraphs;
  std::size_t start = 0;
  while (start < body.size()) {
    std::size_t end = body.find("\n\n", start);
    if (end == std::string_view::npos) end = body.size();
    if (end > start) paragraphs.push_back(body.substr(start, end - start));
    start = end + 2;
  }
  return paragraphs;
}

void append_sentences(std::string_view paragraph, icu::BreakIterator& breaks, std::vector<std::string>& out) {
  // A line break inside a paragraph is layout, not the end of a sentence.
  const std::string folded = normalize_text(paragraph);
  const auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(folded.data(), static_cast<int32_t>(folded.size())));
  breaks.setText(text);
  for (int32_t start = breaks.first(), end = breaks.next(); end != icu::BreakIterator::DONE; start = end, end = breaks.next()) {
    std::string sentence;
    text.tempSubStringBetween(start, end).toUTF8String(sentence);
    sentence = normalize_text(sentence);
    if (!sentence.empty()) out.push_back(std::move(sentence));
  }
}

}  // namespace

std::vector<std::string> sentences_of(std::string_view body, std::string_view lang) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> breaks(
      icu::BreakIterator::createSentenceInstance(icu::Locale(std::string(lang).c_str()), status));
  std::vector<std::string> sentences;
  for (const auto paragraph : paragraphs_of(body)) {
    if (U_SUCCESS(status)) append_sentences(paragraph, *breaks, sentences);
    else sentences.push_back(normalize_text(paragraph));
  }
  return sentences;
}

std::vector<SentenceChange> compare_sentences(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  // Longest common subsequence table, from the ends.
  const std::size_t n = before.size(), m = after.size();
  std::vector<std::vector<int>> common(n + 1, std::vector<int>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      common[i][j] = before[i] == after[j] ? common[i + 1][j + 1] + 1 : std::max(common[i + 1][j], common[i][j + 1]);

  std::vector<SentenceChange> changes;
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] == after[j]) {
      ++i, ++j;
    } else if (i < n && j < m && common[i + 1][j] == common[i][j + 1] && common[i + 1][j + 1] == common[i][j]) {
      changes.push_back({SentenceChange::Kind::changed, before[i++], after[j++]});
    } else if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
      changes.push_back({SentenceChange::Kind::added, "", after[j++]});
    } else {
      changes.push_back({SentenceChange::Kind::removed, before[i++], ""});
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
