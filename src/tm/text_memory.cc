// The memory as canonical TMX files under tm/ and the index built from them.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <set>
#include <sstream>

#include "edsync/file_io.h"
#include "edsync/language.h"
#include "edsync/revision.h"
#include "edsync/tm_text.h"
#include "edsync/tmx.h"
#include "external_sort.h"
#include "sources.h"
#include "text_parts.h"
#include "text_staging.h"
#include "text_stamps.h"
#include "text_writer.h"
#include "unit_codec.h"

namespace edsync::tm {

namespace fs = std::filesystem;
using detail::in_language;
using detail::is_part_label;
using detail::part_label;
using detail::text_files;

namespace {

std::string display_name(const fs::path& dir, const std::string& name) {
  return (dir.filename() / name).generic_string();
}

// Units in several files are joined once every file is read; their parts
// wait in a sorter (on disk past its budget), grouped by label and English.
constexpr std::size_t kPendingBudget = 32u << 20;

fs::path pending_scratch() {
  static std::atomic<int> counter{0};
  return fs::temp_directory_path() /
         ("edsync-parts-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
}

// A part kept aside: its file's source language, then its <tu> markup.
std::string pending_value(const tmx::Unit& unit, const AddOptions& options) {
  auto markup = tmx::unit_markup(unit);
  return options.default_source_lang + '\x1f' + (markup ? *markup : std::string());
}

Result<std::pair<tmx::Unit, AddOptions>> pending_part(std::string_view value) {
  const auto split = value.find('\x1f');
  AddOptions options;
  options.default_source_lang = std::string(value.substr(0, split));
  auto reader = tmx::Reader::from_bytes(
      "<tmx version=\"1.4\"><header/><body>" + std::string(value.substr(split + 1)) + "</body></tmx>", "part");
  if (!reader) return reader.error();
  tmx::Unit unit;
  const auto read = reader->next(unit);
  if (!read) return read.error();
  return std::pair{std::move(unit), std::move(options)};
}

// The group of a part, then the order it was read in (groups never hold a NUL).
std::string pending_key(const std::string& group, std::uint64_t sequence) {
  std::string key = group + '\0';
  for (int shift = 56; shift >= 0; shift -= 8) key += static_cast<char>((sequence >> shift) & 0xFF);
  return key;
}

std::string_view group_of(std::string_view key) { return key.substr(0, key.size() - 9); }

class TextLoader {
 public:
  TextLoader(Store& store, const fs::path& dir) : store_(store), dir_(dir), pending_(pending_scratch(), kPendingBudget) {}

  Status load(const std::string& name) {
    const std::string shown = display_name(dir_, name);
    auto reader = tmx::Reader::open(dir_ / name, shown);
    if (!reader) return reader.error();
    AddOptions options;
    const std::string srclang = tmx::attribute(reader->header().attributes, "srclang");
    if (!srclang.empty() && srclang != kAllLanguages) options.default_source_lang = srclang;
    if (Status listed = register_listed_sources(store_, reader->header(), shown); !listed) return listed;
    tmx::Unit unit;
    while (true) {
      const auto more = reader->next(unit);
      if (!more) return more.error();
      if (!*more) return success();
      if (Status kept = keep(unit, options, shown); !kept) return kept;
    }
  }

  // Adds the split units, joined.
  Status finish() {
    std::string group;
    std::vector<std::pair<tmx::Unit, AddOptions>> parts;
    const Status drained = pending_.drain([&](std::string_view key, std::string_view value) -> Status {
      if (group_of(key) != group && !parts.empty()) {
        if (Status added = add_joined(parts); !added) return added;
        parts.clear();
      }
      group = group_of(key);
      auto part = pending_part(value);
      if (!part) return part.error();
      parts.push_back(std::move(*part));
      return success();
    });
    if (!drained) return drained;
    return parts.empty() ? success() : add_joined(parts);
  }

 private:
  Status keep(const tmx::Unit& unit, const AddOptions& options, const std::string& shown) {
    const std::string label = part_label(unit);
    if (label.empty()) return add(unit, options, shown);
    // The label and the source variants: an English edited by hand in one
    // file splits that part off rather than joining different sentences.
    std::string group = label;
    for (const auto& variant : unit.variants)
      if (in_language(variant, options.default_source_lang)) group += '\x1e' + variant.lang + '\x1f' + variant.content;
    return pending_.add(pending_key(group, sequence_++), pending_value(unit, options));
  }

  Status add(const tmx::Unit& unit, const AddOptions& options, const std::string& shown) {
    const auto added = store_.add(unit, options);
    if (added) return success();
    if (added.error().kind == ErrorKind::bad_input && !shown.empty()) return input_error(shown + ":" + added.error().message);
    return added.error();
  }

  Status add_joined(const std::vector<std::pair<tmx::Unit, AddOptions>>& parts) {
    const std::string& source_lang = parts.front().second.default_source_lang;
    tmx::Unit joined = parts.front().first;
    std::erase_if(joined.props, is_part_label);
    std::erase_if(joined.variants, [&](const tmx::Variant& variant) { return !in_language(variant, source_lang); });
    for (const auto& [part, options] : parts)
      for (const auto& variant : part.variants)
        if (!in_language(variant, source_lang)) joined.variants.push_back(variant);
    joined.line = 0;
    return add(joined, parts.front().second, "");
  }

  Store& store_;
  fs::path dir_;
  detail::ExternalSorter pending_;
  std::uint64_t sequence_ = 0;
};

// An import stopped while it renamed its files into tm/ is finished first,
// under the memory's write lock, so that no running import is disturbed.
Status settle_interrupted_import(Store& store, const fs::path& dir) {
  if (!fs::exists(detail::staging_folder(dir))) return success();
  return store.transaction([&]() -> Status {
    const auto settled = detail::settle_staged_changes(dir);
    return settled ? success() : Status(settled.error());
  });
}

void remove_database_files(const fs::path& db_path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(fs::path(db_path.string() + suffix), ignored);
}

}  // namespace

Result<std::map<std::string, std::string>> render_text(Store& store, const TextLayout& layout) {
  return detail::render_in_memory(store, layout);
}

Result<std::string> text_fingerprint(const fs::path& dir) {
  const auto names = text_files(dir);
  if (!names) return names.error();
  auto fingerprint = detail::fingerprint_text(dir, *names, "", detail::now_in_nanoseconds());
  if (!fingerprint) return fingerprint.error();
  return std::move(fingerprint->hashes);
}

Result<std::int64_t> load_text(Store& store, const fs::path& dir) {
  const auto names = text_files(dir);
  if (!names) return names.error();
  // Hashed before they are read: a file changed in between gives a
  // fingerprint that no longer matches, and the next command reads it again.
  const auto fingerprint = detail::fingerprint_text(dir, *names, "", detail::now_in_nanoseconds());
  if (!fingerprint) return fingerprint.error();
  const Status loaded = store.transaction([&]() -> Status {
    TextLoader loader(store, dir);
    for (const auto& name : *names)
      if (Status done = loader.load(name); !done) return done;
    if (Status done = loader.finish(); !done) return done;
    return store.set_setting(kTextFingerprintKey, fingerprint->hashes);
  });
  if (!loaded) return loaded.error();
  return store.unit_count();
}

Result<std::vector<std::string>> write_text(Store& store, const TextLayout& layout) {
  std::error_code error;
  fs::create_directories(layout.dir, error);
  if (error) return io_error(layout.dir.string() + ": cannot create the folder: " + error.message());
  auto stage = detail::TextStage::begin(layout.dir);
  if (!stage) return stage.error();
  auto changed = detail::stage_text(store, layout, nullptr, *stage);
  if (!changed) return changed.error();
  if (Status committed = stage->commit(); !committed) return committed.error();
  stage->finish();
  return changed;
}

Result<std::int64_t> rebuild_index(const fs::path& db_path, const fs::path& dir) {
  const fs::path fresh = db_path.string() + ".rebuild-" + std::to_string(::getpid());
  remove_database_files(fresh);
  Result<std::int64_t> units = std::int64_t{0};
  {
    auto store = Store::open(fresh);
    if (!store) return store.error();
    units = load_text(*store, dir);
  }  // closed: SQLite folds the WAL into the file and deletes it
  if (!units) {
    remove_database_files(fresh);
    return units.error();
  }
  // The old database's WAL must not be replayed onto the new file.
  remove_database_files(db_path);
  std::error_code error;
  fs::rename(fresh, db_path, error);
  if (error) {
    remove_database_files(fresh);
    return io_error(db_path.string() + ": cannot replace the index: " + error.message());
  }
  return units;
}

namespace {

using detail::kTextStampsKey;

// Whether tm/ holds what the index recorded, reading only the files whose
// stamps changed; keeps the stamps for the next run.
Result<bool> matches_recorded(Store& store, const fs::path& dir, const std::optional<std::string>& recorded) {
  const auto names = text_files(dir);
  if (!names) return names.error();
  const auto known = store.setting(kTextStampsKey);
  if (!known) return known.error();
  const auto current = detail::fingerprint_text(dir, *names, known->value_or(""), detail::now_in_nanoseconds());
  if (!current) return current.error();
  if (!recorded || *recorded != current->hashes) return false;
  // Only saves reading the files next time: a read-only index just reads them again.
  if (*known != current->stamps) (void)store.set_setting(kTextStampsKey, current->stamps);
  return true;
}

}  // namespace

Result<IndexSync> sync_index(const fs::path& db_path, const TextLayout& layout) {
  if (fs::exists(db_path)) {
    auto store = Store::open(db_path);
    if (!store) return store.error();
    if (Status settled = settle_interrupted_import(*store, layout.dir); !settled) return settled.error();
    const auto recorded = store->setting(kTextFingerprintKey);
    if (!recorded) return recorded.error();
    const auto unchanged = matches_recorded(*store, layout.dir, *recorded);
    if (!unchanged) return unchanged.error();
    if (*unchanged) return IndexSync{};
    const auto units = store->unit_count();
    if (!units) return units.error();
    if (!*recorded && *units > 0) {
      // A memory from before tm/ was text: keep its units and the files' both.
      const Status adopted = store->transaction([&]() -> Status {
        if (auto loaded = load_text(*store, layout.dir); !loaded) return loaded.error();
        if (auto written = write_text(*store, layout); !written) return written.error();
        return success();
      });
      if (!adopted) return adopted.error();
      const auto count = store->unit_count();
      if (!count) return count.error();
      return IndexSync{IndexSync::Action::adopted, *count};
    }
  }
  const auto units = rebuild_index(db_path, layout.dir);
  if (!units) return units.error();
  return IndexSync{IndexSync::Action::rebuilt, *units};
}

Result<ImportReport> import_tmx_as_text(Store& store, const TextLayout& layout, const fs::path& file,
                                        const ImportOptions& options, const TextImportHooks& hooks) {
  if (Status settled = settle_interrupted_import(store, layout.dir); !settled) return settled.error();
  std::error_code error;
  fs::create_directories(layout.dir, error);
  if (error) return io_error(layout.dir.string() + ": cannot create the folder: " + error.message());
  ImportReport report;
  std::set<std::string> touched;
  ImportOptions watched = options;
  watched.on_unit = [&](const tmx::Unit& unit, const AddOptions& add) {
    touched.merge(detail::files_of(unit, add, layout));
    if (options.on_unit) options.on_unit(unit, add);
  };
  std::optional<detail::TextStage> stage;
  bool committed = false;
  const Status done = store.transaction([&]() -> Status {
    auto imported = import_tmx(store, file, watched);
    if (!imported) return imported.error();
    report = std::move(*imported);
    auto begun = detail::TextStage::begin(layout.dir);
    if (!begun) return begun.error();
    stage.emplace(std::move(*begun));
    if (auto staged = detail::stage_text(store, layout, &touched, *stage); !staged) return staged.error();
    committed = true;
    if (Status replaced = stage->commit(hooks.after_file_replaced); !replaced) return replaced;
    if (hooks.before_commit) return hooks.before_commit();
    return success();
  });
  if (!done) {
    if (committed) stage->undo();
    return done.error();
  }
  if (stage) stage->finish();
  return report;
}

}  // namespace edsync::tm
