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

std::string joined(const std::vector<std::size_t>& sentences, const AlignText& text) {
  std::string result;
  for (const auto s : sentences) result += (result.empty() ? "" : " ") + text.sentences[s];
  return result;
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

void align_article(ArticleAlignment& result, const Article& english, const Article& translation,
                   double min_confidence) {
  auto english_text = sentences_of(english);
  auto translation_text = english_text ? sentences_of(translation) : Result<AlignText>(english_text.error());
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

// The English the translation was made from: the current article when it is
// in step, the recorded revision from git history when it is stale.
std::optional<Article> english_for(const Workspace& workspace, const Finding& finding, ArticleAlignment& result) {
  const Article* english = workspace.find(workspace.config.source_lang, finding.id);
  if (!english) return std::nullopt;
  if (finding.status == SyncStatus::ok) return with_body(workspace, *english, result);
  result.stale = true;
  auto earlier = english_at_revision(workspace, *english, *finding.recorded_revision);
  if (!earlier)
    result.note = "stale, and English revision " + *finding.recorded_revision + " is not in the git history";
  return earlier;
}

bool alignable(const Finding& finding) {
  return finding.status == SyncStatus::ok || (finding.status == SyncStatus::stale && finding.recorded_revision);
}

ArticleAlignment align_finding(const Workspace& workspace, const Finding& finding, double min_confidence) {
  ArticleAlignment result{finding.lang, finding.id, finding.path};
  const auto english = english_for(workspace, finding, result);
  const Article* loaded = workspace.find(finding.lang, finding.id);
  if (!english || !loaded) return result;
  const auto translation = with_body(workspace, *loaded, result);
  if (!translation) return result;
  result.english_revision = english->revision;
  align_article(result, *english, *translation, min_confidence);
  return result;
}

}  // namespace

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
  std::vector<ArticleAlignment> results;
  for (const Finding* finding : todo) {
    if (options.on_progress) options.on_progress(results.size(), todo.size());
    results.push_back(align_finding(workspace, *finding, options.min_confidence));
  }
  return results;
}

}  // namespace edsync::cli
