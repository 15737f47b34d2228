// Sentence alignment: an English text and its translation in, beads out.
//
// Paragraphs are aligned first, then the sentences inside each aligned group
// of paragraphs. A bead pairs a run of source sentences with a run of target
// sentences (1-1, 1-2, 2-1, 1-0, 0-1, 2-2, 1-3, 3-1); beads come in reading
// order and never cross. Every score is learned from the texts being aligned:
// a length model in characters (ratio and variance of the language pair),
// anchors that survive translation (numbers in any of three digit systems,
// ? ! ؟, quotation marks, Latin-script names and acronyms), and a table of
// word translations collected from a first pass (then the texts are aligned
// again with it), optionally seeded by a dictionary and by known pairs.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "edsync/result.h"
#include "edsync/segment.h"

namespace edsync {

// One side of an alignment: its sentences in reading order, each with the
// paragraph it belongs to (non-decreasing) and where it came from.
struct AlignText {
  std::string name;  // the file, as messages name it
  std::vector<std::string> sentences;
  std::vector<std::size_t> paragraph_of;  // paragraph index of each sentence
  std::vector<std::size_t> line_of;       // 0-based line of each sentence in its file
};

struct Bead {
  std::vector<std::size_t> source;  // indices into AlignText::sentences, ascending
  std::vector<std::size_t> target;
  std::size_t source_paragraph = 0;  // paragraph of the first sentence (of the next one
  std::size_t target_paragraph = 0;  // when the side is empty, the last at the end)
  double confidence = 0;             // posterior probability of the bead, in [0, 1]
  friend bool operator==(const Bead&, const Bead&) = default;
};

struct WordPair {
  std::string source;
  std::string target;
};

struct SentencePair {
  std::string source;
  std::string target;
};

struct AlignOptions {
  std::string source_language = "en";
  std::string target_language;
  std::vector<WordPair> dictionary;          // seeds the word-translation table
  std::vector<SentencePair> known_pairs;     // e.g. the memory's pairs: more co-occurrence evidence
};

// Bad input when a side holds no sentence or the sides differ too much in
// size for any alignment to be credible.
Result<std::vector<Bead>> align_texts(const AlignText& source, const AlignText& target,
                                      const AlignOptions& options);

// One sentence per line; a line that is empty or holds only <p> ends a
// paragraph (hunalign's input). Not UTF-8: an error naming file:line:column.
Result<AlignText> read_presegmented(std::string_view text, const std::string& file_name);

// Markdown or plain text cut by the segmenter; each block is a paragraph.
Result<AlignText> segment_for_alignment(std::string_view text, const std::string& file_name,
                                        const SegmentOptions& options);

// Tab-separated word pairs (source TAB target, one a line, # comments), or a
// FreeDict dictionary as Debian's dict-freedict-* packages install it (a path
// ending in .index, .dict or .dict.dz, e.g. /usr/share/dictd/freedict-eng-ara.index).
Result<std::vector<WordPair>> read_dictionary(const std::filesystem::path& path);

}  // namespace edsync
