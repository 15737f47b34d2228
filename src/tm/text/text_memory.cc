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
#include "part_codec.h"
#include "sources.h"
#include "text_memory.h"
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

// A part kept aside: its unit and its file's source language (part_codec.h).
std::string pending_value(const tmx::Unit& unit, const AddOptions& options) {
  return detail::encode_part(unit, options.default_source_lang);
}

Result<std::pair<tmx::Unit, AddOptions>> pending_part(std::string_view value) {
  auto part = detail::decode_part(value);
  if (!part) return part.error();
  AddOptions options;
  options.default_source_lang = std::move(part->second);
  return std::pair{std::move(part->first), std::move(options)};
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
  TextLoader(Store& store, const fs::path& dir, ProgressCallback on_progress)
      : store_(store), dir_(dir), on_progress_(std::move(on_progress)), pending_(pending_scratch(), kPendingBudget) {}

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
    if (on_progress_) on_progress_({"reading tm/", ++added_, 0});
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
  ProgressCallback on_progress_;
  detail::ExternalSorter pending_;
  std::uint64_t sequence_ = 0;
  std::uint64_t added_ = 0;
};

// An import stopped while it renamed its files into tm/ is finished first;
// the caller holds the write lock, so no running import is disturbed.
Status settle_interrupted_import(const fs::path& dir) {
  const auto settled = detail::settle_staged_changes(dir);
  return settled ? success() : Status(settled.error());
}

Result<FileLock> lock_text(const TextLayout& layout) { return FileLock::acquire(lock_file_of(layout), layout.lock_wait); }

using detail::kTextStampsKey;

// tm/ as it is now, reading only the files whose stamps changed since the
// index recorded them; `known_stamps` gets what the index had.
Result<detail::StampedFingerprint> current_text(Store& store, const fs::path& dir, std::string* known_stamps = nullptr) {
  const auto names = text_files(dir);
  if (!names) return names.error();
  const auto known = store.setting(kTextStampsKey);
  if (!known) return known.error();
  if (known_stamps) *known_stamps = known->value_or("");
  return detail::fingerprint_text(dir, *names, known->value_or(""), detail::now_in_nanoseconds());
}

// tm/ when it holds what the index recorded (keeping the stamps for the next
// run), nullopt when it does not.
Result<std::optional<TextFingerprint>> matching_text(Store& store, const fs::path& dir) {
  const auto recorded = store.setting(kTextFingerprintKey);
  if (!recorded) return recorded.error();
  std::string known;
  auto current = current_text(store, dir, &known);
  if (!current) return current.error();
  if (!*recorded || **recorded != current->text.recorded()) return std::optional<TextFingerprint>();
  // Only saves reading the files next time: a read-only index just reads them again.
  if (known != current->stamps) (void)store.set_setting(kTextStampsKey, current->stamps);
  return std::optional(std::move(current->text));
}

Result<std::vector<std::string>> write_text_locked(Store& store, const TextLayout& layout) {
  std::error_code error;
  fs::create_directories(layout.dir, error);
  if (error) return io_error(layout.dir.string() + ": cannot create the folder: " + error.message());
  const auto current = current_text(store, layout.dir);
  if (!current) return current.error();
  auto stage = detail::TextStage::begin(layout.dir);
  if (!stage) return stage.error();
  auto changed = detail::stage_text(store, layout, nullptr, current->text, *stage);
  if (!changed) return changed.error();
  if (Status committed = stage->commit(); !committed) {
    stage->undo();
    return committed.error();
  }
  stage->finish();
  return std::move(changed->planned);
}

Result<std::int64_t> rebuild_locked(const fs::path& db_path, const TextLayout& layout);
Result<std::int64_t> load_files(Store& store, const fs::path& dir, const ProgressCallback& on_progress);

void remove_database_files(const fs::path& db_path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(fs::path(db_path.string() + suffix), ignored);
}

}  // namespace

Result<std::map<std::string, std::string>> render_text(Store& store, const TextLayout& layout) {
  return detail::render_in_memory(store, layout);
}

