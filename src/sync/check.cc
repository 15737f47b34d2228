#include <fnmatch.h>

#include <algorithm>

#include "edsync/file_io.h"
#include "edsync/history.h"
#include "edsync/sync.h"

namespace edsync {

namespace {

bool matches_any(const std::string& id, const std::vector<std::string>& patterns) {
  if (patterns.empty()) return true;
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& pattern) { return fnmatch(pattern.c_str(), id.c_str(), 0) == 0; });
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

struct Policy {
  bool required = true;
  std::optional<Date> since;
  int grace_days = 0;
  Date today;
};

// Does the edition's policy require this English article at all?
bool required(const Article& english, const Policy& policy) {
  return policy.required && !(policy.since && english.date && *english.date < *policy.since);
}

// An untranslated English article: missing, pending or skipped.
Finding untranslated(const Article& english, const Policy& policy) {
  Finding finding{.lang = "", .id = english.id, .path = english.path};
  if (!policy.required) {
    finding.status = SyncStatus::skipped;
    finding.detail = "not translated; the edition is not required";
  } else if (!required(english, policy)) {
    finding.status = SyncStatus::skipped;
    finding.detail = "not translated; dated " + english.date->to_string() + ", before the edition starts on " + policy.since->to_string();
  } else if (english.date && english.date->days_since_epoch() + policy.grace_days > policy.today.days_since_epoch()) {
    const long due = english.date->days_since_epoch() + policy.grace_days - policy.today.days_since_epoch();
    finding.status = SyncStatus::pending;
    finding.detail = "not translated yet; due in " + std::to_string(due) + (due == 1 ? " day" : " days");
  } else {
    finding.status = SyncStatus::missing;
    finding.detail = english.date ? "no translation of the English article of " + english.date->to_string()
                                  : "no translation (the English article has no date)";
  }
  return finding;
}

Finding compare(const Article& english, const Article& translation) {
  Finding finding{.lang = translation.lang, .id = english.id, .path = translation.path};
  finding.current_revision = english.revision;
  if (!translation.source_revision) {
    finding.status = SyncStatus::untracked;
    finding.line = 1;
    finding.detail = "records no English revision; run 'edsync mark-synced " + translation.lang + " " + english.id + "' once it matches the English";
  } else if (*translation.source_revision != english.revision) {
    finding.status = SyncStatus::stale;
    finding.line = translation.source_revision_line;
    finding.recorded_revision = translation.source_revision;
    finding.detail = "the English changed since this translation (made from " + *translation.source_revision + ", now " + english.revision + ")";
  } else {
    finding.status = SyncStatus::ok;
    finding.detail = "up to date";
  }
  return finding;
}

Finding invalid(const InvalidFile& file) {
  return {.lang = file.lang, .id = file.id, .status = SyncStatus::invalid, .path = file.diagnostic.file,
          .line = file.diagnostic.line, .column = file.diagnostic.column, .detail = file.diagnostic.message};
}

const std::map<std::string, Article>& articles_of(const Workspace& workspace, const std::string& lang) {
  static const std::map<std::string, Article> kNone;
  const auto it = workspace.articles.find(lang);
  return it == workspace.articles.end() ? kNone : it->second;
}

bool is_invalid(const Workspace& workspace, const std::string& lang, const std::string& id) {
  return std::any_of(workspace.invalid_files.begin(), workspace.invalid_files.end(),
                     [&](const InvalidFile& file) { return file.lang == lang && file.id == id; });
}

bool is_up_to_date(const Article& english, const Article& translation) {
  return translation.source_revision && *translation.source_revision == english.revision;
}

EditionReport check_edition(const Workspace& workspace, const std::string& lang, const Policy& policy,
                            const CheckOptions& options, bool list_ok) {
  EditionReport report{.lang = lang};
  const auto& english = articles_of(workspace, workspace.config.source_lang);
  const auto& translations = articles_of(workspace, lang);
  report.findings.reserve(english.size());
  // Both maps are in id order: walked side by side, not searched.
  auto next_translation = translations.begin();
  for (const auto& [id, article] : english) {
    if (!matches_any(id, options.article_patterns)) continue;
    while (next_translation != translations.end() && next_translation->first < id) ++next_translation;
    const auto translation = next_translation != translations.end() && next_translation->first == id ? next_translation : translations.end();
    if (translation == translations.end() && is_invalid(workspace, lang, id)) {
      if (required(article, policy)) ++report.required;
      continue;  // the invalid finding below speaks for it
    }
    if (!list_ok && translation != translations.end() && is_up_to_date(article, translation->second)) {
      if (required(article, policy)) ++report.required;
      ++report.counts[SyncStatus::ok];  // what most of a large archive is: counted without a Finding
      continue;
    }
    Finding finding = translation == translations.end() ? untranslated(article, policy)
                                                        : compare(article, translation->second);
    finding.lang = lang;
    if (required(article, policy)) ++report.required;
    report.findings.push_back(std::move(finding));
  }
  const auto orphans_start = static_cast<std::ptrdiff_t>(report.findings.size());
  auto next_english = english.begin();
  for (const auto& [id, translation] : translations) {
    while (next_english != english.end() && next_english->first < id) ++next_english;
    const bool has_english = next_english != english.end() && next_english->first == id;
    if (has_english || is_invalid(workspace, workspace.config.source_lang, id) || !matches_any(id, options.article_patterns)) continue;
    report.findings.push_back({.lang = lang, .id = id, .status = SyncStatus::orphan, .path = translation.path, .line = 1,
                               .detail = "no English article '" + id + "' (" + workspace.config.editions_dir + "/" + workspace.config.source_lang + "/" + id + ".md); delete the translation or restore the article"});
  }
  const auto invalid_start = static_cast<std::ptrdiff_t>(report.findings.size());
  for (const auto& file : workspace.invalid_files)
    if (file.lang == lang && matches_any(file.id, options.article_patterns)) report.findings.push_back(invalid(file));
  // Three runs, the first two in id order already: merging them moves each finding once or twice.
  const auto by_id = [](const Finding& a, const Finding& b) { return a.id < b.id; };
  auto& all = report.findings;
  std::stable_sort(all.begin() + invalid_start, all.end(), by_id);
  std::inplace_merge(all.begin(), all.begin() + orphans_start, all.begin() + invalid_start, by_id);
  std::inplace_merge(all.begin(), all.begin() + invalid_start, all.end(), by_id);
  return report;
}

std::string count_of(std::size_t n, const char* what) { return std::to_string(n) + " " + what; }

std::string describe_changes(const std::vector<SentenceChange>& changes) {
  std::size_t changed = 0, added = 0, removed = 0;
  for (const auto& change : changes) {
    changed += change.kind == SentenceChange::Kind::changed;
    added += change.kind == SentenceChange::Kind::added;
    removed += change.kind == SentenceChange::Kind::removed;
  }
  // "1 sentence changed, 2 added": the noun goes with the first count.
  std::string text;
  const auto part = [&](std::size_t n, const char* what) {
    if (n == 0) return;
    const char* noun = n == 1 ? " sentence " : " sentences ";
    text += text.empty() ? std::to_string(n) + noun + what : ", " + count_of(n, what);
  };
  part(changed, "changed");
  part(added, "added");
  part(removed, "removed");
  return text.empty() ? "only its layout changed" : text;
}

constexpr std::string_view kShallowClone =
    "the earlier English is not in this shallow clone; fetch the whole history to see what changed: "
    "fetch-depth: 0 for actions/checkout in GitHub Actions, GIT_DEPTH: 0 in GitLab CI, or git fetch --unshallow";

std::vector<std::string> sentences_of_article(const Article& article) {
  return sentences_of(article.title + "\n\n" + article.body, article.lang);
}

// The English article as it is now, body included (loading keeps no bodies).
std::optional<Article> current_english(const Workspace& workspace, const Article& english) {
  if (!english.body.empty()) return english;
  auto current = reload_article(workspace, english);
  if (!current || current->revision != english.revision) return std::nullopt;
  return std::move(*current);
}

// Names the sentences that changed in each stale finding, from the English
// text its translation was made from. The history of every stale article is
// read in one walk; each English text is cut into sentences once, whichever
// editions point at it.
class StaleExplainer {
 public:
  StaleExplainer(const Workspace& workspace, const std::vector<Finding*>& stale, const History* history,
                 const WorkProgress& on_progress)
      : workspace_(workspace) {
    std::vector<EarlierRevision> wanted;
    for (const Finding* finding : stale)
      if (const Article* english = english_of(*finding)) wanted.push_back({english, *finding->recorded_revision});
    earlier_ = history ? english_at_revisions(workspace, *history, wanted, 100, on_progress)
                       : english_at_revisions(workspace, wanted, 100, on_progress);
  }

