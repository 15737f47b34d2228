// edsync xliff import FILE...: translated XLIFF files back into the editions
// and the memory. The workflow module does the job; this parses and prints.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli.h"
#include "edsync/xliff_import.h"
#include "tm_database.h"

namespace edsync::cli {

namespace {

using Json = nlohmann::ordered_json;
using workflow::ImportedFile;
using workflow::ImportRefusal;
using workflow::XliffImportReport;

struct XliffImportFlags {
  std::vector<std::string> files;
  bool rebase = false;
  bool dry_run = false;
  std::string format = "table";
  std::optional<double> lock_timeout;
};

std::string joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out;
}

std::string count_of(std::size_t count, const char* one, const char* many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

// Why a file was not imported, as one line a person reads.
std::string refusal_line(const ImportedFile& file) {
  const std::string article = fmt::format("{} ({})", file.article_id, file.edition);
  switch (file.refusal) {
    case ImportRefusal::english_changed:
      return fmt::format("{}: the English of {} changed since the export (made from {}, now {}): {} changed: {}; {}",
                         file.file, article, file.english_revision, file.current_revision,
                         count_of(file.changed.size(), "segment", "segments"), joined(file.changed),
                         file.rebased ? "their translations are still to do"
                                      : "export it again, or import with --rebase to keep the translations of the others");
    case ImportRefusal::untranslated:
      return fmt::format("{}: {} of {} units are not translated: {}; translate them (a unit whose English stands as "
                         "its translation needs state=\"translated\")",
                         file.file, file.untranslated.size(), file.units, joined(file.untranslated));
    case ImportRefusal::translation_changed:
      return fmt::format("{}: the translation of {} changed since the export (it {}); export it again", file.file,
                         article, file.refusal_detail);
    case ImportRefusal::none: break;
  }
  return "";
}

std::string status_of(const ImportedFile& file, bool dry_run) {
  if (file.rebased) return dry_run ? "would rebase" : "rebased";
  if (file.refusal != ImportRefusal::none) return "refused";
  return dry_run ? "would import" : "imported";
}

std::string written_of(const ImportedFile& file) {
  if (file.edition_path.empty()) return "-";
  return file.edition_path + (file.replaces ? " (replaced)" : " (new)");
}

std::string memory_of(const ImportedFile& file, bool dry_run) {
  if (dry_run) return fmt::format("{} to add", file.memory_units);
  return fmt::format("{} added, {} merged", file.memory_added, file.memory_merged);
}

void write_table(std::ostream& out, const XliffImportReport& report, bool dry_run) {
  std::vector<std::vector<std::string>> rows{{"file", "article", "edition", "units", "status", "edition file", "memory"}};
  for (const auto& file : report.files)
    rows.push_back({file.file, file.article_id, file.edition, std::to_string(file.units), status_of(file, dry_run),
                    written_of(file), memory_of(file, dry_run)});
  std::vector<std::size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows)
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i)
      line += i + 1 == row.size() ? row[i] : fmt::format("{:<{}}  ", row[i], widths[i]);
    out << line << '\n';
  }
}

Json file_json(const ImportedFile& file, bool dry_run) {
  Json json{{"file", file.file}, {"article", file.article_id}, {"edition", file.edition},
            {"english_revision", file.english_revision}, {"current_revision", file.current_revision},
            {"units", file.units}, {"translated", file.translated}, {"status", status_of(file, dry_run)}};
  if (file.refusal != ImportRefusal::none) json["reason"] = refusal_line(file);
  json["untranslated"] = file.untranslated;
  json["changed"] = file.changed;
  json["written"] = file.edition_path.empty() ? Json(nullptr) : Json(file.edition_path);
  json["replaces"] = file.replaces;
  json["memory"] = {{"units", file.memory_units}, {"added", file.memory_added}, {"merged", file.memory_merged}};
  return json;
}

void write_json(std::ostream& out, const XliffImportReport& report, bool dry_run) {
  Json files = Json::array();
  for (const auto& file : report.files) files.push_back(file_json(file, dry_run));
  out << Json{{"dry_run", dry_run}, {"files", files}, {"problems", report.problems}}.dump(2) << '\n';
}

// Problems (bad input) and refusals go to stderr: nothing was written then.
void report_failures(Context& context, const XliffImportReport& report) {
  for (const auto& problem : report.problems) context.err << "edsync: " << problem << '\n';
  const bool refused = report.refused();
  for (const auto& file : report.files)
    if (file.refusal != ImportRefusal::none) context.err << "edsync: " << refusal_line(file) << '\n';
  if (!report.problems.empty() || refused) context.err << "edsync: nothing was written\n";
  if (!report.problems.empty()) context.exit_code = kExitBadInput;
  else if (refused) context.exit_code = kExitProblemsFound;
}

void run_xliff_import(Context& context, const XliffImportFlags& flags) {
  const auto workspace = context.load_workspace();
  if (!workspace) return;
  ProgressBar progress(context.err, ProgressBar::stderr_is_terminal());
  const MemoryFlags memory_flags{.lock_timeout = flags.lock_timeout, .writes = true};
  workflow::XliffImportOptions options{.rebase = flags.rebase, .dry_run = flags.dry_run};
  options.open_memory = [&] {
    const std::string shown = std::filesystem::path(workspace->config.tm_dir).generic_string() + "/";
    return tm::Memory::open(workspace->root, workspace->config, memory_options(context, memory_flags, progress, shown));
  };
  const auto report = workflow::import_xliff_files(*workspace, flags.files, options);
  progress.clear();
  if (!report) return context.fail(report.error());
  const bool failed = !report->problems.empty() || report->refused();
  if (flags.format == "json") write_json(context.out, *report, flags.dry_run);
  else if (!failed) write_table(context.out, *report, flags.dry_run);
  report_failures(context, *report);
}

}  // namespace

void add_xliff_import_command(CLI::App& xliff, Context& context) {
  auto flags = std::make_shared<XliffImportFlags>();
  auto* command = xliff.add_subcommand(
      "import", "Check translated XLIFF files, then write their editions' articles and add their pairs to the memory");
  command->add_option("FILE", flags->files, "XLIFF files (1.2, .sdlxliff or 2.0) made by 'edsync xliff export'")
      ->required();
  command->add_flag("--rebase", flags->rebase,
                    "When the English changed since the export: keep the unchanged segments' translations in the "
                    "memory (no article is written)");
  command->add_flag("--dry-run", flags->dry_run, "Check and say what would be written; write nothing");
  command->add_option("--format", flags->format, "table or json")->check(CLI::IsMember({"table", "json"}))->default_str("table");
  command->add_option("--lock-timeout", flags->lock_timeout, "Seconds to wait for another command writing the memory");
  command->footer(
      "Exit codes: 0 imported (or, with --dry-run, would be), 1 refused: the English changed since the export, a unit "
      "is not translated, or the translation changed; 2 usage, 3 bad input (nothing written), 4 I/O or database.");
  command->callback([&context, flags] { run_xliff_import(context, *flags); });
}

}  // namespace edsync::cli
