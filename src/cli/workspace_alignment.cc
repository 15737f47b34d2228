#include "workspace_alignment.h"

#include <fmt/format.h>

#include "edsync/align.h"
#include "edsync/history.h"
#include "edsync/sync.h"

namespace edsync::cli {

namespace {

// The title is the first paragraph, as a heading, then the body's blocks.
Result<AlignText> sentences_of(const Article& article) {
  SegmentOptions options;
  options.language = article.lang;
  options.format = SegmentFormat::markdown;
  return segment_for_alignment("# " + article.title + "\n\n" + article.body, article.path, options);
}

struct Sides {
  const AlignText& english;
  const AlignText& translation;
};

void add_prop(tmx::Unit& unit, std::string_view type, std::string text) {
  if (!text.empty()) unit.props.push_back({{{"type", std::string(type)}}, std::move(text)});
}

// The English sentences around the bead: what an in-context match compares.
void add_context(tmx::Unit& unit, const Bead& bead, const AlignText& english) {
  const std::size_t first = bead.source.front(), last = bead.source.back();
  if (first > 0) add_prop(unit, "x-edsync-context-before", english.sentences[first - 1]);
  if (last + 1 < english.sentences.size()) add_prop(unit, "x-edsync-context-after", english.sentences[last + 1]);
}

tmx::Unit unit_of(const Bead& bead, const Sides& sides, const ArticleAlignment& article, const std::string& source_lang) {
  tmx::Unit unit;
  add_prop(unit, "x-edsync-origin", "aligned");
  add_prop(unit, "x-edsync-article", article.id);
  add_prop(unit, "x-edsync-revision", article.english_revision);
  add_prop(unit, "x-edsync-edition", article.lang);
  add_prop(unit, "x-edsync-paragraph", std::to_string(bead.source_paragraph));
  add_prop(unit, "x-edsync-confidence", fmt::format("{:.3f}", bead.confidence));
  add_context(unit, bead, sides.english);
  unit.variants = {tmx::plain_text_variant(source_lang, joined(bead.source, sides.english)),
                   tmx::plain_text_variant(article.lang, joined(bead.target, sides.translation))};
  return unit;
}

std::string left_out_reason(const Bead& bead, double min_confidence) {
  if (bead.target.empty()) return "no translation";
  if (bead.source.empty()) return "no English";
  if (bead.confidence < min_confidence) return fmt::format("confidence {:.3f} under {:.3f}", bead.confidence, min_confidence);
  return "";
}

void sort_beads(ArticleAlignment& result, const std::vector<Bead>& beads, const Sides& sides,
                const std::string& source_lang, double min_confidence) {
  for (const auto& bead : beads) {
    std::string reason = left_out_reason(bead, min_confidence);
    if (reason.empty()) {
      result.units.push_back(unit_of(bead, sides, result, source_lang));
      continue;
    }
    result.left_out.push_back({bead.source_paragraph,
                               joined(bead.source, sides.english), joined(bead.target, sides.translation),
                               bead.confidence, std::move(reason)});
  }
}

// `english`: the article and its sentences.
void align_article(ArticleAlignment& result, const std::pair<Article, AlignText>& english_article,
                   const Article& translation, double min_confidence) {
  const Article& english = english_article.first;
  const AlignText* english_text = &english_article.second;
  auto translation_text = sentences_of(translation);
  if (!translation_text) {
    result.note = "not aligned: " + translation_text.error().message;
    return;
  }
  AlignOptions options;
  options.source_language = english.lang;
  options.target_language = translation.lang;
  auto beads = align_texts(*english_text, *translation_text, options);
  if (!beads) {
    result.note = "not aligned: " + beads.error().message;
    return;
  }
  sort_beads(result, *beads, Sides{*english_text, *translation_text}, english.lang, min_confidence);
}

// Loading keeps no body: the article as its file holds it now.
std::optional<Article> with_body(const Workspace& workspace, const Article& article, ArticleAlignment& result) {
  auto read = reload_article(workspace, article);
  if (!read) {
    result.note = "not aligned: " + read.error().message;
    return std::nullopt;
  }
  return std::move(*read);
}

bool alignable(const Finding& finding) {
  return finding.status == SyncStatus::ok || (finding.status == SyncStatus::stale && finding.recorded_revision);
}

// The English each translation was made from: the current article when it is
// in step, the recorded revision from git history when it is stale. The
// history of every stale article is read in one walk, and each English text
// is read and cut into sentences once, whichever editions translate it.
class EnglishTexts {
 public:
  EnglishTexts(const Workspace& workspace, const std::vector<const Finding*>& todo) : workspace_(workspace) {
    std::vector<EarlierRevision> wanted;
    for (const Finding* finding : todo)
      if (finding->status == SyncStatus::stale)
        if (const Article* english = workspace.find(workspace.config.source_lang, finding->id))
          wanted.push_back({english, *finding->recorded_revision});
    if (!wanted.empty()) earlier_ = english_at_revisions(workspace, wanted);
  }

