#include "schema.h"

#include <array>
#include <string>

#include "edsync/tm.h"

namespace edsync::tm {

namespace {

// Migration i brings a database from version i to version i + 1. Never edit
// one that has shipped; append another.
constexpr std::array<const char*, kSchemaVersion> kMigrations = {R"sql(
CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE units(
  id INTEGER PRIMARY KEY,
  source_lang TEXT NOT NULL,          -- canonical BCP 47
  identity INTEGER NOT NULL,          -- hash of every variant's language and content
  origin TEXT NOT NULL,               -- imported, aligned, translated
  article_id TEXT NOT NULL DEFAULT '',
  article_revision TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT '', created_by TEXT NOT NULL DEFAULT '',
  changed_at TEXT NOT NULL DEFAULT '', changed_by TEXT NOT NULL DEFAULT '',
  usage_count INTEGER NOT NULL DEFAULT 0,
  attributes TEXT NOT NULL,           -- JSON [[name, value], ...] in the file's order
  props TEXT NOT NULL,                -- JSON [[attributes, text], ...]
  notes TEXT NOT NULL
);
CREATE INDEX units_identity ON units(identity);
CREATE TABLE variants(
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  lang TEXT NOT NULL,                 -- canonical BCP 47
  lang_written TEXT NOT NULL,         -- as the file wrote it
  is_source INTEGER NOT NULL,
  text TEXT NOT NULL,                 -- what a translator reads
  content TEXT NOT NULL,              -- the inside of <seg>, inline codes included
  exact_key INTEGER NOT NULL,         -- hash of the NFC, white-space-folded text
  loose_key INTEGER NOT NULL,         -- hash of the text without case and punctuation
  attributes TEXT NOT NULL,
  props TEXT NOT NULL,
  notes TEXT NOT NULL,
  UNIQUE(unit_id, position)
);
CREATE INDEX variants_exact ON variants(exact_key) WHERE is_source;
CREATE INDEX variants_loose ON variants(loose_key) WHERE is_source;
CREATE VIRTUAL TABLE variants_fts USING fts5(text, content='variants', content_rowid='id',
                                             tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE variants_vocab USING fts5vocab(variants_fts, row);
)sql", R"sql(
-- The fuzzy candidate index (fuzzy_index.h): distinct case-folded words of
-- source variants as 64-bit keys, with the variant's size in quarter words.
-- Store::open fills it for the variants of older databases.
CREATE TABLE fuzzy_terms(term INTEGER PRIMARY KEY, docs INTEGER NOT NULL);
CREATE TABLE fuzzy_postings(term INTEGER NOT NULL, size INTEGER NOT NULL, variant_id INTEGER NOT NULL,
                            PRIMARY KEY(term, size, variant_id)) WITHOUT ROWID;
ALTER TABLE variants ADD COLUMN fuzzy_size INTEGER;  -- NULL until indexed; only source variants are
)sql", R"sql(
-- The fuzzy index keys pairs of adjacent words, not single words, and one
-- key every segment holds (fuzzy_index.h): emptied here, Store::open indexes
-- every source variant again.
DELETE FROM fuzzy_postings;
DELETE FROM fuzzy_terms;
UPDATE variants SET fuzzy_size = NULL WHERE is_source;
)sql", R"sql(
-- Import sources (tm.h, ImportSource): the <header> of each TMX file units
-- came from, as canonical markup (tmx::header_markup), once per distinct
-- header; tag is the first 16 hex digits of its SHA-256. A unit refers to
-- the source it was first imported from; NULL when none is known.
CREATE TABLE sources(id INTEGER PRIMARY KEY, tag TEXT NOT NULL UNIQUE, header TEXT NOT NULL);
ALTER TABLE units ADD COLUMN source_id INTEGER REFERENCES sources(id);
CREATE INDEX units_source ON units(source_id) WHERE source_id IS NOT NULL;
)sql"};

int user_version(sql::Database& db) {
  auto& statement = db.cached("PRAGMA user_version");
  statement.step();
  const auto version = static_cast<int>(statement.integer(0));
  statement.reset();
  return version;
}

}  // namespace

int migrate(sql::Database& db) {
  int found = user_version(db);
  if (found == kSchemaVersion) return found;
  db.execute("BEGIN IMMEDIATE");
  try {
    found = user_version(db);  // another process may have migrated while we waited
    if (found > kSchemaVersion)
      throw std::runtime_error("the database has schema version " + std::to_string(found) +
                               ", newer than this edsync understands (" + std::to_string(kSchemaVersion) +
                               "); upgrade edsync or delete the database to rebuild it");
    for (int version = found; version < kSchemaVersion; ++version) db.execute(kMigrations[static_cast<std::size_t>(version)]);
    db.execute("PRAGMA user_version = " + std::to_string(kSchemaVersion));
    db.execute("COMMIT");
  } catch (...) {
    db.execute("ROLLBACK");
    throw;
  }
  return found;
}

}  // namespace edsync::tm
