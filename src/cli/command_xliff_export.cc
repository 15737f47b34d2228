// edsync xliff export LANG [ID...]: the edition's work as one XLIFF file per
// article, pretranslated from the memory; lists what was written.
#include <fmt/format.h>

#include <algorithm>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <ostream>

#include "as_of.h"
#include "cli.h"
#include "edsync/xliff_export.h"
#include "tm_database.h"

namespace edsync::cli {

namespace {

using Json = nlohmann::ordered_json;

struct ExportFlags {
  std::string lang;
  std::vector<std::string> ids;
  std::string output;
  std::string version = "1.2";
  bool copy_source = false;
  bool fill_fuzzy = false;
  bool unlock = false;
  std::string format = "table";
  std::string as_of;
};

void write_table(std::ostream& out, const workflow::ExportReport& report) {
  out << fmt::format("{} {} written to {}\n", report.files.size(), report.files.size() == 1 ? "file" : "files", report.output_dir);
  if (report.files.empty()) return;
  std::size_t width = 4;
  for (const auto& file : report.files) width = std::max(width, file.path.size());
  out << fmt::format("  {:<{}} {:<8} {:>5} {:>13} {:>5} {:>6} {:>6}\n", "file", width, "status", "units", "pretranslated",
                     "fuzzy", "locked", "words");
  for (const auto& file : report.files)
    out << fmt::format("  {:<{}} {:<8} {:>5} {:>13} {:>5} {:>6} {:>6}\n", file.path, width, file.status, file.units,
                       file.pretranslated, file.fuzzy, file.locked, file.words);
}

void write_json(std::ostream& out, const workflow::ExportReport& report) {
  Json files = Json::array();
  for (const auto& file : report.files)
    files.push_back({{"file", file.path}, {"article", file.article}, {"status", file.status}, {"units", file.units},
                     {"pretranslated", file.pretranslated}, {"fuzzy", file.fuzzy}, {"locked", file.locked},
                     {"words", file.words}});
  out << Json{{"lang", report.lang}, {"output_dir", report.output_dir}, {"files", files}}.dump(2) << '\n';
}

void run_export(Context& context, const ExportFlags& flags) {
  const auto lang = language_option(context, flags.lang);
  if (!lang) return;
  workflow::ExportOptions options;
  options.lang = *lang;
  options.article_ids = flags.ids;
  options.output_dir = flags.output;
  options.version = flags.version == "2.0" ? workflow::XliffVersion::v2_0 : workflow::XliffVersion::v1_2;
  options.copy_source = flags.copy_source;
  options.fill_fuzzy = flags.fill_fuzzy;
  options.unlock = flags.unlock;
  if (!flags.as_of.empty()) {
    const auto date = parse_as_of(flags.as_of);
    if (!date) return context.fail(date.error());
    options.today = *date;
  }
  const auto report = with_workspace_memory(context, workflow::export_scope(options), [&options](const Workspace& workspace, tm::Memory& memory, ArticleProgress progress) {
    options.on_progress = std::move(progress);
    return workflow::export_xliff(workspace, memory, options);
  });
  if (!report) return;
  if (!*report) return context.fail(report->error());
  if (flags.format == "json") write_json(context.out, **report);
  else write_table(context.out, **report);
}

}  // namespace

void add_xliff_export_command(CLI::App& xliff, Context& context) {
  auto flags = std::make_shared<ExportFlags>();
  auto* command = xliff.add_subcommand(
      "export",
      "Write the edition's work (what `edsync todo` lists) as one XLIFF file per article, <id>.<lang>.xlf, "
      "pretranslated from the memory, and list the files written");
  command->add_option("lang", flags->lang, "The edition (its language)")->required();
  command->add_option("ids", flags->ids, "Only these articles (default: every article todo lists for the edition)");
  command->add_option("-o,--output", flags->output, "Folder for the files (default: .edsync/xliff/LANG/ in the workspace)");
  command->add_option("--version", flags->version, "XLIFF version: 1.2 or 2.0")->check(CLI::IsMember({"1.2", "2.0"}))->default_str("1.2");
  command->add_flag("--copy-source", flags->copy_source,
                    "Copy the source into targets left untranslated, marked new (1.2) or initial (2.0), as OmegaT does");
  command->add_flag("--fill-fuzzy", flags->fill_fuzzy, "Fill targets with the best fuzzy match too, marked for review");
  command->add_flag("--unlock", flags->unlock, "Leave a stale article's unchanged segments translatable (locked otherwise)");
  command->add_option("--format", flags->format, "table or json")->check(CLI::IsMember({"table", "json"}))->default_str("table");
  command->add_option("--as-of", flags->as_of, "Judge grace periods (missing or pending) as of this date (YYYY-MM-DD)");
  command->footer("Exit codes: 0 the files were written, 2 usage, 3 bad input, 4 I/O or database.");
  command->callback([&context, flags] { run_export(context, *flags); });
}

}  // namespace edsync::cli
