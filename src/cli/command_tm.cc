#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli.h"
#include "edsync/file_io.h"
#include "tm_database.h"

namespace edsync::cli {

namespace {

struct ImportFlags {
  std::vector<std::string> files;
  bool skip_invalid = false;
  std::string format = "text";
  MemoryFlags memory{.writes = true};
};

struct ExportFlags {
  std::string lang;
  std::string output;
  MemoryFlags memory;
};

void write_import_line(std::ostream& out, const std::string& file, const tm::ImportReport& report) {
  out << fmt::format("{}: {} units read: {} added, {} merged, {} alternatives", file, report.read, report.added,
                     report.merged, report.alternatives);
  if (!report.skipped.empty()) out << fmt::format("; {} invalid skipped", report.skipped.size());
  if (report.untranslated > 0) out << fmt::format("; untranslated segments left out: {}", report.untranslated);
  out << '\n';
}

nlohmann::ordered_json import_json(const std::string& file, const tm::ImportReport& report) {
  return {{"file", file},         {"read", report.read},
          {"added", report.added}, {"merged", report.merged},
          {"alternatives", report.alternatives}, {"skipped", report.skipped},
          {"untranslated", report.untranslated}};
}

// The files in order, each in its own transaction; the first that fails
// stops the import, the files before it stay imported (and are listed).
void run_import(Context& context, const ImportFlags& flags) {
  ProgressBar progress(context.err, ProgressBar::stderr_is_terminal());
  auto memory = open_memory(context, flags.memory, progress);
  if (!memory) return;
  tm::ImportOptions options;
  options.skip_invalid = flags.skip_invalid;
  auto files = nlohmann::ordered_json::array();
  for (const auto& file : flags.files) {
    const auto report = memory->import_file(file, options);
    progress.clear();
    if (!report) {
      context.fail(report.error());
      context.err << "edsync: " << file << ": nothing imported from this file\n";
      break;
    }
    for (const auto& skipped : report->skipped) context.err << "edsync: skipped: " << skipped << '\n';
    if (flags.format == "json") files.push_back(import_json(file, *report));
    else write_import_line(context.out, file, *report);
  }
  if (flags.format == "json") context.out << nlohmann::ordered_json{{"files", files}}.dump(2) << '\n';
}

void run_export(Context& context, const ExportFlags& flags) {
  tm::ExportOptions options;
  if (!flags.lang.empty()) {
    const auto lang = language_option(context, flags.lang);
    if (!lang) return;
    options.lang = *lang;
  }
  ProgressBar progress(context.err, ProgressBar::stderr_is_terminal());
  auto memory = open_memory(context, flags.memory, progress);
  if (!memory) return;
  std::ostringstream text;
  if (const Status exported = memory->export_tmx(text, options); !exported) return context.fail(exported.error());
  if (flags.output.empty()) {
    context.out << text.str();
  } else if (const Status written = write_file_atomically(flags.output, text.str()); !written) {
    context.fail(written.error());
  }
}

void run_rebuild(Context& context, const MemoryFlags& flags) {
  const auto found = context.load_config();
  if (!found) return;
  const auto& [root, config] = *found;
  const std::string shown = std::filesystem::path(config.tm_dir).generic_string() + "/";
  ProgressBar progress(context.err, ProgressBar::stderr_is_terminal());
  const auto memory = tm::Memory::open_rebuilt(root, config, memory_options(context, flags, progress, shown));
  progress.clear();
  if (!memory) return context.fail(memory.error());
  context.out << fmt::format("rebuilt the index from {}: {} units\n", shown, memory->index_sync().units);
}

void add_lock_timeout(CLI::App& command, MemoryFlags& flags) {
  command.add_option("--lock-timeout", flags.lock_timeout,
                     "Stop, changing nothing, when another edsync command still writes tm/ after this many seconds")
      ->check(CLI::NonNegativeNumber);
}

}  // namespace

void add_tm_command(CLI::App& app, Context& context) {
  auto* tm = app.add_subcommand("tm", "Import, export and rebuild the translation memory (text in tm/, index in .edsync/)");
  tm->require_subcommand(1);

  auto import_flags = std::make_shared<ImportFlags>();
  auto* import = tm->add_subcommand("import", "Add the units of TMX files, and the translated segments of XLIFF 1.2/2.0 files, to the memory (one transaction per file)");
  import->add_option("FILE", import_flags->files, "TMX or XLIFF (.xlf, .sdlxliff) files")->required();
  import->add_flag("--skip-invalid", import_flags->skip_invalid, "Import the good units of a file and report each bad one");
  import->add_option("--format", import_flags->format, "text or json")->check(CLI::IsMember({"text", "json"}))->default_str("text");
  add_lock_timeout(*import, import_flags->memory);
  import->add_option("--db", import_flags->memory.db, "The database (default: the workspace's .edsync/tm.sqlite)");
  import->callback([&context, import_flags] { run_import(context, *import_flags); });

  auto export_flags = std::make_shared<ExportFlags>();
  auto* exporter = tm->add_subcommand("export", "Write the memory as TMX 1.4b");
  exporter->add_option("-l,--lang", export_flags->lang, "Only units in this language, with their source");
  exporter->add_option("-o,--output", export_flags->output, "Write to this file (atomically) instead of stdout");
  exporter->add_option("--db", export_flags->memory.db, "The database (default: the workspace's .edsync/tm.sqlite)");
  exporter->callback([&context, export_flags] { run_export(context, *export_flags); });

  auto rebuild_flags = std::make_shared<MemoryFlags>();
  auto* rebuild = tm->add_subcommand("rebuild", "Build .edsync/tm.sqlite again from the text in tm/");
  add_lock_timeout(*rebuild, *rebuild_flags);
  rebuild->callback([&context, rebuild_flags] { run_rebuild(context, *rebuild_flags); });

  add_tm_merge_driver_command(*tm, context);
}

}  // namespace edsync::cli