  void explain(Finding& finding) {
    const Article* english = english_of(finding);
    if (!english) return;
    const std::string revisions = "made from " + *finding.recorded_revision + ", now " + english->revision;
    const auto earlier = earlier_.find({english->id, *finding.recorded_revision});
    const auto* now = earlier == earlier_.end() ? nullptr : sentences_now(*english);
    if (!now) {
      finding.detail = "the English changed since this translation (" + revisions + "; " + std::string(unexplained()) + ")";
      return;
    }
    finding.changes = compare_sentences(sentences_of_article(earlier->second), *now);
    finding.detail = "the English changed since this translation: " + describe_changes(finding.changes) + " (" + revisions + ")";
  }

 private:
  const Article* english_of(const Finding& finding) const {
    if (!finding.recorded_revision) return nullptr;
    return workspace_.find(workspace_.config.source_lang, finding.id);
  }

  // Why git could not say: a shallow clone is asked about once per check.
  std::string_view unexplained() {
    if (!shallow_) shallow_ = in_shallow_clone(workspace_);
    return *shallow_ ? kShallowClone : "the earlier English is not in git history";
  }

  const std::vector<std::string>* sentences_now(const Article& english) {
    auto [it, added] = now_.try_emplace(english.id);
    if (added) {
      if (const auto article = current_english(workspace_, english)) it->second = sentences_of_article(*article);
    }
    return it->second ? &*it->second : nullptr;
  }

