#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli.h"
#include "tm_database.h"

namespace edsync::cli {

namespace {

struct LookupFlags {
  std::string text;
  std::string lang;
  int threshold = 70;
  std::size_t max = 10;
  std::string format = "text";
  MemoryFlags memory;
};

std::string_view op_name(tm::DiffPart::Kind kind) {
  switch (kind) {
    case tm::DiffPart::Kind::same: return "same";
    case tm::DiffPart::Kind::removed: return "removed";
    case tm::DiffPart::Kind::added: return "added";
  }
  return "same";
}

// The memory's sentence with what the query changes: [-gone-]{+new+}, or in colour.
std::string render(const std::vector<tm::DiffPart>& parts, bool color) {
  std::string out;
  const tm::DiffPart* previous = nullptr;
  for (const auto& part : parts) {
    const bool lead = part.text.starts_with(' ');
    const bool replacement = previous && previous->kind != tm::DiffPart::Kind::same && part.kind != tm::DiffPart::Kind::same;
    if (lead && !replacement) out += ' ';
    const std::string body = part.text.substr(lead ? 1 : 0);
    if (part.kind == tm::DiffPart::Kind::same) out += body;
    else if (part.kind == tm::DiffPart::Kind::removed) out += color ? "\x1b[31;9m" + body + "\x1b[0m" : "[-" + body + "-]";
    else out += color ? "\x1b[32;1m" + body + "\x1b[0m" : "{+" + body + "+}";
    previous = &part;
  }
  return out;
}

void print_text(std::ostream& out, const std::vector<tm::Match>& matches, const LookupFlags& flags, bool color) {
  if (matches.empty()) {
    out << fmt::format("No match at or above {}.\n", flags.threshold);
    return;
  }
  for (const auto& match : matches) {
    const std::string source = match.kind == tm::MatchKind::exact ? match.source : render(match.diff, color);
    out << fmt::format("{:>3} {:<10} {}\n", match.score, tm::to_string(match.kind), source);
    out << fmt::format("    {:<10} {}\n", match.target_lang, match.target);
  }
}

void print_json(std::ostream& out, const std::vector<tm::Match>& matches, const LookupFlags& flags, const std::string& lang) {
  auto list = nlohmann::ordered_json::array();
  for (const auto& match : matches) {
    auto diff = nlohmann::ordered_json::array();
    for (const auto& part : match.diff) diff.push_back({{"op", op_name(part.kind)}, {"text", part.text}});
    list.push_back({{"kind", tm::to_string(match.kind)},
                    {"score", match.score},
                    {"unit", match.unit_id},
                    {"source", match.source},
                    {"target_lang", match.target_lang},
                    {"target", match.target},
                    {"diff", diff},
                    {"origin", tm::to_string(match.provenance.origin)},
                    {"article", match.provenance.article_id},
                    {"revision", match.provenance.article_revision},
                    {"changed", match.changed}});
  }
  out << nlohmann::ordered_json{{"query", flags.text}, {"lang", lang}, {"threshold", flags.threshold}, {"matches", list}}.dump(2)
      << '\n';
}

void run_lookup(Context& context, const LookupFlags& flags) {
  const auto lang = language_option(context, flags.lang);
  if (!lang) return;
  ProgressBar progress(context.err, ProgressBar::stderr_is_terminal());
  auto memory = open_memory(context, flags.memory, progress);
  if (!memory) return;
  tm::LookupOptions options;
  options.target_lang = *lang;
  options.threshold = flags.threshold;
  options.max_results = flags.max;
  const auto matches = memory->lookup(flags.text, options);
  if (!matches) return context.fail(matches.error());
  if (flags.format == "json") print_json(context.out, *matches, flags, *lang);
  else print_text(context.out, *matches, flags, context.color_out());
}

}  // namespace

void add_lookup_command(CLI::App& app, Context& context) {
  auto flags = std::make_shared<LookupFlags>();
  auto* command = app.add_subcommand("lookup", "Find translations of an English sentence in the memory: exact, then fuzzy");
  command->add_option("TEXT", flags->text, "The English sentence")->required();
  command->add_option("-l,--lang", flags->lang, "Target language (fa matches fa-IR too)")->required();
  command->add_option("--threshold", flags->threshold, "Lowest fuzzy score shown, 0-100")->check(CLI::Range(0, 100))->default_str("70");
  command->add_option("--max", flags->max, "Most matches shown")->check(CLI::PositiveNumber)->default_str("10");
  command->add_option("--format", flags->format, "text or json")->check(CLI::IsMember({"text", "json"}))->default_str("text");
  command->add_option("--db", flags->memory.db, "The database (default: the workspace's .edsync/tm.sqlite)");
  command->callback([&context, flags] { run_lookup(context, *flags); });
}

}  // namespace edsync::cli
