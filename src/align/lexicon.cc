#include "lexicon.h"

#include <algorithm>
#include <optional>

namespace edsync::align_detail {

namespace {

constexpr std::size_t kMaxPairs = 20000;  // enough to learn from; keeps memory bounded
// A pair that shares fewer of its sentences is as often a neighbour's word
// (0.4 against 0.3: mean non-1-1 recall over twelve perturbed NTREX sets
// 0.879 -> 0.894 ar, 0.942 -> 0.946 sq, fa 0.904 -> 0.901; F1 up in all).
constexpr double kMinDice = 0.4;
// A word in more than one sentence in ten ("the", "في", "të") turns up in an
// unrelated sentence nearly as often as in its translation: paired, it would
// count as found in most beads, and occurrences make it count many times. It
// takes more than a handful of sentences to tell such a word from the topic
// of a short text, which its sentences rightly share.
constexpr double kCommonShare = 0.1;
constexpr std::uint32_t kCommonMin = 10;

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

bool Lexicon::common(std::uint32_t count) const {
  return count >= kCommonMin && double(count) > kCommonShare * double(pairs_);
}

std::unordered_map<std::uint32_t, std::uint32_t> Lexicon::translations() const {
  struct Best {
    double dice = 0;
    std::uint32_t target = 0;
    bool tied = false;
  };
  std::unordered_map<std::uint32_t, Best> best;
  for (const auto& [key, count] : joint_) {
    if (count < 2) continue;
    const auto s = std::uint32_t(key >> 32), t = std::uint32_t(key);
    if (common(source_count_.at(s)) || common(target_count_.at(t))) continue;
    const double dice = 2.0 * count / (source_count_.at(s) + target_count_.at(t));
    if (dice < kMinDice) continue;
    auto& entry = best[s];
    if (dice > entry.dice + 1e-9) entry = {dice, t, false};
    else if (dice > entry.dice - 1e-9) entry.tied = true;
  }
  // A rare word seen twice beside the same few words ties with all of them:
  // the texts do not say which is its translation, and a guess matches
  // unrelated sentences (a dictionary entry may still say).
  std::unordered_map<std::uint32_t, std::uint32_t> result = dictionary_;
  for (const auto& [s, entry] : best) {
    if (!entry.tied) result[s] = entry.target;
  }
  return result;
}

namespace {

// For each word of `item`, the first of its forms `token_of` gives a token
// for (a word written with clitics is looked up whole, then without them);
// a word used twice gives its token twice: a sentence merged from two that
// both say "referendum" names it twice, and so do its two sources.
template <typename TokenOf>
void collect_word_tokens(const Features& item, TokenOf token_of, std::vector<std::uint32_t>& out) {
  out.clear();
  std::size_t next = 0;
  for (const auto count : item.forms_per_word) {
    for (std::size_t f = next; f < next + count; ++f) {
      if (const auto token = token_of(item.forms[f])) {
        out.push_back(*token);
        break;
      }
    }
    next += count;
  }
  std::sort(out.begin(), out.end());
}

}  // namespace

void set_word_tokens(const std::unordered_map<std::uint32_t, std::uint32_t>& translations,
                     std::vector<Features>& source, std::vector<Features>& target) {
  std::unordered_set<std::uint32_t> named;
  for (const auto& [s, t] : translations) named.insert(t);
  const auto translated = [&](std::uint32_t w) -> std::optional<std::uint32_t> {
    const auto found = translations.find(w);
    if (found == translations.end()) return std::nullopt;
    return word_token(found->second);
  };
  const auto is_named = [&](std::uint32_t w) -> std::optional<std::uint32_t> {
    if (!named.contains(w)) return std::nullopt;
    return word_token(w);
  };
  std::vector<std::uint32_t> words;
  for (auto& item : source) {
    collect_word_tokens(item, translated, words);
    replace_word_tokens(item, words);
  }
  for (auto& item : target) {
    collect_word_tokens(item, is_named, words);
    replace_word_tokens(item, words);
  }
}

}  // namespace edsync::align_detail
