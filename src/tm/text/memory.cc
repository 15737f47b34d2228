#include "edsync/memory.h"

#include <fstream>
#include <set>

#include "edsync/xliff.h"
#include "text_memory.h"
#include "xliff_units.h"

namespace edsync::tm {

namespace fs = std::filesystem;

struct Memory::State {
  fs::path db;
  Store store;
  std::optional<TextLayout> text;
  IndexSync sync;
  std::optional<FileLock> lock;           // held for the memory's life (MemoryOptions::hold_write_lock)
  std::optional<TextFingerprint> text_now;
  ProgressCallback on_progress;  // tm/ while the lock is held: listed once, kept up to date
};

namespace {

TextLayout layout_of(const fs::path& root, const WorkspaceConfig& config, const MemoryOptions& options) {
  TextLayout layout;
  layout.dir = root / config.tm_dir;
  layout.source_lang = config.source_lang;
  for (const auto& edition : config.editions) layout.languages.push_back(edition.lang);
  layout.lock_file = root / ".edsync" / "tm.lock";
  layout.lock_wait = options.lock_wait;
  layout.on_progress = options.on_progress;
  return layout;
}

// Units of a batch added one by one, as import_tmx adds a file's.
Result<ImportReport> add_batch(Store& store, const UnitBatch& batch, const detail::UnitSink& on_unit,
                               const ProgressCallback& on_progress) {
  ImportReport report;
  const std::string task = "adding " + batch.name;
  const Status done = store.transaction([&]() -> Status {
    for (const auto& unit : batch.units) {
      ++report.read;
      if (on_progress) on_progress({task, static_cast<std::uint64_t>(report.read), batch.units.size()});
      const auto added = store.add(unit, batch.options);
      if (!added) {
        if (added.error().kind != ErrorKind::bad_input) return added.error();
        // A unit read from a file (XLIFF) says where it is; the aligner's, which unit of the batch.
        const std::string where = unit.line > 0 ? Diagnostic{batch.name, unit.line, unit.column, ""}.to_string()
                                                : batch.name + ": unit " + std::to_string(report.read) + ": ";
        return input_error(where + added.error().message);
      }
      if (*added == AddOutcome::added) ++report.added;
      else if (*added == AddOutcome::merged) ++report.merged;
      else ++report.alternatives;
      if (on_unit) on_unit(unit, batch.options);
    }
    return success();
  });
  if (!done) return done.error();
  return report;
}

// The aligner's units of `scopes` that no unit of the batch is the same as.
Result<std::vector<StoredUnit>> superseded(Store& store, const UnitBatch& batch, const std::vector<AlignedScope>& scopes) {
  auto candidates = store.aligned_units(scopes);
  if (!candidates || candidates->empty()) return candidates;
  std::set<std::int64_t> kept;
  for (const auto& unit : batch.units) {
    const auto id = store.find(unit, batch.options);
    if (!id) return id.error();
    if (*id) kept.insert(**id);
  }
  std::erase_if(*candidates, [&kept](const StoredUnit& unit) { return kept.contains(unit.id); });
  return candidates;
}

// The batch added, then what it supersedes removed, in one transaction; the
// files of the removed units are named to `on_unit` like those of the added.
Result<ImportReport> add_replacing(Store& store, const UnitBatch& batch, const std::vector<AlignedScope>& scopes,
                                   const detail::UnitSink& on_unit, const ProgressCallback& on_progress,
                                   std::vector<StoredUnit>& removed) {
  ImportReport report;
  const Status done = store.transaction([&]() -> Status {
    auto added = add_batch(store, batch, on_unit, on_progress);
    if (!added) return added.error();
    report = std::move(*added);
    auto gone = superseded(store, batch, scopes);
    if (!gone) return gone.error();
    for (const auto& unit : *gone) {
      if (on_unit) on_unit(unit.unit, AddOptions{.default_source_lang = unit.source_lang});
      if (Status removed_one = store.remove(unit.id); !removed_one) return removed_one;
    }
    removed = std::move(*gone);
    return success();
  });
  if (!done) return done.error();
  return report;
}

// <root>/.edsync/tm.sqlite, its folder created.
Result<fs::path> index_folder(const fs::path& root) {
  const fs::path db = root / ".edsync" / "tm.sqlite";
  std::error_code error;
  fs::create_directories(db.parent_path(), error);
  if (error) return io_error(db.parent_path().string() + ": cannot create the folder: " + error.message());
  return db;
}

// The write lock when `wanted`, for the memory's life.
Result<std::optional<FileLock>> lock_if(bool wanted, const TextLayout& layout) {
  if (!wanted) return std::optional<FileLock>();
  auto lock = FileLock::acquire(layout.lock_file, layout.lock_wait);
  if (!lock) return lock.error();
  return std::optional(std::move(*lock));
}

}  // namespace

Memory::Memory(std::unique_ptr<State> state) : state_(std::move(state)) {}
Memory::Memory(Memory&&) noexcept = default;
Memory& Memory::operator=(Memory&&) noexcept = default;
Memory::~Memory() = default;

Result<Memory> Memory::open(const fs::path& root, const WorkspaceConfig& config, const MemoryOptions& options) {
  const auto db = index_folder(root);
  if (!db) return db.error();
  TextLayout layout = layout_of(root, config, options);
  auto lock = lock_if(options.hold_write_lock, layout);
  if (!lock) return lock.error();
  auto opened = detail::open_in_step(*db, layout, lock->has_value());
  if (!opened) return opened.error();
  return Memory(std::make_unique<State>(State{*db, std::move(opened->store), std::move(layout), opened->sync,
                                              std::move(*lock), std::move(opened->text), options.on_progress}));
}

Result<Memory> Memory::open_rebuilt(const fs::path& root, const WorkspaceConfig& config, const MemoryOptions& options) {
  const auto db = index_folder(root);
  if (!db) return db.error();
  TextLayout layout = layout_of(root, config, options);
  auto lock = lock_if(true, layout);
  if (!lock) return lock.error();
  const auto units = detail::rebuild_index_locked(*db, layout);
  if (!units) return units.error();
  auto store = Store::open(*db);
  if (!store) return store.error();
  const IndexSync sync{IndexSync::Action::rebuilt, *units};
  if (!options.hold_write_lock) lock->reset();
  auto text_now = options.hold_write_lock ? text_fingerprint(layout.dir) : Result<TextFingerprint>(TextFingerprint{});
  if (!text_now) return text_now.error();
  std::optional<TextFingerprint> known;
  if (options.hold_write_lock) known = std::move(*text_now);
  return Memory(std::make_unique<State>(
      State{*db, std::move(*store), std::move(layout), sync, std::move(*lock), std::move(known), options.on_progress}));
}

Result<Memory> Memory::open_database(const fs::path& db, const MemoryOptions& options) {
  auto store = Store::open(db);
  if (!store) return store.error();
  return Memory(std::make_unique<State>(
      State{db, std::move(*store), std::nullopt, {}, std::nullopt, std::nullopt, options.on_progress}));
}

bool Memory::has_text() const { return state_->text.has_value(); }

const IndexSync& Memory::index_sync() const { return state_->sync; }

Result<ImportReport> Memory::import_tmx(const fs::path& file, const ImportOptions& options) {
  auto units = detail::units_of_file(state_->store, file, options, state_->on_progress);
  if (!state_->text) return units({});
  TextFingerprint* known = state_->text_now ? &*state_->text_now : nullptr;
  return detail::import_as_text(state_->store, *state_->text, units, {}, known);
}

Result<ImportReport> Memory::import_file(const fs::path& file, const ImportOptions& options) {
  std::string head(4096, '\0');
  std::ifstream in(file, std::ios::binary);
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return xliff::looks_like_xliff(head) ? import_xliff(file, options) : import_tmx(file, options);
}

Result<ImportReport> Memory::import_xliff(const fs::path& file, const ImportOptions& options) {
  std::vector<Diagnostic> invalid;
  const auto document = xliff::read_file(file, file.string(), {options.skip_invalid ? &invalid : nullptr});
  if (!document) return document.error();
  if (document->target_lang.empty()) {
    return input_error(file.string() + ": the file names no target language (target-language on <file> in XLIFF "
                                       "1.2, trgLang on <xliff> in 2.0); add it, so the memory knows the language "
                                       "of its translations");
  }
  auto units = units_of_xliff(*document);
  UnitBatch batch{file.string(), std::move(units.units), {}};
  batch.options.default_source_lang = document->source_lang;
  batch.options.provenance = options.provenance;
  auto report = import_units(batch);
  if (!report) return report.error();
  for (const auto& problem : invalid) report->skipped.push_back(problem.to_string());
  report->untranslated = units.untranslated;
  return report;
}

Result<ImportReport> Memory::import_units(const UnitBatch& batch) {
  const auto units = [&](const detail::UnitSink& on_unit) {
    return add_batch(state_->store, batch, on_unit, state_->on_progress);
  };
  if (!state_->text) return units({});
  TextFingerprint* known = state_->text_now ? &*state_->text_now : nullptr;
  return detail::import_as_text(state_->store, *state_->text, units, {}, known);
}

Result<AlignedReplacement> Memory::replace_aligned(const UnitBatch& batch, const std::vector<AlignedScope>& scopes,
                                                   bool dry_run) {
  AlignedReplacement result;
  if (dry_run) {
    auto gone = superseded(state_->store, batch, scopes);
    if (!gone) return gone.error();
    result.removed = std::move(*gone);
    return result;
  }
  const auto units = [&](const detail::UnitSink& on_unit) {
    return add_replacing(state_->store, batch, scopes, on_unit, state_->on_progress, result.removed);
  };
  TextFingerprint* known = state_->text_now ? &*state_->text_now : nullptr;
  auto report = state_->text ? detail::import_as_text(state_->store, *state_->text, units, {}, known) : units({});
  if (!report) return report.error();
  result.added = std::move(*report);
  return result;
}

Result<std::int64_t> Memory::rebuild() {
  if (!state_->text) return usage_error("a database given alone has no text to rebuild it from");
  // The store is closed while the new index is renamed over it.
  { Store closing = std::move(state_->store); }
  const auto units = state_->lock ? detail::rebuild_index_locked(state_->db, *state_->text)
                                  : rebuild_index(state_->db, *state_->text);
  auto reopened = Store::open(state_->db);
  if (!reopened) return reopened.error();
  state_->store = std::move(*reopened);
  return units;
}

Result<std::vector<Match>> Memory::lookup(std::string_view query, const LookupOptions& options) {
  return state_->store.lookup(query, options);
}

Result<std::vector<std::vector<Match>>> Memory::lookup_all(const std::vector<std::string>& queries,
                                                           const LookupOptions& options) {
  return state_->store.lookup_all(queries, options);
}

Result<std::vector<ConcordanceHit>> Memory::concordance(std::string_view term, const ConcordanceOptions& options) {
  return state_->store.concordance(term, options);
}

Status Memory::export_tmx(std::ostream& out, const ExportOptions& options) {
  return tm::export_tmx(state_->store, out, options);
}

Result<std::int64_t> Memory::unit_count() { return state_->store.unit_count(); }

}  // namespace edsync::tm
