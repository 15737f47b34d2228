#include "tm_database.h"

#include <filesystem>

#include "edsync/language.h"

namespace edsync::cli {

namespace fs = std::filesystem;

std::optional<tm::Store> open_tm(Context& context, const std::string& db_path) {
  fs::path path = db_path;
  if (path.empty()) {
    const auto workspace = context.load_workspace();
    if (!workspace) return std::nullopt;
    path = workspace->root / ".edsync" / "tm.sqlite";
    std::error_code error;
    fs::create_directories(path.parent_path(), error);
    if (error) {
      context.fail(io_error(path.parent_path().string() + ": cannot create the folder: " + error.message()));
      return std::nullopt;
    }
  }
  auto store = tm::Store::open(path);
  if (!store) {
    context.fail(store.error());
    return std::nullopt;
  }
  return std::move(*store);
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
