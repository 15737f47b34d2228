// edsync xliff: the exchange with translators' CAT tools. The group alone;
// each subcommand has its own file.
#include <CLI/CLI.hpp>

#include "cli.h"

namespace edsync::cli {

void add_xliff_command(CLI::App& app, Context& context) {
  auto* xliff = app.add_subcommand("xliff", "Exchange the work with translators' CAT tools as XLIFF files");
  xliff->require_subcommand(1);
  add_xliff_export_command(*xliff, context);
  add_xliff_import_command(*xliff, context);
}

}  // namespace edsync::cli
