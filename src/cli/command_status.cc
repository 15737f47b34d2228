#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli.h"
#include "edsync/sync.h"
#include "edsync/text.h"

namespace edsync::cli {

namespace {

double percent(int part, int whole) { return whole == 0 ? 0.0 : 100.0 * part / whole; }

void print_table(std::ostream& out, const std::vector<EditionCoverage>& lines) {
  out << fmt::format("{:<16} {:>8} {:>8} {:>16} {:>16}\n", "EDITION", "ARTICLES", "REQUIRED", "TRANSLATED", "UP TO DATE");
  for (const auto& line : lines) {
    out << fmt::format("{:<16} {:>8} {:>8} {:>8} {:>6.1f}% {:>8} {:>6.1f}%\n",
                       line.lang + " (" + language_name(line.lang) + ")", line.english, line.required,
                       line.translated, percent(line.translated, line.english), line.up_to_date,
                       percent(line.up_to_date, line.english));
  }
}

void print_json(std::ostream& out, const std::vector<EditionCoverage>& lines) {
  auto editions = nlohmann::ordered_json::array();
  for (const auto& line : lines) {
    editions.push_back({{"lang", line.lang},
                        {"name", language_name(line.lang)},
                        {"articles", line.english},
                        {"required", line.required},
                        {"translated", line.translated},
                        {"up_to_date", line.up_to_date},
                        {"translated_percent", std::round(percent(line.translated, line.english) * 10) / 10},
                        {"up_to_date_percent", std::round(percent(line.up_to_date, line.english) * 10) / 10}});
  }
  out << nlohmann::ordered_json{{"editions", editions}}.dump(2) << '\n';
}

}  // namespace

void add_status_command(CLI::App& app, Context& context) {
  auto format = std::make_shared<std::string>("table");
  auto* command = app.add_subcommand("status", "Show how much of each edition is translated and up to date");
  command->add_option("--format", *format, "Output format")->check(CLI::IsMember({"table", "json"}))->default_str("table");
  command->callback([&context, format] {
    const auto workspace = context.load_workspace();
    if (!workspace) return;
    for (const auto& file : workspace->invalid_files)
      context.err << "edsync: warning: " << file.diagnostic.to_string() << " (not counted)\n";
    const auto lines = coverage(*workspace);
    if (*format == "json") print_json(context.out, lines);
    else print_table(context.out, lines);
  });
}

}  // namespace edsync::cli
