#include "edsync/memory.h"

#include "text_memory.h"

namespace edsync::tm {

namespace fs = std::filesystem;

struct Memory::State {
  fs::path db;
  Store store;
  std::optional<TextLayout> text;
  IndexSync sync;
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
Result<ImportReport> add_batch(Store& store, const UnitBatch& batch, const detail::UnitSink& on_unit) {
  ImportReport report;
  const Status done = store.transaction([&]() -> Status {
    for (const auto& unit : batch.units) {
      ++report.read;
      const auto added = store.add(unit, batch.options);
      if (!added) {
        if (added.error().kind != ErrorKind::bad_input) return added.error();
        return input_error(batch.name + ": unit " + std::to_string(report.read) + ": " + added.error().message);
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

Result<fs::path> index_folder(const fs::path& root);

}  // namespace

Memory::Memory(std::unique_ptr<State> state) : state_(std::move(state)) {}
Memory::Memory(Memory&&) noexcept = default;
Memory& Memory::operator=(Memory&&) noexcept = default;
Memory::~Memory() = default;

namespace {

// <root>/.edsync/tm.sqlite, its folder created.
Result<fs::path> index_folder(const fs::path& root) {
  const fs::path db = root / ".edsync" / "tm.sqlite";
  std::error_code error;
  fs::create_directories(db.parent_path(), error);
  if (error) return io_error(db.parent_path().string() + ": cannot create the folder: " + error.message());
  return db;
}

}  // namespace

Result<Memory> Memory::open(const fs::path& root, const WorkspaceConfig& config, const MemoryOptions& options) {
  const auto db = index_folder(root);
  if (!db) return db.error();
  TextLayout layout = layout_of(root, config, options);
  auto opened = detail::open_in_step(*db, layout);
  if (!opened) return opened.error();
  return Memory(std::make_unique<State>(State{*db, std::move(opened->store), std::move(layout), opened->sync}));
}

Result<Memory> Memory::open_rebuilt(const fs::path& root, const WorkspaceConfig& config, const MemoryOptions& options) {
  const auto db = index_folder(root);
  if (!db) return db.error();
  TextLayout layout = layout_of(root, config, options);
  const auto units = rebuild_index(*db, layout);
  if (!units) return units.error();
  auto store = Store::open(*db);
  if (!store) return store.error();
  const IndexSync sync{IndexSync::Action::rebuilt, *units};
  return Memory(std::make_unique<State>(State{*db, std::move(*store), std::move(layout), sync}));
}

Result<Memory> Memory::open_database(const fs::path& db, const MemoryOptions&) {
  auto store = Store::open(db);
  if (!store) return store.error();
  return Memory(std::make_unique<State>(State{db, std::move(*store), std::nullopt, {}}));
}

bool Memory::has_text() const { return state_->text.has_value(); }

const IndexSync& Memory::index_sync() const { return state_->sync; }

Result<ImportReport> Memory::import_tmx(const fs::path& file, const ImportOptions& options) {
  if (!state_->text) return tm::import_tmx(state_->store, file, options);
  return import_tmx_as_text(state_->store, *state_->text, file, options);
}

Result<ImportReport> Memory::import_units(const UnitBatch& batch) {
  if (!state_->text) return add_batch(state_->store, batch, {});
  return detail::import_as_text(state_->store, *state_->text,
                                [&](const detail::UnitSink& on_unit) { return add_batch(state_->store, batch, on_unit); });
}

Result<std::int64_t> Memory::rebuild() {
  if (!state_->text) return usage_error("a database given alone has no text to rebuild it from");
  // The store is closed while the new index is renamed over it.
  { Store closing = std::move(state_->store); }
  const auto units = rebuild_index(state_->db, *state_->text);
  auto reopened = Store::open(state_->db);
  if (!reopened) return reopened.error();
  state_->store = std::move(*reopened);
  return units;
}

Result<std::vector<Match>> Memory::lookup(std::string_view query, const LookupOptions& options) {
  return state_->store.lookup(query, options);
}

Result<std::vector<ConcordanceHit>> Memory::concordance(std::string_view term, const ConcordanceOptions& options) {
  return state_->store.concordance(term, options);
}

Status Memory::export_tmx(std::ostream& out, const ExportOptions& options) {
  return tm::export_tmx(state_->store, out, options);
}

Result<std::int64_t> Memory::unit_count() { return state_->store.unit_count(); }

}  // namespace edsync::tm
