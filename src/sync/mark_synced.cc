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

Result<MarkSyncedOutcome> mark_synced(const Workspace& workspace, const std::string& lang, const std::string& id) {
  const WorkspaceConfig& config = workspace.config;
  if (!config.edition(lang)) return usage_error("unknown edition '" + lang + "'");
  const Article* english = workspace.find(config.source_lang, id);
  if (!english) return input_error("no English article '" + id + "' in " + config.editions_dir + "/" + config.source_lang + "/");
  const Article* translation = workspace.find(lang, id);
  Article repairable;  // a translation whose only fault is an unreadable source_revision
  if (!translation) {
    for (const auto& file : workspace.invalid_files) {
      if (file.lang != lang || file.id != id) continue;
      if (!file.bad_revision_line) return input_error(file.diagnostic.to_string() + "; fix the file first");
      repairable.path = file.diagnostic.file;
      repairable.source_revision_line = file.bad_revision_line;
      translation = &repairable;
    }
  }
  if (!translation) return input_error("no translation '" + id + "' in " + config.editions_dir + "/" + lang + "/");
  MarkSyncedOutcome outcome{.path = translation->path, .revision = english->revision};
  if (translation->source_revision == english->revision) return outcome;

  const auto file = workspace.root / translation->path;
  auto text = read_file(file);
  if (!text) return text.error();
  const Status written = write_file_atomically(file, with_source_revision(*text, *translation, english->revision));
  if (!written) return written.error();
  outcome.changed = true;
  return outcome;
}

}  // namespace edsync
