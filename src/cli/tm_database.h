// Where the memory commands find the translation memory: one tm::Memory,
// opened from the workspace's edsync.yaml alone or from --db.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "cli.h"
#include "edsync/memory.h"
#include "progress.h"

namespace edsync::cli {

struct MemoryFlags {
  std::string db;                      // --db: a database alone, without text
  std::optional<double> lock_timeout;  // --lock-timeout SECONDS, for the writing commands
  bool writes = false;                 // the command writes tm/: hold the write lock throughout
};

// The memory a command uses: in a workspace its index is brought in step with
// tm/*.tmx first (a note on stderr when it was rebuilt); a writer waiting for
// another's lock says so after a second. Reports and returns nullopt on failure.
std::optional<tm::Memory> open_memory(Context& context, const MemoryFlags& flags, ProgressBar& progress);

// The same for a workspace already loaded (edsync.yaml is not read again).
std::optional<tm::Memory> open_workspace_memory(Context& context, const std::filesystem::path& root,
                                                const WorkspaceConfig& config, const MemoryFlags& flags,
                                                ProgressBar& progress);

// Per-article progress, as the workflow's commands report it.
using ArticleProgress = std::function<void(std::size_t done, std::size_t total)>;

// What the commands that read the workspace's work share (todo, xliff
// export): the workspace loaded (as much as `scope` asks), its memory opened, and `work(workspace,
// memory, progress)` run with a bar over the articles, cleared before the
// caller prints. nullopt when the workspace or the memory could not be had
// (already reported).
template <typename Work>
auto with_workspace_memory(Context& context, const LoadScope& scope, Work&& work)
    -> std::optional<decltype(work(std::declval<const Workspace&>(), std::declval<tm::Memory&>(), ArticleProgress{}))> {
  const auto workspace = context.load_workspace({}, scope);
  if (!workspace) return std::nullopt;
  ProgressBar progress(context.err, ProgressBar::stderr_is_terminal());
  auto memory = open_workspace_memory(context, workspace->root, workspace->config, {}, progress);
  if (!memory) return std::nullopt;
  auto result = work(*workspace, *memory, [&progress](std::size_t done, std::size_t total) { progress.update("articles", done, total); });
  progress.clear();
  return result;
}

// How the library reports waiting for the write lock and progress: on stderr.
tm::MemoryOptions memory_options(Context& context, const MemoryFlags& flags, ProgressBar& progress,
                                 const std::string& shown);

// A language given on the command line, canonicalised; reports a usage error.
std::optional<std::string> language_option(Context& context, const std::string& tag);

}  // namespace edsync::cli
