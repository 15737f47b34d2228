// edsync align with no files, in a workspace: the translations' beads go
// into the memory (one batch, so a failure leaves tm/ as it was).
#include <fmt/format.h>

#include <map>
#include <optional>

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

// What the memory did: the batch's report (none on a dry run), and with
// --prune the aligner's earlier units that went (would go).
struct Outcome {
  std::optional<tm::ImportReport> report;
  std::optional<std::vector<tm::StoredUnit>> removed;
};

using ArticleKey = std::pair<std::string, std::string>;  // edition, article id

// Removed units by the article and edition they were aligned from.
std::map<ArticleKey, std::vector<const tm::StoredUnit*>> removed_by_article(const Outcome& outcome) {
  std::map<ArticleKey, std::vector<const tm::StoredUnit*>> by_article;
  if (!outcome.removed) return by_article;
  for (const auto& unit : *outcome.removed)
    by_article[{prop(unit.unit, "x-edsync-edition"), prop(unit.unit, "x-edsync-article")}].push_back(&unit);
  return by_article;
}

// The text of the variant in `lang` (the source's, or the other one).
std::string text_of(const tm::StoredUnit& unit, bool source) {
  for (const auto& variant : unit.unit.variants)
    if ((variant.lang == unit.source_lang) == source) return variant.text;
  return "";
}

std::string heading(const ArticleAlignment& article) {
  return fmt::format("{}/{} ({}English {})", article.lang, article.id, article.stale ? "stale, " : "",
                     article.english_revision.empty() ? "?" : article.english_revision);
}

struct Listing {
  const std::map<ArticleKey, std::vector<const tm::StoredUnit*>>& removed;
  bool prune = false, dry_run = false;
  const std::vector<const tm::StoredUnit*>& of(const ArticleAlignment& article) const {
    static const std::vector<const tm::StoredUnit*> none;
    const auto found = removed.find({article.lang, article.id});
    return found == removed.end() ? none : found->second;
  }
};

void write_article(std::ostream& out, const ArticleAlignment& article, const Listing& listing) {
  const auto& removed = listing.of(article);
  const std::string pruned = listing.prune ? fmt::format(", {} {}", removed.size(), listing.dry_run ? "to remove" : "removed") : "";
  out << fmt::format("{}: {} pairs, {} left out{}\n", heading(article), article.units.size(), article.left_out.size(), pruned);
  for (const auto& bead : article.left_out)
    out << fmt::format("  left out, paragraph {}, {}: {}\n", bead.paragraph, bead.reason,
                       bead.english.empty() ? bead.translation : bead.english);
  for (const auto* unit : removed)
    out << fmt::format("  {}, paragraph {}: {}\n", listing.dry_run ? "would remove" : "removed",
                       prop(unit->unit, "x-edsync-paragraph"), text_of(*unit, true));
}

