#include <map>
#include <set>

#include "edsync/file_io.h"
#include "edsync/sync.h"
#include "edsync/text.h"

namespace edsync {

namespace {

std::size_t end_of_line(const std::string& text, std::size_t offset) {
  const std::size_t end = text.find('\n', offset);
  return end == std::string::npos ? text.size() : end;
}

// The closing '---' of the front matter: the first fence line after line 1.
std::size_t closing_fence_offset(const std::string& text) {
  std::size_t offset = end_of_line(text, 0) + 1;
  while (offset < text.size()) {
    const std::size_t end = end_of_line(text, offset);
    std::string_view line(text.data() + offset, end - offset);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.rfind("---", 0) == 0 || line.rfind("...", 0) == 0) return offset;
    offset = end + 1;
  }
  return text.size();
}

}  // namespace

std::string with_source_revision(const std::string& text, const Article& translation, const std::string& revision) {
  const std::string line_break = text.find("\r\n") != std::string::npos ? "\r\n" : "\n";
  if (translation.source_revision_line > 0) {
    const std::size_t start = offset_of_line(text, translation.source_revision_line);
    std::size_t end = end_of_line(text, start);
    if (end > start && text[end - 1] == '\r') --end;
    return text.substr(0, start) + "source_revision: " + revision + text.substr(end);
  }
  const std::size_t fence = closing_fence_offset(text);
  return text.substr(0, fence) + "source_revision: " + revision + line_break + text.substr(fence);
}

namespace {

// The translation file to change and the revision loading found in it: a
// translation, or a file whose only fault is an unreadable source_revision.
struct MarkTarget {
  std::string path;
  std::optional<std::string> loaded_revision;
};

Result<MarkTarget> translation_to_mark(const Workspace& workspace, const std::string& lang, const std::string& id) {
  if (const Article* translation = workspace.find(lang, id)) return MarkTarget{translation->path, translation->source_revision};
  for (const auto& file : workspace.invalid_files) {
    if (file.lang != lang || file.id != id) continue;
    if (!file.bad_revision_line) return input_error(file.diagnostic.to_string() + "; fix the file first");
    return MarkTarget{file.diagnostic.file, std::nullopt};
  }
  return input_error("no translation '" + id + "' in " + workspace.config.editions_dir + "/" + lang + "/");
}

// The revision a translation's text records and its line, an unreadable
// source_revision counting as none.
Result<Article> recorded_in(const std::string& text, const std::string& path, const std::string& lang) {
  ArticleResult parsed = parse_article(text, path, lang, "");
  if (parsed.ok) return std::move(parsed.article);
  if (!parsed.bad_revision_line) return input_error(parsed.problem.to_string() + "; fix the file first");
  Article repairable;
  repairable.source_revision_line = parsed.bad_revision_line;
  return repairable;
}

Result<MarkSyncedOutcome> mark_one(const Workspace& workspace, const std::string& lang, const std::string& id,
                                   AtomicWrites& writes) {
  const WorkspaceConfig& config = workspace.config;
  const Article* english = workspace.find(config.source_lang, id);
  if (!english) return input_error("no English article '" + id + "' in " + config.editions_dir + "/" + config.source_lang + "/");
  const auto target = translation_to_mark(workspace, lang, id);
  if (!target) return target.error();
  MarkSyncedOutcome outcome{.path = target->path, .revision = english->revision};
  if (target->loaded_revision == english->revision) return outcome;
  const auto file = workspace.root / outcome.path;
  auto text = read_file(file);
  if (!text) return text.error();
  // Another command may have written the file since the workspace was
  // loaded: where its source_revision line is comes from the text changed.
  const auto current = recorded_in(*text, outcome.path, lang);
  if (!current) return current.error();
  if (current->source_revision == english->revision) return outcome;
  if (Status staged = writes.stage(file, with_source_revision(*text, *current, english->revision)); !staged)
    return staged.error();
  outcome.changed = true;
  return outcome;
}

}  // namespace

LoadScope mark_synced_scope(const std::string& lang, const std::vector<std::string>& ids) {
  return {.langs = {lang}, .keeps_id = [wanted = std::set<std::string, std::less<>>(ids.begin(), ids.end())](
                                           std::string_view id) { return wanted.count(id) > 0; }};
}

Result<std::vector<Result<MarkSyncedOutcome>>> mark_synced(const Workspace& workspace, const std::string& lang,
                                                           const std::vector<std::string>& ids,
                                                           const WorkProgress& on_progress) {
  if (!workspace.config.edition(lang)) return usage_error("unknown edition '" + lang + "'");
  AtomicWrites writes;
  std::vector<Result<MarkSyncedOutcome>> outcomes;
  outcomes.reserve(ids.size());
  std::map<std::string_view, std::size_t> first_of;  // an id given twice is marked once, and said twice
  for (const auto& id : ids) {
    if (const auto seen = first_of.find(id); seen != first_of.end()) {
      Result<MarkSyncedOutcome> again = outcomes[seen->second];
      outcomes.push_back(std::move(again));
    } else {
      first_of.emplace(id, outcomes.size());
      auto outcome = mark_one(workspace, lang, id, writes);
      if (!outcome && outcome.error().kind == ErrorKind::io)
        return io_error(outcome.error().message + "; no translation was changed");
      outcomes.push_back(std::move(outcome));
    }
    if (on_progress && (outcomes.size() % 256 == 0 || outcomes.size() == ids.size()))
      on_progress("recording revisions", outcomes.size(), ids.size());
  }
  if (const Status written = writes.commit(); !written)
    return io_error(written.error().message + "; any translation replaced before the failure records the new revision, the others their old one: run the command again");
  return outcomes;
}

}  // namespace edsync