Result<TextFingerprint> text_fingerprint(const fs::path& dir) {
  const auto names = text_files(dir);
  if (!names) return names.error();
  auto fingerprint = detail::fingerprint_text(dir, *names, "", detail::now_in_nanoseconds());
  if (!fingerprint) return fingerprint.error();
  return std::move(fingerprint->text);
}

Result<std::int64_t> load_text(Store& store, const fs::path& dir) { return load_files(store, dir, {}); }

namespace {

Result<std::int64_t> load_files(Store& store, const fs::path& dir, const ProgressCallback& on_progress) {
  const auto names = text_files(dir);
  if (!names) return names.error();
  // Hashed before they are read: a file changed in between gives a
  // fingerprint that no longer matches, and the next command reads it again.
  const auto fingerprint = detail::fingerprint_text(dir, *names, "", detail::now_in_nanoseconds());
  if (!fingerprint) return fingerprint.error();
  const Status loaded = store.transaction([&]() -> Status {
    TextLoader loader(store, dir, on_progress);
    for (const auto& name : *names)
      if (Status done = loader.load(name); !done) return done;
    if (Status done = loader.finish(); !done) return done;
    // The stamps too, so that the next command need not hash tm/ again.
    if (Status stamped = store.set_setting(detail::kTextStampsKey, fingerprint->stamps); !stamped) return stamped;
    return store.set_setting(kTextFingerprintKey, fingerprint->text.recorded());
  });
  if (!loaded) return loaded.error();
  return store.unit_count();
}

}  // namespace

fs::path lock_file_of(const TextLayout& layout) {
  return layout.lock_file.empty() ? layout.dir.parent_path() / ".edsync" / "tm.lock" : layout.lock_file;
}

Result<std::vector<std::string>> write_text(Store& store, const TextLayout& layout) {
  auto lock = lock_text(layout);
  if (!lock) return lock.error();
  return write_text_locked(store, layout);
}

Result<std::int64_t> rebuild_index(const fs::path& db_path, const TextLayout& layout) {
  auto lock = lock_text(layout);
  if (!lock) return lock.error();
  return detail::rebuild_index_locked(db_path, layout);
}

Result<std::int64_t> detail::rebuild_index_locked(const fs::path& db_path, const TextLayout& layout) {
  if (Status settled = settle_interrupted_import(layout.dir); !settled) return settled.error();
  return rebuild_locked(db_path, layout);
}

