// What the memory's entry point (memory.cc) builds on: opening the index in
// step with the text, and one import path for units from any source.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>

#include "edsync/result.h"
#include "edsync/tm.h"
#include "edsync/tm_text.h"

namespace edsync::tm::detail {

struct SyncedStore {
  Store store;
  IndexSync sync;
  std::optional<TextFingerprint> text;  // tm/ now, when the caller holds the write lock
};

// sync_index, keeping the store open: opened once when the index is in step.
// With `lock_held` (the caller holds the write lock) it does not take it,
// and says what tm/ holds, which stays true while the lock is held.
Result<SyncedStore> open_in_step(const std::filesystem::path& db_path, const TextLayout& layout, bool lock_held);

// Adds units to the store (in a transaction of its own), calling `on_unit`
// with each one taken in.
using UnitSink = std::function<void(const tmx::Unit&, const AddOptions&)>;
using AddUnits = std::function<Result<ImportReport>(const UnitSink& on_unit)>;

// import_tmx_as_text for any source of units: under the write lock, in one
// transaction, the units, then the tm/*.tmx files they land in, then COMMIT.
// `known`: the caller holds the lock and this is tm/ now (updated to what
// the import leaves); null: the lock is taken and tm/ read here.
Result<ImportReport> import_as_text(Store& store, const TextLayout& layout, const AddUnits& add_units,
                                    const TextImportHooks& hooks = {}, TextFingerprint* known = nullptr);

// The units of a TMX file, as import_tmx adds them, reporting progress.
AddUnits units_of_file(Store& store, const std::filesystem::path& file, const ImportOptions& options,
                       ProgressCallback on_progress);

// rebuild_index for a caller that holds the write lock.
Result<std::int64_t> rebuild_index_locked(const std::filesystem::path& db_path, const TextLayout& layout);

}  // namespace edsync::tm::detail
