#include <CLI/CLI.hpp>

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
  const WorkProgress on_progress = [&progress](std::string_view task, std::size_t done, std::size_t total) {
    progress.update(task, done, total, "");
  };
  const auto workspace = context.load_workspace(on_progress, mark_synced_scope(flags.lang, flags.ids));
  if (!workspace) return;
  const auto outcomes = mark_synced(*workspace, flags.lang, flags.ids, on_progress);
  progress.clear();
  if (!outcomes) return context.fail(outcomes.error());
  for (const auto& outcome : *outcomes) {
    if (!outcome) {
      context.fail(outcome.error());
      continue;
    }
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
  command->add_option("ID", flags->ids, "Article ids")->required();
  command->callback([&context, flags] { run_mark_synced(context, *flags); });
}

}  // namespace edsync::cli
