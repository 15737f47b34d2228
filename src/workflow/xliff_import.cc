#include "edsync/xliff_import.h"

#include <charconv>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "article_segments.h"
#include "edition_text.h"
#include "edsync/diagnostic.h"
#include "edsync/file_io.h"
#include "edsync/language.h"
#include "edsync/revision.h"
#include "edsync/text.h"
#include "edsync/tmx.h"
#include "edsync/xliff.h"
#include "xliff_content.h"

namespace edsync::workflow {

bool XliffImportReport::refused() const {
  for (const auto& file : files)
    if (file.refusal != ImportRefusal::none && !file.rebased) return true;
  return false;
}

namespace {

namespace fs = std::filesystem;

// A file that passed the checks: what to write once every file has.
struct Checked {
  ImportedFile report;
  std::vector<tmx::Unit> memory_units;
  std::string edition_text;  // "" when no edition file is written
};

// The problems of one file, pinned to the file, or to the unit at fault.
class Problems {
 public:
  Problems(std::string file, std::vector<std::string>& out) : file_(std::move(file)), out_(out), start_(out.size()) {}
  void file(const std::string& message) { out_.push_back(file_ + ": " + message); }
  void unit(const xliff::Unit& unit, const std::string& message) {
    out_.push_back(Diagnostic{file_, unit.line, unit.column, "unit " + unit.id + ": " + message}.to_string());
  }
  bool any() const { return out_.size() > start_; }

