#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "check_report.h"
#include "as_of.h"
#include "cli.h"
#include "edsync/file_io.h"
#include "progress.h"

namespace edsync::cli {

namespace {

struct CheckFlags {
  std::string format = "table";
  std::vector<std::string> langs;
  std::vector<std::string> articles;
  std::vector<std::string> required;
  std::optional<int> grace_days;
  std::vector<std::string> fail_on;
  std::string as_of;
  std::string output;
  bool all = false;
  bool no_history = false;
};

// CLI::NonNegativeNumber would print its upper bound, a 309-digit number.
const CLI::Validator whole_days(
    [](const std::string& value) -> std::string {
      int days = -1;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), days);
      if (error == std::errc() && end == value.data() + value.size() && days >= 0) return "";
      return "must be a whole number of days, 0 or more, got '" + value + "'";
    },
    "DAYS");

Result<CheckOptions> to_options(const CheckFlags& flags, CLI::App& command) {
  CheckOptions options;
  options.langs = flags.langs;
  options.article_patterns = flags.articles;
  options.grace_days = flags.grace_days;
  options.explain_stale = !flags.no_history;
  options.list_ok = flags.all || flags.format != "table";  // the table shows ok rows only with --all
  if (command.count("--require")) {
    options.required_editions = flags.required;
    if (flags.required == std::vector<std::string>{"none"}) options.required_editions->clear();
  }
  if (command.count("--fail-on")) {
    options.fail_on.emplace();
    const bool none = flags.fail_on == std::vector<std::string>{"none"};
    for (const auto& name : none ? std::vector<std::string>{} : flags.fail_on) {
      const auto status = parse_sync_status(name);
      if (!status) return usage_error("--fail-on: unknown status '" + name + "'; statuses are ok, stale, untracked, missing, pending, skipped, orphan, invalid ('none' for none)");
      options.fail_on->push_back(*status);
    }
  }
  if (!flags.as_of.empty()) {
    const auto date = parse_as_of(flags.as_of);
    if (!date) return date.error();
    options.today = *date;
  }
  return options;
}

std::string render(const CheckReport& report, const Workspace& workspace, const CheckOptions& options, const CheckFlags& flags, const Context& context) {
  std::ostringstream text;
  if (flags.format == "json") write_check_json(text, report);
  else if (flags.format == "junit") write_check_junit(text, report);
  else if (flags.format == "github") write_check_github(text, report);
  else if (flags.format == "html") write_check_html(text, report, workspace, options.today);
  else write_check_table(text, report, {flags.all, flags.output.empty() && context.color_out()});
  return text.str();
}

Status append_step_summary(const CheckReport& report) {
  const char* summary_path = std::getenv("GITHUB_STEP_SUMMARY");
  if (!summary_path || !*summary_path) return success();
  std::ofstream summary(summary_path, std::ios::app);
  summary << check_summary_markdown(report);
  if (!summary) return io_error(std::string(summary_path) + ": cannot append the step summary");
  return success();
}

void run_check_command(Context& context, const CheckFlags& flags, CLI::App& command) {
  auto options = to_options(flags, command);
  if (!options) return context.fail(options.error());
  ProgressBar progress(context.err, ProgressBar::stderr_is_terminal());
  const WorkProgress on_progress = [&progress](std::string_view task, std::size_t done, std::size_t total) {
    progress.update(task, done, total, "");
  };
  const auto workspace = context.load_workspace(on_progress, check_scope(*options));
  if (!workspace) return;
  options->on_progress = on_progress;
  const auto report = run_check(*workspace, *options);
  progress.clear();
  if (!report) return context.fail(report.error());
  const std::string text = render(*report, *workspace, *options, flags, context);
  if (flags.output.empty()) {
    context.out << text;
  } else if (const Status written = write_file_atomically(flags.output, text); !written) {
    return context.fail(written.error());
  }
  if (flags.format == "github") {
    if (const Status appended = append_step_summary(*report); !appended) return context.fail(appended.error());
  }
  context.exit_code = report->failed ? kExitProblemsFound : kExitOk;
}

}  // namespace

void add_check_command(CLI::App& app, Context& context) {
  auto flags = std::make_shared<CheckFlags>();
  auto* command = app.add_subcommand("check", "Report, for every article and edition, what is missing, stale or orphaned");
  command->add_option("--format", flags->format, "table, json, junit (JUnit XML), github (workflow commands) or html (the report's front page)")
      ->check(CLI::IsMember({"table", "json", "junit", "github", "html"}))->default_str("table");
  command->add_option("-l,--lang", flags->langs, "Only these editions (repeat or separate with commas)")->delimiter(',');
  command->add_option("-a,--article", flags->articles, "Only articles whose id matches this shell pattern (repeatable)");
  command->add_option("--require", flags->required, "Editions that must carry every article, overriding the config ('none' for none)")->delimiter(',');
  command->add_option("--grace-days", flags->grace_days, "Days before a new English article counts as missing")->check(whole_days);
  command->add_option("--fail-on", flags->fail_on, "Statuses that fail the check, overriding the config ('none' for none)")->delimiter(',');
  command->add_option("--as-of", flags->as_of, "Judge grace periods as of this date (YYYY-MM-DD) instead of today");
  command->add_option("-o,--output", flags->output, "Write the report to this file instead of stdout");
  command->add_flag("--no-history", flags->no_history, "Do not look in git for the English a stale translation was made from");
  command->add_flag("--all", flags->all, "List every article in the table, ok and skipped ones too");
  command->callback([&context, flags, command] { run_check_command(context, *flags, *command); });
}

}  // namespace edsync::cli