void write_table(std::ostream& out, const std::vector<ArticleAlignment>& articles, const Listing& listing,
                 const std::string& total) {
  for (const auto& article : articles) {
    if (article.note.empty()) write_article(out, article, listing);
    else out << fmt::format("{}/{}: {}\n", article.lang, article.id, article.note);
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

nlohmann::json removed_json(const std::vector<const tm::StoredUnit*>& removed) {
  auto list = nlohmann::json::array();
  for (const auto* unit : removed) {
    const std::string paragraph = prop(unit->unit, "x-edsync-paragraph");
    list.push_back({{"paragraph", paragraph.empty() ? nlohmann::json() : nlohmann::json(std::stoi(paragraph))},
                    {"english", text_of(*unit, true)},
                    {"translation", text_of(*unit, false)}});
  }
  return list;
}

nlohmann::json article_json(const ArticleAlignment& article, const Listing& listing) {
  auto left_out = nlohmann::json::array();
  for (const auto& bead : article.left_out)
    left_out.push_back({{"paragraph", bead.paragraph}, {"confidence", std::round(bead.confidence * 1000) / 1000},
                        {"reason", bead.reason}, {"english", bead.english}, {"translation", bead.translation}});
  nlohmann::json json{{"lang", article.lang}, {"id", article.id}, {"path", article.path},
                      {"english_revision", article.english_revision}, {"stale", article.stale},
                      {"pairs", pairs_json(article)}, {"left_out", left_out}};
  if (listing.prune) json["removed"] = removed_json(listing.of(article));
  if (!article.note.empty()) json["note"] = article.note;
  return json;
}

void write_json(std::ostream& out, const std::vector<ArticleAlignment>& articles, const Listing& listing,
                nlohmann::json totals) {
  auto list = nlohmann::json::array();
  for (const auto& article : articles) list.push_back(article_json(article, listing));
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

// The articles re-aligned: what --prune replaces.
std::vector<tm::AlignedScope> scopes_of(const std::vector<ArticleAlignment>& articles) {
  std::vector<tm::AlignedScope> scopes;
  for (const auto& article : articles)
    if (article.note.empty()) scopes.push_back({article.id, article.lang});
  return scopes;
}

Result<Outcome> write_pairs(tm::Memory& memory, const AlignFlags& align, std::vector<ArticleAlignment>& articles,
                            const std::string& source_lang) {
  const auto batch = batch_of(articles, source_lang);
  Outcome outcome;
  if (!align.prune) {
    auto report = memory.import_units(batch);
    if (!report) return report.error();
    outcome.report = std::move(*report);
    return outcome;
  }
  auto replaced = memory.replace_aligned(batch, scopes_of(articles), align.dry_run);
  if (!replaced) return replaced.error();
  if (!align.dry_run) outcome.report = std::move(replaced->added);
  outcome.removed = std::move(replaced->removed);
  return outcome;
}

// Adds the pairs through the memory (with --prune, removing what they
// replace); nullopt (reported) on failure.
std::optional<Outcome> add_pairs(Context& context, const Workspace& workspace, const AlignFlags& align,
                                 std::vector<ArticleAlignment>& articles, ProgressBar& progress) {
  const MemoryFlags flags{.lock_timeout = align.lock_timeout, .writes = !align.dry_run};
  const std::string shown = std::filesystem::path(workspace.config.tm_dir).generic_string() + "/";
  auto memory = tm::Memory::open(workspace.root, workspace.config, memory_options(context, flags, progress, shown));
  if (!memory) {
    progress.clear();
    context.fail(memory.error());
    return std::nullopt;
  }
  auto outcome = write_pairs(*memory, align, articles, workspace.config.source_lang);
  progress.clear();
  if (!outcome) {
    context.fail(outcome.error());
    context.err << "edsync: nothing was " << (align.prune ? "added to or removed from " : "added to ") << shown << '\n';
    return std::nullopt;
  }
  return std::move(*outcome);
}

std::string total_line(const AlignFlags& flags, std::size_t pairs, std::size_t left_out, const Outcome& outcome) {
  const std::string beads = fmt::format("{} bead{} left out", left_out, left_out == 1 ? "" : "s");
  const std::size_t removed = outcome.removed ? outcome.removed->size() : 0;
  if (flags.dry_run) {
    const std::string prune = flags.prune ? fmt::format(" and remove {}", removed) : "";
    return fmt::format("would add {} pairs{}; {} (dry run: nothing written)", pairs, prune, beads);
  }
  const auto& report = *outcome.report;
  const std::string prune = flags.prune ? fmt::format("; {} removed", removed) : "";
  return fmt::format("{} pairs: {} added, {} merged, {} alternatives{}; {}", pairs, report.added, report.merged,
                     report.alternatives, prune, beads);
}

void print(Context& context, const AlignFlags& flags, const std::vector<ArticleAlignment>& articles,
           const Outcome& outcome) {
  const std::size_t pairs = pair_count(articles);
  std::size_t left_out = 0;
  for (const auto& article : articles) left_out += article.left_out.size();
  const auto removed = removed_by_article(outcome);
  const Listing listing{removed, flags.prune, flags.dry_run};
  if (flags.format == "json") {
    nlohmann::json totals{{"dry_run", flags.dry_run}, {"pairs", pairs}, {"left_out", left_out}};
    if (const auto& report = outcome.report)
      totals.update({{"added", report->added}, {"merged", report->merged}, {"alternatives", report->alternatives}});
    if (outcome.removed) totals["removed"] = outcome.removed->size();
    return write_json(context.out, articles, listing, totals);
  }
  write_table(context.out, articles, listing, total_line(flags, pairs, left_out, outcome));
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
  Outcome outcome;
  if (!flags.dry_run || flags.prune) {  // a dry run with --prune reads the memory for what would go
    auto written = add_pairs(context, *workspace, flags, *articles, progress);
    if (!written) return;
    outcome = std::move(*written);
  }
  print(context, flags, *articles, outcome);
}

}  // namespace edsync::cli
