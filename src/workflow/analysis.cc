// The analysis: words counted as CAT tools count them, and segments and
// words per match band.
#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <memory>

#include "edsync/workflow.h"

namespace edsync::workflow {

namespace {

// Creating a break iterator loads its rules: once per thread.
icu::BreakIterator& word_breaks() {
  thread_local std::unique_ptr<icu::BreakIterator> breaks = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> created(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    return U_SUCCESS(status) ? std::move(created) : nullptr;
  }();
  return *breaks;
}

std::string band_name(const std::vector<int>& bands, std::size_t i) {
  const int top = i == 0 ? 99 : bands[i - 1] - 1;
  return top == bands[i] ? std::to_string(top) + "%" : std::to_string(bands[i]) + "-" + std::to_string(top) + "%";
}

}  // namespace

int count_words(std::string_view text) {
  const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::BreakIterator& breaks = word_breaks();
  breaks.setText(unicode);
  int words = 0;
  for (int32_t end = breaks.next(); end != icu::BreakIterator::DONE; end = breaks.next())
    if (breaks.getRuleStatus() >= UBRK_WORD_NONE_LIMIT) ++words;  // a number, letters, kana or ideographs
  return words;
}

std::size_t band_of(const WorkSegment& segment, const std::vector<int>& bands) {
  const std::size_t no_match = 2 + bands.size();
  if (segment.repetition) return no_match + 1;
  switch (segment.match.level) {
    case MatchLevel::in_context: return 0;
    case MatchLevel::exact: return 1;
    case MatchLevel::none: return no_match;
    case MatchLevel::fuzzy: break;
  }
  for (std::size_t i = 0; i < bands.size(); ++i)
    if (segment.match.score >= bands[i]) return 2 + i;
  return no_match;
}

Analysis analyse(const std::vector<const WorkSegment*>& segments, const std::vector<int>& bands) {
  Analysis analysis;
  analysis.bands.push_back({"101%"});
  analysis.bands.push_back({"100%"});
  for (std::size_t i = 0; i < bands.size(); ++i) analysis.bands.push_back({band_name(bands, i)});
  analysis.bands.push_back({"no match"});
  analysis.bands.push_back({"repetitions"});
  for (const WorkSegment* segment : segments) {
    if (segment->work == SegmentWork::removed) continue;
    BandTotal& band = analysis.bands[band_of(*segment, bands)];
    ++band.segments;
    band.words += segment->words;
    ++analysis.segments;
    analysis.words += segment->words;
  }
  return analysis;
}

}  // namespace edsync::workflow
