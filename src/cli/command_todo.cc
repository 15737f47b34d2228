// edsync todo: per edition, the segments left to translate with their best
// memory match, and the analysis a CAT tool gives. A listing: exit 0.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <ostream>

#include "as_of.h"
#include "cli.h"
#include "edsync/text.h"
#include "edsync/workflow.h"
#include "tm_database.h"

namespace edsync::cli {

namespace {

using Json = nlohmann::ordered_json;
using namespace workflow;

struct TodoFlags {
  std::string format = "table";
  std::vector<std::string> langs;
  std::vector<std::string> articles;
  std::string as_of;
};

// At most `width` characters (code points) of a sentence, with an ellipsis.
std::string shortened(const std::string& text, std::size_t width) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (++chars > width) return text.substr(0, i) + "…";
  }
  return text;
}

std::string match_label(const WorkSegment& segment) {
  if (segment.work == SegmentWork::removed) return "";
  if (segment.repetition) return "repetition";
  if (segment.match.level == MatchLevel::none) return "no match";
  return fmt::format("{:<10} {:>3}%", to_string(segment.match.level), segment.match.score);
}

std::string article_heading(const ArticleWork& article) {
  std::string line = fmt::format("  {:<8} {}", to_string(article.status), article.id);
  if (article.recorded_revision)
    line += fmt::format("  (made from {}, now {})", *article.recorded_revision, article.english.revision);
  return line + "\n";
}

void write_article(std::ostream& out, const ArticleWork& article) {
  out << article_heading(article);
  if (!article.note.empty()) out << "    " << article.note << '\n';
  for (const auto& segment : article.segments) {
    const std::string work = segment.work == SegmentWork::translate ? "" : std::string(to_string(segment.work));
    out << fmt::format("    {:>5}  {:<7}  {:<15}  {}\n", fmt::format("{}.{}", segment.paragraph, segment.index), work,
                       match_label(segment), shortened(segment.english, 60));
    if (segment.work == SegmentWork::changed) out << fmt::format("    {:>5}  {:<7}  {:<15}  {}\n", "", "", "was", shortened(segment.old_english, 60));
  }
}

void write_analysis(std::ostream& out, const Analysis& analysis) {
  out << fmt::format("  {:<12} {:>8} {:>8}\n", "match", "segments", "words");
  for (const auto& band : analysis.bands) out << fmt::format("  {:<12} {:>8} {:>8}\n", band.name, band.segments, band.words);
  out << fmt::format("  {:<12} {:>8} {:>8}\n", "total", analysis.segments, analysis.words);
}

void write_table(std::ostream& out, const TodoReport& report) {
  bool first = true;
  for (const auto& edition : report.editions) {
    if (!first) out << '\n';
    first = false;
    out << fmt::format("{} ({}): {} {} to translate, {} segments, {} words\n", edition.lang, language_name(edition.lang),
                       edition.articles.size(), edition.articles.size() == 1 ? "article" : "articles",
                       edition.analysis.segments, edition.analysis.words);
    for (const auto& article : edition.articles) write_article(out, article);
    write_analysis(out, edition.analysis);
  }
}

Json match_json(const SegmentMatch& chosen) {
  Json json{{"level", to_string(chosen.level)}, {"score", chosen.score}};
  if (!chosen.match) return json;
  const tm::Match& match = *chosen.match;
  json.update({{"unit_id", match.unit_id}, {"source", match.source}, {"target_lang", match.target_lang},
               {"target", match.target}, {"origin", to_string(match.provenance.origin)},
               {"article", match.provenance.article_id}, {"revision", match.provenance.article_revision},
               {"changed", match.changed}});
  return json;
}

Json segment_json(const WorkSegment& segment) {
  Json json{{"id", segment.id}, {"paragraph", segment.paragraph}, {"index", segment.index},
            {"work", to_string(segment.work)}, {"english", segment.english}};
  if (segment.work == SegmentWork::changed) json["old_english"] = segment.old_english;
  json.update({{"words", segment.words}, {"repetition", segment.repetition}});
  if (segment.work != SegmentWork::removed && !segment.repetition) json["match"] = match_json(segment.match);
  return json;
}

Json article_json(const ArticleWork& article) {
  Json json{{"id", article.id}, {"status", to_string(article.status)}, {"english_path", article.english.path},
            {"translation_path", article.translation_path}, {"title", article.english.title},
            {"date", article.english.date ? article.english.date->to_string() : ""},
            {"english_revision", article.english.revision}};
  if (article.recorded_revision) json["recorded_revision"] = *article.recorded_revision;
  if (!article.note.empty()) json["note"] = article.note;
  json["segments"] = Json::array();
  for (const auto& segment : article.segments) json["segments"].push_back(segment_json(segment));
  return json;
}

Json analysis_json(const Analysis& analysis) {
  Json bands = Json::array();
  for (const auto& band : analysis.bands) bands.push_back({{"band", band.name}, {"segments", band.segments}, {"words", band.words}});
  return {{"bands", bands}, {"segments", analysis.segments}, {"words", analysis.words}};
}

void write_json(std::ostream& out, const TodoReport& report) {
  Json editions = Json::array();
  for (const auto& edition : report.editions) {
    Json articles = Json::array();
    for (const auto& article : edition.articles) articles.push_back(article_json(article));
    editions.push_back({{"lang", edition.lang}, {"name", language_name(edition.lang)}, {"articles", articles},
                        {"analysis", analysis_json(edition.analysis)}});
  }
  out << Json{{"bands", report.bands}, {"editions", editions}}.dump(2) << '\n';
}

void run_todo(Context& context, const TodoFlags& flags) {
  TodoOptions options;
  options.langs = flags.langs;
  options.article_patterns = flags.articles;
  if (!flags.as_of.empty()) {
    const auto date = parse_as_of(flags.as_of);
    if (!date) return context.fail(date.error());
    options.today = *date;
  }
  const auto report = with_workspace_memory(context, todo_scope(options), [&options](const Workspace& workspace, tm::Memory& memory, ArticleProgress progress) {
    options.on_progress = std::move(progress);
    return list_work(workspace, memory, options);
  });
  if (!report) return;
  if (!*report) return context.fail(report->error());
  if (flags.format == "json") write_json(context.out, **report);
  else write_table(context.out, **report);
}

}  // namespace

void add_todo_command(CLI::App& app, Context& context) {
  auto flags = std::make_shared<TodoFlags>();
  auto* command = app.add_subcommand(
      "todo",
      "List, per edition, the segments left to translate with their best memory match, and the analysis per match band "
      "(a listing: exits 0)");
  command->add_option("--format", flags->format, "table or json")->check(CLI::IsMember({"table", "json"}))->default_str("table");
  command->add_option("-l,--lang", flags->langs, "Only these editions (repeat or separate with commas)")->delimiter(',');
  command->add_option("-a,--article", flags->articles, "Only articles whose id matches this shell pattern (repeatable)");
  command->add_option("--as-of", flags->as_of, "Judge grace periods (missing or pending) as of this date (YYYY-MM-DD)");
  command->footer("Exit codes: 0 the listing was written (whatever it lists), 2 usage, 3 bad input, 4 I/O or database.");
  command->callback([&context, flags] { run_todo(context, *flags); });
}

}  // namespace edsync::cli
