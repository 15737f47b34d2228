#include "cli.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace edsync::cli {

namespace fs = std::filesystem;

int exit_code_for(const Error& error) {
  switch (error.kind) {
    case ErrorKind::usage: return kExitUsage;
    case ErrorKind::bad_input: return kExitBadInput;
    case ErrorKind::io: return kExitIo;
  }
  return kExitIo;
}

bool Context::color_out() const {
  if (std::getenv("NO_COLOR") && *std::getenv("NO_COLOR")) return false;
  if (color == "always") return true;
  if (color == "never") return false;
  return &out == &std::cout && ::isatty(STDOUT_FILENO);
}

void Context::fail(const Error& error) {
  err << "edsync: " << error.message << '\n';
  exit_code = exit_code_for(error);
}

std::optional<fs::path> Context::find_root() {
  const fs::path start = workspace_dir ? fs::path(*workspace_dir) : fs::current_path();
  std::optional<fs::path> root;
  if (workspace_dir) {
    if (fs::is_regular_file(start / kConfigFileName)) root = start;
  } else {
    root = find_workspace_root(start);
  }
  if (!root) {
    fail(usage_error(workspace_dir ? *workspace_dir + ": not a workspace (no " + std::string(kConfigFileName) + " there); run 'edsync init " + *workspace_dir + "' to create one"
                                   : "not in a workspace: no " + std::string(kConfigFileName) + " here or in any parent folder; use --workspace DIR or run 'edsync init'"));
    return std::nullopt;
  }
  return root;
}

std::optional<std::pair<fs::path, WorkspaceConfig>> Context::load_config() {
  const auto root = find_root();
  if (!root) return std::nullopt;
  auto config = edsync::load_config(*root);
  if (!config) {
    fail(config.error());
    return std::nullopt;
  }
  return std::pair{*root, std::move(*config)};
}

std::optional<Workspace> Context::load_workspace(const WorkProgress& on_progress, const LoadScope& scope) {
  const auto root = find_root();
  if (!root) return std::nullopt;
  auto workspace = edsync::load_workspace(*root, scope, on_progress);
  if (!workspace) {
    fail(workspace.error());
    return std::nullopt;
  }
  return std::move(*workspace);
}

namespace {

// -w DIR also after the subcommand (edsync check -w DIR), and in its --help.
void add_workspace_option(CLI::App& command, Context& context) {
  for (auto* sub : command.get_subcommands(std::function<bool(CLI::App*)>{})) {
    if (sub->get_name() == "init" || sub->get_name() == "segment") continue;
    sub->add_option("-w,--workspace", context.workspace_dir, "Workspace folder (default: the nearest folder upward holding edsync.yaml)");
    add_workspace_option(*sub, context);
  }
}

// The first word that is neither an option of edsync's nor a command: CLI11
// would only say that a subcommand is required.
std::optional<std::string> unknown_command(int argc, char** argv, CLI::App& app) {
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (word == "-w" || word == "--workspace" || word == "--color") ++i;
    if (word.starts_with("-")) continue;
    if (!app.get_subcommands([&](CLI::App* sub) { return sub->check_name(word); }).empty()) return std::nullopt;
    std::string names;
    for (const auto* sub : app.get_subcommands(std::function<bool(CLI::App*)>{})) names += (names.empty() ? "" : ", ") + sub->get_name();
    return "unknown command '" + word + "'; the commands are " + names + " (edsync --help says what each does)";
  }
  return std::nullopt;
}

}  // namespace

int run(int argc, char** argv) {
  Context context{std::cout, std::cerr};
  CLI::App app{"edsync keeps the translated editions of a news site in step with the English articles."};
  app.name("edsync");
  app.set_version_flag("--version", "edsync 0.1.0");
  app.require_subcommand(1);
  app.add_option("-w,--workspace", context.workspace_dir, "Workspace folder (default: the nearest folder upward holding edsync.yaml)");
  app.add_option("--color", context.color, "Colour in readable output")
      ->check(CLI::IsMember({"auto", "always", "never"}))->default_str("auto");
  add_init_command(app, context);
  add_check_command(app, context);
  add_status_command(app, context);
  add_mark_synced_command(app, context);
  add_tm_command(app, context);
  add_lookup_command(app, context);
  add_concordance_command(app, context);
  add_segment_command(app, context);
  add_report_command(app, context);
  add_align_command(app, context);
  add_todo_command(app, context);
  add_xliff_command(app, context);
  add_workspace_option(app, context);
  if (const auto unknown = unknown_command(argc, argv, app)) {
    context.fail(usage_error(*unknown));
    return context.exit_code;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? kExitOk : kExitUsage;
  }
  std::cout.flush();
  if (!std::cout) return kExitIo;
  return context.exit_code;
}

}  // namespace edsync::cli
