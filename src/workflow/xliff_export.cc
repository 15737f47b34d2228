// export_xliff: todo's work for one edition, a document per article, each
// written atomically as <id>.<lang>.xlf.
#include "edsync/xliff_export.h"

#include <algorithm>
#include <map>
#include <set>
#include <system_error>

#include "article_segments.h"
#include "edsync/align.h"
#include "edsync/file_io.h"
#include "edsync/sync.h"
#include "edsync/text.h"
#include "edsync/workflow.h"
#include "export_document.h"
#include "xliff_content.h"

namespace edsync::workflow {

namespace {

namespace fs = std::filesystem;

// A stale translation's sentences: old English segment id -> its
// translation, and the old English segments.
struct Translations {
  std::map<std::string, std::string> by_id;
  std::vector<WorkSegment> old;
};

// The memory asked once per distinct English of the export.
class Lookups {
 public:
  Lookups(tm::Memory& memory, const std::string& lang, int threshold) : memory_(memory) {
    options_.target_lang = lang;
    options_.threshold = threshold;
  }
  // The sentences not asked yet, in one read of the memory.
  Status prepare(const std::vector<WorkSegment>& segments) {
    std::vector<std::string> queries;
    for (const auto& segment : segments)
      if (!cache_.contains(segment.english)) queries.push_back(segment.english);
    auto matches = memory_.lookup_all(queries, options_);
    if (!matches) return matches.error();
    for (std::size_t i = 0; i < queries.size(); ++i) cache_.emplace(queries[i], std::move((*matches)[i]));
    return success();
  }
  const std::vector<tm::Match>& of(const std::string& english) const { return cache_.at(english); }

 private:
  tm::Memory& memory_;
  tm::LookupOptions options_;
  std::map<std::string, std::vector<tm::Match>> cache_;
};

// An id names a file under the output folder: it must stay there.
bool safe_id(const std::string& id) {
  if (id.empty() || id.front() == '/' || id.find('\\') != std::string::npos) return false;
  for (const auto& part : fs::path(id)) {
    if (part == ".." || part == ".") return false;
  }
  return true;
}

Status check_ids(const Workspace& workspace, const std::vector<std::string>& ids) {
  for (const auto& id : ids)
    if (!safe_id(id) || !workspace.find(workspace.config.source_lang, id))
      return usage_error("'" + id + "' is not an English article of the workspace");
  return success();
}

Result<std::vector<const ArticleWork*>> chosen_articles(const EditionWork& edition, const std::vector<std::string>& ids) {
  std::vector<const ArticleWork*> chosen;
  if (ids.empty()) {
    for (const auto& article : edition.articles) chosen.push_back(&article);
    return chosen;
  }
  for (const auto& id : ids) {
    const auto found = std::find_if(edition.articles.begin(), edition.articles.end(),
                                    [&id](const ArticleWork& article) { return article.id == id; });
    if (found != edition.articles.end()) {
      if (std::find(chosen.begin(), chosen.end(), &*found) == chosen.end()) chosen.push_back(&*found);
      continue;
    }
    return usage_error("'" + id + "' has nothing to translate for " + edition.lang +
                       ": its translation is in step, or records no English revision (see edsync check)");
  }
  return chosen;
}

// The translation of each English sentence a stale translation was made
// from, by the old English segment's id: the memory's pair aligned from
// this very article, edition and revision, else the aligner run again on
// the translation against that English.
class CurrentTranslations {
 public:
  CurrentTranslations(const Workspace& workspace, tm::Memory& memory, const std::string& lang)
      : workspace_(workspace), memory_(memory), lang_(lang) {}

  // Empty when git history does not have the English it was made from.
  Result<Translations> of(const ArticleWork& work) {
    Translations result{{}, work.earlier};
    if (result.old.empty()) return result;
    const Status from_memory = aligned_pairs(work, result.old, result.by_id);
    if (!from_memory) return from_memory.error();
    if (result.by_id.size() < result.old.size()) realign(work, result.old, result.by_id);
    return result;
  }

