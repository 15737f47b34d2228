#include <algorithm>
#include <chrono>
#include <thread>
#include <tuple>

#include "edsync/language.h"
#include "edsync/revision.h"
#include "edsync/text.h"
#include "fuzzy.h"
#include "schema.h"
#include "store_state.h"
#include "unit_codec.h"

namespace edsync::tm {

namespace {

constexpr int kBusyTimeoutMs = 60'000;

// Turning a new database to WAL needs a lock SQLite does not wait for (its
// busy handler is not called there), so a second process opening the same
// new file at that moment is told "database is locked": it tries again
// until the busy timeout instead.
void enter_wal_mode(sql::Database& db) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  while (true) {
    try {
      db.execute("PRAGMA journal_mode = WAL");
      return;
    } catch (const sql::DatabaseError&) {
      if ((sqlite3_errcode(db.handle()) & 0xFF) != SQLITE_BUSY || std::chrono::steady_clock::now() > deadline) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
}
// Page cache per connection, in KiB (SQLite's default is 2 MiB). An import
// touches index pages all over the file; with 16 MiB fewer of them go back
// to the OS and are read again. A fixed size: memory does not grow with the
// memory's size.
constexpr int kCacheKiB = 16 * 1024;

// A variant as the store indexes it.
struct IndexedVariant {
  std::string lang;
  bool is_source = false;
  std::int64_t exact_key = 0;
  std::int64_t loose_key = 0;
  std::string normalized;
  FuzzyShape shape;  // for the fuzzy index; source variants only
};

// Variants as sorted (language, content) pairs: what makes two units the same.
using Signature = std::vector<std::pair<std::string, std::string>>;

struct PreparedUnit {
  tmx::Unit unit;
  std::string source_lang;
  std::vector<IndexedVariant> variants;
  Signature signature;
  std::int64_t identity = 0;
  int source_index = -1;
  std::int64_t source_id = 0;  // its import source; 0: none
};

std::string where(const tmx::Unit& unit) {
  return unit.line > 0 ? std::to_string(unit.line) + ":" + std::to_string(unit.column) + ": " : "";
}

int find_source(const std::vector<IndexedVariant>& variants, std::string_view source_lang) {
  for (std::size_t i = 0; i < variants.size(); ++i)
    if (variants[i].lang == source_lang) return static_cast<int>(i);
  for (std::size_t i = 0; i < variants.size(); ++i)
    if (primary_language(variants[i].lang) == primary_language(source_lang)) return static_cast<int>(i);
  return -1;
}

Signature signature_of(const std::vector<std::string>& langs, const std::vector<std::string>& contents) {
  Signature pairs;
  pairs.reserve(langs.size());
  for (std::size_t i = 0; i < langs.size(); ++i) pairs.emplace_back(langs[i], contents[i]);
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

std::int64_t identity_of(const Signature& signature) {
  std::string joined;
  for (const auto& [lang, content] : signature) {
    joined += lang;
    joined += '\x1f';
    joined += content;
    joined += '\x1e';
  }
  return key_of(joined);
}

// The keys of a variant from one tokenization: its exact and loose keys,
// and the fuzzy shape when it is the source.
void index_variant(IndexedVariant& indexed) {
  const auto tokens = tokenize(indexed.normalized);
  indexed.exact_key = key_of(indexed.normalized);
  indexed.loose_key = key_of(loose_form(tokens));
  if (indexed.is_source) indexed.shape = shape_of(tokens);
}

Result<PreparedUnit> prepare(const tmx::Unit& input, const AddOptions& options) {
  PreparedUnit prepared{input, source_language(input, options), {}, {}, 0, -1, options.source_id};
  restore_written_languages(prepared.unit);
  if (options.provenance) set_provenance(prepared.unit, *options.provenance);
  std::vector<std::string> langs, contents;
  for (const auto& variant : prepared.unit.variants) {
    if (variant.lang.empty()) return input_error(where(input) + "<tuv> has no xml:lang; add the language of its text");
    auto lang = canonical_language(variant.lang);
    if (!lang) return input_error(where(input) + "<tuv> xml:lang=\"" + variant.lang + "\" is not a BCP 47 language tag; write it like en-US");
    if (find_invalid_utf8(variant.text)) return input_error(where(input) + "<tuv xml:lang=\"" + variant.lang + "\"> text is not valid UTF-8");
    IndexedVariant indexed{*lang, false, 0, 0, normalize_text(variant.text), {}};
    langs.push_back(*lang);
    contents.push_back(variant.content);
    prepared.variants.push_back(std::move(indexed));
  }
  prepared.source_index = find_source(prepared.variants, prepared.source_lang);
  if (prepared.source_index >= 0) prepared.variants[static_cast<std::size_t>(prepared.source_index)].is_source = true;
  for (auto& indexed : prepared.variants) index_variant(indexed);
  prepared.signature = signature_of(langs, contents);
  prepared.identity = identity_of(prepared.signature);
  return prepared;
}

std::optional<std::int64_t> find_identical(sql::Database& db, const PreparedUnit& prepared) {
  std::vector<std::int64_t> ids;
  auto& units = db.cached("SELECT id FROM units WHERE identity = ?");
  units.bind(1, prepared.identity);
  while (units.step()) ids.push_back(units.integer(0));
  units.reset();
  for (const auto id : ids) {
    std::vector<std::string> stored_langs, stored_contents;
    auto& variants = db.cached("SELECT lang, content FROM variants WHERE unit_id = ?");
    variants.bind(1, id);
    while (variants.step()) {
      stored_langs.push_back(variants.text(0));
      stored_contents.push_back(variants.text(1));
    }
    variants.reset();
    if (signature_of(stored_langs, stored_contents) == prepared.signature) return id;
  }
  return std::nullopt;
}

bool has_same_source(sql::Database& db, const PreparedUnit& prepared) {
  if (prepared.source_index < 0) return false;
  const auto& source = prepared.variants[static_cast<std::size_t>(prepared.source_index)];
  auto& statement = db.cached("SELECT text FROM variants WHERE is_source AND exact_key = ? AND lang = ?");
  statement.bind(1, source.exact_key).bind(2, source.lang);
  bool found = false;
  while (!found && statement.step()) found = normalize_text(statement.text(0)) == source.normalized;
  statement.reset();
  return found;
}

void write_unit_columns(sql::Statement& statement, const tmx::Unit& unit) {
  const Provenance provenance = provenance_of(unit);
  const std::string usage = attribute_value(unit.attributes, "usagecount");
  statement.bind(1, to_string(provenance.origin))
      .bind(2, provenance.article_id)
      .bind(3, provenance.article_revision)
      .bind(4, attribute_value(unit.attributes, "creationdate"))
      .bind(5, attribute_value(unit.attributes, "creationid"))
      .bind(6, attribute_value(unit.attributes, "changedate"))
      .bind(7, attribute_value(unit.attributes, "changeid"))
      .bind(8, static_cast<std::int64_t>(std::atoll(usage.c_str())))
      .bind(9, encode_attributes(unit.attributes))
      .bind(10, encode_props(unit.props))
      .bind(11, encode_notes(unit.notes));
}

// The source an x-edsync-source prop names, when the store knows its tag:
// the prop goes, the unit refers to it. An unknown tag stays a plain prop.
void resolve_source(sql::Database& db, PreparedUnit& prepared) {
  auto& find = db.cached("SELECT id FROM sources WHERE tag = ?");
  std::erase_if(prepared.unit.props, [&](const tmx::Prop& prop) {
    if (!is_source_prop(prop)) return false;
    find.bind(1, prop.text);
    const bool known = find.step();
    if (known) prepared.source_id = find.integer(0);
    find.reset();
    return known;
  });
}

void insert(sql::Database& db, PendingPostings& pending, const PreparedUnit& prepared) {
  auto& unit = db.cached(
      "INSERT INTO units(origin, article_id, article_revision, created_at, created_by, changed_at, changed_by,"
      " usage_count, attributes, props, notes, source_lang, identity, source_id) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  write_unit_columns(unit, prepared.unit);
  unit.bind(12, prepared.source_lang).bind(13, prepared.identity);
  if (prepared.source_id) unit.bind(14, prepared.source_id);
  else unit.bind_null(14);
  unit.run();
  const std::int64_t unit_id = db.last_insert_id();
  auto& variant = db.cached(
      "INSERT INTO variants(unit_id, position, lang, lang_written, is_source, text, content, exact_key, loose_key,"
      " attributes, props, notes, fuzzy_size) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
  auto& fts = db.cached("INSERT INTO variants_fts(rowid, text) VALUES(?, ?)");
  for (std::size_t i = 0; i < prepared.variants.size(); ++i) {
    const auto& indexed = prepared.variants[i];
    const auto& written = prepared.unit.variants[i];
    variant.bind(1, unit_id).bind(2, static_cast<std::int64_t>(i)).bind(3, indexed.lang).bind(4, written.lang)
        .bind(5, std::int64_t{indexed.is_source}).bind(6, written.text).bind(7, written.content)
        .bind(8, indexed.exact_key).bind(9, indexed.loose_key).bind(10, encode_attributes(written.attributes))
        .bind(11, encode_props(written.props)).bind(12, encode_notes(written.notes));
    if (indexed.is_source) variant.bind(13, indexed.shape.size);
    else variant.bind_null(13);
    variant.run();
    const std::int64_t variant_id = db.last_insert_id();
    fts.bind(1, variant_id).bind(2, written.text);
    fts.run();
    if (indexed.is_source) pending.add(variant_id, indexed.shape);
  }
}

void merge_variants(sql::Database& db, std::int64_t unit_id, const PreparedUnit& prepared) {
  for (std::size_t i = 0; i < prepared.variants.size(); ++i) {
    const auto& incoming = prepared.unit.variants[i];
    auto& select = db.cached("SELECT id, attributes, props, notes FROM variants WHERE unit_id = ? AND lang = ? AND content = ?");
    select.bind(1, unit_id).bind(2, prepared.variants[i].lang).bind(3, incoming.content);
    if (!select.step()) continue;
    const std::int64_t id = select.integer(0);
    const auto attributes = merge_attributes(decode_attributes(select.text(1)), incoming.attributes);
    const auto props = merge_items(decode_props(select.text(2)), incoming.props);
    const auto notes = merge_items(decode_notes(select.text(3)), incoming.notes);
    select.reset();
    auto& update = db.cached("UPDATE variants SET attributes = ?, props = ?, notes = ? WHERE id = ?");
    update.bind(1, encode_attributes(attributes)).bind(2, encode_props(props)).bind(3, encode_notes(notes)).bind(4, id);
    update.run();
  }
}

void merge(sql::Database& db, std::int64_t unit_id, const PreparedUnit& prepared, const AddOptions& options) {
  auto& select = db.cached("SELECT attributes, props, notes FROM units WHERE id = ?");
  select.bind(1, unit_id);
  select.step();
  tmx::Unit merged;
  merged.attributes = merge_attributes(decode_attributes(select.text(0)), prepared.unit.attributes);
  merged.props = merge_props(decode_props(select.text(1)), prepared.unit.props);
  merged.notes = merge_items(decode_notes(select.text(2)), prepared.unit.notes);
  select.reset();
  if (options.provenance) set_provenance(merged, *options.provenance);
  auto& update = db.cached(
      "UPDATE units SET origin = ?, article_id = ?, article_revision = ?, created_at = ?, created_by = ?,"
      " changed_at = ?, changed_by = ?, usage_count = ?, attributes = ?, props = ?, notes = ?,"
      " source_id = coalesce(source_id, ?) WHERE id = ?");
  write_unit_columns(update, merged);
  if (prepared.source_id) update.bind(12, prepared.source_id);
  else update.bind_null(12);
  update.bind(13, unit_id);
  update.run();
  merge_variants(db, unit_id, prepared);
}

StoredUnit read_unit(sql::Statement& row, sql::Database& db) {
  StoredUnit stored;
  stored.id = row.integer(0);
  stored.source_lang = row.text(1);
  stored.unit.attributes = decode_attributes(row.text(2));
  stored.unit.props = decode_props(row.text(3));
  stored.unit.notes = decode_notes(row.text(4));
  stored.provenance = provenance_of(stored.unit);
  auto& variants = db.cached(
      "SELECT lang_written, attributes, props, notes, content, text, lang FROM variants WHERE unit_id = ? ORDER BY position");
  variants.bind(1, stored.id);
  std::vector<std::string> canonical;
  while (variants.step()) {
    stored.unit.variants.push_back({variants.text(0), decode_attributes(variants.text(1)), decode_props(variants.text(2)),
                                    decode_notes(variants.text(3)), variants.text(4), variants.text(5)});
    canonical.push_back(variants.text(6));
  }
  variants.reset();
  write_canonical_languages(stored.unit, canonical, stored.source_lang);
  if (!row.is_null(5)) stored.unit.props.push_back(source_prop(row.text(5)));
  return stored;
}

// Whether the props name only articles and editions of `scopes` (and at
// least one of each): a unit another article shares is kept.
bool only_in(const std::vector<tmx::Prop>& props, const std::vector<AlignedScope>& scopes) {
  std::vector<std::string> articles, editions;
  for (const auto& prop : props) {
    const std::string type = attribute_value(prop.attributes, "type");
    if (type == "x-edsync-article") articles.push_back(prop.text);
    else if (type == "x-edsync-edition") editions.push_back(prop.text);
  }
  if (articles.empty() || editions.empty()) return false;
  for (const auto& article : articles)
    for (const auto& edition : editions)
      if (!std::binary_search(scopes.begin(), scopes.end(), AlignedScope{article, edition})) return false;
  return true;
}

// The fuzzy postings of a source variant, as index_variant made them, go.
void remove_postings(sql::Database& db, std::int64_t variant_id, const std::string& text) {
  const FuzzyShape shape = shape_of(tokenize(normalize_text(text)));
  auto& posting = db.cached("DELETE FROM fuzzy_postings WHERE term = ? AND size = ? AND variant_id = ?");
  auto& count = db.cached("UPDATE fuzzy_terms SET docs = docs - 1 WHERE term = ?");
  auto& unused = db.cached("DELETE FROM fuzzy_terms WHERE term = ? AND docs <= 0");
  for (const auto term : shape.terms) {
    posting.bind(1, term).bind(2, shape.size).bind(3, variant_id);
    posting.run();
    if (db.changes() == 0) continue;  // not indexed under it: nothing to count down
    count.bind(1, term);
    count.run();
    unused.bind(1, term);
    unused.run();
  }
}

std::string digest_line(const StoredUnit& stored) {
  std::string line = stored.source_lang + '\x1f' + encode_attributes(stored.unit.attributes) + '\x1f' +
                     encode_props(stored.unit.props) + '\x1f' + encode_notes(stored.unit.notes);
  for (const auto& variant : stored.unit.variants) {
    line += '\x1e' + variant.lang + '\x1f' + encode_attributes(variant.attributes) + '\x1f' + encode_props(variant.props) +
            '\x1f' + encode_notes(variant.notes) + '\x1f' + variant.content + '\x1f' + variant.text;
  }
  return line;
}

std::optional<std::string> fuzzy_index_problem(sql::Database& db) {
  sql::Statement unindexed(db.handle(), "SELECT count(*) FROM variants WHERE is_source AND fuzzy_size IS NULL");
  unindexed.step();
  if (unindexed.integer(0) > 0) return std::to_string(unindexed.integer(0)) + " source variants missing from the fuzzy index";
  sql::Statement counts(db.handle(), "SELECT (SELECT count(*) FROM fuzzy_postings), (SELECT coalesce(sum(docs), 0) FROM fuzzy_terms)");
  counts.step();
  if (counts.integer(0) != counts.integer(1)) return std::string("fuzzy index: word counts do not match the postings");
  return std::nullopt;
}

// Variants not in the fuzzy index: written before it existed (schema version
// 1) or before it keyed word pairs (2).
void index_older_variants(sql::Database& db, PendingPostings& pending) {
  db.execute("BEGIN IMMEDIATE");
  try {
    sql::Statement rows(db.handle(), "SELECT id, text FROM variants WHERE is_source AND fuzzy_size IS NULL");
    auto& update = db.cached("UPDATE variants SET fuzzy_size = ? WHERE id = ?");
    while (rows.step()) {
      const auto shape = shape_of(tokenize(normalize_text(rows.text(1))));
      update.bind(1, shape.size).bind(2, rows.integer(0));
      update.run();
      pending.add(rows.integer(0), shape);
      if (pending.full()) pending.flush(db);
    }
    pending.flush(db);
    db.execute("COMMIT");
  } catch (...) {
    pending.clear();
    db.execute("ROLLBACK");
    throw;
  }
}

}  // namespace

std::string_view to_string(Origin origin) {
  switch (origin) {
    case Origin::imported: return "imported";
    case Origin::aligned: return "aligned";
    case Origin::translated: return "translated";
  }
  return "imported";
}

Store::Store(std::unique_ptr<State> state) : state_(std::move(state)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Result<Store> Store::open(const std::filesystem::path& path) {
  return guarded(path, [&]() -> Result<Store> {
    auto state = std::make_unique<State>(path);
    sqlite3_busy_timeout(state->db.handle(), kBusyTimeoutMs);
    enter_wal_mode(state->db);
    state->db.execute("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
                      " PRAGMA cache_size = -" + std::to_string(kCacheKiB) + ";");
    if (migrate(state->db) < kSchemaVersion) index_older_variants(state->db, state->pending);
    state->version = kSchemaVersion;
    return Store(std::move(state));
  });
}

int Store::schema_version() const { return state_->version; }

Status Store::transaction(const std::function<Status()>& body) {
  auto& db = state_->db;
  if (db.in_transaction()) return body();
  if (auto begun = guarded(state_->path, [&]() -> Status { db.execute("BEGIN IMMEDIATE"); return success(); }); !begun)
    return begun;
  Status result = success();
  try {
    result = body();
  } catch (...) {
    state_->pending.clear();
    db.execute("ROLLBACK");
    throw;
  }
  if (!result) {
    state_->pending.clear();
    const Status rolled_back = guarded(state_->path, [&]() -> Status { db.execute("ROLLBACK"); return success(); });
    return rolled_back ? result : rolled_back;
  }
  return guarded(state_->path, [&]() -> Status {
    try {
      state_->pending.flush(db);
      db.execute("COMMIT");
    } catch (...) {
      state_->pending.clear();
      if (db.in_transaction()) db.execute("ROLLBACK");
      throw;
    }
    return success();
  });
}

Result<AddOutcome> Store::add(const tmx::Unit& input, const AddOptions& options) {
  auto prepared = prepare(input, options);
  if (!prepared) return prepared.error();
  AddOutcome outcome = AddOutcome::added;
  const Status done = transaction([&]() -> Status {
    return guarded(state_->path, [&]() -> Status {
      auto& db = state_->db;
      resolve_source(db, *prepared);
      if (const auto same = find_identical(db, *prepared)) {
        merge(db, *same, *prepared, options);
        outcome = AddOutcome::merged;
        return success();
      }
      if (has_same_source(db, *prepared)) outcome = AddOutcome::alternative;
      insert(db, state_->pending, *prepared);
      if (state_->pending.full()) state_->pending.flush(db);
      return success();
    });
  });
  if (!done) return done.error();
  return outcome;
}

Result<std::optional<std::int64_t>> Store::find(const tmx::Unit& unit, const AddOptions& options) {
  auto prepared = prepare(unit, options);
  if (!prepared) return prepared.error();
  return guarded(state_->path, [&]() -> Result<std::optional<std::int64_t>> {
    return find_identical(state_->db, *prepared);
  });
}

Result<std::vector<StoredUnit>> Store::aligned_units(const std::vector<AlignedScope>& wanted) {
  std::vector<AlignedScope> scopes = wanted;
  std::sort(scopes.begin(), scopes.end());
  return guarded(state_->path, [&]() -> Result<std::vector<StoredUnit>> {
    std::vector<StoredUnit> found;
    sql::Statement rows(state_->db.handle(),
                        "SELECT u.id, u.source_lang, u.attributes, u.props, u.notes, NULL FROM units u"
                        " WHERE u.origin = 'aligned' AND u.source_id IS NULL ORDER BY u.id");
    while (rows.step()) {
      if (only_in(decode_props(rows.text(3)), scopes)) found.push_back(read_unit(rows, state_->db));
    }
    return found;
  });
}

Status Store::remove(std::int64_t unit_id) {
  return transaction([&]() -> Status {
    return guarded(state_->path, [&]() -> Status {
      auto& db = state_->db;
      // Postings of this transaction not yet written would otherwise name a variant that is gone.
      state_->pending.flush(db);
      auto& variants = db.cached("SELECT id, text, is_source FROM variants WHERE unit_id = ?");
      variants.bind(1, unit_id);
      std::vector<std::tuple<std::int64_t, std::string, bool>> gone;
      while (variants.step()) gone.emplace_back(variants.integer(0), variants.text(1), variants.integer(2) != 0);
      variants.reset();
      auto& fts = db.cached("INSERT INTO variants_fts(variants_fts, rowid, text) VALUES('delete', ?, ?)");
      for (const auto& [id, text, is_source] : gone) {
        fts.bind(1, id).bind(2, text);
        fts.run();
        if (is_source) remove_postings(db, id, text);
      }
      auto& unit = db.cached("DELETE FROM units WHERE id = ?");  // the variants go with it (ON DELETE CASCADE)
      unit.bind(1, unit_id);
      unit.run();
      return success();
    });
  });
}

Result<std::int64_t> Store::unit_count() {
  return guarded(state_->path, [&]() -> Result<std::int64_t> {
    auto& statement = state_->db.cached("SELECT count(*) FROM units");
    statement.step();
    const auto count = statement.integer(0);
    statement.reset();
    return count;
  });
}

Status Store::for_each_unit(const std::function<Status(const StoredUnit&)>& visit) {
  return guarded(state_->path, [&]() -> Status {
    sql::Statement rows(state_->db.handle(),
                        "SELECT u.id, u.source_lang, u.attributes, u.props, u.notes, s.tag"
                        " FROM units u LEFT JOIN sources s ON s.id = u.source_id ORDER BY u.id");
    while (rows.step()) {
      if (Status visited = visit(read_unit(rows, state_->db)); !visited) return visited;
    }
    return success();
  });
}

Result<std::optional<std::string>> Store::setting(std::string_view key) {
  return guarded(state_->path, [&]() -> Result<std::optional<std::string>> {
    auto& statement = state_->db.cached("SELECT value FROM settings WHERE key = ?");
    statement.bind(1, key);
    std::optional<std::string> value;
    if (statement.step()) value = statement.text(0);
    statement.reset();
    return value;
  });
}

Status Store::set_setting(std::string_view key, std::string_view value) {
  return guarded(state_->path, [&]() -> Status {
    auto& statement = state_->db.cached("INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    statement.bind(1, key).bind(2, value);
    statement.run();
    return success();
  });
}

Result<std::string> Store::content_digest() {
  std::vector<std::string> lines;
  const Status read = for_each_unit([&](const StoredUnit& stored) -> Status {
    lines.push_back(digest_line(stored));
    return success();
  });
  if (!read) return read.error();
  std::sort(lines.begin(), lines.end());
  std::string all;
  for (const auto& line : lines) all += line + '\n';
  return sha256_hex(all);
}

Result<std::string> Store::integrity_check() {
  return guarded(state_->path, [&]() -> Result<std::string> {
    sql::Statement check(state_->db.handle(), "PRAGMA integrity_check");
    std::string report;
    while (check.step()) report += (report.empty() ? "" : "\n") + check.text(0);
    if (report != "ok") return report;
    try {
      state_->db.execute("INSERT INTO variants_fts(variants_fts) VALUES('integrity-check')");
    } catch (const sql::DatabaseError& error) {
      return std::string("full-text index: ") + error.what();
    }
    if (auto problem = fuzzy_index_problem(state_->db)) return *problem;
    sql::Statement keys(state_->db.handle(), "PRAGMA foreign_key_check");
    if (keys.step()) return std::string("foreign key violation in table ") + keys.text(0);
    return report;
  });
}

}  // namespace edsync::tm
