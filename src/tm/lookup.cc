// Lookups: exact and normalised matches by key, fuzzy candidates from the
// fuzzy index (the query's rarest word pairs, fuzzy_index.h), rescored by
// token edit distance; concordance by phrase search.
#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <queue>
#include <set>
#include <tuple>
#include <unordered_map>

#include "edsync/language.h"
#include "edsync/text.h"
#include "fuzzy.h"
#include "fuzzy_index.h"
#include "unit_codec.h"
#include "store_state.h"

namespace edsync::tm {

namespace {

struct Query {
  std::string text;  // normalised
  std::vector<Token> tokens;
  std::int64_t size;  // in quarter words, as the fuzzy index counts
  const LookupOptions& options;
};

// A match and what ranks it among equals: the hash of its unit's content.
struct Ranked {
  Match match;
  std::int64_t identity = 0;
};

struct SourceRow {
  std::int64_t unit_id = 0;
  std::string lang;
  std::string text;
  std::optional<std::int64_t> size;  // in quarter words, where the fuzzy index holds it
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

void add_provenance(sql::Database& db, Ranked& ranked) {
  auto& statement =
      db.cached("SELECT origin, article_id, article_revision, changed_at, created_at, identity, props FROM units WHERE id = ?");
  Match& match = ranked.match;
  statement.bind(1, match.unit_id);
  if (statement.step()) {
    const std::string origin = statement.text(0);
    match.provenance.origin = origin == "aligned" ? Origin::aligned : origin == "translated" ? Origin::translated : Origin::imported;
    match.provenance.article_id = statement.text(1);
    match.provenance.article_revision = statement.text(2);
    match.changed = statement.is_null(3) || statement.text(3).empty() ? statement.text(4) : statement.text(3);
    ranked.identity = statement.integer(5);
    match.context = context_of(decode_props(statement.text(6)));
  }
  statement.reset();
}

// One Match per target variant of the unit in the wanted language.
void add_matches(sql::Database& db, const Query& query, const SourceRow& row, MatchKind kind, int score,
                 const std::vector<Token>& source_tokens, std::vector<Ranked>& matches) {
  for (auto& target : targets_of(db, row.unit_id, query.options.target_lang)) {
    Ranked ranked{{kind, score, row.unit_id, row.text, std::move(target.lang), std::move(target.text),
                   token_diff(source_tokens, query.tokens), {}, {}, {}},
                  0};
    add_provenance(db, ranked);
    matches.push_back(std::move(ranked));
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

void score_source(sql::Database& db, const Query& query, const SourceRow& row, std::vector<Ranked>& matches) {
  const auto tokens = tokenize(normalize_text(row.text));
  if (!may_reach(row.size ? *row.size : segment_size(tokens), query.size, query.options.threshold)) return;
  const int score = fuzzy_score(tokens, query.tokens);
  if (score >= query.options.threshold) add_matches(db, query, row, MatchKind::fuzzy, score, tokens, matches);
}

std::optional<SourceRow> source_row(sql::Database& db, std::int64_t variant_id) {
  auto& statement = db.cached("SELECT unit_id, lang, text FROM variants WHERE id = ? AND is_source");
  statement.bind(1, variant_id);
  std::optional<SourceRow> row;
  if (statement.step()) row = SourceRow{statement.integer(0), statement.text(1), statement.text(2)};
  statement.reset();
  return row;
}

// The `wanted` best fuzzy matches and those tied with the last of them: the
// candidates come best possible score first, and once `wanted` matches are
// found, a candidate that cannot reach the lowest of their scores cannot
// enter (nor can any after it).
std::vector<Ranked> fuzzy_from_index(sql::Database& db, const Query& query, const std::set<std::int64_t>& seen,
                                     std::size_t wanted) {
  std::vector<Ranked> matches;
  if (wanted == 0) return matches;
  std::priority_queue<int, std::vector<int>, std::greater<>> best;  // the `wanted` highest scores so far
  for (const auto& candidate : fuzzy_candidates(db, query.tokens, query.options.threshold)) {
    if (best.size() >= wanted && candidate.best_possible < best.top()) break;
    auto row = source_row(db, candidate.variant_id);
    if (!row || seen.count(row->unit_id) || !language_matches(row->lang, query.options.source_lang)) continue;
    row->size = candidate.size;
    const std::size_t before = matches.size();
    score_source(db, query, *row, matches);
    for (std::size_t i = before; i < matches.size(); ++i) {
      best.push(matches[i].match.score);
      if (best.size() > wanted) best.pop();
    }
  }
  return matches;
}

std::vector<Ranked> fuzzy_exhaustive(sql::Database& db, const Query& query, const std::set<std::int64_t>& seen) {
  std::vector<Ranked> matches;
  sql::Statement rows(db.handle(), "SELECT unit_id, lang, text, fuzzy_size FROM variants WHERE is_source");
  while (rows.step()) {
    if (!rows.is_null(3) && !may_reach(rows.integer(3), query.size, query.options.threshold)) continue;
    SourceRow row{rows.integer(0), rows.text(1), rows.text(2),
                  rows.is_null(3) ? std::nullopt : std::optional<std::int64_t>(rows.integer(3))};
    if (seen.count(row.unit_id) || !language_matches(row.lang, query.options.source_lang)) continue;
    score_source(db, query, row, matches);
  }
  return matches;
}

// Best first; equals by content, never by row id, so that a memory ranks
// alike however its units came in (imports in any order, a rebuild).
std::vector<Match> sort_and_trim(std::vector<Ranked>& ranked, std::size_t limit) {
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    const Match &x = a.match, &y = b.match;
    if (x.kind != y.kind) return x.kind < y.kind;
    if (x.score != y.score) return x.score > y.score;
    if (x.changed != y.changed) return x.changed > y.changed;
    return std::tie(x.source, x.target, x.target_lang, a.identity, x.unit_id) <
           std::tie(y.source, y.target, y.target_lang, b.identity, y.unit_id);
  });
  std::vector<Match> matches;
  for (std::size_t i = 0; i < std::min(limit, ranked.size()); ++i) matches.push_back(std::move(ranked[i].match));
  return matches;
}

Result<std::vector<Match>> run_lookup(const std::filesystem::path& path, sql::Database& db, std::string_view text,
                                      const LookupOptions& options, bool exhaustive) {
  if (options.target_lang.empty()) return usage_error("a lookup needs a target language");
  if (find_invalid_utf8(text)) return input_error("the text to look up is not valid UTF-8");
  return guarded(path, [&]() -> Result<std::vector<Match>> {
    const sql::ReadTransaction reading(db);
    const std::string normalized = normalize_text(text);
    auto query_tokens = tokenize(normalized);
    const std::int64_t size = segment_size(query_tokens);
    const Query query{normalized, std::move(query_tokens), size, options};
    std::vector<Ranked> matches;
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
    const std::size_t wanted = options.max_results - std::min(options.max_results, matches.size());
    auto fuzzy = exhaustive ? fuzzy_exhaustive(db, query, seen) : fuzzy_from_index(db, query, seen, wanted);
    std::move(fuzzy.begin(), fuzzy.end(), std::back_inserter(matches));
    return sort_and_trim(matches, options.max_results);
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
  auto matches = lookup_all({std::string(query)}, options);
  if (!matches) return matches.error();
  return std::move(matches->front());
}

Result<std::vector<std::vector<Match>>> Store::lookup_all(const std::vector<std::string>& queries,
                                                          const LookupOptions& options) {
  return guarded(state_->path, [&]() -> Result<std::vector<std::vector<Match>>> {
    state_->pending.flush(state_->db);  // inside a write transaction, the postings of units added so far first
    const sql::ReadTransaction reading(state_->db);
    std::vector<std::vector<Match>> all;
    all.reserve(queries.size());
    for (const auto& query : queries) {
      auto matches = run_lookup(state_->path, state_->db, query, options, false);
      if (!matches) return matches.error();
      all.push_back(std::move(*matches));
    }
    return all;
  });
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