  // The English article and its sentences, or null with result.note saying why.
  const std::pair<Article, AlignText>* of(const Finding& finding, ArticleAlignment& result) {
    const Article* english = workspace_.find(workspace_.config.source_lang, finding.id);
    if (!english) return nullptr;
    const bool stale = finding.status == SyncStatus::stale;
    result.stale = stale;
    const auto key = std::pair{finding.id, stale ? *finding.recorded_revision : english->revision};
    if (const auto known = texts_.find(key); known != texts_.end()) return known->second ? &*known->second : nullptr;
    auto& text = texts_[key];
    const auto article = stale ? earlier(key, result) : with_body(workspace_, *english, result);
    if (!article) return nullptr;
    auto sentences = sentences_of(*article);
    if (!sentences) {
      result.note = "not aligned: " + sentences.error().message;
      return nullptr;
    }
    text.emplace(*article, std::move(*sentences));
    return &*text;
  }

 private:
  std::optional<Article> earlier(const std::pair<std::string, std::string>& key, ArticleAlignment& result) const {
    const auto found = earlier_.find(key);
    if (found != earlier_.end()) return found->second;
    result.note = "stale, and English revision " + key.second + " is not in the git history";
    return std::nullopt;
  }

  const Workspace& workspace_;
  EarlierArticles earlier_;
  std::map<std::pair<std::string, std::string>, std::optional<std::pair<Article, AlignText>>> texts_;
};

ArticleAlignment align_finding(const Workspace& workspace, const Finding& finding, EnglishTexts& englishes,
                               double min_confidence) {
  ArticleAlignment result{finding.lang, finding.id, finding.path};
  const auto* english = englishes.of(finding, result);
  const Article* loaded = workspace.find(finding.lang, finding.id);
  if (!english || !loaded) return result;
  const auto translation = with_body(workspace, *loaded, result);
  if (!translation) return result;
  result.english_revision = english->first.revision;
  align_article(result, *english, *translation, min_confidence);
  return result;
}

}  // namespace

std::string joined(const std::vector<std::size_t>& sentences, const AlignText& text) {
  std::string result;
  for (const auto s : sentences) result += (result.empty() ? "" : " ") + text.sentences[s];
  return result;
}

Result<std::vector<ArticleAlignment>> align_workspace(const Workspace& workspace, const WorkspaceAlignOptions& options) {
  CheckOptions check;
  check.langs = options.langs;
  check.article_patterns = options.article_patterns;
  check.explain_stale = false;
  const auto report = run_check(workspace, check);
  if (!report) return report.error();
  std::vector<const Finding*> todo;
  for (const auto& edition : report->editions)
    for (const auto& finding : edition.findings)
      if (alignable(finding)) todo.push_back(&finding);
  EnglishTexts englishes(workspace, todo);
  std::vector<ArticleAlignment> results;
  for (const Finding* finding : todo) {
    if (options.on_progress) options.on_progress(results.size(), todo.size());
    results.push_back(align_finding(workspace, *finding, englishes, options.min_confidence));
  }
  return results;
}

}  // namespace edsync::cli
