#include "lexicon.h"

#include <algorithm>

namespace edsync::align_detail {

namespace {

constexpr std::size_t kMaxPairs = 20000;  // enough to learn from; keeps memory bounded
constexpr double kMinDice = 0.3;

std::uint32_t word_token(std::uint32_t word) {
  return (static_cast<std::uint32_t>(TokenClass::word) << kClassShift) | (word & ((1u << kClassShift) - 1));
}

void replace_word_tokens(Features& item, const std::vector<std::uint32_t>& words) {
  std::erase_if(item.tokens, [](std::uint32_t token) { return class_of(token) == TokenClass::word; });
  item.tokens.insert(item.tokens.end(), words.begin(), words.end());
  std::sort(item.tokens.begin(), item.tokens.end());
}

}  // namespace

void Lexicon::add_pair(const std::vector<std::uint32_t>& source, const std::vector<std::uint32_t>& target) {
  if (pairs_ >= kMaxPairs) return;
  ++pairs_;
  for (const auto s : source) ++source_count_[s];
  for (const auto t : target) ++target_count_[t];
  for (const auto s : source) {
    for (const auto t : target) ++joint_[(std::uint64_t(s) << 32) | t];
  }
}

std::unordered_map<std::uint32_t, std::uint32_t> Lexicon::translations() const {
  std::unordered_map<std::uint32_t, std::pair<double, std::uint32_t>> best;
  for (const auto& [key, count] : joint_) {
    if (count < 2) continue;
    const auto s = std::uint32_t(key >> 32), t = std::uint32_t(key);
    const double dice = 2.0 * count / (source_count_.at(s) + target_count_.at(t));
    if (dice < kMinDice) continue;
    auto& entry = best[s];
    if (dice > entry.first || (dice == entry.first && t < entry.second)) entry = {dice, t};
  }
  std::unordered_map<std::uint32_t, std::uint32_t> result = dictionary_;
  for (const auto& [s, entry] : best) result[s] = entry.second;
  return result;
}

void set_word_tokens(const std::unordered_map<std::uint32_t, std::uint32_t>& translations,
                     std::vector<Features>& source, std::vector<Features>& target) {
  std::unordered_set<std::uint32_t> named;
  for (const auto& [s, t] : translations) named.insert(t);
  std::vector<std::uint32_t> words;
  for (auto& item : source) {
    words.clear();
    for (const auto w : item.words) {
      if (const auto found = translations.find(w); found != translations.end()) words.push_back(word_token(found->second));
    }
    replace_word_tokens(item, words);
  }
  for (auto& item : target) {
    words.clear();
    for (const auto w : item.words) {
      if (named.contains(w)) words.push_back(word_token(w));
    }
    replace_word_tokens(item, words);
  }
}

}  // namespace edsync::align_detail
