// edsync xliff: the exchange with translators' CAT tools. The group alone;
// each subcommand has its own file.
#include <CLI/CLI.hpp>

#include "cli.h"

namespace edsync::cli {

void add_xliff_command(CLI::App& app, Context& context) {
  auto* xliff = app.add_subcommand("xliff", "Exchange articles with translators' CAT tools as XLIFF");
  xliff->require_subcommand(1);
  add_xliff_import_command(*xliff, context);
}

}  // namespace edsync::cli
