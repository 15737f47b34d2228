#include "tm_database.h"

#include <chrono>
#include <filesystem>
#include <ostream>

#include "edsync/language.h"

namespace edsync::cli {

namespace fs = std::filesystem;

namespace {

// Tells what happened to the index; silent when nothing did or the memory is empty.
void report_sync(Context& context, const tm::IndexSync& sync, const std::string& shown) {
  if (sync.units == 0) return;
  if (sync.action == tm::IndexSync::Action::rebuilt)
    context.err << "edsync: rebuilding the translation memory index from " << shown << " (" << sync.units << " units)\n";
  else if (sync.action == tm::IndexSync::Action::adopted)
    context.err << "edsync: wrote the translation memory to " << shown << " as text (" << sync.units
                << " units); commit it\n";
}

}  // namespace

tm::MemoryOptions memory_options(Context& context, const MemoryFlags& flags, ProgressBar& progress,
                                 const std::string& shown) {
  tm::MemoryOptions options;
  options.lock_wait.on_wait = [&context, &progress, shown] {
    progress.clear();
    context.err << "edsync: waiting for another edsync command writing " << shown << " ...\n" << std::flush;
  };
  if (flags.lock_timeout)
    options.lock_wait.timeout = std::chrono::milliseconds(static_cast<std::int64_t>(*flags.lock_timeout * 1000));
  options.hold_write_lock = flags.writes;
  options.on_progress = [&progress](const tm::Progress& at) { progress.update(at.task, at.done, at.total); };
  return options;
}

std::optional<tm::Memory> open_memory(Context& context, const MemoryFlags& flags, ProgressBar& progress) {
  if (!flags.db.empty()) {
    auto memory = tm::Memory::open_database(flags.db, memory_options(context, flags, progress, flags.db));
    if (!memory) context.fail(memory.error());
    return memory ? std::optional(std::move(*memory)) : std::nullopt;
  }
  const auto found = context.load_config();
  if (!found) return std::nullopt;
  return open_workspace_memory(context, found->first, found->second, flags, progress);
}

std::optional<tm::Memory> open_workspace_memory(Context& context, const fs::path& root, const WorkspaceConfig& config,
                                                const MemoryFlags& flags, ProgressBar& progress) {
  const std::string shown = fs::path(config.tm_dir).generic_string() + "/";
  auto memory = tm::Memory::open(root, config, memory_options(context, flags, progress, shown));
  progress.clear();
  if (!memory) {
    context.fail(memory.error());
    if (memory.error().kind == ErrorKind::bad_input)
      context.err << "edsync: the translation memory index was not rebuilt from " << shown
                  << "; fix the file and run the command again\n";
    return std::nullopt;
  }
  report_sync(context, memory->index_sync(), shown);
  return std::move(*memory);
}

std::optional<std::string> language_option(Context& context, const std::string& tag) {
  auto canonical = canonical_language(tag);
  if (!canonical || *canonical == kAllLanguages) {
    context.fail(usage_error("--lang: '" + tag + "' is not a language tag; write it like ar, fa or sq-XK"));
    return std::nullopt;
  }
  return canonical;
}

}  // namespace edsync::cli
