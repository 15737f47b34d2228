// The one way to open a translation memory. In a workspace the memory is the
// text in tm/*.tmx and .edsync/tm.sqlite its index (see tm_text.h); opening
// finishes an import that was interrupted, brings the index in step with the
// text once, and every write holds the workspace's write lock from its first
// staged byte to its last rename. With a database alone (--db) the same
// object works without text.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edsync/config.h"
#include "edsync/file_lock.h"
#include "edsync/result.h"
#include "edsync/tm.h"
#include "edsync/tm_text.h"

namespace edsync::tm {

struct MemoryOptions {
  LockWait lock_wait;            // how a writer waits for another's write lock
  ProgressCallback on_progress;  // long imports and rebuilds report here
  // Take the workspace's write lock on opening and hold it until the Memory
  // goes: for a command that writes (tm/ is then listed once, not per
  // import). Without it each write takes the lock for its own duration.
  bool hold_write_lock = false;
};

// Units to add as one import: the aligner's and the XLIFF import's.
struct UnitBatch {
  std::string name;                       // stands for the batch in messages ("article.md", "file.xlf")
  std::vector<tmx::Unit> units;
  AddOptions options;                     // source language, provenance for every unit
};

// What re-aligning articles did to the memory.
struct AlignedReplacement {
  ImportReport added;               // the batch, as import_units reports it (empty on a dry run)
  std::vector<StoredUnit> removed;  // the aligner's earlier units that went (would go), in id order
};

class Memory {
 public:
  // The memory of the workspace at `root` (text in <root>/<tm_dir>, index
  // in <root>/.edsync/tm.sqlite, lock <root>/.edsync/tm.lock).
  static Result<Memory> open(const std::filesystem::path& root, const WorkspaceConfig& config,
                             const MemoryOptions& options = {});
  // The same, with the index built again from tm/ whatever it held (tm rebuild).
  static Result<Memory> open_rebuilt(const std::filesystem::path& root, const WorkspaceConfig& config,
                                     const MemoryOptions& options = {});
  // A database alone, without text.
  static Result<Memory> open_database(const std::filesystem::path& db, const MemoryOptions& options = {});
  Memory(Memory&&) noexcept;
  Memory& operator=(Memory&&) noexcept;
  ~Memory();

  bool has_text() const;
  // What opening did to the index (none, rebuilt from tm/, adopted).
  const IndexSync& index_sync() const;

  // One file in one transaction; in a workspace the tm/*.tmx it changes are
  // rewritten before the database commits (nothing lost on a crash).
  Result<ImportReport> import_tmx(const std::filesystem::path& file, const ImportOptions& options = {});
  // A TMX or an XLIFF file (1.2, Trados' .sdlxliff, 2.0), told apart by its
  // root element, as import_tmx or import_xliff.
  Result<ImportReport> import_file(const std::filesystem::path& file, const ImportOptions& options = {});
  // The translated segments of an XLIFF file (xliff::has_translation: a
  // target with text, in a state past initial and needs-translation) as
  // units, in one transaction like import_tmx; their inline codes become
  // TMX codes. With skip_invalid, units the reader cannot read are listed
  // in the report and the others imported.
  Result<ImportReport> import_xliff(const std::filesystem::path& file, const ImportOptions& options = {});
  // The same for units in memory: all of them or none.
  Result<ImportReport> import_units(const UnitBatch& batch);
  // The aligner's units of re-aligned articles (edsync align --prune): the
  // batch added as import_units adds it and, in the same transaction, every
  // unit the aligner made before for one of `scopes` that the batch does not
  // hold again removed: the pairs of an earlier revision of the translation
  // or of the English. Units of imports (TMX, XLIFF) and units that another
  // article shares stay (Store::aligned_units). With `dry_run` nothing is
  // written and `removed` says what would go.
  Result<AlignedReplacement> replace_aligned(const UnitBatch& batch, const std::vector<AlignedScope>& scopes,
                                             bool dry_run = false);
  // Builds the index again from tm/ (a usage error without text).
  Result<std::int64_t> rebuild();

  Result<std::vector<Match>> lookup(std::string_view query, const LookupOptions& options);
  // Each query's matches, read in one transaction: for many sentences at once.
  Result<std::vector<std::vector<Match>>> lookup_all(const std::vector<std::string>& queries,
                                                     const LookupOptions& options);
  Result<std::vector<ConcordanceHit>> concordance(std::string_view term, const ConcordanceOptions& options);
  Status export_tmx(std::ostream& out, const ExportOptions& options = {});
  Result<std::int64_t> unit_count();

 private:
  struct State;
  explicit Memory(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace edsync::tm
