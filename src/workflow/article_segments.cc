#include "article_segments.h"

#include <map>

#include "edsync/align.h"
#include "edsync/revision.h"
#include "edsync/text.h"

namespace edsync::workflow {

namespace {

// The id depends on the English alone (and which occurrence it is), so that
// an edit elsewhere in the article changes no other segment's id.
std::string segment_id(const std::string& english, std::map<std::string, int>& seen) {
  const int occurrence = ++seen[english];
  std::string id = "s" + sha256_hex(english).substr(0, 16);
  return occurrence == 1 ? id : id + "-" + std::to_string(occurrence);
}

WorkSegment segment_at(const std::vector<std::string>& sentences, std::size_t i, std::string english) {
  WorkSegment segment;
  segment.english = std::move(english);
  segment.words = count_words(segment.english);
  segment.place.before = i > 0 ? sentences[i - 1] : "";
  segment.place.after = i + 1 < sentences.size() ? sentences[i + 1] : "";
  return segment;
}

}  // namespace

Result<std::vector<WorkSegment>> article_segments(const Article& article) {
  SegmentOptions options;
  options.language = article.lang;
  options.format = SegmentFormat::markdown;
  const auto text = segment_for_alignment("# " + article.title + "\n\n" + article.body, article.path, options);
  if (!text) return text.error();
  std::vector<std::string> sentences;
  for (const auto& sentence : text->sentences) sentences.push_back(normalize_text(sentence));
  std::vector<WorkSegment> segments;
  std::map<std::string, int> seen;
  std::size_t last_of_title = 0;
  while (last_of_title + 1 < sentences.size() && text->paragraph_of[last_of_title + 1] == 0) ++last_of_title;
  segments.push_back(segment_at(sentences, last_of_title, normalize_text(article.title)));
  segments.back().place.before.clear();
  segments.back().id = "title";
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const std::size_t paragraph = text->paragraph_of[i];
    if (paragraph == 0) continue;
    const bool same_paragraph = segments.back().paragraph == paragraph;
    WorkSegment segment = segment_at(sentences, i, sentences[i]);
    segment.id = segment_id(segment.english, seen);
    segment.paragraph = paragraph;
    segment.index = same_paragraph ? segments.back().index + 1 : 0;
    segments.push_back(std::move(segment));
  }
  return segments;
}

std::vector<std::string> english_of(const std::vector<WorkSegment>& segments) {
  std::vector<std::string> english;
  for (const auto& segment : segments) english.push_back(segment.english);
  return english;
}

std::vector<WorkSegment> changed_segments(const std::vector<WorkSegment>& before, const std::vector<WorkSegment>& now) {
  std::vector<WorkSegment> work;
  for (const SentenceChange& change : compare_sentences(english_of(before), english_of(now))) {
    switch (change.kind) {
      case SentenceChange::Kind::removed:
        work.push_back(before[change.before_index]);
        work.back().work = SegmentWork::removed;
        break;
      case SentenceChange::Kind::added:
        work.push_back(now[change.after_index]);
        work.back().work = SegmentWork::added;
        break;
      case SentenceChange::Kind::changed:
        work.push_back(now[change.after_index]);
        work.back().work = SegmentWork::changed;
        work.back().old_english = change.before;
        break;
    }
  }
  return work;
}

std::string_view to_string(SegmentWork work) {
  switch (work) {
    case SegmentWork::translate: return "translate";
    case SegmentWork::changed: return "changed";
    case SegmentWork::added: return "added";
    case SegmentWork::removed: return "removed";
  }
  return "translate";
}

}  // namespace edsync::workflow
