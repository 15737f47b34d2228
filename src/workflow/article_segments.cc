#include "article_segments.h"

#include <map>

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

// The title, then the sentences of each block that holds some, with the
// block's number among those.
std::vector<std::pair<std::size_t, std::string>> numbered_sentences(const markdown::Article& cut) {
  std::vector<std::pair<std::size_t, std::string>> sentences;
  sentences.emplace_back(0, normalize_text(cut.title.plain));
  std::size_t paragraph = 0;
  for (const auto& block : cut.blocks) {
    if (block.segments.empty()) continue;
    ++paragraph;
    for (const auto& segment : block.segments) sentences.emplace_back(paragraph, normalize_text(segment.plain));
  }
  return sentences;
}

}  // namespace

ArticleCut cut_article(const Article& article) {
  return cut_markdown(markdown::segment_article(article.title, article.body, article.lang));
}

ArticleCut cut_markdown(markdown::Article article) {
  ArticleCut cut{std::move(article), {}};
  const auto numbered = numbered_sentences(cut.markdown);
  std::vector<std::string> sentences;
  for (const auto& [paragraph, english] : numbered) sentences.push_back(english);
  std::map<std::string, int> seen;
  for (std::size_t i = 0; i < numbered.size(); ++i) {
    WorkSegment segment = segment_at(sentences, i, sentences[i]);
    segment.paragraph = numbered[i].first;
    const bool same_paragraph = i > 0 && cut.segments.back().paragraph == segment.paragraph;
    segment.index = same_paragraph ? cut.segments.back().index + 1 : 0;
    segment.id = i == 0 ? "title" : segment_id(segment.english, seen);
    cut.segments.push_back(std::move(segment));
  }
  return cut;
}

Result<std::vector<WorkSegment>> article_segments(const Article& article) { return cut_article(article).segments; }

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
