// edsync tm merge-driver: git's merge driver for tm/*.tmx (merge=edsync-tm in
// .gitattributes, set up by edsync init). Git runs it with the ancestor's,
// our and their version in temporary files and takes what it leaves in ours;
// a non-zero exit tells git the file is in conflict, and ours is untouched.
#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli.h"
#include "edsync/file_io.h"
#include "edsync/tm_text.h"

namespace edsync::cli {

namespace {

struct MergeDriverFlags {
  std::string ancestor, ours, theirs;
  std::string path;  // %P: the file's name in the repository, for messages
};

std::string shown(const MergeDriverFlags& flags, const std::string& file, std::string_view side) {
  return flags.path.empty() ? file : fmt::format("{} ({})", flags.path, side);
}

std::optional<tm::TextVersion> version(Context& context, const MergeDriverFlags& flags, const std::string& file,
                                       std::string_view side) {
  auto bytes = read_file(file, "a version of the translation memory");
  if (!bytes) {
    context.fail(bytes.error());
    return std::nullopt;
  }
  return tm::TextVersion{std::move(*bytes), shown(flags, file, side)};
}

void run_merge_driver(Context& context, const MergeDriverFlags& flags) {
  const auto ancestor = version(context, flags, flags.ancestor, "ancestor");
  const auto ours = ancestor ? version(context, flags, flags.ours, "ours") : std::nullopt;
  const auto theirs = ours ? version(context, flags, flags.theirs, "theirs") : std::nullopt;
  if (!theirs) return;
  const auto merge = tm::merge_text_file(*ancestor, *ours, *theirs);
  const std::string name = flags.path.empty() ? flags.ours : flags.path;
  if (!merge) {
    context.fail(merge.error());
    context.err << fmt::format("edsync: {}: not merged; git marks it as a conflict and keeps our version: fix the "
                               "version named above and merge again\n", name);
    return;
  }
  if (const Status written = write_file_atomically(flags.ours, merge->text); !written) return context.fail(written.error());
  if (merge->both_changed > 0)
    context.err << fmt::format("edsync: {}: {} unit(s) changed on both sides, merged as an import merges them "
                               "(earliest creation, latest change, both sides' props and notes)\n",
                               name, merge->both_changed);
}

}  // namespace

void add_tm_merge_driver_command(CLI::App& tm, Context& context) {
  auto flags = std::make_shared<MergeDriverFlags>();
  auto* command = tm.add_subcommand(
      "merge-driver", "Merge three versions of a tm/*.tmx file into OURS (git's merge driver: %O %A %B %P)");
  command->add_option("ANCESTOR", flags->ancestor, "The common ancestor's version (git's %O)")->required();
  command->add_option("OURS", flags->ours, "Our version, replaced by the result (git's %A)")->required();
  command->add_option("THEIRS", flags->theirs, "Their version (git's %B)")->required();
  command->add_option("PATH", flags->path, "The file's path in the repository, for messages (git's %P)");
  command->callback([&context, flags] { run_merge_driver(context, *flags); });
}

}  // namespace edsync::cli
