// list_work: the check says which articles are work, each English text is
// cut once, the memory is asked once per distinct sentence and edition.
#include <filesystem>
#include <map>
#include <unordered_set>

#include "article_segments.h"
#include "edsync/history.h"
#include "edsync/sync.h"

namespace edsync::workflow {

namespace {

bool is_work(const Finding& finding, const TodoOptions& options) {
  return finding.status == SyncStatus::missing || finding.status == SyncStatus::pending ||
         (finding.status == SyncStatus::stale && finding.recorded_revision) ||
         (options.include_skipped && finding.status == SyncStatus::skipped);
}

struct CutText {
  Article article;
  std::vector<WorkSegment> segments;
  std::shared_ptr<const markdown::Article> markdown;  // when the caller keeps it
};

// Each English text cut once, whichever editions need it: the current
// articles, and the earlier revisions stale translations were made from
// (read from git history in one walk for all of them).
class EnglishTexts {
 public:
  EnglishTexts(const Workspace& workspace, const std::vector<const Finding*>& work, bool keep_markdown)
      : workspace_(workspace), keep_markdown_(keep_markdown) {
    std::vector<EarlierRevision> wanted;
    for (const Finding* finding : work)
      if (finding->status == SyncStatus::stale)
        if (const Article* english = english_of(finding->id)) wanted.push_back({english, *finding->recorded_revision});
    if (!wanted.empty()) earlier_ = english_at_revisions(workspace, wanted);
  }

  const Article* english_of(const std::string& id) const { return workspace_.find(workspace_.config.source_lang, id); }

  // The current English, or an error saying why it cannot be read.
  Result<const CutText*> now(const Article& english) {
    auto it = now_.find(english.id);
    if (it == now_.end()) {
      auto read = reload_article(workspace_, english);
      it = now_.emplace(english.id, read ? cut(std::move(*read), keep_markdown_) : Result<CutText>(read.error())).first;
    }
    if (!it->second) return it->second.error();
    return &*it->second;
  }

  // The English a stale translation was made from; null when git has it not.
  const CutText* earlier(const std::string& id, const std::string& revision) {
    const auto key = std::pair{id, revision};
    auto [it, added] = cut_earlier_.try_emplace(key);
    if (added) {
      if (const auto found = earlier_.find(key); found != earlier_.end())
        if (auto text = cut(found->second, false)) it->second = std::move(*text);
    }
    return it->second ? &*it->second : nullptr;
  }

 private:
  static Result<CutText> cut(Article article, bool keep_markdown) {
    ArticleCut cut = cut_article(article);
    CutText text{std::move(article), std::move(cut.segments), {}};
    if (keep_markdown) text.markdown = std::make_shared<const markdown::Article>(std::move(cut.markdown));
    return text;
  }

  const Workspace& workspace_;
  bool keep_markdown_;
  EarlierArticles earlier_;
  std::map<std::string, Result<CutText>> now_;
  std::map<std::pair<std::string, std::string>, std::optional<CutText>> cut_earlier_;
};

std::string translation_path(const Workspace& workspace, const Finding& finding) {
  if (finding.status == SyncStatus::stale) return finding.path;
  return (std::filesystem::path(workspace.config.editions_dir) / finding.lang / (finding.id + ".md")).generic_string();
}

void place_segments(ArticleWork& work, const std::string& lang) {
  for (auto& segment : work.segments) {
    segment.place.article_id = work.id;
    segment.place.edition = lang;
    segment.place.paragraph = segment.paragraph;
  }
}

// The article's segments: all of them, or a stale one's changes.
ArticleWork article_work(const Finding& finding, const Workspace& workspace, EnglishTexts& texts) {
  ArticleWork work{finding.id, finding.status};
  work.translation_path = translation_path(workspace, finding);
  work.recorded_revision = finding.recorded_revision;
  const Article* english = texts.english_of(finding.id);
  if (!english) return work;
  const auto now = texts.now(*english);
  if (!now) {
    work.english = *english;
    work.note = now.error().message;
    return work;
  }
  work.english = (*now)->article;
  work.segments = (*now)->segments;
  work.markdown = (*now)->markdown;
  if (finding.status == SyncStatus::stale) {
    if (const CutText* before = texts.earlier(finding.id, *finding.recorded_revision)) {
      work.segments = changed_segments(before->segments, (*now)->segments);
      work.earlier = before->segments;
    } else
      work.note = "the English revision " + *finding.recorded_revision + " this translation was made from is not in git history: every segment is listed";
  }
  place_segments(work, finding.lang);
  return work;
}

// The first segment of the edition's work with an English carries its
// match; later ones are repetitions. One lookup per distinct English.
class EditionMatcher {
 public:
  EditionMatcher(tm::Memory& memory, const std::string& lang, int threshold) : memory_(memory), threshold_(threshold) {
    lookup_.target_lang = lang;
    lookup_.threshold = threshold;
  }

  // The article's new sentences looked up together: one read of the memory.
  Status match(ArticleWork& article) {
    std::vector<WorkSegment*> first;
    std::vector<std::string> queries;
    for (auto& segment : article.segments) {
      if (segment.work == SegmentWork::removed) continue;
      if (!seen_.insert(segment.english).second) {
        segment.repetition = true;
        continue;
      }
      first.push_back(&segment);
      queries.push_back(segment.english);
    }
    const auto matches = memory_.lookup_all(queries, lookup_);
    if (!matches) return matches.error();
    for (std::size_t i = 0; i < first.size(); ++i)
      first[i]->match = choose_match((*matches)[i], first[i]->place, threshold_);
    return success();
  }

 private:
  tm::Memory& memory_;
  int threshold_;
  tm::LookupOptions lookup_;
  std::unordered_set<std::string> seen_;
};

Analysis edition_analysis(const EditionWork& edition, const std::vector<int>& bands) {
  std::vector<const WorkSegment*> segments;
  for (const auto& article : edition.articles)
    for (const auto& segment : article.segments) segments.push_back(&segment);
  return analyse(segments, bands);
}

CheckOptions todo_check(const TodoOptions& options) {
  CheckOptions check;
  check.langs = options.langs;
  check.article_patterns = options.article_patterns;
  check.today = options.today;
  check.explain_stale = false;  // the history is read here, once, with the sentences' places
  return check;
}

}  // namespace

LoadScope todo_scope(const TodoOptions& options) { return check_scope(todo_check(options)); }

Result<TodoReport> list_work(const Workspace& workspace, tm::Memory& memory, const TodoOptions& options) {
  const auto report = run_check(workspace, todo_check(options));
  if (!report) return report.error();
  std::vector<const Finding*> work;
  for (const auto& edition : report->editions)
    for (const auto& finding : edition.findings)
      if (is_work(finding, options)) work.push_back(&finding);
  EnglishTexts texts(workspace, work, options.keep_markdown);
  TodoReport todo{{}, workspace.config.todo.bands};
  std::size_t done = 0;
  for (const auto& edition : report->editions) {
    EditionWork& listed = todo.editions.emplace_back(EditionWork{edition.lang});
    EditionMatcher matcher(memory, edition.lang, todo.bands.back());
    for (const auto& finding : edition.findings) {
      if (!is_work(finding, options)) continue;
      if (options.on_progress) options.on_progress(done++, work.size());
      listed.articles.push_back(article_work(finding, workspace, texts));
      if (const Status matched = matcher.match(listed.articles.back()); !matched) return matched.error();
    }
    listed.analysis = edition_analysis(listed, todo.bands);
  }
  return todo;
}

}  // namespace edsync::workflow
