// What the memory's entry point (memory.cc) builds on: opening the index in
// step with the text, and one import path for units from any source.
#pragma once

#include <filesystem>
#include <functional>

#include "edsync/result.h"
#include "edsync/tm.h"
#include "edsync/tm_text.h"

namespace edsync::tm::detail {

struct SyncedStore {
  Store store;
  IndexSync sync;
};

// sync_index, keeping the store open: opened once when the index is in step.
Result<SyncedStore> open_in_step(const std::filesystem::path& db_path, const TextLayout& layout);

// Adds units to the store (in a transaction of its own), calling `on_unit`
// with each one taken in.
using UnitSink = std::function<void(const tmx::Unit&, const AddOptions&)>;
using AddUnits = std::function<Result<ImportReport>(const UnitSink& on_unit)>;

// import_tmx_as_text for any source of units: under the write lock, in one
// transaction, the units, then the tm/*.tmx files they land in, then COMMIT.
Result<ImportReport> import_as_text(Store& store, const TextLayout& layout, const AddUnits& add_units,
                                    const TextImportHooks& hooks = {});

}  // namespace edsync::tm::detail
