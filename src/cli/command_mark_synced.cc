#include <CLI/CLI.hpp>
#include <unistd.h>

#include <ostream>

#include "cli.h"
#include "edsync/sync.h"
#include "progress.h"

namespace edsync::cli {

namespace {

struct MarkSyncedFlags {
  std::string lang;
  std::vector<std::string> ids;
};

void run_mark_synced(Context& context, const MarkSyncedFlags& flags) {
  ProgressBar progress(context.err, ProgressBar::stderr_is_terminal());
  const auto workspace = context.load_workspace(
      [&progress](std::string_view task, std::size_t done, std::size_t total) { progress.update(task, done, total, ""); },
      LoadScope{.langs = {flags.lang}});
  if (!workspace) return;
  const bool out_on_terminal = ::isatty(STDOUT_FILENO) == 1;  // then the bar makes way for each line
  for (std::size_t i = 0; i < flags.ids.size(); ++i) {
    const auto outcome = mark_synced(*workspace, flags.lang, flags.ids[i]);
    if (!outcome || out_on_terminal) progress.clear();
    if (!outcome) {
      context.fail(outcome.error());
    } else {
      context.out << outcome->path << ": "
                  << (outcome->changed ? "now records English revision " : "already records English revision ")
                  << outcome->revision << '\n';
    }
    progress.update("recording revisions", i + 1, flags.ids.size(), "");
  }
}

}  // namespace

void add_mark_synced_command(CLI::App& app, Context& context) {
  auto flags = std::make_shared<MarkSyncedFlags>();
  auto* command = app.add_subcommand("mark-synced", "Record that translations match the current English revision");
  command->add_option("LANG", flags->lang, "Edition language")->required();
  command->add_option("ID", flags->ids, "Article ids")->required();
  command->callback([&context, flags] { run_mark_synced(context, *flags); });
}

}  // namespace edsync::cli
