// edsync align with no files, in a workspace: the translations' beads go
// into the memory (one batch, so a failure leaves tm/ as it was).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "command_align.h"
#include "tm_database.h"
#include "workspace_alignment.h"

namespace edsync::cli {

namespace {

std::string prop(const tmx::Unit& unit, std::string_view type) {
  for (const auto& p : unit.props)
    if (!p.attributes.empty() && p.attributes.front().value == type) return p.text;
  return "";
}

std::size_t pair_count(const std::vector<ArticleAlignment>& articles) {
  std::size_t count = 0;
  for (const auto& article : articles) count += article.units.size();
  return count;
}

std::string heading(const ArticleAlignment& article) {
  return fmt::format("{}/{} ({}English {})", article.lang, article.id, article.stale ? "stale, " : "",
                     article.english_revision.empty() ? "?" : article.english_revision);
}

void write_table(std::ostream& out, const std::vector<ArticleAlignment>& articles, const std::string& total) {
  for (const auto& article : articles) {
    if (!article.note.empty()) {
      out << fmt::format("{}/{}: {}\n", article.lang, article.id, article.note);
      continue;
    }
    out << fmt::format("{}: {} pairs, {} left out\n", heading(article), article.units.size(), article.left_out.size());
    for (const auto& bead : article.left_out)
      out << fmt::format("  left out, paragraph {}, {}: {}\n", bead.paragraph, bead.reason,
                         bead.english.empty() ? bead.translation : bead.english);
  }
  out << total << '\n';
}

nlohmann::json pairs_json(const ArticleAlignment& article) {
  auto pairs = nlohmann::json::array();
  for (const auto& unit : article.units)
    pairs.push_back({{"paragraph", std::stoi(prop(unit, "x-edsync-paragraph"))},
                     {"confidence", std::stod(prop(unit, "x-edsync-confidence"))},
                     {"english", unit.variants[0].text},
                     {"translation", unit.variants[1].text}});
  return pairs;
}

nlohmann::json article_json(const ArticleAlignment& article) {
  auto left_out = nlohmann::json::array();
  for (const auto& bead : article.left_out)
    left_out.push_back({{"paragraph", bead.paragraph}, {"confidence", std::round(bead.confidence * 1000) / 1000},
                        {"reason", bead.reason}, {"english", bead.english}, {"translation", bead.translation}});
  nlohmann::json json{{"lang", article.lang}, {"id", article.id}, {"path", article.path},
                      {"english_revision", article.english_revision}, {"stale", article.stale},
                      {"pairs", pairs_json(article)}, {"left_out", left_out}};
  if (!article.note.empty()) json["note"] = article.note;
  return json;
}

void write_json(std::ostream& out, const std::vector<ArticleAlignment>& articles, nlohmann::json totals) {
  auto list = nlohmann::json::array();
  for (const auto& article : articles) list.push_back(article_json(article));
  totals["articles"] = list;
  out << totals.dump(2) << '\n';
}

tm::UnitBatch batch_of(std::vector<ArticleAlignment>& articles, const std::string& source_lang) {
  tm::UnitBatch batch;
  batch.name = "the aligned translations";
  batch.options.default_source_lang = source_lang;
  for (auto& article : articles)
    batch.units.insert(batch.units.end(), article.units.begin(), article.units.end());
  return batch;
}

// Adds the pairs through the memory; nullopt (reported) on failure.
std::optional<tm::ImportReport> add_pairs(Context& context, const Workspace& workspace, const AlignFlags& align,
                                          std::vector<ArticleAlignment>& articles, ProgressBar& progress) {
  const MemoryFlags flags{.lock_timeout = align.lock_timeout, .writes = true};
  const std::string shown = std::filesystem::path(workspace.config.tm_dir).generic_string() + "/";
  auto memory = tm::Memory::open(workspace.root, workspace.config, memory_options(context, flags, progress, shown));
  if (!memory) {
    progress.clear();
    context.fail(memory.error());
    return std::nullopt;
  }
  auto report = memory->import_units(batch_of(articles, workspace.config.source_lang));
  progress.clear();
  if (!report) {
    context.fail(report.error());
    context.err << "edsync: nothing was added to " << shown << '\n';
    return std::nullopt;
  }
  return *report;
}

void print(Context& context, const AlignFlags& flags, const std::vector<ArticleAlignment>& articles,
           const std::optional<tm::ImportReport>& report) {
  const std::size_t pairs = pair_count(articles);
  std::size_t left_out = 0;
  for (const auto& article : articles) left_out += article.left_out.size();
  if (flags.format == "json") {
    nlohmann::json totals{{"dry_run", flags.dry_run}, {"pairs", pairs}, {"left_out", left_out}};
    if (report) totals.update({{"added", report->added}, {"merged", report->merged}, {"alternatives", report->alternatives}});
    return write_json(context.out, articles, totals);
  }
  const std::string beads = fmt::format("{} bead{} left out", left_out, left_out == 1 ? "" : "s");
  std::string total = flags.dry_run ? fmt::format("would add {} pairs; {} (dry run: nothing written)", pairs, beads)
                                    : fmt::format("{} pairs: {} added, {} merged, {} alternatives; {}", pairs,
                                                  report->added, report->merged, report->alternatives, beads);
  write_table(context.out, articles, total);
}

}  // namespace

void run_align_workspace(Context& context, const AlignFlags& flags) {
  const auto workspace = context.load_workspace();
  if (!workspace) return;
  WorkspaceAlignOptions options;
  for (const auto& tag : flags.langs) {
    const auto lang = language_option(context, tag);
    if (!lang) return;
    options.langs.push_back(*lang);
  }
  options.article_patterns = flags.articles;
  options.min_confidence = flags.min_confidence.value_or(workspace->config.align.min_confidence);
  ProgressBar progress(context.err, ProgressBar::stderr_is_terminal());
  options.on_progress = [&progress](std::size_t done, std::size_t total) { progress.update("aligning", done, total); };
  auto articles = align_workspace(*workspace, options);
  progress.clear();
  if (!articles) return context.fail(articles.error());
  std::optional<tm::ImportReport> report;
  if (!flags.dry_run) {
    report = add_pairs(context, *workspace, flags, *articles, progress);
    if (!report) return;
  }
  print(context, flags, *articles, report);
}

}  // namespace edsync::cli
