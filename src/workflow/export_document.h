// One article's export as an XLIFF document: what is known of each segment
// (its English with codes, the memory's matches, a stale article's current
// translation) turned into units. Private to the workflow module; pure, so
// the tests build documents without a workspace.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "edsync/markdown.h"
#include "edsync/workflow.h"
#include "edsync/xliff.h"
#include "edsync/xliff_export.h"

namespace edsync::workflow {

struct UnitPlan {
  WorkSegment segment;                      // id, English, paragraph, place, work, words
  std::vector<markdown::Part> content;      // the English with its inline codes
  bool unchanged = false;                   // stale: this English has not changed since the translation
  std::optional<std::string> current;       // unchanged: the translation of this English, when found
  std::optional<std::string> old_translation;  // changed: the translation made from the old English
  std::vector<tm::Match> matches;           // the memory's, best first
};

struct DocumentPlan {
  std::string article_id;
  std::string lang;
  std::string source_lang = "en";
  std::string english_path;
  std::string english_revision;
  std::optional<std::string> translation_revision;  // stale: what the translation was made from
  std::string title;
  std::string date;  // "" when the article has none
  std::string note;  // ArticleWork::note
  std::vector<std::string> removed;  // stale: the English segments gone, each a note
  std::vector<UnitPlan> units;       // every current segment, title first
};

struct BuildFlags {
  XliffVersion version = XliffVersion::v1_2;
  bool copy_source = false;
  bool fill_fuzzy = false;
  bool unlock = false;
  int threshold = 50;           // fuzzy matches under it are not candidates
  std::size_t max_candidates = 3;
};

// The document, and its counts in `counts` (units, pretranslated, fuzzy,
// locked, words).
xliff::Document build_document(const DocumentPlan& plan, const BuildFlags& flags, ExportedFile& counts);

// A translation in plain text as target content for an English segment with
// codes: the opening codes before the text, their closings after it (in
// reverse, so pairs nest), standalone codes last. Every code is kept, so the
// import can rebuild the Markdown; the translator moves them into place.
std::vector<markdown::Part> with_english_codes(const std::string& text, const std::vector<markdown::Part>& english);

}  // namespace edsync::workflow
