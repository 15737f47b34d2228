#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli.h"
#include "tm_database.h"

namespace edsync::cli {

namespace {

struct ConcordanceFlags {
  std::string term;
  std::string lang;
  std::size_t max = 50;
  std::string format = "text";
  MemoryFlags memory;
};

// The text with each span between markers: bold yellow, or [[ ]] without colour.
std::string highlight(const std::string& text, const std::vector<tm::Span>& spans, bool color) {
  const std::string open = color ? "\x1b[1;33m" : "[[";
  const std::string close = color ? "\x1b[0m" : "]]";
  std::string out;
  std::size_t at = 0;
  for (const auto& span : spans) {
    out += text.substr(at, span.begin - at) + open + text.substr(span.begin, span.end - span.begin) + close;
    at = span.end;
  }
  return out + text.substr(at);
}

nlohmann::ordered_json spans_json(const std::vector<tm::Span>& spans) {
  auto list = nlohmann::ordered_json::array();
  for (const auto& span : spans) list.push_back({span.begin, span.end});
  return list;
}

void print_text(std::ostream& out, const std::vector<tm::ConcordanceHit>& hits, bool color) {
  if (hits.empty()) out << "No unit contains the term.\n";
  for (const auto& hit : hits) {
    out << fmt::format("{:<6} {:<6} {}\n", fmt::format("#{}", hit.unit_id), "en", highlight(hit.source, hit.source_spans, color));
    out << fmt::format("{:<6} {:<6} {}\n", "", hit.target_lang, highlight(hit.target, hit.target_spans, color));
  }
}

void print_json(std::ostream& out, const std::vector<tm::ConcordanceHit>& hits, const ConcordanceFlags& flags,
                const std::string& lang) {
  auto list = nlohmann::ordered_json::array();
  for (const auto& hit : hits) {
    list.push_back({{"unit", hit.unit_id},
                    {"source", hit.source},
                    {"source_matches", spans_json(hit.source_spans)},
                    {"target_lang", hit.target_lang},
                    {"target", hit.target},
                    {"target_matches", spans_json(hit.target_spans)}});
  }
  out << nlohmann::ordered_json{{"term", flags.term}, {"lang", lang}, {"hits", list}}.dump(2) << '\n';
}

void run_concordance(Context& context, const ConcordanceFlags& flags) {
  const auto lang = language_option(context, flags.lang);
  if (!lang) return;
  ProgressBar progress(context.err, ProgressBar::stderr_is_terminal());
  auto memory = open_memory(context, flags.memory, progress);
  if (!memory) return;
  tm::ConcordanceOptions options;
  options.target_lang = *lang;
  options.max_results = flags.max;
  const auto hits = memory->concordance(flags.term, options);
  if (!hits) return context.fail(hits.error());
  if (flags.format == "json") print_json(context.out, *hits, flags, *lang);
  else print_text(context.out, *hits, context.color_out());
}

}  // namespace

void add_concordance_command(CLI::App& app, Context& context) {
  auto flags = std::make_shared<ConcordanceFlags>();
  auto* command = app.add_subcommand("concordance", "Find the units whose English or translation contains a term");
  command->add_option("TERM", flags->term, "Word or phrase")->required();
  command->add_option("-l,--lang", flags->lang, "Target language (fa matches fa-IR too)")->required();
  command->add_option("--max", flags->max, "Most units shown")->check(CLI::PositiveNumber)->default_str("50");
  command->add_option("--format", flags->format, "text or json")->check(CLI::IsMember({"text", "json"}))->default_str("text");
  command->add_option("--db", flags->memory.db, "The database (default: the workspace's .edsync/tm.sqlite)");
  command->callback([&context, flags] { run_concordance(context, *flags); });
}

}  // namespace edsync::cli
