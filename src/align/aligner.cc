// align_texts: paragraphs, then sentences inside each aligned paragraph
// group; a first pass teaches the model (length ratio and variance, shape
// priors, token weights, the word-translation table) and a second aligns.
#include <algorithm>
#include <string>
#include <unordered_set>

#include "band_dp.h"
#include "edsync/align.h"
#include "features.h"
#include "lexicon.h"
#include "model.h"

namespace edsync {

namespace {

using namespace align_detail;

// More rounds measured no better on NTREX.
constexpr int kRounds = 1;

struct Side {
  std::vector<Features> sentences;
  std::vector<std::size_t> paragraph_begin;  // first sentence of each paragraph, then the end
  std::vector<Features> paragraphs;          // each paragraph's sentences as one item
};

Side side_of(const AlignText& text, const std::string& language) {
  Side side;
  const FeatureOptions options{latin_share(text.sentences) > 0.5, clitics_of(language)};
  for (std::size_t s = 0; s < text.sentences.size(); ++s) {
    side.sentences.push_back(features_of(text.sentences[s], options));
    if (s == 0 || text.paragraph_of[s] != text.paragraph_of[s - 1]) side.paragraph_begin.push_back(s);
  }
  side.paragraph_begin.push_back(text.sentences.size());
  return side;
}

void gather_paragraphs(Side& side) {
  // Resized in place: the spans of a first pass still point at them.
  side.paragraphs.resize(side.paragraph_begin.size() - 1);
  for (std::size_t p = 0; p + 1 < side.paragraph_begin.size(); ++p) {
    Features& paragraph = side.paragraphs[p];
    paragraph = {};
    for (std::size_t s = side.paragraph_begin[p]; s < side.paragraph_begin[p + 1]; ++s) {
      paragraph.length += side.sentences[s].length;
      paragraph.tokens.insert(paragraph.tokens.end(), side.sentences[s].tokens.begin(), side.sentences[s].tokens.end());
    }
    std::sort(paragraph.tokens.begin(), paragraph.tokens.end());
  }
}

struct Span {
  std::size_t begin = 0, size = 0;
};

struct Found {  // a bead of sentences
  Span source, target;
  double posterior = 1;
};

struct Pass {
  std::vector<Found> sentences;
  std::vector<Pair> paragraphs;
};

std::span<const Features> items(const std::vector<Features>& all, std::size_t begin, std::size_t size) {
  return std::span<const Features>(all).subspan(begin, size);
}

std::vector<PathBead> path_through(const std::vector<Features>& source, Span s, const std::vector<Features>& target,
                                   Span t, const Model& model, BandOptions options) {
  const BeadCost cost = [&](std::size_t i, int di, std::size_t j, int dj) {
    return model.bead_cost(items(source, s.begin + i, di), items(target, t.begin + j, dj));
  };
  return best_path(s.size, t.size, cost, options);
}

// The sentences of one group of aligned paragraphs.
void align_group(const Side& source, Span s, const Side& target, Span t, const Model& model, double posterior,
                 bool posteriors, std::vector<Found>& out) {
  if (s.size == 0 || t.size == 0) {
    for (std::size_t i = 0; i < s.size; ++i) out.push_back({{s.begin + i, 1}, {t.begin, 0}, posterior});
    for (std::size_t j = 0; j < t.size; ++j) out.push_back({{s.begin, 0}, {t.begin + j, 1}, posterior});
    return;
  }
  BandOptions options;
  options.posteriors = posteriors;
  for (const auto& bead : path_through(source.sentences, s, target.sentences, t, model, options)) {
    const auto [di, dj] = kShapes[bead.shape];
    out.push_back({{s.begin + bead.source_begin, std::size_t(di)},
                   {t.begin + bead.target_begin, std::size_t(dj)},
                   bead.posterior * posterior});
  }
}

Pass run_pass(const Side& source, const Side& target, const Model& sentence_model, const Model& paragraph_model,
              bool posteriors) {
  const Span all_source{0, source.paragraphs.size()}, all_target{0, target.paragraphs.size()};
  std::vector<PathBead> groups;
  if (all_source.size == 1 && all_target.size == 1) groups.push_back({0, 0, 0, 1});
  else {
    // Paragraphs drift less than sentences, and each cell costs a paragraph's
    // worth of tokens: a narrow band to start with, widened where needed.
    BandOptions options;
    options.posteriors = posteriors;
    options.initial_width = 6;
    groups = path_through(source.paragraphs, all_source, target.paragraphs, all_target, paragraph_model, options);
  }
  Pass pass;
  for (const auto& group : groups) {
    const auto [dp, dq] = kShapes[group.shape];
    const std::size_t p = group.source_begin, q = group.target_begin;
    const Span s{source.paragraph_begin[p], source.paragraph_begin[p + dp] - source.paragraph_begin[p]};
    const Span t{target.paragraph_begin[q], target.paragraph_begin[q + dq] - target.paragraph_begin[q]};
    pass.paragraphs.push_back({items(source.paragraphs, p, dp), items(target.paragraphs, q, dq)});
    align_group(source, s, target, t, sentence_model, group.posterior, posteriors, pass.sentences);
  }
  return pass;
}

std::vector<Pair> pairs_of(const Pass& pass, const Side& source, const Side& target) {
  std::vector<Pair> pairs;
  for (const auto& bead : pass.sentences) {
    pairs.push_back({items(source.sentences, bead.source.begin, bead.source.size),
                     items(target.sentences, bead.target.begin, bead.target.size)});
  }
  return pairs;
}

Lexicon lexicon_from(const Pass& pass, const Side& source, const Side& target, const AlignOptions& options) {
  Lexicon lexicon;
  for (const auto& pair : options.known_pairs) {
    auto s = word_ids(pair.source), t = word_ids(pair.target);
    std::sort(s.begin(), s.end()), s.erase(std::unique(s.begin(), s.end()), s.end());
    std::sort(t.begin(), t.end()), t.erase(std::unique(t.begin(), t.end()), t.end());
    lexicon.add_pair(s, t);
  }
  for (const auto& bead : pass.sentences) {
    if (bead.source.size != 1 || bead.target.size != 1) continue;
    lexicon.add_pair(source.sentences[bead.source.begin].words, target.sentences[bead.target.begin].words);
  }
  // Only entries both texts use: a translation the target never writes (or
  // writes in another form) would only count as missing.
  std::unordered_set<std::uint32_t> source_words, target_words;
  for (const auto& item : source.sentences) source_words.insert(item.words.begin(), item.words.end());
  for (const auto& item : target.sentences) target_words.insert(item.words.begin(), item.words.end());
  for (const auto& entry : options.dictionary) {
    const auto s = word_ids(entry.source), t = word_ids(entry.target);
    if (s.size() == 1 && t.size() == 1 && source_words.contains(s[0]) && target_words.contains(t[0])) {
      lexicon.add_entry(s[0], t[0]);
    }
  }
  return lexicon;
}

Bead bead_of(const Found& found, const AlignText& source, const AlignText& target) {
  Bead bead;
  for (std::size_t i = 0; i < found.source.size; ++i) bead.source.push_back(found.source.begin + i);
  for (std::size_t j = 0; j < found.target.size; ++j) bead.target.push_back(found.target.begin + j);
  const auto paragraph = [](const AlignText& text, std::size_t index) {
    return text.paragraph_of[std::min(index, text.paragraph_of.size() - 1)];
  };
  bead.source_paragraph = paragraph(source, found.source.begin);
  bead.target_paragraph = paragraph(target, found.target.begin);
  bead.confidence = found.posterior;
  return bead;
}

std::string name_of(const AlignText& text, const char* side) { return text.name.empty() ? side : text.name; }

Status check_sizes(const AlignText& source, const AlignText& target) {
  const std::size_t n = source.sentences.size(), m = target.sentences.size();
  for (const AlignText* text : {&source, &target}) {
    if (text->sentences.empty()) {
      return input_error(name_of(*text, text == &source ? "the source" : "the target") +
                         ": no sentence to align (the text is empty, or only blank lines and paragraph marks)");
    }
  }
  if (source.paragraph_of.size() != n || target.paragraph_of.size() != m) {
    return usage_error("every sentence needs its paragraph");
  }
  // No bead takes more than three sentences against one.
  if (std::max(n, m) > 4 * std::min(n, m) + 4) {
    return input_error(name_of(source, "the source") + " has " + std::to_string(n) + " sentences and " +
                       name_of(target, "the target") + " " + std::to_string(m) +
                       ": too unequal to be translations of each other (a bead pairs at most 3 sentences with 1)");
  }
  return success();
}

}  // namespace

Result<std::vector<Bead>> align_texts(const AlignText& source_text, const AlignText& target_text,
                                      const AlignOptions& options) {
  if (auto sizes = check_sizes(source_text, target_text); !sizes) return sizes.error();
  Side source = side_of(source_text, options.source_language), target = side_of(target_text, options.target_language);
  Lexicon seed = lexicon_from({}, source, target, options);
  set_word_tokens(seed.translations(), source.sentences, target.sentences);
  gather_paragraphs(source), gather_paragraphs(target);
  const Model start = initial_model(source.sentences, target.sentences);
  Pass pass = run_pass(source, target, start, start, false);
  // Each round learns from a better alignment than the one before.
  for (int round = 0; round < kRounds; ++round) {
    set_word_tokens(lexicon_from(pass, source, target, options).translations(), source.sentences, target.sentences);
    gather_paragraphs(source), gather_paragraphs(target);
    const Model sentence_model = learned_model(pairs_of(pass, source, target), start);
    const Model paragraph_model = learned_model(pass.paragraphs, sentence_model);
    pass = run_pass(source, target, sentence_model, paragraph_model, round + 1 == kRounds);
  }

  std::vector<Bead> beads;
  for (const auto& found : pass.sentences) beads.push_back(bead_of(found, source_text, target_text));
  return beads;
}

}  // namespace edsync