 private:
  Status aligned_pairs(const ArticleWork& work, const std::vector<WorkSegment>& old, std::map<std::string, std::string>& found) {
    tm::LookupOptions options;
    options.target_lang = lang_;
    options.threshold = 100;
    for (const auto& segment : old) {
      const auto matches = memory_.lookup(segment.english, options);
      if (!matches) return matches.error();
      for (const auto& match : *matches)
        if (match.kind == tm::MatchKind::exact && match.provenance.article_id == work.id &&
            match.provenance.article_revision == *work.recorded_revision && match.context.edition == lang_) {
          found.emplace(segment.id, match.target);
          break;
        }
    }
    return success();
  }

  static AlignText align_text(const std::vector<WorkSegment>& segments, const std::string& name) {
    AlignText text{name, {}, {}, {}};
    for (const auto& segment : segments) {
      text.sentences.push_back(segment.english);
      text.paragraph_of.push_back(segment.paragraph);
      text.line_of.push_back(0);
    }
    return text;
  }

  // A bead of one English sentence gives it the bead's translation; the
  // others are left to the translator.
  void realign(const ArticleWork& work, const std::vector<WorkSegment>& old, std::map<std::string, std::string>& found) {
    const Article* loaded = workspace_.find(lang_, work.id);
    if (!loaded) return;
    const auto translation = reload_article(workspace_, *loaded);
    if (!translation) return;
    const auto translated = cut_article(*translation).segments;
    AlignOptions options{workspace_.config.source_lang, lang_, {}, {}};
    const auto beads = align_texts(align_text(old, "english"), align_text(translated, work.translation_path), options);
    if (!beads) return;
    for (const auto& bead : *beads) {
      if (bead.source.size() != 1 || bead.target.empty()) continue;
      std::string text;
      for (const auto t : bead.target) text += (text.empty() ? "" : " ") + translated[t].english;
      found.emplace(old[bead.source.front()].id, text);
    }
  }

