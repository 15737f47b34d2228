#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <ostream>
#include <unordered_map>

#include "cli.h"
#include "edsync/file_io.h"
#include "edsync/text.h"
#include "tm_database.h"

namespace edsync::cli {

namespace {

struct LookupFlags {
  std::string text;
  std::string file;  // --file: one sentence a line, "-" for standard input
  bool exit_code = false;
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

nlohmann::ordered_json matches_json(const std::vector<tm::Match>& matches) {
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
  return list;
}

void print_json(std::ostream& out, const std::vector<tm::Match>& matches, const LookupFlags& flags, const std::string& lang) {
  out << nlohmann::ordered_json{{"query", flags.text}, {"lang", lang}, {"threshold", flags.threshold}, {"matches", matches_json(matches)}}.dump(2)
      << '\n';
}

tm::LookupOptions lookup_options(const LookupFlags& flags, const std::string& lang) {
  tm::LookupOptions options;
  options.target_lang = lang;
  options.threshold = flags.threshold;
  options.max_results = flags.max;
  return options;
}

// A line of a --file: its number and text (without the line break).
struct QueryLine {
  int number = 0;
  std::string_view text;
};

// The lines that hold a sentence; blank ones look up nothing and are left out.
std::vector<QueryLine> query_lines(std::string_view text) {
  std::vector<QueryLine> lines;
  int number = 0;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    ++number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.find_first_not_of(" \t") != std::string_view::npos) lines.push_back({number, line});
  }
  return lines;
}

// JSON Lines, one object per sentence in input order; a sentence given twice
// is looked up once. Returns false when some line found no match.
std::optional<bool> print_json_lines(Context& context, tm::Memory& memory, std::string_view text, const tm::LookupOptions& options) {
  std::unordered_map<std::string_view, nlohmann::ordered_json> known;
  bool every_line_matched = true;
  for (const auto& line : query_lines(text)) {
    auto found = known.find(line.text);
    if (found == known.end()) {
      const auto matches = memory.lookup(line.text, options);
      if (!matches) {
        context.fail(matches.error());
        return std::nullopt;
      }
      found = known.emplace(line.text, matches_json(*matches)).first;
    }
    if (found->second.empty()) every_line_matched = false;
    context.out << nlohmann::ordered_json{{"line", line.number}, {"query", line.text}, {"matches", found->second}}.dump() << '\n';
  }
  return every_line_matched;
}

// The sentences of --file, all checked before anything is looked up.
std::optional<std::string> read_queries(Context& context, const LookupFlags& flags) {
  auto text = read_file_or_stdin(flags.file, "a file of sentences, one a line");
  if (!text) {
    context.fail(text.error());
    return std::nullopt;
  }
  if (const Status utf8 = check_utf8(*text, flags.file == "-" ? "standard input" : flags.file); !utf8) {
    context.fail(utf8.error());
    return std::nullopt;
  }
  return std::move(*text);
}

Status check_form(const LookupFlags& flags) {
  if (flags.file.empty() && flags.text.empty()) return usage_error("give the sentence to look up, or --file FILE (- for standard input) with one sentence a line");
  if (!flags.file.empty() && flags.format == "text") return usage_error("--file writes JSON Lines, one object a line; leave out --format text");
  return success();
}

void run_lookup(Context& context, LookupFlags flags, bool format_given) {
  if (!flags.file.empty() && !format_given) flags.format = "json";
  if (const Status form = check_form(flags); !form) return context.fail(form.error());
  const auto lang = language_option(context, flags.lang);
  if (!lang) return;
  std::optional<std::string> queries;
  if (!flags.file.empty() && !(queries = read_queries(context, flags))) return;
  ProgressBar progress(context.err, ProgressBar::stderr_is_terminal());
  auto memory = open_memory(context, flags.memory, progress);
  if (!memory) return;
  const auto options = lookup_options(flags, *lang);
  bool every_line_matched = true;
  if (queries) {
    const auto printed = print_json_lines(context, *memory, *queries, options);
    if (!printed) return;
    every_line_matched = *printed;
  } else {
    const auto matches = memory->lookup(flags.text, options);
    if (!matches) return context.fail(matches.error());
    if (flags.format == "json") print_json(context.out, *matches, flags, *lang);
    else print_text(context.out, *matches, flags, context.color_out());
    every_line_matched = !matches->empty();
  }
  if (flags.exit_code && !every_line_matched) context.exit_code = kExitProblemsFound;
}

}  // namespace

void add_lookup_command(CLI::App& app, Context& context) {
  auto flags = std::make_shared<LookupFlags>();
  auto* command = app.add_subcommand("lookup", "Find translations of an English sentence in the memory: exact, then fuzzy");
  auto* text = command->add_option("TEXT", flags->text, "The English sentence");
  command->add_option("-f,--file", flags->file, "Look up every line of FILE (- for standard input); writes JSON Lines")->excludes(text);
  command->add_option("-l,--lang", flags->lang, "Target language (fa matches fa-IR too)")->required();
  command->add_option("--threshold", flags->threshold, "Lowest fuzzy score shown, 0-100")->check(CLI::Range(0, 100))->default_str("70");
  command->add_option("--max", flags->max, "Most matches shown")->check(CLI::PositiveNumber)->default_str("10");
  auto* format = command->add_option("--format", flags->format, "text or json (--file: JSON Lines)")->check(CLI::IsMember({"text", "json"}))->default_str("text");
  command->add_flag("--exit-code", flags->exit_code, "Exit 1 when a sentence (with --file: some line) has no match");
  command->add_option("--db", flags->memory.db, "The database (default: the workspace's .edsync/tm.sqlite)");
  command->footer("Exits 0 whether or not anything matches (1 with --exit-code when something found no match), 2 on a usage error, 3 on bad input (a --file that is not UTF-8), 4 on a database error.");
  command->callback([&context, flags, format] { run_lookup(context, *flags, format->count() > 0); });
}

}  // namespace edsync::cli
