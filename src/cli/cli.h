// The command-line front end: the only place that prints or picks exit codes.
#pragma once

#include <iosfwd>
#include <filesystem>
#include <optional>
#include <utility>
#include <string>

#include "edsync/result.h"
#include "edsync/workspace.h"

namespace CLI {
class App;
}

namespace edsync::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitProblemsFound = 1,
  kExitUsage = 2,
  kExitBadInput = 3,
  kExitIo = 4,
};

int exit_code_for(const Error& error);

// What every subcommand shares: where to write and which workspace to use.
struct Context {
  std::ostream& out;
  std::ostream& err;
  std::optional<std::string> workspace_dir;  // --workspace
  std::string color = "auto";                // --color
  int exit_code = kExitOk;

  bool color_out() const;  // colour on stdout: a terminal, not NO_COLOR, not --color never

  // Finds and loads the workspace; on failure reports and returns nullopt.
  // `scope`: the editions and articles the command looks at (--lang, --article), the others not loaded.
  std::optional<Workspace> load_workspace(const WorkProgress& on_progress = {}, const LoadScope& scope = {});
  // Finds the workspace and reads edsync.yaml alone (no article), the same way.
  std::optional<std::pair<std::filesystem::path, WorkspaceConfig>> load_config();
  // Prints "edsync: <message>" to stderr and records the exit code.
  void fail(const Error& error);

 private:
  std::optional<std::filesystem::path> find_root();  // reports when there is none
};

int run(int argc, char** argv);

// One per subcommand, each in its own file.
void add_init_command(CLI::App& app, Context& context);
void add_check_command(CLI::App& app, Context& context);
void add_status_command(CLI::App& app, Context& context);
void add_mark_synced_command(CLI::App& app, Context& context);
void add_tm_command(CLI::App& app, Context& context);
void add_tm_merge_driver_command(CLI::App& tm, Context& context);  // under `tm`
void add_lookup_command(CLI::App& app, Context& context);
void add_concordance_command(CLI::App& app, Context& context);
void add_segment_command(CLI::App& app, Context& context);
void add_report_command(CLI::App& app, Context& context);
void add_align_command(CLI::App& app, Context& context);
void add_todo_command(CLI::App& app, Context& context);
void add_xliff_command(CLI::App& app, Context& context);
void add_xliff_export_command(CLI::App& xliff, Context& context);  // under `xliff`
void add_xliff_import_command(CLI::App& xliff, Context& context);  // under `xliff`

}  // namespace edsync::cli
