// The translation memory: translation units in SQLite, looked up by exact,
// normalised and fuzzy match, searched by concordance, and exchanged as TMX.
//
// A unit is kept as its TMX form (every attribute, prop, note and inline tag
// as written) plus what edsync knows about where it came from; the TMX form is
// what export gives back.
#pragma once

#include <compare>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edsync/diagnostic.h"
#include "edsync/result.h"
#include "edsync/tmx.h"

namespace edsync::tm {

// The schema version this build writes; older databases are migrated on open.
inline constexpr int kSchemaVersion = 4;

// How a unit came into the memory. Written to TMX as <prop type="x-edsync-origin">.
enum class Origin { imported, aligned, translated };
std::string_view to_string(Origin origin);

// What edsync records beside the TMX form, as props of the unit (so that
// they survive a round trip through TMX): x-edsync-origin, x-edsync-article,
// x-edsync-revision.
struct Provenance {
  Origin origin = Origin::imported;
  std::string article_id;        // empty when unknown
  std::string article_revision;  // the English revision the unit was made from
};

// Where an aligned unit stood in its article, as its x-edsync-edition,
// x-edsync-paragraph, x-edsync-context-before and -after props say: what an
// in-context match compares. Empty (paragraph -1) for a unit without them.
struct UnitContext {
  std::string edition;
  int paragraph = -1;   // 0 is the title
  std::string before;   // the English sentence before it, "" at the start or when unknown
  std::string after;    // the English sentence after it
  bool operator==(const UnitContext&) const = default;
};

// A unit as the memory holds it.
struct StoredUnit {
  std::int64_t id = 0;
  std::string source_lang;  // canonical BCP 47
  Provenance provenance;
  // As it will be exported: canonical language tags (the written ones in
  // x-edsync-lang props), and the tag of its import source in an
  // x-edsync-source prop.
  tmx::Unit unit;
};

// The header of a TMX file units were imported from, kept so that export
// gives it back. `tag` names it in exports and in tm/: a hash of its
// canonical markup, so the same header is one source whatever file it is in.
struct ImportSource {
  std::string tag;
  std::string markup;  // the canonical <header> element (tmx::header_markup)
  tmx::Header header;  // without version: exports are TMX 1.4
};

enum class AddOutcome {
  added,        // a new unit
  merged,       // the same source and translations were there: dates and usage updated
  alternative,  // the source was there with another translation: kept beside it
};

struct AddOptions {
  std::string default_source_lang = "en";  // when neither the unit nor the header says (or says *all*)
  std::optional<Provenance> provenance;    // overrides what the unit's props say
  // The import source (Store::add_source) of a unit whose x-edsync-source
  // prop names none the store knows; 0: none.
  std::int64_t source_id = 0;
};

// One part of a word diff between a memory segment and the query.
struct DiffPart {
  enum class Kind { same, removed, added };
  Kind kind = Kind::same;
  std::string text;  // with a leading space when the words were apart
  bool operator==(const DiffPart&) const = default;
};

enum class MatchKind {
  exact,       // the same text (after NFC and white-space folding)
  normalized,  // differs only in white space, punctuation or case
  fuzzy,       // scored by token edit distance
};
std::string_view to_string(MatchKind kind);

struct Match {
  MatchKind kind = MatchKind::fuzzy;
  int score = 0;               // 0-100
  std::int64_t unit_id = 0;
  std::string source;          // the memory's source text
  std::string target_lang;     // canonical tag of the target variant
  std::string target;          // its text
  std::vector<DiffPart> diff;  // from the memory's source to the query
  Provenance provenance;
  std::string changed;         // changedate (or creationdate) as written, "" when absent
  UnitContext context;         // where the unit stood, when it came from an aligned article
};

struct LookupOptions {
  std::string source_lang = "en";
  std::string target_lang;        // required; "fa" matches fa-IR too
  int threshold = 70;             // fuzzy matches below this score are left out
  std::size_t max_results = 10;
};

// A byte range [begin, end) of a text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool operator==(const Span&) const = default;
};

struct ConcordanceHit {
  std::int64_t unit_id = 0;
  std::string source;
  std::string target_lang;
  std::string target;
  std::vector<Span> source_spans;  // where the term occurs in each text
  std::vector<Span> target_spans;
};

struct ConcordanceOptions {
  std::string source_lang = "en";
  std::string target_lang;
  std::size_t max_results = 50;
};

