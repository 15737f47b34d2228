// Which sentences of an English article changed between two revisions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace edsync {

struct SentenceChange {
  enum class Kind { added, removed, changed };
  Kind kind = Kind::changed;
  std::string before;  // empty when added
  std::string after;   // empty when removed
  // Where in the lists: `before_index` of a removed or changed sentence,
  // `after_index` of an added or changed one; for the other kind, where the
  // sentence would stand in that list.
  std::size_t before_index = 0;
  std::size_t after_index = 0;
};

// The sentences of a Markdown body as the segmenter cuts them, in order,
// white space folded.
std::vector<std::string> sentences_of(std::string_view body, std::string_view lang);

// A minimal edit script between two sentence lists; a removal next to an
// addition is reported as one changed sentence. Sentences are compared after
// normalisation, so a reformat is no change.
std::vector<SentenceChange> compare_sentences(const std::vector<std::string>& before,
                                              const std::vector<std::string>& after);

std::string_view to_string(SentenceChange::Kind kind);

}  // namespace edsync
