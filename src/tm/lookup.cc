// Lookups: exact and normalised matches by key, fuzzy candidates from the
// fuzzy index (the rarest words of the query, fuzzy_index.h), rescored by
// token edit distance; concordance by phrase search.
#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

#include "edsync/language.h"
#include "edsync/text.h"
#include "fuzzy.h"
#include "fuzzy_index.h"
#include "store_state.h"

namespace edsync::tm {

namespace {

constexpr std::size_t kCandidates = 150;  // candidates rescored, at most

struct Query {
  std::string text;  // normalised
  std::vector<Token> tokens;
  std::int64_t size;  // in quarter words, as the fuzzy index counts
  const LookupOptions& options;
};

struct SourceRow {
  std::int64_t unit_id = 0;
  std::string lang;
  std::string text;
};

std::string fts_phrase(std::string_view text) {
  std::string phrase = "\"";
  for (const char c : text) phrase += c == '"' ? std::string("\"\"") : std::string(1, c);
  return phrase + "\"";
}

struct Target {
  std::string lang;
  std::string text;
};

std::vector<Target> targets_of(sql::Database& db, std::int64_t unit_id, std::string_view lang) {
  std::vector<Target> targets;
  auto& statement = db.cached("SELECT lang, text FROM variants WHERE unit_id = ? AND NOT is_source ORDER BY position");
  statement.bind(1, unit_id);
  while (statement.step()) {
    std::string variant_lang = statement.text(0);
    if (language_matches(variant_lang, lang)) targets.push_back({std::move(variant_lang), statement.text(1)});
  }
  statement.reset();
  return targets;
}

void add_provenance(sql::Database& db, Match& match) {
  auto& statement = db.cached("SELECT origin, article_id, article_revision, changed_at, created_at FROM units WHERE id = ?");
  statement.bind(1, match.unit_id);
  if (statement.step()) {
    const std::string origin = statement.text(0);
    match.provenance.origin = origin == "aligned" ? Origin::aligned : origin == "translated" ? Origin::translated : Origin::imported;
    match.provenance.article_id = statement.text(1);
    match.provenance.article_revision = statement.text(2);
    match.changed = statement.is_null(3) || statement.text(3).empty() ? statement.text(4) : statement.text(3);
  }
  statement.reset();
}

// One Match per target variant of the unit in the wanted language.
void add_matches(sql::Database& db, const Query& query, const SourceRow& row, MatchKind kind, int score,
                 const std::vector<Token>& source_tokens, std::vector<Match>& matches) {
  for (auto& target : targets_of(db, row.unit_id, query.options.target_lang)) {
    Match match{kind, score, row.unit_id, row.text, std::move(target.lang), std::move(target.text),
                token_diff(source_tokens, query.tokens), {}, {}};
    add_provenance(db, match);
    matches.push_back(std::move(match));
  }
}

std::vector<SourceRow> sources_by_key(sql::Database& db, const char* sql, std::int64_t key, std::string_view lang) {
  std::vector<SourceRow> rows;
  auto& statement = db.cached(sql);
  statement.bind(1, key);
  while (statement.step()) {
    SourceRow row{statement.integer(0), statement.text(1), statement.text(2)};
    if (language_matches(row.lang, lang)) rows.push_back(std::move(row));
  }
  statement.reset();
  return rows;
}

void score_source(sql::Database& db, const Query& query, const SourceRow& row, std::vector<Match>& matches) {
  const auto tokens = tokenize(normalize_text(row.text));
  if (!may_reach(shape_of(tokens).size, query.size, query.options.threshold)) return;
  const int score = fuzzy_score(tokens, query.tokens);
  if (score >= query.options.threshold) add_matches(db, query, row, MatchKind::fuzzy, score, tokens, matches);
}

std::vector<Match> fuzzy_from_index(sql::Database& db, const Query& query, const std::set<std::int64_t>& seen) {
  std::vector<Match> matches;
  for (const auto variant_id : fuzzy_candidates(db, query.tokens, query.options.threshold, kCandidates)) {
    auto& statement = db.cached("SELECT unit_id, lang, text FROM variants WHERE id = ? AND is_source");
    statement.bind(1, variant_id);
    std::optional<SourceRow> row;
    if (statement.step()) row = SourceRow{statement.integer(0), statement.text(1), statement.text(2)};
    statement.reset();
    if (!row || seen.count(row->unit_id) || !language_matches(row->lang, query.options.source_lang)) continue;
    score_source(db, query, *row, matches);
  }
  return matches;
}

std::vector<Match> fuzzy_exhaustive(sql::Database& db, const Query& query, const std::set<std::int64_t>& seen) {
  std::vector<Match> matches;
  sql::Statement rows(db.handle(), "SELECT unit_id, lang, text, fuzzy_size FROM variants WHERE is_source");
  while (rows.step()) {
    if (!rows.is_null(3) && !may_reach(rows.integer(3), query.size, query.options.threshold)) continue;
    SourceRow row{rows.integer(0), rows.text(1), rows.text(2)};
    if (seen.count(row.unit_id) || !language_matches(row.lang, query.options.source_lang)) continue;
    score_source(db, query, row, matches);
  }
  return matches;
}

void sort_and_trim(std::vector<Match>& matches, std::size_t limit) {
  std::stable_sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    if (a.kind != b.kind) return a.kind < b.kind;
    if (a.score != b.score) return a.score > b.score;
    if (a.changed != b.changed) return a.changed > b.changed;
    return a.unit_id < b.unit_id;
  });
  if (matches.size() > limit) matches.resize(limit);
}