// An article's edition as the aligner's provenance props name it.
struct AlignedScope {
  std::string article_id;
  std::string edition;  // the translation's language, as x-edsync-edition holds it
  auto operator<=>(const AlignedScope&) const = default;
};

class Store {
 public:
  // Opens (creating when absent) a database in WAL mode with foreign keys on,
  // migrating an older schema. A newer schema is refused.
  static Result<Store> open(const std::filesystem::path& path);
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  int schema_version() const;

  // Runs `body` in one write transaction (waiting for other writers): on an
  // Error, or an exception, nothing it did remains.
  Status transaction(const std::function<Status()>& body);

  // Adds a unit, or merges it into the unit with the same variants. A unit
  // without a source-language variant is still kept (lookups skip it).
  Result<AddOutcome> add(const tmx::Unit& unit, const AddOptions& options = {});

  // The id of the stored unit with the same variants as `unit`, if any.
  Result<std::optional<std::int64_t>> find(const tmx::Unit& unit, const AddOptions& options = {});
  // The units the aligner made for one article's edition and nothing else:
  // origin aligned, every x-edsync-article and x-edsync-edition prop naming
  // one of `scopes` (article id, edition), no import source. In id order.
  Result<std::vector<StoredUnit>> aligned_units(const std::vector<AlignedScope>& scopes);
  // Removes a unit with its variants and their index entries.
  Status remove(std::int64_t unit_id);

  Result<std::int64_t> unit_count();
  // Every unit, in id order.
  Status for_each_unit(const std::function<Status(const StoredUnit&)>& visit);

  // Exact and normalised matches first, then fuzzy ones, best first.
  Result<std::vector<Match>> lookup(std::string_view query, const LookupOptions& options);
  // Each query's matches, all read in one transaction (one snapshot, one
  // lock): what a caller with many sentences to look up wants.
  Result<std::vector<std::vector<Match>>> lookup_all(const std::vector<std::string>& queries,
                                                     const LookupOptions& options);
  // The same as lookup, but scoring every unit: the reference for recall.
  Result<std::vector<Match>> lookup_exhaustive(std::string_view query, const LookupOptions& options);
  Result<std::vector<ConcordanceHit>> concordance(std::string_view term, const ConcordanceOptions& options);

  // Records a file's header as an import source; the same header gives the
  // same id.
  Result<std::int64_t> add_source(const tmx::Header& header);
  // The sources units refer to, by tag; with `lang` (canonical), only those
  // of units with a variant in that language.
  Result<std::vector<ImportSource>> sources(std::string_view lang = {});

  // Key-value settings kept with the data (e.g. hashes of the files indexed).
  Result<std::optional<std::string>> setting(std::string_view key);
  Status set_setting(std::string_view key, std::string_view value);

  // SHA-256 over every unit's content in id-independent order: equal digests,
  // equal memories.
  Result<std::string> content_digest();
  // "ok", or what PRAGMA integrity_check reports.
  Result<std::string> integrity_check();

 private:
  struct State;
  explicit Store(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// --- TMX exchange -------------------------------------------------------

struct ImportOptions {
  bool skip_invalid = false;              // import the good units, report the bad ones
  std::optional<Provenance> provenance;   // for every unit of the file
  // Called with each unit the memory took in, and how it was added.
  std::function<void(const tmx::Unit&, const AddOptions&)> on_unit;
};

struct ImportReport {
  std::int64_t read = 0;  // units read from the file
  std::int64_t added = 0;
  std::int64_t merged = 0;
  std::int64_t alternatives = 0;
  std::vector<std::string> skipped;  // "file:line:column: reason", one per bad unit
  std::int64_t untranslated = 0;     // XLIFF segments left out: no target, or not yet translated
};

// Imports one TMX file, a unit at a time, in one transaction: on any error
// (without skip_invalid) the memory is left exactly as it was.
Result<ImportReport> import_tmx(Store& store, const std::filesystem::path& file, const ImportOptions& options = {});

struct ExportOptions {
  // Only units with a variant in this language, each with its source variant
  // and the variants in this language; empty: every unit, whole.
  std::string lang;
  // Only units this returns true for (called with each unit); empty: all.
  std::function<bool(const StoredUnit&)> filter;
};

// Writes the memory as TMX 1.4b (see tmx::Writer), units in id order, each
// as StoredUnit::unit; the header lists every import source (ImportSource)
// units refer to, so importing the export gives the same memory back.
Status export_tmx(Store& store, std::ostream& out, const ExportOptions& options = {});

}  // namespace edsync::tm