 private:
  std::string file_;
  std::vector<std::string>& out_;
  std::size_t start_;
};

std::string meta(const xliff::File& file, std::string_view type) {
  for (const auto& entry : file.metadata)
    if (entry.type == type) return entry.value;
  return "";
}

// An id that names one file in one folder: never a path.
bool is_plain_id(const std::string& id) {
  if (id.empty() || id.front() == '.') return false;
  for (const unsigned char c : id)
    if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) return false;
  return true;
}

// The English article the file was made from, cut as the export cut it.
struct Source {
  const Article* english = nullptr;
  const Article* translation = nullptr;  // the edition's, when there is one
  std::string lang;                      // the edition
  ArticleCut cut;
  std::map<std::string, std::size_t> index;  // segment id -> index into cut.segments
};

// One XLIFF <file> of ours: exactly one, with the article and edition named.
const xliff::File* our_file(const xliff::Document& document, Problems& problems) {
  if (document.files.size() != 1) {
    problems.file("not a file edsync exported: it holds " + std::to_string(document.files.size()) +
                  " <file> elements, an export one");
    return nullptr;
  }
  const xliff::File& file = document.files.front();
  if (meta(file, kMetaArticle).empty() || meta(file, kMetaEdition).empty()) {
    problems.file("not a file edsync exported: no edsync metadata names its article and edition");
    return nullptr;
  }
  return &file;
}

bool languages_fit(const xliff::Document& document, const Workspace& workspace, const std::string& edition,
                   Problems& problems) {
  if (!workspace.config.edition(edition)) {
    problems.file("edition '" + edition + "' (the file's metadata) is not one of this workspace's editions");
    return false;
  }
  const auto target = canonical_language(document.target_lang);
  if (!target || !language_matches(*target, edition)) {
    problems.file(document.target_lang.empty() ? "no target language; the file is for edition " + edition
                                               : "target language '" + document.target_lang +
                                                     "' is not the edition the file was exported for (" + edition + ")");
    return false;
  }
  const auto source = canonical_language(document.source_lang);
  if (!source || !language_matches(*source, workspace.config.source_lang)) {
    problems.file("source language '" + document.source_lang + "' is not the workspace's (" +
                  workspace.config.source_lang + ")");
    return false;
  }
  return true;
}

std::optional<Source> find_source(const Workspace& workspace, const std::string& id, const std::string& edition,
                                  Problems& problems) {
  const Article* english = is_plain_id(id) ? workspace.find(workspace.config.source_lang, id) : nullptr;
  if (!english) {
    problems.file("article '" + id + "' (the file's metadata) is not an English article of this workspace");
    return std::nullopt;
  }
  for (const auto& invalid : workspace.invalid_files) {
    if (invalid.lang != edition || invalid.id != id) continue;
    problems.file("the translation cannot be read: " + invalid.diagnostic.to_string() + "; fix it first");
    return std::nullopt;
  }
  auto with_body = reload_article(workspace, *english);
  if (!with_body) {
    problems.file(with_body.error().message);
    return std::nullopt;
  }
  Source source{english, workspace.find(edition, id), edition, cut_article(*with_body), {}};
  for (std::size_t i = 0; i < source.cut.segments.size(); ++i) source.index[source.cut.segments[i].id] = i;
  return source;
}

// A translator's tool marks a unit done by its state, but OmegaT and other
// tools that only fill <target> leave the state as exported: a target that
// is no longer the source copied into it (--copy-source) is a translation
// too. A locked unit (translate="no") carries the translation as it stands.
bool is_translated(const xliff::Unit& unit) {
  if (!unit.target) return false;
  const std::string target = normalize_text(xliff::plain_text(*unit.target));
  if (!unit.translate) return !target.empty();
  if (xliff::has_translation(unit)) return true;
  return !target.empty() && target != normalize_text(xliff::plain_text(unit.source));
}

// A unit matched to its segment, with the translation as Markdown parts.
struct Matched {
  const xliff::Unit* unit = nullptr;
  std::size_t segment = 0;
  bool translated = false;
  std::vector<markdown::Part> parts;
};

const std::vector<markdown::Part>& english_parts(const Source& source, std::size_t segment) {
  return source.cut.markdown.segments()[segment]->content;
}

// How many segments each unit that a CAT tool segmented holds, by unit id.
std::map<std::string, int> segments_per_unit(const xliff::Document& document) {
  std::map<std::string, int> count;
  for (const xliff::Unit* unit : document.units())
    if (!unit->segment_id.empty()) ++count[unit->id];
  return count;
}

// Every unit against the article: ids ours, English unchanged, codes known.
// When the revision changed, units and segments that differ are `changed`
// rather than problems.
std::vector<Matched> match_units(const xliff::Document& document, const Source& source, bool same_revision,
                                 ImportedFile& report, Problems& problems) {
  std::vector<Matched> matched;
  std::set<std::string> seen;
  const auto segments = segments_per_unit(document);
  for (const xliff::Unit* unit : document.units()) {
    ++report.units;
    // Trados marks every segment (<mrk mtype="seg">), the one of a unit too.
    if (const auto split = segments.find(unit->id); split != segments.end() && split->second > 1) {
      if (seen.insert(unit->id).second)
        problems.unit(*unit, "holds " + std::to_string(split->second) +
                                 " segments; edsync exports one segment a unit: join them again in the CAT tool");
      continue;
    }
    if (!seen.insert(unit->id).second) {
      problems.unit(*unit, "appears twice");
      continue;
    }
    const auto found = source.index.find(unit->id);
    const bool known = found != source.index.end();
    if (known && normalize_text(xliff::plain_text(unit->source)) != source.cut.segments[found->second].english) {
      if (same_revision) problems.unit(*unit, "its English is not the article's; the source must stay as exported");
      else report.changed.push_back(unit->id);
      continue;
    }
    if (!known) {
      if (same_revision) problems.unit(*unit, "not a segment of article " + source.english->id);
      else report.changed.push_back(unit->id);
      continue;
    }
    Matched match{unit, found->second, is_translated(*unit), {}};
    if (match.translated) {
      auto parts = from_xliff_content(*unit->target, english_parts(source, match.segment));
      if (!parts) problems.unit(*unit, parts.error().message);
      else match.parts = std::move(*parts);
      ++report.translated;
    } else {
      report.untranslated.push_back(unit->id);
    }
    matched.push_back(std::move(match));
  }
  for (const auto& segment : source.cut.segments) {
    if (seen.contains(segment.id)) continue;
    if (same_revision) problems.file("segment " + segment.id + " of article " + source.english->id + " is missing from the file");
    else report.changed.push_back(segment.id);
  }
  return matched;
}

void add_prop(tmx::Unit& unit, std::string_view type, const std::string& text) {
  if (!text.empty()) unit.props.push_back({{{"type", std::string(type)}}, text});
}

// A pair for the memory with the provenance the aligner records.
tmx::Unit memory_unit(const Matched& match, const Source& source, const ImportedFile& report,
                      const std::string& source_lang) {
  const WorkSegment& segment = source.cut.segments[match.segment];
  tmx::Unit unit;
  add_prop(unit, "x-edsync-origin", "translated");
  add_prop(unit, "x-edsync-article", source.english->id);
  add_prop(unit, "x-edsync-revision", report.english_revision);
  add_prop(unit, "x-edsync-edition", source.lang);
  add_prop(unit, "x-edsync-paragraph", std::to_string(segment.paragraph));
  add_prop(unit, "x-edsync-confidence", "1.000");
  add_prop(unit, "x-edsync-context-before", segment.place.before);
  add_prop(unit, "x-edsync-context-after", segment.place.after);
  unit.variants = {tmx::plain_text_variant(source_lang, segment.english),
                   tmx::plain_text_variant(source.lang, normalize_text(xliff::plain_text(*match.unit->target)))};
  return unit;
}

std::vector<tmx::Unit> memory_units(const std::vector<Matched>& matched, const Source& source,
                                    const ImportedFile& report, const std::string& source_lang) {
  std::vector<tmx::Unit> units;
  for (const auto& match : matched)
    if (match.translated) units.push_back(memory_unit(match, source, report, source_lang));
  return units;
}

// rebuild_body names a segment by its number among the body's ("segment 3:
// ..."): the unit of that segment says where to look.
void report_rebuild_error(const Error& error, const std::vector<Matched>& by_segment, Problems& problems) {
  const std::string& message = error.message;
  std::size_t number = 0;
  const auto parsed = message.starts_with("segment ")
                          ? std::from_chars(message.data() + 8, message.data() + message.size(), number)
                          : std::from_chars_result{message.data(), std::errc::invalid_argument};
  const auto colon = message.find(": ");
  if (parsed.ec != std::errc{} || number >= by_segment.size() || colon == std::string::npos) {
    problems.file(message);
    return;
  }
  problems.unit(*by_segment[number].unit, message.substr(colon + 2));
}

std::string text_of(const std::vector<markdown::Part>& parts) {
  std::string text;
  for (const auto& part : parts)
    if (part.kind == markdown::PartKind::text) text += part.text;
  return normalize_text(text);
}

std::string edition_path(const Workspace& workspace, const Source& source) {
  if (source.translation) return source.translation->path;
  return (fs::path(workspace.config.editions_dir) / source.lang / (source.english->id + ".md")).generic_string();
}

// The edition file's new text, or nullopt after reporting why it cannot be made.
std::optional<std::string> edition_text(const Workspace& workspace, const Source& source,
                                        std::vector<Matched> matched, Problems& problems) {
  std::vector<Matched> by_segment(source.cut.segments.size());
  for (auto& match : matched) by_segment[match.segment] = std::move(match);
  std::vector<std::vector<markdown::Part>> body_parts;
  for (std::size_t i = 1; i < by_segment.size(); ++i) body_parts.push_back(by_segment[i].parts);
  const auto body = markdown::rebuild_body(source.cut.markdown, body_parts);
  if (!body) {
    report_rebuild_error(body.error(), by_segment, problems);
    return std::nullopt;
  }
  const std::string title = text_of(by_segment[0].parts);
  const std::string& revision = source.english->revision;
  if (!source.translation) return new_edition_text(*source.english, title, revision, *body);
  auto text = read_file(workspace.root / source.translation->path);
  if (!text) {
    problems.file(text.error().message);
    return std::nullopt;
  }
  auto updated = updated_edition_text(*text, *source.translation, title, revision, *body);
  if (!updated) problems.file(updated.error().message);
  return updated ? std::optional(std::move(*updated)) : std::nullopt;
}

// A translation changed since the export would lose that change: the locked
// units carry the translation as it was then. One already made from the
// current English (an earlier import of this file) may be replaced.
void check_translation_unchanged(const Source& source, const std::string& exported_from, ImportedFile& report) {
  const Article* translation = source.translation;
  if (!translation || translation->source_revision == source.english->revision) return;
  if (!exported_from.empty() && translation->source_revision == exported_from) return;
  report.refusal = ImportRefusal::translation_changed;
  report.refusal_detail = translation->source_revision ? "records English revision " + *translation->source_revision
                                                       : "records no English revision";
  if (exported_from.empty()) report.refusal_detail += "; the file was exported when there was no translation";
}

struct FileInfo {
  std::string article_id;
  std::string edition;
  std::string english_revision;
  std::string translation_revision;
};

std::optional<FileInfo> file_info(const xliff::Document& document, const Workspace& workspace, Problems& problems) {
  const xliff::File* file = our_file(document, problems);
  if (!file) return std::nullopt;
  FileInfo info{meta(*file, kMetaArticle), meta(*file, kMetaEdition), meta(*file, kMetaEnglishRevision),
                meta(*file, kMetaTranslationRevision)};
  if (!languages_fit(document, workspace, info.edition, problems)) return std::nullopt;
  const auto revision = parse_revision(info.english_revision);
  if (!revision) {
    problems.file("no English revision of 16 hex digits in the file's metadata ('" + info.english_revision + "')");
    return std::nullopt;
  }
  info.english_revision = *revision;
  return info;
}

// After the checks: refused, rebased, or ready to write.
std::optional<Checked> decide(const Workspace& workspace, const Source& source, const FileInfo& info,
                              std::vector<Matched> matched, ImportedFile report, const XliffImportOptions& options,
                              Problems& problems) {
  const std::string& source_lang = workspace.config.source_lang;
  if (report.english_revision != report.current_revision) {
    report.refusal = ImportRefusal::english_changed;
    report.rebased = options.rebase;
    if (!options.rebase) return Checked{std::move(report), {}, ""};
    auto units = memory_units(matched, source, report, source_lang);
    report.memory_units = static_cast<std::int64_t>(units.size());
    return Checked{std::move(report), std::move(units), ""};
  }
  if (!report.untranslated.empty()) {
    report.refusal = ImportRefusal::untranslated;
    return Checked{std::move(report), {}, ""};
  }
  check_translation_unchanged(source, info.translation_revision, report);
  if (report.refusal != ImportRefusal::none) return Checked{std::move(report), {}, ""};
  auto units = memory_units(matched, source, report, source_lang);
  auto text = edition_text(workspace, source, std::move(matched), problems);
  if (!text) return std::nullopt;
  report.memory_units = static_cast<std::int64_t>(units.size());
  report.edition_path = edition_path(workspace, source);
  report.replaces = source.translation != nullptr;
  return Checked{std::move(report), std::move(units), std::move(*text)};
}

// Reads and checks one file. nullopt: problems were reported. An Error: the
// file could not be read at all (I/O).
Result<std::optional<Checked>> check_file(const Workspace& workspace, const std::string& name,
                                          const XliffImportOptions& options, std::vector<std::string>& out) {
  Problems problems(name, out);
  auto document = xliff::read_file(name, name);
  if (!document) {
    if (document.error().kind == ErrorKind::io) return document.error();
    out.push_back(document.error().message);
    return std::optional<Checked>{};
  }
  const auto info = file_info(*document, workspace, problems);
  if (!info) return std::optional<Checked>{};
  const auto source = find_source(workspace, info->article_id, info->edition, problems);
  if (!source) return std::optional<Checked>{};
  ImportedFile report{.file = name, .article_id = info->article_id, .edition = info->edition,
                      .english_revision = info->english_revision, .current_revision = source->english->revision};
  const bool same_revision = report.english_revision == report.current_revision;
  auto matched = match_units(*document, *source, same_revision, report, problems);
  if (problems.any()) return std::optional<Checked>{};
  return decide(workspace, *source, *info, std::move(matched), std::move(report), options, problems);
}

// Two files for one article and edition: which one wins would be chance.
void check_distinct(const std::vector<Checked>& checked, std::vector<std::string>& problems) {
  std::map<std::pair<std::string, std::string>, std::string> first;
  for (const auto& file : checked) {
    const auto key = std::pair{file.report.edition, file.report.article_id};
    const auto [at, added] = first.emplace(key, file.report.file);
    if (!added)
      problems.push_back(file.report.file + ": article " + key.second + " (" + key.first + ") is also in " + at->second +
                         "; import one of them");
  }
}

Status write_memory(std::vector<Checked>& checked, const std::string& source_lang, const XliffImportOptions& options) {
  bool any = false;
  for (const auto& file : checked) any = any || !file.memory_units.empty();
  if (!any) return success();
  auto memory = options.open_memory();
  if (!memory) return memory.error();
  for (auto& file : checked) {
    if (file.memory_units.empty()) continue;
    tm::UnitBatch batch{file.report.file, file.memory_units, {}};
    batch.options.default_source_lang = source_lang;
    const auto imported = memory->import_units(batch);
    if (!imported) return imported.error();
    // A source the memory holds in another edition gets this edition's pair beside it: new too.
    file.report.memory_added = imported->added + imported->alternatives;
    file.report.memory_merged = imported->merged;
  }
  return success();
}

Status write_editions(const Workspace& workspace, const std::vector<Checked>& checked) {
  for (const auto& file : checked) {
    if (file.edition_text.empty()) continue;
    const fs::path path = workspace.root / file.report.edition_path;
    // The memory already holds the pairs: saying so makes the re-run safe to do.
    const std::string then = "; the memory already holds the translations: import the files again once " +
                             file.report.edition_path + " can be written";
    std::error_code error;
    fs::create_directories(path.parent_path(), error);
    if (error) return io_error(file.report.edition_path + ": cannot create its folder: " + error.message() + then);
    if (auto written = write_file_atomically(path, file.edition_text); !written)
      return io_error(written.error().message + then);
  }
  return success();
}

}  // namespace

Result<XliffImportReport> import_xliff_files(const Workspace& workspace, const std::vector<std::string>& files,
                                             const XliffImportOptions& options) {
  XliffImportReport report;
  std::vector<Checked> checked;
  for (const auto& name : files) {
    auto file = check_file(workspace, name, options, report.problems);
    if (!file) return file.error();
    if (*file) checked.push_back(std::move(**file));
  }
  check_distinct(checked, report.problems);
  for (const auto& file : checked) report.files.push_back(file.report);
  if (!report.problems.empty() || report.refused() || options.dry_run) return report;
  if (auto written = write_memory(checked, workspace.config.source_lang, options); !written) return written.error();
  if (auto written = write_editions(workspace, checked); !written) return written.error();
  report.files.clear();
  for (const auto& file : checked) report.files.push_back(file.report);
  return report;
}

}  // namespace edsync::workflow
