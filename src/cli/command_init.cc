#include <CLI/CLI.hpp>
#include <ostream>

#include "cli.h"

namespace edsync::cli {

void add_init_command(CLI::App& app, Context& context) {
  struct Options {
    std::string folder = ".";
    std::vector<std::string> editions = {"ar", "fa", "sq"};
  };
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand("init", "Create a workspace: edsync.yaml, .gitignore (for .edsync/), .gitattributes (tm/*.tmx merged by edsync), editions/<lang>/ and tm/");
  command->add_option("DIR", options->folder, "Folder to create the workspace in")->default_str(".");
  command->add_option("--editions", options->editions, "Edition languages")->delimiter(',')->default_str("ar,fa,sq");
  command->callback([&context, options] {
    const auto created = init_workspace(options->folder, "en", options->editions);
    if (!created) return context.fail(created.error());
    context.out << "Created a workspace in " << options->folder << ": " << kConfigFileName
                << ", .gitignore, .gitattributes, editions/en/";
    for (const auto& lang : options->editions) context.out << ", editions/" << lang << '/';
    context.out << ", tm/\n";
    if (created->git_configured)
      context.out << "git merges tm/*.tmx with `" << kTmMergeDriverCommand << "` (merge.edsync-tm in the repository's config)\n";
  });
}

}  // namespace edsync::cli
