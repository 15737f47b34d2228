#include <CLI/CLI.hpp>
#include <system_error>

#include "as_of.h"
#include "cli.h"
#include "progress.h"
#include "edsync/report.h"

namespace edsync::cli {

namespace {

struct ReportFlags {
  std::string output;
  std::string as_of;
  bool no_history = false;
};

void run_report_command(Context& context, const ReportFlags& flags) {
  ReportOptions options;
  options.history = !flags.no_history;
  if (!flags.as_of.empty()) {
    const auto date = parse_as_of(flags.as_of);
    if (!date) return context.fail(date.error());
    options.today = *date;
  }
  const auto workspace = context.load_workspace();
  if (!workspace) return;
  ProgressBar progress(context.err, ProgressBar::stderr_is_terminal());
  options.on_progress = [&progress](const ReportProgress& step) { progress.update("report: " + std::string(step.stage), step.done, step.total); };
  const auto report = build_report(*workspace, options);
  if (!report) {
    progress.clear();
    return context.fail(report.error());
  }
  const std::filesystem::path folder = flags.output.empty() ? workspace->root / ".edsync" / "report" : std::filesystem::path(flags.output);
  const auto index = write_report_site(*report, folder, workspace->root, options.on_progress);
  progress.clear();
  if (!index) return context.fail(index.error());
  // The path as the user named the folder, or the default one seen from here: never more of the machine than asked.
  std::error_code error;
  const std::filesystem::path shown = flags.output.empty() ? std::filesystem::relative(*index, std::filesystem::current_path(), error) : *index;
  context.out << (shown.empty() ? *index : shown).generic_string() << '\n';
}

}  // namespace

void add_report_command(CLI::App& app, Context& context) {
  auto flags = std::make_shared<ReportFlags>();
  auto* command = app.add_subcommand("report", "Write the coverage report, a static HTML site to open in a browser");
  command->add_option("-o,--output", flags->output, "Folder to write the site into (default: .edsync/report/ in the workspace)");
  command->add_option("--as-of", flags->as_of, "Judge grace periods as of this date (YYYY-MM-DD) instead of today");
  command->add_flag("--no-history", flags->no_history, "Do not read git (no coverage over time, no changed sentences)");
  command->callback([&context, flags] { run_report_command(context, *flags); });
}

}  // namespace edsync::cli
