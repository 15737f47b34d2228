#include <CLI/CLI.hpp>
#include <ostream>

#include "cli.h"
#include "edsync/sync.h"

namespace edsync::cli {

void add_mark_synced_command(CLI::App& app, Context& context) {
  struct Options {
    std::string lang;
    std::vector<std::string> ids;
  };
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand("mark-synced", "Record that translations match the current English revision");
  command->add_option("LANG", options->lang, "Edition language")->required();
  command->add_option("ID", options->ids, "Article ids")->required();
  command->callback([&context, options] {
    const auto workspace = context.load_workspace();
    if (!workspace) return;
    for (const auto& id : options->ids) {
      const auto outcome = mark_synced(*workspace, options->lang, id);
      if (!outcome) {
        context.fail(outcome.error());
        continue;
      }
      context.out << outcome->path << ": "
                  << (outcome->changed ? "now records English revision " : "already records English revision ")
                  << outcome->revision << '\n';
    }
  });
}

}  // namespace edsync::cli
