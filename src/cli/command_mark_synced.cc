#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "cli.h"
#include "edsync/file_io.h"
#include "edsync/sync.h"
#include "edsync/text.h"
#include "progress.h"

namespace edsync::cli {

namespace {

struct MarkSyncedFlags {
  std::string lang;
  std::vector<std::string> ids;
  std::string ids_file;
  std::string format = "text";
};

// The ids given, then those of --ids-from-file, one a line (blank lines and
// a line's end of \r left out), in their order.
Result<std::vector<std::string>> ids_asked(const MarkSyncedFlags& flags, CLI::App& command) {
  std::vector<std::string> ids = flags.ids;
  if (command.count("--ids-from-file")) {
    const auto text = read_file_or_stdin(flags.ids_file, "a file of article ids, one a line");
    if (!text) return text.error();
    if (Status utf8 = check_utf8(*text, flags.ids_file == "-" ? "standard input" : flags.ids_file); !utf8) return utf8.error();
    std::istringstream lines(*text);
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) ids.push_back(std::move(line));
    }
  }
  if (ids.empty()) return usage_error("no article id given; name the articles, or give --ids-from-file FILE ('-' for standard input)");
  return ids;
}

// One entry per id, in order: the translation and what was recorded, or why nothing was.
void write_json(std::ostream& out, const std::string& lang, const std::vector<std::string>& ids,
                const std::vector<Result<MarkSyncedOutcome>>& outcomes) {
  using Json = nlohmann::ordered_json;
  Json translations = Json::array();
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto& outcome = outcomes[i];
    if (!outcome) {
      translations.push_back({{"id", ids[i]}, {"error", outcome.error().message}});
      continue;
    }
    translations.push_back(
        {{"id", ids[i]}, {"path", outcome->path}, {"revision", outcome->revision}, {"changed", outcome->changed}});
  }
  out << Json{{"edition", lang}, {"translations", translations}}.dump(2) << '\n';
}

void run_mark_synced(Context& context, const MarkSyncedFlags& flags, CLI::App& command) {
  const auto ids = ids_asked(flags, command);
  if (!ids) return context.fail(ids.error());
  ProgressBar progress(context.err, ProgressBar::stderr_is_terminal());
  const WorkProgress on_progress = [&progress](std::string_view task, std::size_t done, std::size_t total) {
    progress.update(task, done, total, "");
  };
  const auto workspace = context.load_workspace(on_progress, mark_synced_scope(flags.lang, *ids));
  if (!workspace) return;
  const auto outcomes = mark_synced(*workspace, flags.lang, *ids, on_progress);
  progress.clear();
  if (!outcomes) return context.fail(outcomes.error());
  for (const auto& outcome : *outcomes)
    if (!outcome) context.fail(outcome.error());
  if (flags.format == "json") return write_json(context.out, flags.lang, *ids, *outcomes);
  for (const auto& outcome : *outcomes) {
    if (!outcome) continue;
    context.out << outcome->path << ": "
                << (outcome->changed ? "now records English revision " : "already records English revision ")
                << outcome->revision << '\n';
  }
}

}  // namespace

void add_mark_synced_command(CLI::App& app, Context& context) {
  auto flags = std::make_shared<MarkSyncedFlags>();
  auto* command = app.add_subcommand("mark-synced", "Record that translations match the current English revision");
  command->add_option("LANG", flags->lang, "Edition language")->required();
  command->add_option("ID", flags->ids, "Article ids");
  command->add_option("--ids-from-file", flags->ids_file, "Also the ids in this file, one a line ('-' for standard input)")->type_name("FILE");
  command->add_option("--format", flags->format, "text or json")->check(CLI::IsMember({"text", "json"}))->default_str("text");
  command->callback([&context, flags, command] { run_mark_synced(context, *flags, *command); });
}

}  // namespace edsync::cli
