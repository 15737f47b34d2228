// The translation memory kept as text in git: one canonical TMX file per
// edition language under tm/, and the SQLite database as an index built from
// them.
//
// tm/<lang>.tmx holds every unit with an English variant and a <lang>
// variant, reduced to those variants (plus the unit's attributes, props and
// notes); tm/other.tmx holds what no edition file holds (units without
// English or without an edition language, and variants in other languages),
// so nothing is dropped. A unit spread over several files carries the same
// <prop type="x-edsync-unit"> in each, and the index joins the parts again.
//
// The bytes are canonical: units sorted by English text, then target text,
// then their whole content; a fixed header that lists the import sources
// (file headers) of the file's units; the same memory always gives the same
// files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <system_error>
#include <string>
#include <vector>

#include "edsync/file_lock.h"
#include "edsync/result.h"
#include "edsync/tm.h"

namespace edsync::tm {

// How far a long job is: units done, of `total` (0 when not known beforehand).
struct Progress {
  std::string_view task;  // "reading news.tmx", "writing tm/", "reading tm/"
  std::uint64_t done = 0;
  std::uint64_t total = 0;
};
using ProgressCallback = std::function<void(const Progress&)>;

// Where the text lives and how it is split.
struct TextLayout {
  std::filesystem::path dir;            // <workspace>/tm
  std::string source_lang = "en";
  std::vector<std::string> languages;   // the edition languages, one file each
  // What writing one file may hold in memory; past it, sorted runs go to disk.
  std::size_t sort_memory = 16u << 20;
  // The workspace's write lock, held by whatever writes tm/ from its first
  // staged byte to its last rename; empty: <dir>/../.edsync/tm.lock.
  std::filesystem::path lock_file;
  LockWait lock_wait;  // how a second writer waits for it
  ProgressCallback on_progress;  // reading and writing the text report here
};

// The lock file of `layout`.
std::filesystem::path lock_file_of(const TextLayout& layout);

// The name of the file for units no edition file holds.
inline constexpr std::string_view kOtherTextFile = "other.tmx";
// The prop that ties the parts of one unit in several files together.
inline constexpr std::string_view kUnitPartProp = "x-edsync-unit";
// The settings key under which the index records the files it reflects.
inline constexpr std::string_view kTextFingerprintKey = "text_fingerprint";

// File name -> bytes: the memory as canonical text. Files without units are
// not listed.
Result<std::map<std::string, std::string>> render_text(Store& store, const TextLayout& layout);

// One *.tmx file of tm/ as the index knows it.
struct TextFile {
  std::string name;
  std::uint64_t size = 0;
  std::string sha256;
  bool operator==(const TextFile&) const = default;
};

// tm/ as a value: its *.tmx files, sorted by name.
struct TextFingerprint {
  std::vector<TextFile> files;
  // "name sha256\n" per file: the form the index records in its settings.
  std::string recorded() const;
  bool operator==(const TextFingerprint&) const = default;
};

// The *.tmx files directly in `dir` (none when there is no folder).
Result<TextFingerprint> text_fingerprint(const std::filesystem::path& dir);

// Adds the units of every *.tmx in `dir` to `store` in one transaction,
// joining the parts of split units, and records the fingerprint of the bytes
// it read. Returns the number of units in the store.
Result<std::int64_t> load_text(Store& store, const std::filesystem::path& dir);

// Makes tm/ hold exactly render_text(store): rewrites the files whose bytes
// differ, deletes *.tmx files that no longer hold units, records the new
// fingerprint. Call it inside the transaction that changed the store, so the
// files are on disk before the database commits. Returns the names written
// or deleted.
Result<std::vector<std::string>> write_text(Store& store, const TextLayout& layout);

// Builds a fresh index at `db_path` from the text: a new database beside it,
// filled in one transaction, then renamed over the old one. Returns the
// number of units.
Result<std::int64_t> rebuild_index(const std::filesystem::path& db_path, const TextLayout& layout);

struct IndexSync {
  enum class Action {
    none,     // the index matched the text
    rebuilt,  // missing or out of date: rebuilt from the text
    adopted,  // a database from before the text existed: its units and the text's merged, written out
  };
  Action action = Action::none;
  std::int64_t units = 0;
};

// What every command runs before opening the memory: finishes an import
// that stopped while replacing files, compares the SHA-256 of each tm/*.tmx
// with what the index recorded (a file is read again only when its size,
// times or inode changed; the bytes decide, never the times alone) and
// rebuilds the index when they differ or it is missing.
Result<IndexSync> sync_index(const std::filesystem::path& db_path, const TextLayout& layout);

struct TextImportHooks {
  // For tests: runs after the text files are written, before the database
  // commits; an Error here is treated like a failed commit.
  std::function<Status()> before_commit;
  // For tests: runs after each file of tm/ is replaced or deleted.
  std::function<void(const std::string& file)> after_file_replaced;
  // For tests: runs after the database commits, before the staging folder goes.
  std::function<void()> after_commit;
  // For tests: replace the hard link (returning its error) and the fallback
  // copy that keep the previous file aside.
  std::function<std::error_code(const std::filesystem::path& from, const std::filesystem::path& to)> link_aside;
  std::function<Status(const std::filesystem::path& from, const std::filesystem::path& to)> copy_aside;
};

// import_tmx, then the text files, in this order inside one transaction:
// the units are added (not yet committed), the tm/*.tmx files they land in
// are rewritten (all as one step: staged, then renamed), the fingerprint is
// recorded, and the database commits.
// A crash before the commit leaves new files and the old index, which the next
// sync_index rebuilds from the files: nothing is lost. When the commit fails
// the previous files are put back.
Result<ImportReport> import_tmx_as_text(Store& store, const TextLayout& layout, const std::filesystem::path& file,
                                        const ImportOptions& options = {}, const TextImportHooks& hooks = {});

// One version of a tm/*.tmx file in a merge: its bytes (empty: the file did
// not exist) and what messages call it.
struct TextVersion {
  std::string bytes;
  std::string name;
};

struct TextMerge {
  std::string text;             // the merged file, canonical
  std::size_t units = 0;        // units (parts) it holds
  std::size_t both_changed = 0; // units both sides changed, combined as the memory merges a unit imported twice
};

// Three-way merge of one tm/*.tmx file (git's merge driver): a unit is its
// variants (language and content) and its x-edsync-unit label. Added on
// either side: kept; removed on one side and unchanged on the other:
// removed; removed on one side and changed on the other: the change is
// kept; changed on both sides (the same variants with other dates, props or
// notes): one unit, the earliest creationdate, latest changedate and
// lastusagedate, higher usagecount, props and notes united (Store::add). A
// translation changed two ways is two units with the same English, so both
// stay as alternatives. The result is written as write_text writes the file.
Result<TextMerge> merge_text_file(const TextVersion& ancestor, const TextVersion& ours, const TextVersion& theirs);

}  // namespace edsync::tm
