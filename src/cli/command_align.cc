// edsync align --from en --to ar EN_FILE TR_FILE: pairs the sentences of a
// text and its translation, as TSV, JSON or TMX.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "command_align.h"
#include "edsync/align.h"
#include "edsync/file_io.h"
#include "edsync/language.h"
#include "edsync/tmx.h"
#include "workspace_alignment.h"

namespace edsync::cli {

namespace {


Result<AlignText> read_side(const std::string& path, const std::string& language, bool presegmented) {
  auto text = read_file(path);
  if (!text) return text.error();
  if (presegmented) return read_presegmented(*text, path);
  SegmentOptions options;
  options.language = language;
  options.format = path.ends_with(".md") || path.ends_with(".markdown") ? SegmentFormat::markdown : SegmentFormat::plain;
  return segment_for_alignment(*text, path, options);
}

// With --presegmented a sentence is named by its line in the file.
std::vector<std::size_t> numbers_of(const std::vector<std::size_t>& sentences, const AlignText& text, bool lines) {
  if (!lines) return sentences;
  std::vector<std::size_t> numbers;
  for (const auto s : sentences) numbers.push_back(text.line_of[s]);
  return numbers;
}

std::string listed(const std::vector<std::size_t>& numbers) {
  std::string result;
  for (const auto n : numbers) result += (result.empty() ? "" : ",") + std::to_string(n);
  return result;
}

std::string without_tabs(std::string text) {
  for (char& c : text) {
    if (c == '\t') c = ' ';
  }
  return text;
}

struct Output {
  const AlignText& source;
  const AlignText& target;
  const AlignFlags& flags;
};

// source numbers, target numbers, confidence, source text, target text.
void write_tsv(std::ostream& out, const std::vector<Bead>& beads, const Output& o) {
  for (const auto& bead : beads) {
    out << listed(numbers_of(bead.source, o.source, o.flags.presegmented)) << '\t'
        << listed(numbers_of(bead.target, o.target, o.flags.presegmented)) << '\t'
        << fmt::format("{:.3f}", bead.confidence) << '\t' << without_tabs(joined(bead.source, o.source)) << '\t'
        << without_tabs(joined(bead.target, o.target)) << '\n';
  }
}

void write_json(std::ostream& out, const std::vector<Bead>& beads, const Output& o) {
  auto list = nlohmann::json::array();
  for (const auto& bead : beads) {
    list.push_back({{"source", numbers_of(bead.source, o.source, o.flags.presegmented)},
                    {"target", numbers_of(bead.target, o.target, o.flags.presegmented)},
                    {"confidence", std::round(bead.confidence * 1000) / 1000}});
  }
  out << nlohmann::json{{"beads", list}}.dump(2) << '\n';
}

// Only beads with a sentence on each side become units.
Status write_tmx(std::ostream& out, const std::vector<Bead>& beads, const Output& o) {
  tmx::Writer writer(out);
  tmx::Header header;
  header.version = "1.4";
  header.attributes = {{"srclang", o.flags.from}, {"segtype", "sentence"}};
  if (auto status = writer.write_header(header); !status) return status;
  for (const auto& bead : beads) {
    if (bead.source.empty() || bead.target.empty()) continue;
    tmx::Unit unit;
    unit.props = {{{{"type", "x-edsync-confidence"}}, fmt::format("{:.3f}", bead.confidence)}};
    unit.variants = {tmx::plain_text_variant(o.flags.from, joined(bead.source, o.source)),
                     tmx::plain_text_variant(o.flags.to, joined(bead.target, o.target))};
    if (auto status = writer.write(unit); !status) return status;
  }
  return writer.finish();
}

void run_align_files(Context& context, const AlignFlags& flags) {
  AlignOptions options;
  options.source_language = flags.from;
  options.target_language = flags.to;
  if (!flags.dictionary.empty()) {
    auto dictionary = read_dictionary(flags.dictionary);
    if (!dictionary) return context.fail(dictionary.error());
    options.dictionary = std::move(*dictionary);
  }
  auto source = read_side(flags.source_file, flags.from, flags.presegmented);
  if (!source) return context.fail(source.error());
  auto target = read_side(flags.target_file, flags.to, flags.presegmented);
  if (!target) return context.fail(target.error());
  auto beads = align_texts(*source, *target, options);
  if (!beads) return context.fail(beads.error());
  std::erase_if(*beads, [&](const Bead& bead) { return bead.confidence < flags.min_confidence.value_or(0); });
  const Output output{*source, *target, flags};
  if (flags.format == "json") return write_json(context.out, *beads, output);
  if (flags.format == "tsv") return write_tsv(context.out, *beads, output);
  std::ostringstream tmx_text;
  if (auto status = write_tmx(tmx_text, *beads, output); !status) return context.fail(status.error());
  context.out << tmx_text.str();
}

// Files name what to align; without them the workspace's translations are.
void run_align_command(Context& context, AlignFlags flags) {
  const bool on_files = !flags.source_file.empty();
  const std::vector<std::string> file_formats{"tsv", "json", "tmx"}, workspace_formats{"table", "json"};
  if (flags.format.empty()) flags.format = on_files ? "tsv" : "table";
  const auto& formats = on_files ? file_formats : workspace_formats;
  if (std::find(formats.begin(), formats.end(), flags.format) == formats.end())
    return context.fail(usage_error(fmt::format("--format {} is for {}; use {}", flags.format,
                                                on_files ? "a workspace" : "files",
                                                on_files ? "tsv, json or tmx" : "table or json")));
  if (!on_files) return run_align_workspace(context, flags);
  if (flags.target_file.empty()) return context.fail(usage_error("give the translation after the original"));
  if (flags.to.empty()) return context.fail(usage_error("--to is required with files: the translation's language"));
  run_align_files(context, flags);
}

}  // namespace

void add_align_command(CLI::App& app, Context& context) {
  auto flags = std::make_shared<AlignFlags>();
  auto* command = app.add_subcommand(
      "align", "Pair the sentences of a text with those of its translation; without files, fill the memory from the workspace");
  command->add_option("source", flags->source_file, "The original (Markdown, plain text, or one sentence a line)");
  command->add_option("translation", flags->target_file, "Its translation, in the same form");
  command->add_option("--from", flags->from, "Language of the original")->default_str("en");
  command->add_option("--to", flags->to, "Language of the translation (ar, fa, sq, ...)");
  command->add_flag("--presegmented", flags->presegmented,
                    "One sentence a line; an empty line or <p> ends a paragraph (hunalign's input)");
  command->add_option("--format", flags->format, "On files tsv (default), json or tmx; in a workspace table (default) or json");
  command->add_option("--min-confidence", flags->min_confidence,
                      "Leave out beads less likely than this (0 to 1; files: 0, workspace: align.min_confidence)")
      ->check(CLI::Range(0.0, 1.0));
  command->add_option("-l,--lang", flags->langs, "Workspace: only these editions");
  command->add_option("--article", flags->articles, "Workspace: only articles whose id matches this shell glob");
  command->add_flag("--dry-run", flags->dry_run, "Workspace: say what would be added (and removed), write nothing");
  command->add_flag("--prune", flags->prune,
                    "Workspace: remove the aligner's pairs of earlier revisions of each article re-aligned "
                    "(imported pairs are never removed)");
  command->add_option("--lock-timeout", flags->lock_timeout,
                      "Workspace: stop, changing nothing, when another edsync command still writes tm/ after this many seconds")
      ->check(CLI::NonNegativeNumber);
  command->add_option("--dictionary", flags->dictionary, "Word pairs to start from: source TAB translation, one a line");
  command->callback([&context, flags] { run_align_command(context, *flags); });
}

}  // namespace edsync::cli
