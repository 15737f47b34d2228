#include "tm_database.h"

#include <filesystem>

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

std::optional<tm::Store> open_store(Context& context, const fs::path& path) {
  auto store = tm::Store::open(path);
  if (!store) {
    context.fail(store.error());
    return std::nullopt;
  }
  return std::move(*store);
}

}  // namespace

std::optional<WorkspaceTm> workspace_tm(Context& context) {
  const auto workspace = context.load_workspace();
  if (!workspace) return std::nullopt;
  WorkspaceTm found;
  found.db = workspace->root / ".edsync" / "tm.sqlite";
  found.text.dir = workspace->root / workspace->config.tm_dir;
  found.text.source_lang = workspace->config.source_lang;
  for (const auto& edition : workspace->config.editions) found.text.languages.push_back(edition.lang);
  found.text_shown = fs::path(workspace->config.tm_dir).generic_string() + "/";
  found.text.lock_file = workspace->root / ".edsync" / "tm.lock";
  found.text.lock_wait.on_wait = [&context, shown = found.text_shown] {
    context.err << "edsync: waiting for another edsync command writing " << shown << " ...\n" << std::flush;
  };
  std::error_code error;
  fs::create_directories(found.db.parent_path(), error);
  if (error) {
    context.fail(io_error(found.db.parent_path().string() + ": cannot create the folder: " + error.message()));
    return std::nullopt;
  }
  return found;
}

std::optional<OpenedTm> open_tm_with_text(Context& context, const std::string& db_path) {
  if (!db_path.empty()) {
    auto store = open_store(context, db_path);
    if (!store) return std::nullopt;
    return OpenedTm{std::move(*store), std::nullopt};
  }
  const auto found = workspace_tm(context);
  if (!found) return std::nullopt;
  const auto sync = tm::sync_index(found->db, found->text);
  if (!sync) {
    context.fail(sync.error());
    if (sync.error().kind == ErrorKind::bad_input)
      context.err << "edsync: the translation memory index was not rebuilt from " << found->text_shown
                << "; fix the file and run the command again\n";
    return std::nullopt;
  }
  report_sync(context, *sync, found->text_shown);
  auto store = open_store(context, found->db);
  if (!store) return std::nullopt;
  return OpenedTm{std::move(*store), found->text};
}

std::optional<tm::Store> open_tm(Context& context, const std::string& db_path) {
  auto opened = open_tm_with_text(context, db_path);
  if (!opened) return std::nullopt;
  return std::move(opened->store);
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