Result<std::vector<Match>> run_lookup(const std::filesystem::path& path, sql::Database& db, std::string_view text,
                                      const LookupOptions& options, bool exhaustive) {
  if (options.target_lang.empty()) return usage_error("a lookup needs a target language");
  if (find_invalid_utf8(text)) return input_error("the text to look up is not valid UTF-8");
  return guarded(path, [&]() -> Result<std::vector<Match>> {
    const std::string normalized = normalize_text(text);
    auto query_tokens = tokenize(normalized);
    const std::int64_t size = shape_of(query_tokens).size;
    const Query query{normalized, std::move(query_tokens), size, options};
    std::vector<Match> matches;
    std::set<std::int64_t> seen;
    for (const auto& row : sources_by_key(db, "SELECT unit_id, lang, text FROM variants WHERE is_source AND exact_key = ?",
                                          key_of(normalized), options.source_lang)) {
      if (normalize_text(row.text) != normalized) continue;
      add_matches(db, query, row, MatchKind::exact, 100, query.tokens, matches);
      seen.insert(row.unit_id);
    }
    for (const auto& row : sources_by_key(db, "SELECT unit_id, lang, text FROM variants WHERE is_source AND loose_key = ?",
                                          key_of(loose_form(normalized)), options.source_lang)) {
      if (seen.count(row.unit_id) || loose_form(normalize_text(row.text)) != loose_form(normalized)) continue;
      const auto tokens = tokenize(normalize_text(row.text));
      add_matches(db, query, row, MatchKind::normalized, fuzzy_score(tokens, query.tokens), tokens, matches);
      seen.insert(row.unit_id);
    }
    auto fuzzy = exhaustive ? fuzzy_exhaustive(db, query, seen) : fuzzy_from_index(db, query, seen);
    std::move(fuzzy.begin(), fuzzy.end(), std::back_inserter(matches));
    sort_and_trim(matches, options.max_results);
    return matches;
  });
}

}  // namespace

std::string_view to_string(MatchKind kind) {
  switch (kind) {
    case MatchKind::exact: return "exact";
    case MatchKind::normalized: return "normalized";
    case MatchKind::fuzzy: return "fuzzy";
  }
  return "fuzzy";
}

Result<std::vector<Match>> Store::lookup(std::string_view query, const LookupOptions& options) {
  // Inside a write transaction, the postings of units added so far first.
  if (const Status flushed = guarded(state_->path, [&]() -> Status { state_->pending.flush(state_->db); return success(); }); !flushed)
    return flushed.error();
  return run_lookup(state_->path, state_->db, query, options, false);
}

Result<std::vector<Match>> Store::lookup_exhaustive(std::string_view query, const LookupOptions& options) {
  return run_lookup(state_->path, state_->db, query, options, true);
}

Result<std::vector<ConcordanceHit>> Store::concordance(std::string_view term, const ConcordanceOptions& options) {
  if (options.target_lang.empty()) return usage_error("a concordance search needs a target language");
  if (find_invalid_utf8(term)) return input_error("the term is not valid UTF-8");
  const std::string normalized = normalize_text(term);
  if (loose_form(normalized).empty()) return usage_error("the term has no words to search for");
  return guarded(state_->path, [&]() -> Result<std::vector<ConcordanceHit>> {
    auto& db = state_->db;
    std::vector<ConcordanceHit> hits;
    std::set<std::int64_t> seen;
    sql::Statement found(db.handle(),
                         "SELECT v.unit_id FROM variants_fts JOIN variants v ON v.id = variants_fts.rowid"
                         " WHERE variants_fts MATCH ? ORDER BY variants_fts.rowid");
    found.bind(1, fts_phrase(normalized));
    while (hits.size() < options.max_results && found.step()) {
      const std::int64_t unit_id = found.integer(0);
      if (!seen.insert(unit_id).second) continue;
      auto sources = sources_by_key(db, "SELECT unit_id, lang, text FROM variants WHERE unit_id = ? AND is_source",
                                    unit_id, options.source_lang);
      if (sources.empty()) continue;
      for (auto& target : targets_of(db, unit_id, options.target_lang)) {
        ConcordanceHit hit{unit_id, sources.front().text, std::move(target.lang), std::move(target.text), {}, {}};
        hit.source_spans = find_term(hit.source, normalized);
        hit.target_spans = find_term(hit.target, normalized);
        if (!hit.source_spans.empty() || !hit.target_spans.empty()) hits.push_back(std::move(hit));
      }
    }
    return hits;
  });
}

}  // namespace edsync::tm