namespace {

Result<std::int64_t> rebuild_locked(const fs::path& db_path, const TextLayout& layout) {
  const fs::path fresh = db_path.string() + ".rebuild-" + std::to_string(::getpid());
  remove_database_files(fresh);
  Result<std::int64_t> units = std::int64_t{0};
  {
    auto store = Store::open(fresh);
    if (!store) return store.error();
    units = load_files(*store, layout.dir, layout.on_progress);
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

// sync_index once the write lock is held: the check again (another writer
// may have brought the index in step meanwhile), then the repair.
Result<IndexSync> sync_locked(const fs::path& db_path, const TextLayout& layout) {
  if (Status settled = settle_interrupted_import(layout.dir); !settled) return settled.error();
  if (fs::exists(db_path)) {
    auto store = Store::open(db_path);
    if (!store) return store.error();
    const auto unchanged = matching_text(*store, layout.dir);
    if (!unchanged) return unchanged.error();
    if (*unchanged) return IndexSync{};
    const auto recorded = store->setting(kTextFingerprintKey);
    if (!recorded) return recorded.error();
    const auto units = store->unit_count();
    if (!units) return units.error();
    if (!*recorded && *units > 0) {
      // A memory from before tm/ was text: keep its units and the files' both.
      const Status adopted = store->transaction([&]() -> Status {
        if (auto loaded = load_text(*store, layout.dir); !loaded) return loaded.error();
        if (auto written = write_text_locked(*store, layout); !written) return written.error();
        return success();
      });
      if (!adopted) return adopted.error();
      const auto count = store->unit_count();
      if (!count) return count.error();
      return IndexSync{IndexSync::Action::adopted, *count};
    }
  }
  const auto units = rebuild_locked(db_path, layout);
  if (!units) return units.error();
  return IndexSync{IndexSync::Action::rebuilt, *units};
}

}  // namespace

namespace detail {

Result<SyncedStore> open_in_step(const fs::path& db_path, const TextLayout& layout, bool lock_held) {
  if (fs::exists(db_path) && !fs::exists(detail::staging_folder(layout.dir))) {
    auto store = Store::open(db_path);
    if (!store) return store.error();
    auto unchanged = matching_text(*store, layout.dir);
    if (!unchanged) return unchanged.error();
    if (*unchanged) return SyncedStore{std::move(*store), {}, lock_held ? std::move(*unchanged) : std::nullopt};
  }  // closed: a rebuild replaces the file
  std::optional<FileLock> lock;
  if (!lock_held) {
    auto taken = lock_text(layout);
    if (!taken) return taken.error();
    lock.emplace(std::move(*taken));
  }
  const auto synced = sync_locked(db_path, layout);
  if (!synced) return synced.error();
  auto store = Store::open(db_path);
  if (!store) return store.error();
  SyncedStore opened{std::move(*store), *synced, std::nullopt};
  if (lock_held) {
    auto current = current_text(opened.store, layout.dir);
    if (!current) return current.error();
    opened.text = std::move(current->text);
  }
  return opened;
}

Result<ImportReport> import_as_text(Store& store, const TextLayout& layout, const AddUnits& add_units,
                                    const TextImportHooks& hooks, TextFingerprint* known) {
  std::optional<FileLock> lock;
  TextFingerprint current;
  if (known) {
    current = *known;
  } else {
    auto taken = lock_text(layout);
    if (!taken) return taken.error();
    lock.emplace(std::move(*taken));
    if (Status settled = settle_interrupted_import(layout.dir); !settled) return settled.error();
    auto now = current_text(store, layout.dir);
    if (!now) return now.error();
    current = std::move(now->text);
  }
  std::error_code error;
  fs::create_directories(layout.dir, error);
  if (error) return io_error(layout.dir.string() + ": cannot create the folder: " + error.message());
  ImportReport report;
  std::set<std::string> touched;
  const UnitSink on_unit = [&](const tmx::Unit& unit, const AddOptions& add) {
    touched.merge(detail::files_of(unit, add, layout));
  };
  std::optional<detail::TextStage> stage;
  const Status done = store.transaction([&]() -> Status {
    auto imported = add_units(on_unit);
    if (!imported) return imported.error();
    report = std::move(*imported);
    auto begun = detail::TextStage::begin(layout.dir);
    if (!begun) return begun.error();
    stage.emplace(std::move(*begun));
    auto staged = detail::stage_text(store, layout, &touched, current, *stage);
    if (!staged) return staged.error();
    current = std::move(staged->after);
    if (Status replaced = stage->commit({hooks.after_file_replaced, hooks.link_aside, hooks.copy_aside}); !replaced)
      return replaced;
    if (hooks.before_commit) return hooks.before_commit();
    return success();
  });
  if (!done) {
    if (stage) stage->undo();
    return done.error();
  }
  if (hooks.after_commit) hooks.after_commit();
  if (stage) stage->finish();
  if (known) *known = std::move(current);
  return report;
}

}  // namespace detail

Result<IndexSync> sync_index(const fs::path& db_path, const TextLayout& layout) {
  auto opened = detail::open_in_step(db_path, layout, false);
  if (!opened) return opened.error();
  return opened->sync;
}

detail::AddUnits detail::units_of_file(Store& store, const fs::path& file, const ImportOptions& options,
                                       ProgressCallback on_progress) {
  return [&store, file, options, on_progress](const UnitSink& on_unit) {
    const std::string task = "reading " + file.filename().string();
    ImportOptions watched = options;
    std::uint64_t read = 0;
    watched.on_unit = [&](const tmx::Unit& unit, const AddOptions& add) {
      if (on_unit) on_unit(unit, add);
      if (options.on_unit) options.on_unit(unit, add);
      if (on_progress) on_progress({task, ++read, 0});
    };
    return import_tmx(store, file, watched);
  };
}

Result<ImportReport> import_tmx_as_text(Store& store, const TextLayout& layout, const fs::path& file,
                                        const ImportOptions& options, const TextImportHooks& hooks) {
  return detail::import_as_text(store, layout, detail::units_of_file(store, file, options, layout.on_progress), hooks);
}

}  // namespace edsync::tm
