// The word-translation table: co-occurrence of words in beads a first pass
// aligned with confidence (and in known pairs), plus dictionary entries.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "features.h"

namespace edsync::align_detail {

class Lexicon {
 public:
  // Word id sets (sorted, unique) of a sentence and its translation.
  void add_pair(const std::vector<std::uint32_t>& source, const std::vector<std::uint32_t>& target);
  void add_entry(std::uint32_t source, std::uint32_t target) { dictionary_[source] = target; }
  std::size_t pairs() const { return pairs_; }

  // Each source word's best translation by Dice coefficient, seen together
  // at least twice, neither word common and no other word as good; the
  // dictionary for words the texts do not decide.
  std::unordered_map<std::uint32_t, std::uint32_t> translations() const;

 private:
  bool common(std::uint32_t count) const;  // in too many of the pairs to tell anything

  std::unordered_map<std::uint32_t, std::uint32_t> source_count_, target_count_;
  std::unordered_map<std::uint64_t, std::uint32_t> joint_;
  std::unordered_map<std::uint32_t, std::uint32_t> dictionary_;
  std::size_t pairs_ = 0;
};

// Replaces the word tokens of every item: a source word with a translation
// gives a token named by that translation, a target word that is someone's
// translation a token named by itself, so that a pair matches as anchors do.
void set_word_tokens(const std::unordered_map<std::uint32_t, std::uint32_t>& translations,
                     std::vector<Features>& source, std::vector<Features>& target);

}  // namespace edsync::align_detail
