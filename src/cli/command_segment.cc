#include <CLI/CLI.hpp>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "cli.h"
#include "edsync/file_io.h"
#include "edsync/segment.h"

namespace edsync::cli {

namespace {

struct SegmentFlags {
  std::string language = "en";
  std::string rules;
  std::string format = "text";
  std::string input = "-";
  std::string markup = "auto";
  bool clause_breaks = false;
  bool print_rules = false;
};

Result<std::string> read_input(const std::string& input) {
  if (input != "-") return read_file(input, "a text or Markdown file");
  std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  if (std::cin.bad()) return io_error("standard input: read failed");
  return text;
}

SegmentFormat markup_of(const SegmentFlags& flags) {
  if (flags.markup == "markdown") return SegmentFormat::markdown;
  if (flags.markup == "plain") return SegmentFormat::plain;
  return flags.input.ends_with(".md") || flags.input.ends_with(".markdown") ? SegmentFormat::markdown
                                                                           : SegmentFormat::plain;
}

// One segment per line: line breaks inside a segment become spaces.
void write_text(std::ostream& out, std::string_view text, const std::vector<Segment>& segments) {
  for (const auto& segment : segments) {
    std::string line(text.substr(segment.begin, segment.end - segment.begin));
    for (char& c : line) {
      if (c == '\n' || c == '\r') c = ' ';
    }
    out << line << '\n';
  }
}

void write_json(std::ostream& out, std::string_view text, const std::vector<Segment>& segments) {
  auto list = nlohmann::json::array();
  for (const auto& segment : segments) {
    list.push_back({{"text", std::string(text.substr(segment.begin, segment.end - segment.begin))},
                    {"begin", segment.begin},
                    {"end", segment.end}});
  }
  // Invalid UTF-8 is shown as U+FFFD; begin and end still point at the bytes.
  out << list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void run_segment_command(Context& context, const SegmentFlags& flags) {
  if (flags.print_rules) {
    context.out << built_in_srx();
    return;
  }
  std::optional<Segmenter> loaded;
  if (!flags.rules.empty()) {
    auto rules = Segmenter::from_srx_file(flags.rules);
    if (!rules) return context.fail(rules.error());
    for (const auto& warning : rules->warnings()) context.err << "edsync: warning: " << warning.to_string() << '\n';
    loaded = std::move(*rules);
  }
  const Segmenter& segmenter = loaded ? *loaded : Segmenter::built_in();
  const auto text = read_input(flags.input);
  if (!text) return context.fail(text.error());
  SegmentOptions options;
  options.language = flags.language;
  options.format = markup_of(flags);
  options.clause_breaks = flags.clause_breaks;
  const auto segments = segmenter.segment(*text, options);
  if (flags.format == "json") write_json(context.out, *text, segments);
  else write_text(context.out, *text, segments);
}

}  // namespace

void add_segment_command(CLI::App& app, Context& context) {
  auto flags = std::make_shared<SegmentFlags>();
  auto* command = app.add_subcommand("segment", "Split text into sentences (one per line, or JSON with byte offsets)");
  command->add_option("file", flags->input, "Text or Markdown file, or - for standard input")->default_str("-");
  command->add_option("-l,--lang", flags->language, "Language of the text (en, ar, fa, sq, ...)")->default_str("en");
  command->add_option("--rules", flags->rules, "SRX 2.0 rules file to use instead of the built-in rules");
  command->add_option("--format", flags->format, "text (one segment per line) or json")
      ->check(CLI::IsMember({"text", "json"}))->default_str("text");
  command->add_option("--markup", flags->markup, "plain, markdown, or auto (markdown for *.md files)")
      ->check(CLI::IsMember({"auto", "plain", "markdown"}))->default_str("auto");
  command->add_flag("--clause-breaks", flags->clause_breaks, "Arabic and Persian: also end segments at ؛ : and ،");
  command->add_flag("--print-rules", flags->print_rules, "Print the built-in SRX rules, to read or extend, and exit");
  command->callback([&context, flags] { run_segment_command(context, *flags); });
}

}  // namespace edsync::cli