  const Workspace& workspace_;
  EarlierArticles earlier_;
  std::map<std::string, std::optional<std::vector<std::string>>> now_;
  std::optional<bool> shallow_;
};

// A pattern that matches nothing is a typo, not a workspace in step.
bool any_article_matches(const Workspace& workspace, const std::vector<std::string>& patterns) {
  for (const auto& [lang, articles] : workspace.articles)
    for (const auto& [id, article] : articles)
      if (matches_any(id, patterns)) return true;
  return std::any_of(workspace.invalid_files.begin(), workspace.invalid_files.end(), [&](const InvalidFile& file) {
    return !file.id.empty() && matches_any(file.id, patterns);
  });
}

// A misspelt edition must not silently drop out of a filter or a requirement.
Status check_editions_known(const WorkspaceConfig& config, const std::vector<std::string>& langs, std::string_view where) {
  for (const auto& lang : langs) {
    if (config.edition(lang)) continue;
    std::string list;
    for (const auto& edition : config.editions) list += (list.empty() ? "" : ", ") + edition.lang;
    return usage_error("unknown edition '" + lang + "'" + std::string(where) + "; the workspace has " + list);
  }
  return success();
}

}  // namespace

std::string exact_pattern(const std::string& id) {
  std::string pattern;
  for (const char c : id) {
    if (c == '*' || c == '?' || c == '[' || c == '\\') pattern += '\\';
    pattern += c;
  }
  return pattern;
}

LoadScope check_scope(const CheckOptions& options) {
  LoadScope scope{.langs = options.langs};
  if (!options.article_patterns.empty())
    scope.keeps_id = [patterns = options.article_patterns](std::string_view id) {
      return matches_any(std::string(id), patterns);
    };
  return scope;
}

Result<CheckReport> run_check(const Workspace& workspace, const CheckOptions& options) {
  const WorkspaceConfig& config = workspace.config;
  if (const Status known = check_editions_known(config, options.langs, ""); !known) return known.error();
  if (options.required_editions) {
    if (const Status known = check_editions_known(config, *options.required_editions, " in the required editions"); !known)
      return known.error();
  }
  if (!options.article_patterns.empty() && !any_article_matches(workspace, options.article_patterns)) {
    std::string patterns;
    for (const auto& pattern : options.article_patterns) patterns += (patterns.empty() ? "'" : ", '") + pattern + "'";
    std::string where = "any edition";
    if (!options.langs.empty()) {
      where = config.source_lang;
      for (const auto& lang : options.langs) where += (lang == options.langs.back() ? " or " : ", ") + lang;
    }
    return usage_error("no article id matches " + patterns + " in " + where +
                       "; an id is the file name without .md, or the id: of its front matter");
  }
  const std::vector<SyncStatus> fail_on = options.fail_on.value_or(config.check.fail_on);
  const auto fails = [&](SyncStatus status) { return std::find(fail_on.begin(), fail_on.end(), status) != fail_on.end(); };

  CheckReport report;
  report.source_lang = config.source_lang;
  for (const auto& [id, article] : articles_of(workspace, config.source_lang))
    report.source_articles += matches_any(id, options.article_patterns) ? 1 : 0;
  for (const auto& file : workspace.invalid_files)
    if ((file.lang.empty() || file.lang == config.source_lang) && (file.id.empty() || matches_any(file.id, options.article_patterns)))
      report.source_problems.push_back(invalid(file));

  for (const auto& edition : config.editions) {
    if (!options.langs.empty() && !contains(options.langs, edition.lang)) continue;
    Policy policy{edition.required, edition.since, options.grace_days.value_or(config.check.grace_days), options.today};
    if (options.required_editions) policy.required = contains(*options.required_editions, edition.lang);
    report.editions.push_back(check_edition(workspace, edition.lang, policy, options, options.list_ok || fails(SyncStatus::ok)));
    if (const auto unlisted = report.editions.back().counts.find(SyncStatus::ok); unlisted != report.editions.back().counts.end())
      report.counts[SyncStatus::ok] += unlisted->second;
  }
  const auto tally = [&](Finding& finding, std::map<SyncStatus, int>& counts) {
    finding.fails = fails(finding.status);
    report.failed = report.failed || finding.fails;
    ++counts[finding.status];
    ++report.counts[finding.status];
  };
  std::map<SyncStatus, int> source_counts;
  for (auto& finding : report.source_problems) tally(finding, source_counts);
  std::vector<Finding*> stale;
  for (auto& edition : report.editions)
    for (auto& finding : edition.findings) {
      tally(finding, edition.counts);
      if (finding.status == SyncStatus::stale) stale.push_back(&finding);
    }
  if (options.explain_stale && !stale.empty()) {
    StaleExplainer explainer(workspace, stale, options.history, options.on_progress);
    for (std::size_t i = 0; i < stale.size(); ++i) {
      explainer.explain(*stale[i]);
      if (options.on_progress) options.on_progress("comparing sentences", i + 1, stale.size());
    }
  }
  return report;
}

}  // namespace edsync
