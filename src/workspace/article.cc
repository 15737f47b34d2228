#include <cstdio>

#include "edsync/front_matter.h"
#include "edsync/revision.h"
#include "edsync/text.h"
#include "edsync/workspace.h"

namespace edsync {

namespace {

ArticleResult problem_at(const std::string& path, int line, int column, std::string message) {
  ArticleResult result;
  result.problem = {path, line, column, std::move(message)};
  return result;
}

ArticleResult problem_at(const std::string& path, const FrontMatterField& field, std::string message) {
  return problem_at(path, field.line, field.column, std::move(message));
}

std::string describe_invalid_utf8(std::string_view text, std::size_t offset) {
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[offset])));
  return std::string("invalid UTF-8 (byte ") + byte + "); save the file as UTF-8";
}

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.front() == '.') return false;
  for (const char c : id)
    if (c == '/' || c == '\\' || static_cast<unsigned char>(c) <= ' ') return false;
  return true;
}

}  // namespace

ArticleResult parse_article(std::string_view text, const std::string& path, const std::string& lang,
                            const std::string& default_id) {
  if (const auto bad = find_invalid_utf8(text)) {
    const TextPosition at = position_of(text, *bad);
    return problem_at(path, at.line, at.column, describe_invalid_utf8(text, *bad));
  }
  FrontMatterResult parsed = parse_front_matter(text);
  if (!parsed.ok) return problem_at(path, parsed.problem.line, parsed.problem.column, parsed.problem.message);
  const FrontMatter& fields = parsed.front_matter;

  for (const auto* key : {"title", "id", "date", "category", "author", "source_revision"}) {
    const auto* field = fields.find(key);
    if (field && !field->is_scalar) return problem_at(path, *field, std::string("'") + key + "' must be a single value, not a list or a map");
  }

  ArticleResult result;
  Article& article = result.article;
  article.lang = lang;
  article.path = path;
  article.id = default_id;

  const auto* title = fields.find("title");
  if (!title) return problem_at(path, 1, 1, "missing 'title' in the front matter; add a line such as title: \"...\"");
  if (title->value.empty()) return problem_at(path, *title, "'title' is empty");
  article.title = title->value;

  if (const auto* id = fields.find("id")) {
    if (!is_valid_id(id->value)) return problem_at(path, *id, "'id' must be a name without spaces or slashes, got '" + id->value + "'");
    article.id = id->value;
  }
  if (const auto* date = fields.find("date"); date && !date->value.empty()) {
    article.date = Date::parse(date->value);
    if (!article.date) return problem_at(path, *date, "'date' must be a date written YYYY-MM-DD, got '" + date->value + "'");
  }
  if (const auto* category = fields.find("category")) article.category = category->value;
  if (const auto* author = fields.find("author")) article.author = author->value;
  if (const auto* recorded = fields.find("source_revision")) {
    article.source_revision = parse_revision(recorded->value);
    article.source_revision_line = recorded->line;
    if (!article.source_revision) {
      result.problem = {path, recorded->line, recorded->column, ""};
      result.bad_revision_line = recorded->line;
      result.problem.message = std::string("'source_revision' must be 16 hexadecimal digits as 'edsync mark-synced' writes it, got '" + recorded->value + "'; run 'edsync mark-synced " + lang + " " + article.id + "' once the translation is up to date");
      return result;
    }
  }
  article.body = std::string(text.substr(fields.body_offset));
  article.revision = revision_of(article.title, article.body);
  result.ok = true;
  return result;
}

}  // namespace edsync