  const Workspace& workspace_;
  tm::Memory& memory_;
  std::string lang_;
};

std::string old_translation_of(const WorkSegment& segment, const std::vector<WorkSegment>& old,
                               const std::map<std::string, std::string>& translations) {
  for (const auto& before : old)
    if (before.english == segment.old_english)
      if (const auto found = translations.find(before.id); found != translations.end()) return found->second;
  return "";
}

struct ExportContext {
  const Workspace& workspace;
  const ExportOptions& options;
  Lookups& lookups;
  CurrentTranslations& current;
};

Result<DocumentPlan> plan_of(const ArticleWork& work, ExportContext& context) {
  DocumentPlan plan{work.id, context.options.lang, context.workspace.config.source_lang, work.english.path,
                    work.english.revision, work.recorded_revision, work.english.title,
                    work.english.date ? work.english.date->to_string() : "", work.note, {}, {}};
  const ArticleCut cut = work.markdown ? cut_markdown(*work.markdown) : cut_article(work.english);
  const auto markdown_segments = cut.markdown.segments();
  if (const Status asked = context.lookups.prepare(cut.segments); !asked) return asked.error();
  std::map<std::string, const WorkSegment*> listed;
  for (const auto& segment : work.segments) {
    if (segment.work == SegmentWork::removed) plan.removed.push_back(segment.english);
    else listed.emplace(segment.id, &segment);
  }
  const bool stale = work.status == SyncStatus::stale && work.note.empty();
  auto translations = stale ? context.current.of(work) : Result<Translations>(Translations{});
  if (!translations) return translations.error();
  const auto& by_id = translations->by_id;
  const auto& old = translations->old;
  for (std::size_t i = 0; i < cut.segments.size(); ++i) {
    UnitPlan unit{cut.segments[i], markdown_segments[i]->content, false, std::nullopt, std::nullopt, {}};
    const auto in_work = listed.find(unit.segment.id);
    if (in_work != listed.end()) unit.segment = *in_work->second;
    unit.segment.place = {work.id, context.options.lang, unit.segment.paragraph, unit.segment.place.before, unit.segment.place.after};
    unit.unchanged = stale && in_work == listed.end();
    if (unit.unchanged)
      if (const auto found = by_id.find(unit.segment.id); found != by_id.end()) unit.current = found->second;
    if (unit.segment.work == SegmentWork::changed) {
      const std::string before = old_translation_of(unit.segment, old, by_id);
      if (!before.empty()) unit.old_translation = before;
    }
    unit.matches = context.lookups.of(unit.segment.english);
    plan.units.push_back(std::move(unit));
  }
  return plan;
}

// The output folder: made when absent, refused when it is a file.
Result<fs::path> output_folder(const Workspace& workspace, const ExportOptions& options, std::string& shown) {
  fs::path folder = options.output_dir;
  shown = folder.generic_string();
  if (folder.empty()) {
    shown = ".edsync/xliff/" + options.lang;
    folder = workspace.root / shown;
  }
  std::error_code error;
  if (fs::exists(folder, error) && !fs::is_directory(folder, error))
    return usage_error(shown + ": is not a folder; give -o a folder for the XLIFF files");
  fs::create_directories(folder, error);
  if (error) return io_error(shown + ": cannot create the folder: " + error.message());
  return folder;
}

Status write_document(const xliff::Document& document, const fs::path& path) {
  auto text = xliff::write(document, document.version);
  if (!text) return text.error();
  std::error_code error;
  fs::create_directories(path.parent_path(), error);
  if (error) return io_error(path.string() + ": cannot create the folder: " + error.message());
  return write_file_atomically(path, *text);
}

std::string shown_path(const std::string& folder, const std::string& name) {
  if (folder.empty() || folder == ".") return name;
  return folder.back() == '/' ? folder + name : folder + "/" + name;
}

TodoOptions export_todo(const ExportOptions& options) {
  TodoOptions todo;
  todo.langs = {options.lang};
  todo.today = options.today;
  todo.include_skipped = !options.article_ids.empty();
  for (const auto& id : options.article_ids) todo.article_patterns.push_back(exact_pattern(id));
  todo.keep_markdown = true;  // each article cut once, by list_work
  return todo;
}

}  // namespace

LoadScope export_scope(const ExportOptions& options) { return todo_scope(export_todo(options)); }

Result<ExportReport> export_xliff(const Workspace& workspace, tm::Memory& memory, const ExportOptions& options) {
  if (const Status known = check_ids(workspace, options.article_ids); !known) return known.error();
  const auto work = list_work(workspace, memory, export_todo(options));
  if (!work) return work.error();
  const EditionWork& edition = work->editions.front();
  const auto articles = chosen_articles(edition, options.article_ids);
  if (!articles) return articles.error();
  ExportReport report{options.lang, "", {}};
  const auto folder = output_folder(workspace, options, report.output_dir);
  if (!folder) return folder.error();
  const int threshold = work->bands.back();
  Lookups lookups(memory, options.lang, threshold);
  CurrentTranslations current(workspace, memory, options.lang);
  ExportContext context{workspace, options, lookups, current};
  const BuildFlags flags{options.version, options.copy_source, options.fill_fuzzy, options.unlock, threshold, 3};
  for (const ArticleWork* article : *articles) {
    if (options.on_progress) options.on_progress(report.files.size(), articles->size());
    if (article->segments.empty() && !article->note.empty()) continue;  // the English could not be read
    const auto plan = plan_of(*article, context);
    if (!plan) return plan.error();
    const std::string name = exported_file_name(article->id, options.lang);
    ExportedFile counts{shown_path(report.output_dir, name), article->id, std::string(to_string(article->status))};
    const auto document = build_document(*plan, flags, counts);
    if (const Status written = write_document(document, *folder / name); !written) return written.error();
    report.files.push_back(std::move(counts));
  }
  return report;
}

}  // namespace edsync::workflow
